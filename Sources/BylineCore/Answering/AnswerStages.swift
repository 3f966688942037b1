/// The stages of the rule-based pipeline, each a small protocol with a default implementation
/// that ``RuleAnswerer`` takes in its initialiser: analysis (text → ``Question``) and retrieval
/// (question → ranked ``ScoredPassage``s with their evidence). Evidence checking, extraction and
/// composition follow in ``RuleAnswerer`` itself, reading the per-kind rules of ``AnswerTuning``.

/// Analysis: reads a question's kind, terms, names, outlets and options from its text.
public protocol QuestionAnalyzing: Sendable {
  /// The analysed question.
  func analyze(_ text: String) -> Question
}

/// Retrieval: ranks passages for an analysed question and says how strongly each matches.
public protocol PassageRetrieving: Sendable {
  /// The best passages for `question`, best first; only of `articleIds` when it is not nil.
  func retrieve(_ question: Question, limit: Int, articleIds: [String]?) throws -> [ScoredPassage]
  /// Inverse document frequencies of the question's terms, by stem.
  func weights(for question: Question) throws -> [String: Double]
  /// How many passages hold each of the question's terms, by stem.
  func frequencies(for question: Question) throws -> [String: Int]
  /// The spans of `kind` in the passage with `rowID`, made by `make` once and kept while the
  /// index is unchanged.
  func spans(of kind: AnswerKind, rowID: Int64, make: () -> [String]) -> [String]
}

extension QuestionAnalyzer: QuestionAnalyzing {}

extension Retriever: PassageRetrieving {
  public func spans(of kind: AnswerKind, rowID: Int64, make: () -> [String]) -> [String] {
    cache.spans(of: kind, rowID: rowID, make: make)
  }
}

extension PassageRetrieving {
  /// The best 12 passages for `question` over every article.
  public func retrieve(_ question: Question) throws -> [ScoredPassage] {
    try retrieve(question, limit: 12, articleIds: nil)
  }
}
