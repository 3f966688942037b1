import Foundation

/// The entry point front ends use: opens the store for a corpus folder, brings it up to date,
/// and answers questions through a backend, keeping the conversation.
public final class BylineEngine: @unchecked Sendable {
  /// Where the corpus and store are.
  public let location: StoreLocation
  /// The store.
  public let store: ArticleStore
  /// What the last update of the store did.
  public private(set) var lastSync: SyncReport
  /// What opening the store had to do (see ``ArticleStore/notices``), for the user.
  public var notices: [String] { store.notices }
  private var cachedRules: RuleAnswerer?
  private let rulesLock = NSLock()

  /// The rule-based engine (also the fallback of every other backend), made on first use, so
  /// that commands that only index or list never pay for it.
  public var rules: RuleAnswerer {
    get throws {
      rulesLock.lock()
      defer { rulesLock.unlock() }
      if let cachedRules { return cachedRules }
      let made = try RuleAnswerer(store: store)
      cachedRules = made
      return made
    }
  }

  /// Opens the store at `location` and brings it up to date with the corpus.
  ///
  /// - Parameters:
  ///   - adding: files or folders to index along with the corpus folder.
  ///   - rebuild: read every article again.
  public init(location: StoreLocation, adding: [String] = [], rebuild: Bool = false) throws {
    self.location = location
    self.store = try ArticleStore(path: location.store)
    self.lastSync = try store.sync(knowledge: location.knowledge, adding: adding, rebuild: rebuild)
  }

  /// Answers one question with the rule-based engine (no conversation).
  public func ask(_ question: String) throws -> Answer {
    try rules.answer(question).0
  }
}

extension BylineEngine {
  /// Answers `text` as the next turn of `conversation`: resolves follow-ups from earlier turns,
  /// answers with rules, records the turn. Returns the answer and how it was found.
  public func answer(_ text: String, in conversation: Conversation) throws -> (Answer, AnswerTrace) {
    let rules = try self.rules
    // A paste, not a question: refused before follow-up resolution reads it, and not a turn.
    if let refused = RuleAnswerer.refusal(forLength: text) { return refused }
    let resolution = conversation.resolve(text, analyzer: rules.analyzer)
    var (answer, trace) = try rules.answer(text, resolution: resolution)
    answer.question = text
    answer.understoodAs = resolution?.focus
    if let display = resolution?.display { answer.note = display }
    conversation.record(Turn(question: text, understood: resolution?.focus ?? text, answer: answer))
    return (answer, trace)
  }
}

/// The rule-based engine as an ``AnswerBackend``.
public struct RulesBackend: AnswerBackend {
  /// The engine.
  public let engine: RuleAnswerer
  /// "rules".
  public var name: String { "rules" }

  /// Wraps `engine`.
  public init(engine: RuleAnswerer) {
    self.engine = engine
  }

  /// Answers the request's resolved question (or the question as typed).
  public func answer(_ request: AnswerRequest) async throws -> Answer {
    var answer = try engine.answer(request.resolved ?? request.question).0
    answer.question = request.question
    answer.understoodAs = request.resolved
    return answer
  }
}
