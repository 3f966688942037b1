/// What a backend needs to answer one turn: the question, the conversation so far, the numbered
/// passages retrieved for it, and the rule-based answer (every backend's fallback).
public struct AnswerRequest: Sendable {
  /// The question as typed.
  public var question: String
  /// The question rewritten with the conversation's referents, when it was a follow-up.
  public var resolved: String?
  /// Earlier turns of the conversation, oldest first.
  public var history: [Turn]
  /// The passages a backend may use, numbered from 1 as its citations must be.
  public var evidence: [Citation]
  /// The rule-based answer to the same question.
  public var rules: Answer

  /// Creates a request.
  public init(question: String, resolved: String? = nil, history: [Turn] = [], evidence: [Citation], rules: Answer) {
    self.question = question
    self.resolved = resolved
    self.history = history
    self.evidence = evidence
    self.rules = rules
  }

  /// The question a backend should answer: the resolved one when there is one.
  public var effectiveQuestion: String { resolved ?? question }
}

/// One answered turn of a conversation.
public struct Turn: Sendable {
  /// The question as typed.
  public var question: String
  /// The question as understood.
  public var understood: String
  /// The answer given.
  public var answer: Answer

  /// Creates a turn.
  public init(question: String, understood: String, answer: Answer) {
    self.question = question
    self.understood = understood
    self.answer = answer
  }
}

/// Receives an answer while it is being written, one checked sentence at a time, so that a
/// terminal can show it before it is complete. Called on any thread.
public typealias AnswerStream = @Sendable (String) -> Void

/// Something that answers questions from the corpus: the rule-based engine, or a model.
///
/// Backends never throw for a model that failed: they return the rules answer with
/// ``Answer/fallbackReason`` saying why. They throw only for errors the user must fix (a
/// template that does not render, say).
public protocol AnswerBackend: Sendable {
  /// The backend's name as shown in answers ("rules", "openai:MODEL").
  var name: String { get }
  /// Answers one turn. `stream`, when given, receives text as soon as it has been checked.
  func answer(_ request: AnswerRequest, stream: AnswerStream?) throws -> Answer
  /// A one-line description of the backend and whether it answers now ("rules: built in").
  func status() -> BackendStatus
  /// Stops the answer in progress (Ctrl-C); its `answer` call then throws `CancellationError`.
  func cancel()
}

extension AnswerBackend {
  /// Backends that answer at once have nothing to stop.
  public func cancel() {}
}

/// Whether a backend is usable, for `byline backends`.
public struct BackendStatus: Sendable, Codable, Equatable {
  /// The backend's name.
  public var name: String
  /// Where it answers from ("built in", a URL).
  public var endpoint: String
  /// Whether it answered a probe.
  public var available: Bool
  /// What the probe found ("answers", "connection refused", the models served).
  public var detail: String

  /// Creates a status.
  public init(name: String, endpoint: String, available: Bool, detail: String) {
    self.name = name
    self.endpoint = endpoint
    self.available = available
    self.detail = detail
  }
}

/// The rule-based engine as an ``AnswerBackend``: the default, and every other backend's
/// fallback. The engine has composed its answer before any backend is asked, so this backend
/// returns it.
public struct RulesBackend: AnswerBackend {
  /// "rules".
  public var name: String { "rules" }

  /// Creates the backend.
  public init() {}

  /// The rules answer of the request.
  public func answer(_ request: AnswerRequest, stream: AnswerStream?) throws -> Answer {
    request.rules
  }

  /// Always available.
  public func status() -> BackendStatus {
    BackendStatus(name: name, endpoint: "built in", available: true, detail: "answers from the corpus by rules")
  }
}
