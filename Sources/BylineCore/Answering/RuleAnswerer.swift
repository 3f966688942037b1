import Foundation

/// The rule-based answer engine: analyse, retrieve, decide whether the corpus answers, extract
/// the span of the expected type, compose one direct sentence with citations and corroboration.
public final class RuleAnswerer: @unchecked Sendable {
  /// The store answers come from.
  public let store: any PassageIndex
  /// The retrieval stage.
  let retriever: any PassageRetrieving
  /// The analysis stage.
  let analyzer: any QuestionAnalyzing
  /// The evidence stage.
  let evidence: any EvidenceChecking
  /// The weights and thresholds answers are decided and shaped with.
  public var tuning = AnswerTuning.standard
  private var articleCache: [ArticleSummary]?
  private var articleCountCache: Int?
  /// Spans found in passages while composing one answer (cleared for each question).
  let spanCache = Memo<String, [String]>(limit: 10_000)

  /// Creates an engine over `store`. With `warmUp` (for sessions that answer many
  /// questions), the static tables are built and one search primes the store first, so that
  /// `elapsed_ms` measures answering, not start-up; a one-shot answer skips that work.
  ///
  /// The stages default to the standard ones over `store`: a ``QuestionAnalyzer`` that knows
  /// the corpus's publishers, a ``Retriever`` and an ``EvidenceJudge``; pass others to test or
  /// replace one.
  public init(
    store: any PassageIndex, warmUp: Bool = true, analyzer: (any QuestionAnalyzing)? = nil,
    retriever: (any PassageRetrieving)? = nil, evidence: (any EvidenceChecking)? = nil
  ) throws {
    self.store = store
    let retriever = retriever ?? Retriever(store: store)
    self.retriever = retriever
    self.evidence = evidence ?? EvidenceJudge(store: store, retriever: retriever)
    self.analyzer = try analyzer ?? QuestionAnalyzer(directory: OutletDirectory(extra: try store.publishers()))
    guard warmUp else { return }
    Self.warmUp()
    // One search through the store loads its pages and prepares its statements.
    _ = try? self.retriever.retrieve(
      self.analyzer.analyze("Who said what about the report?"), limit: 4, articleIds: nil)
  }

  /// Builds the static tables and compiles the patterns once, so that answer times measure
  /// answering, not start-up.
  static func warmUp() {
    _ = Paraphrases.alternatives(of: "lead").count + Paraphrases.phrases.count
    for kind in AnswerKind.allCases {
      _ = SpanFinder.spans(of: kind, in: "Warm Up said on May 1, 2025 that $1 billion (axios.com) because")
    }
    _ = Uncertainty.isUncertain("unclear") || Polarity.isNegative("not")
    _ = ClauseTrimmer.trim("a, b", keep: [], weights: [:])
    _ = AttributionExtractor().outlets(in: "according to Axios (axios.com)")
  }

  /// Analyses a question with the corpus's outlets known.
  public func analyze(_ text: String) -> Question { analyzer.analyze(text) }

  /// How many articles the store holds (counted once; the list is not read for it).
  func articleCount() throws -> Int {
    if let cached = articleCountCache ?? articleCache?.count { return cached }
    let count = try store.articleCount()
    articleCountCache = count
    return count
  }

  func articles() throws -> [ArticleSummary] {
    if let cached = articleCache { return cached }
    let list = try store.articles()
    articleCache = list
    return list
  }

  /// The longest question answered, in characters: longer text is a paste, not a question, and
  /// would only cost seconds to analyse.
  public static let maxQuestionLength = 2_000

  /// An abstention saying the question is too long, or nil when it is not.
  public static func refusal(forLength text: String) -> (Answer, AnswerTrace)? {
    guard text.utf8.count > maxQuestionLength else { return nil }
    let length = text.count
    guard length > maxQuestionLength else { return nil }
    let question = Question(
      text: text, kind: .description, terms: [], entities: [], quoted: [], outlets: [], negated: false,
      corpusTopic: nil)
    let reason = "the question is too long (\(length) characters; the limit is \(maxQuestionLength))"
    let answer = Answer(
      question: text,
      answer:
        "That question is too long to answer: \(length) characters, over the limit of \(maxQuestionLength). Ask it in fewer words.",
      abstained: true, kind: .description, confidence: 0, citations: [])
    return (answer, AnswerTrace(question: question, query: "", passages: [], abstainReason: reason))
  }

