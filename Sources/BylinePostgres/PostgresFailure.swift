import BylineCore
import Foundation
import PostgresNIO

/// Reads what postgres-nio threw as a ``StoreError`` with the store's URL (without password):
/// a refused password, user or database is a configuration error (exit 78); a server that
/// cannot be reached, or that went away, an I/O error (exit 74).
enum PostgresFailure {
  /// SQLSTATE classes and codes that mean the connection's settings are wrong.
  private static let configurationStates: Set<String> = [
    "28000", "28P01", "3D000", "42501",
  ]
  /// SQLSTATE codes that mean the server is going away or not accepting connections.
  private static let shutdownStates: Set<String> = ["57P01", "57P02", "57P03", "08006", "08003", "08000"]

  /// The store error for `error`. `connecting` tells whether it came while opening a connection
  /// (a server that is not there cannot be opened) or while using one (it was lost).
  static func storeError(_ error: any Error, store: String, connecting: Bool) -> any Error {
    if error is StoreError || error is IndexInterrupted { return error }
    guard let psql = error as? PSQLError else {
      return connecting
        ? StoreError.cannotOpen(path: store, reason: "\(error)") : StoreError.lost(path: store, reason: "\(error)")
    }
    let state = psql.serverInfo?[.sqlState] ?? ""
    let message = psql.serverInfo?[.message] ?? ""
    if configurationStates.contains(state) || psql.code == .authMechanismRequiresPassword
      || psql.code == .saslError || psql.code == .unsupportedAuthMechanism
    {
      let reason = message.isEmpty ? "the server refused the login (\(psql.code))" : "the server says: \(message)"
      return StoreError.misconfigured(path: store, reason: reason)
    }
    if psql.code == .server && !shutdownStates.contains(state) {
      return StoreError.cannotOpen(path: store, reason: "the server says: \(message) (SQLSTATE \(state))")
    }
    let why: String
    switch psql.code {
    case .serverClosedConnection, .uncleanShutdown: why = "the server closed the connection"
    case .connectionError:
      why = "cannot connect to the server (\(underlying(psql)))"
    default: why = message.isEmpty ? "\(psql.code)" : "the server says: \(message)"
    }
    return connecting ? StoreError.cannotOpen(path: store, reason: why) : StoreError.lost(path: store, reason: why)
  }

  /// Whether `error` is a statement's own failure (the server answered with an error), after
  /// which the connection is still usable.
  static func isStatementError(_ error: any Error) -> Bool {
    guard let psql = error as? PSQLError, psql.code == .server else { return false }
    return !shutdownStates.contains(psql.serverInfo?[.sqlState] ?? "")
  }

  /// What the socket said, in a few words.
  private static func underlying(_ error: PSQLError) -> String {
    let text = error.underlying.map { "\($0)" } ?? ""
    if text.contains("refused") { return "connection refused" }
    if text.lowercased().contains("timeout") || text.lowercased().contains("timed out") { return "timed out" }
    if text.contains("resolve") || text.contains("DNS") { return "unknown host" }
    return text.isEmpty ? "no answer" : String(text.prefix(160))
  }
}
