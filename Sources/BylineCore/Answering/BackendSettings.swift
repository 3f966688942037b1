import Foundation

/// How to reach an answer backend: its name, the model server's address and model, and the
/// prompt templates. Resolved from command-line flags first, then the environment
/// (`BYLINE_BACKEND`, `BYLINE_MODEL_URL`, `OPENAI_BASE_URL`, `OLLAMA_HOST`, `BYLINE_MODEL`,
/// `OPENAI_API_KEY`), then the config file (`$XDG_CONFIG_HOME/byline/config`), then defaults.
public struct BackendSettings: Sendable, Equatable {
  /// The backend's registry name ("rules", "openai").
  public var backend: String = "rules"
  /// The server's base URL, up to and including `/v1`.
  public var modelURL: String = "http://127.0.0.1:8080/v1"
  /// The model name sent to the server.
  public var model: String = "default"
  /// The API key, when the server wants one.
  public var apiKey: String?
  /// Seconds to wait for a whole answer.
  public var timeout: Double = 60
  /// The folder holding `system.mustache` and `answer.mustache`.
  public var promptsDirectory: String = "Prompts"
  /// Where each setting came from ("flag", "BYLINE_MODEL_URL", the config file's path), by key.
  public var origins: [String: String] = [:]

  /// Creates default settings.
  public init() {}

  /// The keys the config file may set.
  public static let keys = ["backend", "model_url", "model", "api_key", "timeout", "prompts"]

  /// Resolves settings from flags (nil when not given), the environment and the config file.
  ///
  /// - Throws: ``BackendSettingsError`` for a config file that cannot be read or holds an
  ///   unknown key or a bad value.
  public static func resolve(
    flags: [String: String], environment: [String: String], configFile: String? = nil, promptsFallback: String
  ) throws -> BackendSettings {
    var settings = BackendSettings()
    settings.promptsDirectory = promptsFallback
    let path = configFile ?? defaultConfigPath(environment)
    if FileManager.default.fileExists(atPath: path) {
      for (key, value) in try readConfig(path) { try settings.set(key, value, origin: path) }
    }
    let envKeys: [(String, String)] = [
      ("OLLAMA_HOST", "model_url"), ("OPENAI_BASE_URL", "model_url"), ("BYLINE_MODEL_URL", "model_url"),
      ("BYLINE_BACKEND", "backend"), ("BYLINE_MODEL", "model"), ("OPENAI_API_KEY", "api_key"),
      ("BYLINE_PROMPTS", "prompts"), ("BYLINE_MODEL_TIMEOUT", "timeout"),
    ]
    for (variable, key) in envKeys {
      guard var value = environment[variable], !value.isEmpty else { continue }
      if variable == "OLLAMA_HOST" { value = ollamaURL(value) }
      try settings.set(key, value, origin: variable)
    }
    for key in keys {
      if let value = flags[key] {
        try settings.set(key, value, origin: "--" + key.replacingOccurrences(of: "_", with: "-"))
      }
    }
    return settings
  }

  /// `$XDG_CONFIG_HOME/byline/config`, or `~/.config/byline/config`.
  public static func defaultConfigPath(_ environment: [String: String]) -> String {
    let base =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
    return base + "/byline/config"
  }

  /// Ollama's host variable ("127.0.0.1:11434") as an OpenAI-compatible base URL.
  static func ollamaURL(_ host: String) -> String {
    var url = host.hasPrefix("http://") || host.hasPrefix("https://") ? host : "http://" + host
    while url.hasSuffix("/") { url.removeLast() }
    return url.hasSuffix("/v1") ? url : url + "/v1"
  }

  /// Reads `key = value` lines; `#` starts a comment; values may be quoted.
  static func readConfig(_ path: String) throws -> [(String, String)] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw BackendSettingsError.unreadableConfig(path)
    }
    var pairs: [(String, String)] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") { continue }
      guard let eq = line.firstIndex(of: "=") else {
        throw BackendSettingsError.badLine(path: path, line: number + 1, text: line)
      }
      let key = line[..<eq].trimmingCharacters(in: .whitespaces)
      var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
        value = String(value.dropFirst().dropLast())
      }
      pairs.append((key, value))
    }
    return pairs
  }

  mutating func set(_ key: String, _ value: String, origin: String) throws {
    switch key {
    case "backend": backend = value
    case "model_url":
      guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
      else { throw BackendSettingsError.badValue(key: key, value: value, origin: origin) }
      var trimmed = value
      while trimmed.hasSuffix("/") { trimmed.removeLast() }
      modelURL = trimmed
    case "model": model = value
    case "api_key": apiKey = value
    case "timeout":
      guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
        throw BackendSettingsError.badValue(key: key, value: value, origin: origin)
      }
      timeout = seconds
    case "prompts": promptsDirectory = value
    default: throw BackendSettingsError.unknownKey(key: key, origin: origin)
    }
    origins[key] = origin
  }
}

/// A backend setting that cannot be used.
public enum BackendSettingsError: Error, LocalizedError, Equatable {
  /// The config file exists but cannot be read.
  case unreadableConfig(String)
  /// A config line is not `key = value`.
  case badLine(path: String, line: Int, text: String)
  /// A key no setting has.
  case unknownKey(key: String, origin: String)
  /// A value the setting cannot take.
  case badValue(key: String, value: String, origin: String)
  /// A setting this backend cannot work with.
  case unsupported(String)
  /// A backend name the registry does not know.
  case unknownBackend(String, known: [String])

  public var errorDescription: String? {
    switch self {
    case .unreadableConfig(let path): "cannot read the config file \(path)"
    case .badLine(let path, let line, let text): "\(path):\(line): expected key = value, found \"\(text)\""
    case .unknownKey(let key, let origin):
      "unknown setting \"\(key)\" in \(origin); known: \(BackendSettings.keys.joined(separator: ", "))"
    case .badValue(let key, let value, let origin): "bad value \"\(value)\" for \(key) (from \(origin))"
    case .unsupported(let what): "unsupported \(what)"
    case .unknownBackend(let name, let known):
      "unknown backend \"\(name)\"; known: \(known.joined(separator: ", "))"
    }
  }
}
