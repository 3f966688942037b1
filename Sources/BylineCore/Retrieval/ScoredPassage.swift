/// A retrieved passage with the evidence for it: which question terms it matches and how well.
public struct ScoredPassage: Sendable {
  /// The passage.
  public var passage: StoredPassage
  /// Combined relevance score (higher is better).
  public var score: Double
  /// Share of the question's term weight found in the sentence or its close context (0...1).
  public var coverage: Double
  /// Share of the question's term weight found in the sentence itself (0...1).
  public var sentenceCoverage: Double
  /// Share of the weight of the question's non-name terms found (0...1).
  public var topicCoverage: Double
  /// Whether every name in the question is in the sentence or its context.
  public var entitiesFound: Bool
  /// Share of the question's term weight that is names standing in the sentence itself (0...1).
  public var nameShare: Double
  /// Stems of question terms (or their paraphrases) the sentence contains.
  public var matched: Set<String>
  /// Those of ``matched`` the sentence holds only through a WordNet synonym ("title" for "job").
  public var loosely: Set<String> = []
  /// The previous and next sentences of the same paragraph, for context.
  public var neighbours: [StoredPassage]
  /// The sentence before it, also when that closes the paragraph before (where an opening "He"
  /// or "She" takes its person from).
  public var before: StoredPassage? = nil
}
