import Foundation

/// What the PostgreSQL store memoises between queries: its passage and token counts and the
/// document counts of terms and phrases, valid for one value of the change counter. The counts
/// are trusted for a second before the counter is read again (a ranking reads it in its own
/// transaction every time).
final class PostgresStatsCache: @unchecked Sendable {
  /// `corpus_stat`'s row.
  struct Stats: Sendable {
    var passages: Int
    var tokens: Int
    var generation: Int64
  }

  private let lock = NSLock()
  private var stats: Stats?
  private var readAt = Date.distantPast
  private var frequencies: [String: Int] = [:]
  private var phrases: [String: Int] = [:]
  private var stems: [Int64: [String]] = [:]
  /// How long counts are trusted without reading the counter again.
  static let freshness: TimeInterval = 1

  /// The counts, if read less than ``freshness`` ago.
  func freshStats() -> Stats? {
    lock.lock()
    defer { lock.unlock() }
    return Date().timeIntervalSince(readAt) < Self.freshness ? stats : nil
  }

  /// Records counts just read; memoised figures of another generation are dropped.
  func update(_ new: Stats) {
    lock.lock()
    if stats?.generation != new.generation {
      frequencies.removeAll()
      phrases.removeAll()
      stems.removeAll()
    }
    stats = new
    readAt = Date()
    lock.unlock()
  }

  /// Forgets everything unless it is of `generation`.
  func invalidate(unless generation: Int64) {
    lock.lock()
    if stats?.generation != generation {
      stats = nil
      readAt = .distantPast
      frequencies.removeAll()
      phrases.removeAll()
      stems.removeAll()
    }
    lock.unlock()
  }

  /// The memoised document counts of `terms`, and the terms not memoised.
  func frequencies(_ terms: [String]) -> ([String: Int], [String]) {
    lock.lock()
    defer { lock.unlock() }
    var out: [String: Int] = [:]
    var missing: [String] = []
    for t in terms {
      if let n = frequencies[t] { out[t] = n } else { missing.append(t) }
    }
    return (out, missing)
  }

  /// Memoises term document counts.
  func store(frequencies new: [String: Int]) {
    lock.lock()
    if frequencies.count > 200_000 { frequencies.removeAll() }
    frequencies.merge(new) { $1 }
    lock.unlock()
  }

  /// The memoised document count of a phrase (its stems joined by spaces).
  func phraseDocuments(_ key: String) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    return phrases[key]
  }

  /// Memoises a phrase's document count.
  func store(phrase key: String, documents: Int) {
    lock.lock()
    if phrases.count > 100_000 { phrases.removeAll() }
    phrases[key] = documents
    lock.unlock()
  }

  /// The stems of a passage's text, made once a passage until the store changes.
  func stems(of rowID: Int64, text: String, make: (String) -> [String]) -> [String] {
    lock.lock()
    if let known = stems[rowID] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let made = make(text)
    lock.lock()
    if stems.count > 50_000 { stems.removeAll() }
    stems[rowID] = made
    lock.unlock()
    return made
  }
}