  /// Answers `text` and returns the trace of how.
  public func answer(_ text: String, resolution: Resolution? = nil) throws -> (Answer, AnswerTrace) {
    if let refused = Self.refusal(forLength: text) { return refused }
    let clock = ContinuousClock.now
    spanCache.clear()
    var question = analyzer.analyze(resolution?.focus ?? text)
    // The follow-up read on its own words (its references filled in), without the earlier turn's.
    var own: Question?
    if let resolution {
      // The earlier turn's words join the search with half weight; they name no required entity.
      let context = analyzer.analyze(resolution.context)
      let have = Set(question.terms.map(\.stem))
      for term in context.terms where !have.contains(term.stem) {
        question.terms.append(
          QueryTerm(
            stem: term.stem, surface: term.surface, weight: term.weight * resolution.contextWeight, isEntity: false))
      }
      for outlet in resolution.outlets where !question.outlets.contains(outlet) { question.outlets.append(outlet) }
      question.isFollowUp = resolution.short
      question.excluded = resolution.excluded
      question.previousQuotes = resolution.previousQuotes
      // A name put in for a pronoun frames the question; the sentence that answers it may well
      // say "she" again, so it is not a name the sentence must hold.
      question = loosening(resolution.substituted, in: question)
      question.framing = resolution.substituted
      if let kind = resolution.kind { question.kind = kind }
      own = question
      own?.terms.removeAll { term in !have.contains(term.stem) }
    }
    var (answer, trace) = try answer(question)
    // "How big was it?" after "Which New York lender was closed the same weekend as SVB?": the
    // earlier turn's words frame the search, but the sentence that answers ("Signature had about
    // $110bn in assets") need not hold them, and they lower its confidence below the threshold.
    // A follow-up refused with them is asked again on its own words, when a reference was filled
    // in: without the name it stands for, "Who wrote that story?" says too little by itself.
    if answer.abstained, let own, let resolution, resolution.focus != text,
      own.terms.count < question.terms.count, !own.terms.isEmpty
    {
      let (alone, aloneTrace) = try self.answer(own)
      if !alone.abstained { (answer, trace) = (alone, aloneTrace) }
    }
    // "How far off the coast does TEPCO discharge the water?", TEPCO put in for "it": refused
    // with TEPCO required, asked again without, as the articles go on saying "it".
    if answer.abstained, let resolution, !resolution.answered.isEmpty {
      var loosened = loosening(resolution.answered, in: question)
      loosened.framing += resolution.answered
      let (loose, looseTrace) = try self.answer(loosened)
      if !loose.abstained { (answer, trace) = (loose, looseTrace) }
    }
    let elapsed = ContinuousClock.now - clock
    answer.elapsedMs = elapsed.milliseconds
    return (answer, trace)
  }

  func answer(_ question: Question) throws -> (Answer, AnswerTrace) {
    let pattern = QueryBuilder.pattern(for: question.terms)?.raw ?? ""
    var trace = AnswerTrace(question: question, query: pattern, passages: [], abstainReason: nil)
    if question.kind == .corpus { return (try corpusAnswer(question), trace) }
    if let listed = try sourcesAnswer(question) { return (listed, trace) }
    let outletStems = Set(question.outlets.flatMap { Tokenizer.stems($0) })
    let topical = question.terms.filter {
      $0.weight >= 0.3 && !outletStems.contains($0.stem) && !Tokenizer.lightWords.contains($0.surface)
    }
    if !question.outlets.isEmpty, topical.isEmpty, [.description, .list].contains(question.kind) {
      return (try outletAnswer(question), trace)
    }
    guard !question.terms.isEmpty else {
      trace.abstainReason = "the question has no searchable words"
      return (abstain(question, "There is nothing to search for in that question."), trace)
    }
    let passages = try framed(retriever.retrieve(question), by: question.framing)
    trace.passages = passages
    if let reason = try missingEvidence(question, passages) {
      trace.abstainReason = reason
      let hint =
        reason.hasPrefix("it never mentions") || reason.hasPrefix("none of its articles") ? nil : passages.first
      // A passage that could answer is never offered as the "nearest": only one that falls short.
      let weak = hint.flatMap { answers($0, question) ? nil : $0 }
      return (abstain(question, "The corpus does not answer that: \(reason).", nearest: weak), trace)
    }
    let composed = try compose(question, passages.filter { answers($0, question) })
    guard composed.confidence >= tuning.answerThreshold else {
      let reason = String(
        format: "the best passage supports it too weakly (confidence %.2f, below %.2f)", composed.confidence,
        tuning.answerThreshold)
      trace.abstainReason = reason
      var refusal = abstain(question, "The corpus does not answer that clearly: no passage states it.")
      refusal.confidence = composed.confidence
      return (refusal, trace)
    }
    return (composed, trace)
  }

