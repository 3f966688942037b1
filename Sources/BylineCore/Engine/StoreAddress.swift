import Foundation

/// What a `--store` value (or `$BYLINE_STORE`) names: a local SQLite file, given as a path or
/// a `file://` URL, or a PostgreSQL database, given as a `postgresql://` (or `postgres://`)
/// URL. This is the one place that knows which URL schemes Byline serves.
public enum StoreAddress: Equatable, Sendable {
  /// A SQLite file on this machine.
  case sqliteFile(String)
  /// A PostgreSQL database: the URL as given (`postgresql://USER[:PASSWORD]@HOST[:PORT]/DB`).
  case postgresql(String)

  /// The URL schemes a store may be given with.
  public static let servedSchemes = ["file", "postgresql", "postgres"]

  /// Reads `value`: a path stays a path; a URL (`scheme://…`) must have a served scheme.
  ///
  /// - Throws: ``StoreAddressError`` for a URL whose scheme is not served, or a `file:` URL that
  ///   names no local path.
  public static func parse(_ value: String) throws -> StoreAddress {
    guard let scheme = scheme(of: value) else { return .sqliteFile(value) }
    guard servedSchemes.contains(scheme.lowercased()) else {
      throw StoreAddressError.unservedScheme(scheme, value: value)
    }
    if scheme.lowercased().hasPrefix("postgres") {
      guard let url = URL(string: value), let host = url.host, !host.isEmpty else {
        throw StoreAddressError.badServerURL(redacted(value))
      }
      return .postgresql(value)
    }
    guard let url = URL(string: value), url.host == nil || url.host == "" || url.host == "localhost",
      !url.path.isEmpty
    else { throw StoreAddressError.badFileURL(value) }
    return .sqliteFile(url.path)
  }

  /// `value` with the password of its user part (`user:PASSWORD@`) left out, for messages.
  public static func redacted(_ value: String) -> String {
    guard let range = value.range(of: "://") else { return value }
    let rest = value[range.upperBound...]
    let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return value }
    let userinfo = rest[..<at]
    guard let colon = userinfo.firstIndex(of: ":") else { return value }
    return String(value[..<colon]) + String(rest[at...])
  }

  /// The scheme of a value shaped like a URL (`letters://…`, RFC 3986's scheme characters), or
  /// nil for anything else: a path with a colon in a folder name (`./a:b/store`) is a path.
  static func scheme(of value: String) -> String? {
    guard let range = value.range(of: "://") else { return nil }
    let scheme = value.unicodeScalars[..<range.lowerBound]
    guard let first = scheme.first, first.isASCII, first.properties.isAlphabetic else { return nil }
    let allowed = scheme.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
    }
    return allowed ? String(scheme) : nil
  }
}

/// A store address Byline cannot open.
public enum StoreAddressError: Error, LocalizedError, Equatable {
  /// A URL whose scheme Byline does not serve.
  case unservedScheme(String, value: String)
  /// A `file:` URL that names a remote host or no path.
  case badFileURL(String)
  /// A `postgresql:` URL that names no host (the value, without its password).
  case badServerURL(String)

  public var errorDescription: String? {
    switch self {
    case .unservedScheme(let scheme, let value):
      "--store \(value): Byline cannot serve a store over \"\(scheme)://\"; it serves "
        + StoreAddress.servedSchemes.map { "\($0)://" }.joined(separator: ", ")
        + " and plain paths to a SQLite file"
    case .badFileURL(let value): "--store \(value): a file:// URL must name a path on this machine (file:///PATH)"
    case .badServerURL(let value):
      "--store \(value): a postgresql:// URL names a server and a database (postgresql://USER@HOST:PORT/DB)"
    }
  }
}
