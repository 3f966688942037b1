import BylineCore
import Foundation

/// Answers through a local model server that speaks the OpenAI chat-completions API.
///
/// The model is given the numbered passages the rules retrieved and is asked to phrase the
/// answer with `[n]` citations. Its text is checked (``ModelAnswerChecker``) before anyone
/// sees it; a reply that fails the checks, or a server that is down, slow or unintelligible,
/// gives the rules answer with ``Answer/fallbackReason`` saying why. After the server has
/// failed to answer at all, later questions go straight to rules.
public final class OpenAIBackend: AnswerBackend, @unchecked Sendable {
  /// The settings it was made from.
  public let settings: BackendSettings
  /// The HTTP client.
  public let client: ChatClient
  /// The prompt templates.
  public let prompts: PromptRenderer
  private let lock = NSLock()
  private var downReason: String?

  /// "openai:MODEL".
  public var name: String { "openai:\(settings.model)" }

  /// Makes the backend; reads the prompt templates. An https server's certificate must come
  /// from a CA the system trusts or one in `trust`.
  ///
  /// - Throws: ``PromptError`` when a template is missing or does not parse;
  ///   ``ModelTrustError`` when the CA file cannot be used.
  public init(settings: BackendSettings, trust: ModelTrust = ModelTrust()) throws {
    let scheme = URL(string: settings.modelURL)?.scheme?.lowercased()
    guard scheme == "http" || scheme == "https" else {
      throw BackendSettingsError.unsupported(
        "model_url \(settings.modelURL): Byline talks to model servers over http:// or https://")
    }
    // A CA file that cannot be used is a configuration error now, not a fallback later.
    _ = try trust.tlsConfiguration()
    self.settings = settings
    self.client = ChatClient(
      baseURL: settings.modelURL, model: settings.model, apiKey: settings.apiKey, timeout: settings.timeout,
      trust: trust)
    self.prompts = try PromptRenderer(directory: settings.promptsDirectory)
  }

  /// Registers `openai` in `registry`, trusting `trust` for https servers.
  public static func register(in registry: BackendRegistry, trust: ModelTrust = ModelTrust()) {
    registry.register("openai") { try OpenAIBackend(settings: $0, trust: trust) }
  }

  /// Asks the model, checks its reply, and falls back to rules with the reason when needed.
  public func answer(_ request: AnswerRequest, stream: AnswerStream?) throws -> Answer {
    if request.rules.abstained || request.evidence.isEmpty || request.rules.kind == .corpus {
      // Nothing for a model to phrase: the rules' abstention (or corpus listing) stands.
      return request.rules
    }
    if let down = lock.withLock({ downReason }) {
      return fallback(request, reason: "\(name) was not asked: \(down)")
    }
    let messages = try prompts.messages(for: request)
    let checker = ModelAnswerChecker(evidence: request.evidence, abstainPhrase: PromptRenderer.abstainPhrase)
    let gate = stream.map { CheckedStream(checker: checker, emit: $0) }
    let text: String
    do {
      var onDelta: (@Sendable (String) -> Void)?
      if let gate { onDelta = { gate.feed($0) } }
      text = try client.complete(messages, onDelta: onDelta)
    } catch let error as ModelError {
      if error.serverIsDown { lock.withLock { downReason = error.localizedDescription } }
      return fallback(request, reason: error.localizedDescription)
    }
    switch checker.check(text) {
    case .accepted(let clean, let cited, let removed):
      var answer = Answer(
        question: request.question, understoodAs: request.resolved, answer: clean, abstained: false,
        kind: request.rules.kind, confidence: request.rules.confidence,
        citations: cited.map { request.evidence[$0 - 1] }, backend: name,
        note: removed.isEmpty
          ? nil
          : "removed the model's citation of passage \(removed.map(String.init).joined(separator: ", ")), "
            + "which it was not given")
      answer.focus = request.rules.focus
      return answer
    case .abstained:
      return Answer(
        question: request.question, understoodAs: request.resolved,
        answer: "The model found no answer to this in the passages it was given.", abstained: true,
        kind: request.rules.kind, confidence: 0, citations: [], backend: name)
    case .rejected(let reason):
      return fallback(request, reason: "\(name)'s answer was rejected: \(reason)")
    }
  }

  func fallback(_ request: AnswerRequest, reason: String) -> Answer {
    var answer = request.rules
    answer.fallbackReason = reason
    return answer
  }

  /// Stops the answer in progress.
  public func cancel() { client.cancel() }

  /// Asks the server for its models.
  public func status() -> BackendStatus {
    do {
      let models = try client.models()
      let listed = models.isEmpty ? "no models listed" : "serves " + models.prefix(5).joined(separator: ", ")
      return BackendStatus(name: name, endpoint: settings.modelURL, available: true, detail: listed)
    } catch {
      return BackendStatus(
        name: name, endpoint: settings.modelURL, available: false, detail: error.localizedDescription)
    }
  }
}
