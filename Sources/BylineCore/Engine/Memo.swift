import Foundation

/// A small thread-safe memo: values computed once and looked up again (word stems, the spans
/// of a passage for the question being answered). Emptied when it reaches `limit` entries.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
  private var map: [Key: Value] = [:]
  private let lock = NSLock()
  private let limit: Int

  /// A memo that holds at most `limit` entries.
  init(limit: Int) {
    self.limit = limit
  }

  /// The value stored for `key`, if any.
  func value(for key: Key) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return map[key]
  }

  /// Stores `value` for `key`.
  func store(_ value: Value, for key: Key) {
    lock.lock()
    defer { lock.unlock() }
    if map.count >= limit { map.removeAll(keepingCapacity: true) }
    map[key] = value
  }

  /// Forgets every entry.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    map.removeAll(keepingCapacity: true)
  }
}