  /// Of `passages`, those whose articles mention every one of `names` (what a follow-up's
  /// pronouns stand for: "How much was he expected to get?" after a turn about Parag Agrawal is
  /// not answered from an article about a cathedral); all of them when none does.
  func framed(_ passages: [ScoredPassage], by names: [String]) throws -> [ScoredPassage] {
    guard !names.isEmpty, !passages.isEmpty else { return passages }
    var articles = Set(passages.map(\.passage.articleId))
    for name in names {
      guard let query = QueryBuilder.phrase(name) ?? QueryBuilder.pattern(forText: name) else { continue }
      articles.formIntersection(try store.articles(matching: query, among: Array(articles).sorted()))
    }
    let kept = passages.filter { articles.contains($0.passage.articleId) }
    return kept.isEmpty ? passages : kept
  }

  /// `question` with `names` (put in for pronouns) no longer names a sentence must hold, and
  /// weighing at most ``AnswerTuning/substitutedNameWeight``.
  func loosening(_ names: [String], in question: Question) -> Question {
    var question = question
    let stems = Set(names.flatMap { Tokenizer.stems($0) })
    guard !stems.isEmpty else { return question }
    for i in question.terms.indices where stems.contains(question.terms[i].stem) {
      question.terms[i].isEntity = false
      question.terms[i].weight = min(question.terms[i].weight, tuning.substitutedNameWeight)
    }
    question.entities.removeAll { e in Tokenizer.stems(e).allSatisfy(stems.contains) }
    return question
  }

  /// The evidence stage's context for `question`.
  func evidenceContext(_ question: Question) -> EvidenceContext {
    EvidenceContext(question: question, tuning: tuning) { [self] in hasSpan(question, $0) }
  }

  /// Why the corpus cannot answer, or nil when it can (the evidence stage).
  func missingEvidence(_ question: Question, _ passages: [ScoredPassage]) throws -> String? {
    try evidence.missingEvidence(passages, in: evidenceContext(question))
  }

  /// Whether a passage can answer the question (the evidence stage).
  func answers(_ p: ScoredPassage, _ question: Question) -> Bool {
    evidence.answers(p, in: evidenceContext(question))
  }

  /// The confidence of an answer led by `lead` (the evidence stage).
  func confidence(_ question: Question, lead: ScoredPassage, hasSpan: Bool) -> Double {
    evidence.confidence(lead: lead, hasSpan: hasSpan, in: evidenceContext(question))
  }

  /// Answer kinds whose answer is a typed span in the sentence.
  static let spanKinds: [AnswerKind] = [.person, .organisation, .outlet, .date, .number, .money, .place]

  func hasSpan(_ question: Question, _ p: ScoredPassage) -> Bool {
    !spans(question, p).isEmpty
  }

  /// Whether a person question asks who ("Who …") or names one person by its noun ("Which
  /// executive …"), not a plural group ("Which rivals …").
  static func asksForOnePerson(_ question: Question) -> Bool {
    let words = Tokenizer.words(question.text)
    guard let first = words.first else { return false }
    if first == "who" || first == "whom" || first == "whose" { return true }
    guard first == "which" || first == "what" else { return false }
    let noun = words.dropFirst().first {
      !Tokenizer.stopWords.contains($0) && !QuestionAnalyzer.auxiliaries.contains($0)
    }
    return noun.map { !$0.hasSuffix("s") } ?? false
  }

