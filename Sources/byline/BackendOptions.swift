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

  @Flag(name: .long, help: "Print the prompt a model would be sent, instead of answering.")
  var dryRun = false

  /// Every registered backend, the HTTP one included.
  static let registry: BackendRegistry = {
    let registry = BackendRegistry()
    OpenAIBackend.register(in: registry)
    return registry
  }()

  /// The settings from flags, environment and config file. Exits 78 on a bad setting.
  func settings(knowledge: String) throws -> BackendSettings {
    var flags: [String: String] = [:]
    flags["backend"] = backend
    flags["model_url"] = modelURL
    flags["model"] = model
    flags["timeout"] = modelTimeout
    flags["prompts"] = prompts
    do {
      return try BackendSettings.resolve(
        flags: flags, environment: ProcessInfo.processInfo.environment,
        promptsFallback: Self.defaultPrompts(knowledge: knowledge))
    } catch {
      Terminal.warn("byline: \(error.localizedDescription)")
      throw ExitCode(78)
    }
  }

  /// Makes the backend `settings` choose. Exits 78 on an unknown backend or a bad template.
  func makeBackend(_ settings: BackendSettings) throws -> any AnswerBackend {
    do {
      return try Self.registry.make(settings)
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
