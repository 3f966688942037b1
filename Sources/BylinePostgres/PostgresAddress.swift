import BylineCore
import Foundation
import PostgresNIO

/// A `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB` URL read into connection settings.
struct PostgresAddress: Sendable {
  /// The server's host name or address.
  var host: String
  /// Its port (5432 unless the URL names one).
  var port: Int
  /// The user name (`$USER`, then "postgres", when the URL names none).
  var user: String
  /// The password, if the URL holds one (or `$PGPASSWORD`).
  var password: String?
  /// The database (the user's name when the URL names none).
  var database: String
  /// The URL without its password, for messages.
  var display: String

  /// Reads `url`.
  ///
  /// - Throws: ``StoreError/misconfigured(path:reason:)`` for a URL that names no host.
  init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    display = StoreAddress.redacted(url)
    guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
      throw StoreError.misconfigured(path: display, reason: "the URL names no server")
    }
    self.host = host
    port = components.port ?? 5432
    user = components.user?.removingPercentEncoding ?? environment["USER"] ?? "postgres"
    password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    database = path.isEmpty ? user : path.removingPercentEncoding ?? path
  }

  /// The connection settings: no TLS (a server on a trusted network or this machine), a
  /// five-second connect timeout.
  var configuration: PostgresConnection.Configuration {
    var configuration = PostgresConnection.Configuration(
      host: host, port: port, username: user, password: password, database: database, tls: .disable)
    configuration.options.connectTimeout = .seconds(5)
    return configuration
  }
}
