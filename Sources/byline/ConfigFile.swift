import BylineCore
import Foundation
import TOMLKit

/// The user's config file: TOML at `$XDG_CONFIG_HOME/byline/config.toml` (or
/// `~/.config/byline/config.toml`). The older `key = value` file beside it
/// (`$XDG_CONFIG_HOME/byline/config`) is still read when there is no TOML file, with a warning
/// that names the new one.
struct ConfigFile {
  /// The keys a config file may set: the backend settings, the CA file for https model servers,
  /// and the store (a path, or a `postgresql://` URL for a team's shared store).
  static let keys = BackendSettings.keys + ["ca_file", "store"]

  /// Which file was found.
  enum Source: Equatable {
    /// No config file.
    case none
    /// The TOML file at this path.
    case toml(String)
    /// The old `key = value` file at this path (``BackendSettings`` reads it).
    case legacy(String)
  }

  /// The file read.
  var source: Source = .none
  /// The backend settings it sets, as text, by key (`timeout = 30` gives "30").
  var values: [String: String] = [:]
  /// `ca_file`: a PEM file of certificates to trust for an https model server.
  var caFile: String?
  /// `store`: the store to use when neither `--store` nor `$BYLINE_STORE` names one.
  var store: String?
  /// What the user should know (the old file is read; both files exist).
  var warnings: [String] = []

  /// `$XDG_CONFIG_HOME/byline`, or `~/.config/byline`.
  static func directory(_ environment: [String: String]) -> String {
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
    return base + "/byline"
  }

  /// Finds and reads the config file for `environment`.
  ///
  /// - Throws: ``ConfigFileError`` for a file that cannot be read, is not TOML, or holds an
  ///   unknown key or a value of the wrong type.
  static func load(environment: [String: String]) throws -> ConfigFile {
    let dir = directory(environment)
    let tomlPath = dir + "/config.toml"
    let legacyPath = dir + "/config"
    let fm = FileManager.default
    var config = ConfigFile()
    if fm.fileExists(atPath: tomlPath) {
      config = try read(tomlPath)
      if fm.fileExists(atPath: legacyPath) {
        config.warnings.append("\(legacyPath) is ignored: \(tomlPath) takes its place (remove the old file)")
      }
    } else if fm.fileExists(atPath: legacyPath) {
      config.source = .legacy(legacyPath)
      config.warnings.append(
        "\(legacyPath) uses the old key = value format; move its settings to \(tomlPath) (TOML: key = \"value\")")
    }
    return config
  }

  /// Reads the TOML file at `path`.
  static func read(_ path: String) throws -> ConfigFile {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ConfigFileError.unreadable(path)
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw ConfigFileError.syntax(
        path: path, line: error.source.begin.line, column: error.source.begin.column, reason: error.description)
    }
    var config = ConfigFile(source: .toml(path))
    for key in table.keys.sorted() {
      guard let value = table[key] else { continue }
      guard keys.contains(key) else { throw ConfigFileError.unknownKey(key, path: path) }
      let text: String
      switch value.type {
      case .string: text = value.string ?? ""
      case .int where key == "timeout": text = String(value.int ?? 0)
      case .double where key == "timeout": text = String(value.double ?? 0)
      default:
        throw ConfigFileError.wrongType(
          key, path: path, found: value.type.description, expected: key == "timeout" ? "a number" : "a string")
      }
      if key == "ca_file" {
        config.caFile = text
      } else if key == "store" {
        config.store = text
      } else {
        config.values[key] = text
      }
    }
    return config
  }
}

/// A config file Byline cannot use (exit 78).
enum ConfigFileError: Error, LocalizedError, Equatable {
  /// The file exists but cannot be read as UTF-8 text.
  case unreadable(String)
  /// The file is not valid TOML.
  case syntax(path: String, line: Int, column: Int, reason: String)
  /// A key Byline has no setting for.
  case unknownKey(String, path: String)
  /// A value of the wrong TOML type.
  case wrongType(String, path: String, found: String, expected: String)

  var errorDescription: String? {
    switch self {
    case .unreadable(let path): "cannot read the config file \(path)"
    case .syntax(let path, let line, let column, let reason): "\(path):\(line):\(column): not valid TOML: \(reason)"
    case .unknownKey(let key, let path):
      "unknown setting \"\(key)\" in \(path); known: \(ConfigFile.keys.joined(separator: ", "))"
    case .wrongType(let key, let path, let found, let expected):
      "\(key) in \(path) is a \(found); it must be \(expected)"
    }
  }
}
