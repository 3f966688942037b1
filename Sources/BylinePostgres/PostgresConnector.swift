import BylineCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Connections to one PostgreSQL database for synchronous callers: the ``PassageIndex`` seam is
/// synchronous, postgres-nio is not.
///
/// The connections run on an event loop group of their own (one thread), and a caller blocks on
/// the loop's futures with `wait()`: no task of the cooperative pool is ever waited for, so
/// callers on any thread (16 at once, or a test's async function) cannot starve the loop. Each
/// call takes an idle connection or opens one, and gives it back when done; a connection that
/// failed is closed and dropped.
final class PostgresConnector: @unchecked Sendable {
  /// The database's address.
  let address: PostgresAddress
  private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  private let logger: Logger
  private let lock = NSLock()
  private var idle: [PostgresConnection] = []
  private var opened = 0
  /// Whether a connection was ever made: a connection that fails after that means the server
  /// was lost, not that it cannot be opened.
  private var connected = false
  /// How many idle connections are kept.
  static let idleLimit = 8

  /// Connectors for `address`; nothing is opened until the first call.
  init(address: PostgresAddress) {
    self.address = address
    var logger = Logger(label: "byline.postgres")
    logger.logLevel = .critical
    self.logger = logger
  }

  deinit {
    for connection in idle { Self.close(connection) }
    try? group.syncShutdownGracefully()
  }

  /// Closes `connection` and waits until it is closed (postgres-nio wants a connection closed
  /// before it is released).
  static func close(_ connection: PostgresConnection) {
    let closing: EventLoopFuture<Void> = connection.close()
    try? closing.wait()
  }

  /// Runs `body` with a connection of its own.
  ///
  /// - Throws: a ``StoreError`` for what went wrong (``PostgresFailure`` maps it).
  func withConnection<T>(_ body: (PostgresLink) throws -> T) throws -> T {
    let connection = try checkOut()
    let link = PostgresLink(connection: connection, logger: logger)
    do {
      let result = try body(link)
      checkIn(connection)
      return result
    } catch {
      if connection.isClosed || link.broken {
        Self.close(connection)
      } else {
        checkIn(connection)
      }
      throw PostgresFailure.storeError(error, store: address.display, connecting: false)
    }
  }

  /// Runs `body` in a transaction (read committed unless `isolation` says otherwise), committed
  /// when it returns and rolled back when it throws.
  func transaction<T>(_ isolation: String = "", _ body: (PostgresLink) throws -> T) throws -> T {
    try withConnection { link in
      try link.execute("BEGIN" + (isolation.isEmpty ? "" : " ISOLATION LEVEL " + isolation))
      do {
        let result = try body(link)
        try link.execute("COMMIT")
        return result
      } catch {
        if !link.broken { try? link.execute("ROLLBACK") }
        throw error
      }
    }
  }

  private func checkOut() throws -> PostgresConnection {
    lock.lock()
    while let connection = idle.popLast() {
      if !connection.isClosed {
        lock.unlock()
        return connection
      }
    }
    opened += 1
    let id = opened
    let first = !connected
    lock.unlock()
    do {
      let connection = try PostgresConnection.connect(
        on: group.next(), configuration: address.configuration, id: id, logger: logger
      ).wait()
      lock.lock()
      connected = true
      lock.unlock()
      return connection
    } catch {
      throw PostgresFailure.storeError(error, store: address.display, connecting: first)
    }
  }

  private func checkIn(_ connection: PostgresConnection) {
    lock.lock()
    if idle.count < Self.idleLimit && !connection.isClosed {
      idle.append(connection)
      lock.unlock()
    } else {
      lock.unlock()
      Self.close(connection)
    }
  }
}

/// One connection lent to a caller: runs statements and waits for their rows.
final class PostgresLink {
  private let connection: PostgresConnection
  private let logger: Logger
  /// Set when a statement failed because the connection did (not the statement).
  private(set) var broken = false

  init(connection: PostgresConnection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  /// Runs `sql` with `binds` ($1, $2, …) and returns its rows.
  @discardableResult
  func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
    do {
      return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
    } catch {
      if connection.isClosed || !PostgresFailure.isStatementError(error) { broken = true }
      throw error
    }
  }

  /// Runs `sql` and ignores its rows.
  func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws {
    try query(sql, binds)
  }
}
