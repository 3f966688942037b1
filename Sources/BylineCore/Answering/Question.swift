/// The type of answer a question expects.
public enum AnswerKind: String, Sendable, Codable, CaseIterable {
  case person, organisation, outlet, date, number, money, place, reason, list
  case yesNo = "yes_no"
  case description
  /// Questions about the corpus itself: its articles or the outlets it cites.
  case corpus
}

/// A search term taken from a question.
public struct QueryTerm: Sendable, Hashable {
  /// The Porter stem (or stems joined by a space, for a phrase).
  public var stem: String
  /// The word as the question wrote it.
  public var surface: String
  /// How much the term matters: entities weigh more, light words less.
  public var weight: Double
  /// Whether the term is part of a proper name in the question.
  public var isEntity: Bool
  /// What the term weighed before a clause lowered it (``TermWeight/referenceClause``,
  /// ``TermWeight/setAside``), or nil: the share of the question held by words no article uses
  /// counts it at this weight, so that lowering some words does not make the others count more.
  public var topicWeight: Double? = nil
  /// Words WordNet relates to it (synonyms of its most frequent senses, derivations), stemmed:
  /// a passage that holds one matches the term with ``AnswerTuning/synonymWeight``.
  public var related: [String] = []
  /// The word in its other spellings (British or American), stemmed: a passage that holds one
  /// holds the word itself.
  public var variants: [String] = []
  /// For the noun a question asks for a member of ("Which spacecraft …", "Who was the officer
  /// …"), the kinds of that thing WordNet lists ("capsule", "admiral"), stemmed: a sentence that
  /// names one matches the term as a synonym does. Only the rerank reads them.
  public var kinds: [String] = []

  /// Creates a term.
  public init(stem: String, surface: String, weight: Double, isEntity: Bool, related: [String] = []) {
    self.stem = stem
    self.surface = surface
    self.weight = weight
    self.isEntity = isEntity
    self.related = related
  }
}

/// What question analysis found in a question.
public struct Question: Sendable {
  /// The question as typed.
  public var text: String
  /// The answer type it expects.
  public var kind: AnswerKind
  /// Search terms, without stop words.
  public var terms: [QueryTerm]
  /// Proper names in the question ("Alexandr Wang", "Scale AI").
  public var entities: [String]
  /// Phrases the question put in quotes.
  public var quoted: [String]
  /// Outlets the question names ("What did Reuters report?").
  public var outlets: [String]
  /// Whether the question is negated ("Which models will not be released?").
  public var negated: Bool
  /// For `corpus` questions: what is asked ("articles" or "outlets").
  public var corpusTopic: String?
  /// Whether the question is a short follow-up whose words come mostly from an earlier turn.
  public var isFollowUp = false
  /// Spans that cannot be the answer (what an earlier turn answered, for "Who else …?").
  public var excluded: [String] = []
  /// Sentences the earlier turn's answer quoted: a follow-up leads with another sentence when a
  /// strong one answers it.
  public var previousQuotes: [String] = []
  /// Names a follow-up's pronouns were read as ("he" → Parag Agrawal): the sentence need not
  /// hold them, but its article must, where any candidate's article does.
  public var framing: [String] = []
  /// Whether the question asks how long something lasts ("How long did the raid last?", "For
  /// how many years …"): a duration answers it, a bare count does not. Set once by analysis.
  public var asksDuration = false
  /// Whether the question asks for a cause: a why-question, or "What caused / started /
  /// triggered … ?", which reads as a description but is answered by a reason, or by the
  /// articles saying the cause is not known. Set once by analysis.
  public var asksCause = false
}
