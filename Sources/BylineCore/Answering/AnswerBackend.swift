/// What a backend needs to answer one turn.
public struct AnswerRequest: Sendable {
  /// The question as typed.
  public var question: String
  /// The question rewritten with the conversation's referents, when it was a follow-up.
  public var resolved: String?
  /// Earlier turns of the conversation, oldest first.
  public var history: [Turn]

  /// Creates a request.
  public init(question: String, resolved: String? = nil, history: [Turn] = []) {
    self.question = question
    self.resolved = resolved
    self.history = history
  }
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

/// Something that answers questions from the corpus: the rule-based engine, or a model.
public protocol AnswerBackend: Sendable {
  /// The backend's name as shown in answers ("rules", "openai:MODEL").
  var name: String { get }
  /// Answers one turn.
  func answer(_ request: AnswerRequest) async throws -> Answer
}
