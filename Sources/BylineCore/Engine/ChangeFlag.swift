import Foundation

/// A flag one thread sets and another takes, for "the store changed" notices.
final class ChangeFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false

  /// Raises the flag.
  func set() {
    lock.lock()
    raised = true
    lock.unlock()
  }

  /// Whether the flag was raised since the last call; lowers it.
  func take() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    let was = raised
    raised = false
    return was
  }
}
