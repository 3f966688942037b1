import Foundation

/// Polls a PostgreSQL store's change counter (`corpus_stat.generation`, bumped by every commit of
/// a writer) once a second on a thread of its own, and tells its handlers when it moved: a
/// session then drops what it derived from the store. Polling, rather than LISTEN/NOTIFY, works
/// on a streaming replica too, which relays no notifications.
final class PostgresChangeWatcher: @unchecked Sendable {
  private let connector: PostgresConnector
  private let lock = NSLock()
  private var handlers: [@Sendable (Int64) -> Void] = []
  private var started = false
  /// How long the thread sleeps between two looks.
  static let interval: TimeInterval = 1

  init(connector: PostgresConnector) {
    self.connector = connector
  }

  /// Adds a handler, starting the thread on the first.
  func add(_ handler: @escaping @Sendable (Int64) -> Void) {
    lock.lock()
    handlers.append(handler)
    let start = !started
    started = true
    lock.unlock()
    guard start else { return }
    let thread = Thread { [weak self] in
      var last: Int64?
      while let self {
        let now = try? self.connector.withConnection { link in
          try link.query("SELECT generation FROM corpus_stat").first?.decode(Int64.self)
        }
        if let now = now ?? nil {
          if let seen = last, seen != now { self.notify(now) }
          last = now
        }
        Thread.sleep(forTimeInterval: Self.interval)
      }
    }
    thread.start()
  }

  private func notify(_ generation: Int64) {
    lock.lock()
    let current = handlers
    lock.unlock()
    for handler in current { handler(generation) }
  }
}
