import ArgumentParser
import BylineCore
import BylineModels
import Foundation

/// Options that choose the answer backend: rules (the default) or a local model server.
struct BackendOptions: ParsableArguments {
  @Option(name: .long, help: "Answer backend: rules or openai (default: rules, or $BYLINE_BACKEND).")
  var backend: String?

  @Option(
    name: .long,
    help: "The model server's base URL, e.g. http://127.0.0.1:8080/v1 (or $BYLINE_MODEL_URL, $OPENAI_BASE_URL).")
  var modelURL: String?

  @Option(name: .long, help: "The model name sent to the server (or $BYLINE_MODEL).")
  var model: String?

  @Option(name: .long, help: "Seconds to wait for a model's whole answer (default 60).")
  var modelTimeout: String?

  @Option(name: .long, help: "The folder of prompt templates (default: ./Prompts, or $BYLINE_PROMPTS).")
  var prompts: String?

  @Option(
    name: .customLong("model-ca"),
    help: ArgumentHelp(
      "A PEM file of CA certificates to trust for an https model server (or $BYLINE_CA_FILE, ca_file in the config).",
      valueName: "file"),
    completion: .file(extensions: ["pem", "crt"]))
  var modelCA: String?

  @Flag(name: .long, help: "Print the prompt a model would be sent, instead of answering.")
  var dryRun = false

  /// The names of the registered backends.
  static var names: [String] { registry(trust: ModelTrust()).names }

  /// Every backend, the HTTP one included, which trusts `trust` for https.
  static func registry(trust: ModelTrust) -> BackendRegistry {
    let registry = BackendRegistry()
    OpenAIBackend.register(in: registry, trust: trust)
    return registry
  }

  /// The settings from flags, environment and config file, with the CA file to trust. Exits 78
  /// on a bad setting or config file.
  func settings(knowledge: String) throws -> BackendSettings {
    try resolved(knowledge: knowledge).settings
  }

  /// The settings and the CA file to trust, from flags, environment and config file (in that
  /// order). Exits 78 on a bad setting or config file.
  func resolved(knowledge: String) throws -> (settings: BackendSettings, trust: ModelTrust) {
    let environment = ProcessInfo.processInfo.environment
    var flags: [String: String] = [:]
    flags["backend"] = backend
    flags["model_url"] = modelURL
    flags["model"] = model
    flags["timeout"] = modelTimeout
    flags["prompts"] = prompts
    do {
      let config = try ConfigFile.load(environment: environment)
      for warning in config.warnings { Terminal.warn("byline: warning: \(warning)") }
      let fallback = Self.defaultPrompts(knowledge: knowledge)
      var settings: BackendSettings
      switch config.source {
      case .legacy(let path):
        settings = try BackendSettings.resolve(
          flags: flags, environment: environment, configFile: path, promptsFallback: fallback)
      case .none:
        settings = try BackendSettings.resolve(
          flags: flags, environment: environment, configFile: "", promptsFallback: fallback)
      case .toml(let path):
        settings = try Self.layered(
          config: config.values, path: path, flags: flags, environment: environment, promptsFallback: fallback)
      }
      var trust = ModelTrust()
      if let file = modelCA ?? environment["BYLINE_CA_FILE"].flatMap({ $0.isEmpty ? nil : $0 }) ?? config.caFile {
        trust.caFile = file
      }
      return (settings, trust)
    } catch {
      Terminal.warn("byline: \(error.localizedDescription)")
      throw ExitCode(78)
    }
  }

  /// Settings from the TOML file's `config` values under the environment's and the flags'.
  /// ``BackendSettings`` checks every value; an error in the file names the file.
  static func layered(
    config: [String: String], path: String, flags: [String: String], environment: [String: String],
    promptsFallback: String
  ) throws -> BackendSettings {
    let fromFile: BackendSettings
    do {
      fromFile = try BackendSettings.resolve(
        flags: config, environment: [:], configFile: "", promptsFallback: promptsFallback)
    } catch BackendSettingsError.badValue(let key, let value, _) {
      throw BackendSettingsError.badValue(key: key, value: value, origin: path)
    }
    var settings = try BackendSettings.resolve(
      flags: flags, environment: environment, configFile: "", promptsFallback: promptsFallback)
    for key in config.keys where settings.origins[key] == nil {
      switch key {
      case "backend": settings.backend = fromFile.backend
      case "model_url": settings.modelURL = fromFile.modelURL
      case "model": settings.model = fromFile.model
      case "api_key": settings.apiKey = fromFile.apiKey
      case "timeout": settings.timeout = fromFile.timeout
      case "prompts": settings.promptsDirectory = fromFile.promptsDirectory
      default: continue
      }
      settings.origins[key] = path
    }
    return settings
  }

  /// Makes the backend `settings` choose. Exits 78 on an unknown backend or a bad template.
  func makeBackend(_ settings: BackendSettings, trust: ModelTrust = ModelTrust()) throws -> any AnswerBackend {
    do {
      return try Self.registry(trust: trust).make(settings)
    } catch {
      Terminal.warn("byline: \(error.localizedDescription)")
      throw ExitCode(78)
    }
  }

  /// The prompt templates `settings` name. Exits 78 when they are missing or do not parse.
  func promptRenderer(_ settings: BackendSettings) throws -> PromptRenderer {
    do {
      return try PromptRenderer(directory: settings.promptsDirectory)
    } catch {
      Terminal.warn("byline: \(error.localizedDescription)")
      throw ExitCode(78)
    }
  }

  /// The shipped `Prompts` folder (see ``StoreLocation/shippedFolderCandidates(_:executableDirectory:)``),
  /// else `Prompts` beside the corpus folder.
  static func defaultPrompts(knowledge: String) -> String {
    let candidates =
      StoreLocation.shippedFolderCandidates("Prompts", executableDirectory: Terminal.executableDirectory)
      + [(knowledge as NSString).deletingLastPathComponent + "/Prompts"]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/answer.mustache") } ?? "Prompts"
  }
}