  /// Whether the question asks for a name outright ("What is the name of …", "… called?").
  static func asksForName(_ question: Question) -> Bool {
    let text = TextNormalizer.fold(question.text).lowercased()
    return text.range(of: #"\bnames? of\b|\bcalled\b|\bnamed\b"#, options: .regularExpression) != nil
  }

  /// The thing counted in "How many X …" / "How much X …", as a stem.
  static func focus(of question: Question) -> String? {
    countedWord(of: question).map(PorterStemmer.stem)
  }

  /// The stems of the words that can stand for the thing a "How many X" question counts: X, the
  /// other words of its WordNet senses and the kinds of thing they name one level down ("How
  /// many vessels …" is answered by "369 ships").
  static func countedStems(of question: Question) -> Set<String> {
    guard let word = countedWord(of: question) else { return [] }
    var out: Set<String> = [PorterStemmer.stem(word)]
    guard let wordNet = WordNet.shared else { return out }
    let senses = wordNet.synsets(of: word, .noun, limit: countedSenses)
    let kinds = wordNet.kinds(of: word, senses: countedSenses, depth: 1)
    for w in senses.flatMap(\.words) + kinds where !w.contains(" ") {
      out.insert(PorterStemmer.stem(w))
    }
    return out
  }

  /// How many of the counted word's WordNet senses ``countedStems(of:)`` reads: "vessel" is a
  /// blood vessel first, a ship second and a container third.
  static let countedSenses = 3

  /// The noun a "How many X" question counts: the focus word, past adjectives and names before
  /// it ("How many former SVB employees" counts employees).
  static func countedWord(of question: Question) -> String? {
    guard let (words, at) = focusPosition(of: question) else { return nil }
    let names = Set(question.entities.flatMap { Tokenizer.words($0) })
    var k = at
    while k + 1 < words.count, k < at + maxCountedModifiers, !Tokenizer.stopWords.contains(words[k + 1]),
      names.contains(words[k]) || !(WordNet.shared?.synsets(of: words[k], .adj, limit: 1).isEmpty ?? true)
    {
      k += 1
    }
    // "science instruments": a noun before a plural noun modifies it.
    if k + 1 < words.count, words[k + 1].count > 3, words[k + 1].hasSuffix("s"),
      !Tokenizer.stopWords.contains(words[k + 1]),
      let wordNet = WordNet.shared,
      wordNet.baseForms(of: words[k + 1], .noun).contains(where: { $0 != words[k + 1] })
    {
      k += 1
    }
    return words[k]
  }

  /// How many adjectives and names ``countedWord(of:)`` reads past.
  static let maxCountedModifiers = 3

  /// The question's words and the index of the word for the thing "How many X …" counts.
  static func focusPosition(of question: Question) -> (words: [String], at: Int)? {
    let words = Tokenizer.words(question.text)
    guard let i = words.firstIndex(where: { $0 == "many" || $0 == "much" }), i + 1 < words.count else { return nil }
    // "How many of Starliner's thrusters …": the counted word after "of" and its owner.
    var j = i + 1
    if words[j] == "of" {
      j += 1
      while j < words.count, ["the", "its", "their", "his", "her", "our", "these", "those"].contains(words[j]) {
        j += 1
      }
      // ("How many of Voyager 1's science instruments …": an owner of up to three words.)
      if let owner = (j + 1..<min(words.count, j + 4)).first(where: { words[$0] == "s" }), owner + 1 < words.count {
        j = owner + 1
      }
      guard j < words.count else { return nil }
    }
    let next = words[j]
    guard !Tokenizer.stopWords.contains(next), !Tokenizer.lightWords.contains(next) || words[i] == "many",
      !["times", "ways", "percent", "more", "less", "longer"].contains(next)
    else { return nil }
    return (words, j)
  }

  func abstain(_ question: Question, _ text: String, nearest: ScoredPassage? = nil) -> Answer {
    var message = text
    if let near = nearest, near.coverage >= 0.35 {
      let weights = Dictionary(question.terms.map { ($0.stem, $0.weight) }, uniquingKeysWith: { a, _ in a })
      let clause = ClauseTrimmer.trim(near.passage.text, keep: [], weights: weights, maxWords: 24)
      let who = Article.displayName(outlet: near.passage.outlet, url: "", title: near.passage.title)
      message += " The nearest it comes is \(who): “\(clause)”."
    }
    return Answer(
      question: question.text, answer: message, abstained: true, kind: question.kind, confidence: 0,
      citations: [])
  }
}
