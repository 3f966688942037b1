/// A cited source of an answer.
public struct Citation: Sendable, Codable, Hashable {
  /// The marker number used in the answer text ("[1]").
  public var n: Int
  /// The article id.
  public var id: String
  /// The article's title.
  public var title: String
  /// The outlet that published the article, or an empty string when unknown.
  public var outlet: String
  /// The article's date, or an empty string.
  public var date: String
  /// The exact sentence the answer relies on.
  public var quote: String
  /// The outlets the article credits for that sentence.
  public var cites: [String]

  /// Creates a citation.
  public init(n: Int, id: String, title: String, outlet: String, date: String, quote: String, cites: [String]) {
    self.n = n
    self.id = id
    self.title = title
    self.outlet = outlet
    self.date = date
    self.quote = quote
    self.cites = cites
  }

  /// "Scout, citing Axios" or "002_42c5…, citing Axios, Reuters".
  public var label: String {
    // An article that names no publisher is shown by its title, never by its file id.
    let who = Article.displayName(outlet: outlet, url: "", title: title.isEmpty ? id : title)
    let credited = cites.filter { $0 != outlet }
    return credited.isEmpty ? who : "\(who), citing \(credited.joined(separator: ", "))"
  }
}

/// An answer to one question, as every front end and output format sees it.
public struct Answer: Sendable, Codable {
  /// The question as typed.
  public var question: String
  /// The question as understood, when a follow-up was rewritten from earlier turns.
  public var understoodAs: String?
  /// The answer text: one direct sentence first, with [n] markers, then corroboration.
  public var answer: String
  /// True when the corpus does not answer the question.
  public var abstained: Bool
  /// The question type.
  public var kind: AnswerKind
  /// How sure the engine is, 0 to 1.
  public var confidence: Double
  /// The sources, numbered as in the text.
  public var citations: [Citation]
  /// Which backend answered ("rules", or "openai:MODEL").
  public var backend: String
  /// How several articles relate: how many support the answer, and whether independently.
  public var corroboration: String?
  /// A note about how the answer was produced (a rejected model answer, a rewritten follow-up).
  public var note: String?
  /// Why the rules answer replaced a model's (the server was down, or its answer failed the
  /// checks), when it did.
  public var fallbackReason: String?
  /// Engine time for this answer, in milliseconds.
  public var elapsedMs: Double
  /// Position of the question in a batch (1-based), when answering a batch.
  public var index: Int?
  /// The span the answer turns on (a name, a date, an amount), for follow-up questions.
  public var focus: String?

  enum CodingKeys: String, CodingKey {
    case index
    case question
    case understoodAs = "understood_as"
    case answer, abstained, kind, confidence, citations, backend, corroboration, note
    case fallbackReason = "fallback_reason"
    case elapsedMs = "elapsed_ms"
  }

  /// Creates an answer.
  public init(
    question: String, understoodAs: String? = nil, answer: String, abstained: Bool, kind: AnswerKind,
    confidence: Double, citations: [Citation], backend: String = "rules", corroboration: String? = nil,
    note: String? = nil, elapsedMs: Double = 0
  ) {
    self.question = question
    self.understoodAs = understoodAs
    self.answer = answer
    self.abstained = abstained
    self.kind = kind
    self.confidence = confidence
    self.citations = citations
    self.backend = backend
    self.corroboration = corroboration
    self.note = note
    self.elapsedMs = elapsedMs
  }
}

/// How an answer was found, for the REPL's `why` command.
public struct AnswerTrace: Sendable {
  /// The question as analysed.
  public var question: Question
  /// The FTS5 pattern sent to the store.
  public var query: String
  /// The top passages with their scores and coverage.
  public var passages: [ScoredPassage]
  /// Why the engine abstained, when it did.
  public var abstainReason: String?
}
