import Foundation

/// The evidence stage: whether retrieved passages can answer a question, why not when they
/// cannot, and how strongly a composed answer's lead supports it.
public protocol EvidenceChecking: Sendable {
  /// Whether a passage holds the question's names and enough of its other words to answer it.
  func answers(_ passage: ScoredPassage, in context: EvidenceContext) -> Bool
  /// Why the corpus cannot answer (in words for the user), or nil when it can.
  func missingEvidence(_ passages: [ScoredPassage], in context: EvidenceContext) throws -> String?
  /// The confidence (0–1) of an answer led by `lead`, which holds a span of the expected kind
  /// when `hasSpan`.
  func confidence(lead: ScoredPassage, hasSpan: Bool, in context: EvidenceContext) -> Double
}

/// What the evidence stage judges one question with: the question, the tuning, and how to tell
/// whether a passage holds a span of the kind it asks for (extraction's answer, memoised there).
public struct EvidenceContext {
  /// The analysed question.
  public var question: Question
  /// The weights and thresholds.
  public var tuning: AnswerTuning
  /// Whether a passage holds a span of the expected kind.
  public var hasSpan: (ScoredPassage) -> Bool

  /// Creates a context.
  public init(question: Question, tuning: AnswerTuning, hasSpan: @escaping (ScoredPassage) -> Bool) {
    self.question = question
    self.tuning = tuning
    self.hasSpan = hasSpan
  }
}

/// The default evidence stage: refusals for names, outlets and words the corpus never uses, and
/// for questions no passage gives the expected kind of answer to; confidence from the lead's
/// coverage of the question.
public struct EvidenceJudge: EvidenceChecking {
  /// The index the word counts come from.
  let store: any PassageIndex
  /// The retrieval stage (its term frequencies).
  let retriever: any PassageRetrieving

  /// A judge over `store`, reading term frequencies through `retriever`.
  public init(store: any PassageIndex, retriever: any PassageRetrieving) {
    self.store = store
    self.retriever = retriever
  }

  /// Why the corpus cannot answer, or nil when it can.
  public func missingEvidence(_ passages: [ScoredPassage], in context: EvidenceContext) throws -> String? {
    let question = context.question
    let tuning = context.tuning
    // Names are looked up word by word, also those that name an outlet ("the Verge").
    let nameStems = question.entities.flatMap { Tokenizer.stems($0) }
    let df = try retriever.frequencies(for: question).merging(
      try store.documentFrequencies(nameStems), uniquingKeysWith: { a, _ in a })
    // "According to Bloomberg …": an outlet no article publishes, credits or names.
    // (The word counts first: the publishers and credits are read only for an outlet that no
    // passage names, not at every question.)
    for outlet in question.outlets {
      let stems = Tokenizer.stems(outlet).filter { !Tokenizer.stopWords.contains($0) }
      let counts = try store.documentFrequencies(stems)
      guard !stems.isEmpty, stems.allSatisfy({ (counts[$0] ?? 0) == 0 }) else { continue }
      if try !store.publishers().contains(outlet), try !store.citedOutlets().contains(where: { $0.outlet == outlet }) {
        return "it never mentions \(outlet)"
      }
    }
    // "France or Italy?": an option the corpus never names is an answer ("France"), not a gap.
    let optionWords = Set((RuleAnswerer.options(in: question.text) ?? []).flatMap { Tokenizer.stems($0) })
    for entity in question.entities
    where !question.outlets.contains(where: { entity.contains($0) || $0.contains(entity) }) {
      let stems = Tokenizer.stems(entity).filter { !Tokenizer.stopWords.contains($0) }
      if stems.contains(where: optionWords.contains) { continue }
      // "UCL" where a passage found writes "University College London".
      if Acronym.isAcronym(entity),
        passages.contains(where: { Acronym.expansion(of: entity, in: $0.passage.text) != nil })
      {
        continue
      }
      // A place or a people under another of its names ("British" where articles say "UK").
      let otherNames = question.terms.first { stems == [$0.stem] }?.related ?? []
      if otherNames.contains(where: { name in
        name.split(separator: " ").allSatisfy { (try? store.documentFrequencies([String($0)]))?[String($0)] ?? 0 > 0 }
      }) {
        continue
      }
      if !stems.isEmpty, stems.allSatisfy({ (df[$0] ?? 0) == 0 }) {
        return "it never mentions \(entity)"
      }
      if stems.count >= 2, stems.contains(where: { (df[$0] ?? 0) == 0 }) {
        return "it never mentions \(entity)"
      }
    }
    // "Who became chief executive after Musk stepped back in 2023?" over articles from 2022:
    // they cannot report what happened in a later year.
    if let year = Self.pastYear(asked: question.text), !passages.isEmpty,
      passages.allSatisfy({ Self.predates($0, year) })
    {
      return "its articles on this are from before \(year)"
    }
    let n = Double(max(try store.passageCount(), 1))
    let idf = Dictionary(
      question.terms.map { t in
        let d = Double(df[t.stem] ?? 0)
        return (t.stem, log((n - d + 0.5) / (d + 0.5) + 1))
      }, uniquingKeysWith: { a, _ in a })
    let total = question.terms.reduce(0.0) { $0 + ($1.topicWeight ?? $1.weight) * (idf[$1.stem] ?? 1) }
    let missing = question.terms.filter { term in
      (df[term.stem] ?? 0) == 0 && term.weight >= 0.5 && !term.stem.utf8.contains(0x20)
        // "sbf" where a passage found writes "Sam Bankman-Fried".
        && !(Acronym.isAcronym(term.surface.uppercased())
          && passages.contains { Acronym.expansion(of: term.surface.uppercased(), in: $0.passage.text) != nil })
        && !(Paraphrases.alternatives(of: term.stem).union(term.related).union(term.variants)).contains { alt in
          alt.split(separator: " ").allSatisfy { (try? store.documentFrequencies([String($0)]))?[String($0)] ?? 0 > 0 }
        }
    }
    let missingWeight = missing.reduce(0.0) { $0 + $1.weight * (idf[$1.stem] ?? 1) }
    if !missing.isEmpty, missingWeight / max(total, 0.001) > tuning.missingWordShare {
      return "none of its articles mentions \(missing.map(\.surface).joined(separator: " or "))"
    }
    let answering = passages.filter { answers($0, in: context) }
    guard !answering.isEmpty else {
      if passages.isEmpty { return "no passage matches the question" }
      return "no passage holds enough of the question's words"
    }
    switch question.kind {
    case .date:
      if !answering.contains(where: { context.hasSpan($0) || Uncertainty.isUncertain($0.passage.text) }) {
        return "no passage gives a date for it"
      }
    case .number, .money:
      let focus = RuleAnswerer.focus(of: question)
      // (A figure about something else does not give it: see ``RuleAnswerer/tellsOfTheSame``.)
      let typed = answering.contains { p in
        context.hasSpan(p) && RuleAnswerer.tellsOfTheSame(question, p, as: passages[0])
          && (focus.map { f in p.matched.contains(f) && !p.loosely.contains(f) } ?? true
            || min(p.sentenceCoverage, p.topicCoverage) >= tuning.unfocusedFigureCoverage)
      }
      // A passage saying the figure is not known answers too ("Not known: …"); for a measured
      // quantity, one that names it ("the crater's depth is not yet known").
      let measureWord = Measure.asked(by: question).map { _ in
        Set(Tokenizer.words(question.text).filter { Measure.adjectives[$0] != nil || Measure.nouns[$0] != nil })
      }
      let saysUnknown = { (p: ScoredPassage) in
        RuleAnswerer.saysUnknown(question.kind, in: p.passage.text)
          && (measureWord.map { words in Tokenizer.words(p.passage.text).contains(where: words.contains) } ?? true)
      }
      if !typed, !answering.contains(where: saysUnknown) {
        return "no passage gives that figure"
      }
    case .organisation where RuleAnswerer.asksForName(question):
      // "What is the name of …": a passage that names nothing does not answer, unless it says
      // the name is not known.
      if !answering.contains(where: { context.hasSpan($0) || Uncertainty.isUncertain($0.passage.text) }) {
        return "no passage gives a name for it"
      }
    case .person where RuleAnswerer.asksForOnePerson(question):
      // "Who is the CEO of X?", "Which executive signed …?": a passage that names nobody does
      // not say who. ("Which rivals …" is a person question by its noun, and rivals are as
      // often companies: not checked.)
      // (Extraction's spans count: "Varga, 58, founded …" names the Tomas Varga of the sentence before.)
      // (Only a passage strong enough to lead: composition takes a name from no weaker one.)
      let strongest = passages[0].score
      if !answering.contains(where: {
        $0.score >= strongest * tuning.typedPersonLeadShare
          && (context.hasSpan($0) || SpanFinder.names(in: $0.passage.text).contains(where: SpanFinder.isPerson)
            // (A group, "the three navy SEALs", answers "Which rescuers …?", not a question for
            // a name: "What is the name of the army doctor who stayed with them?")
            || !RuleAnswerer.asksForName(question) && SpanFinder.hasGroup($0.passage.text)
            || !$0.passage.credited.isEmpty
              && Tokenizer.words(question.text).contains(where: {
                ["report", "reported", "published", "broke"].contains($0)
              }))
      }) {
        return "no passage names anyone for it"
      }
    default:
      break
    }
    return nil
  }

  /// Whether a passage holds the question's names and enough of its other terms to answer it.
  public func answers(_ p: ScoredPassage, in context: EvidenceContext) -> Bool {
    let question = context.question
    let tuning = context.tuning
    // A short follow-up ("When?") searches with the earlier turn's words, which it cannot all
    // share with the answer: ask for less of them.
    // A figure standing before the counted word ("23 people aboard" for "How many people …")
    // states what a count question asks, in however few of its other words.
    let minimum =
      question.isFollowUp || Self.countsFocus(question, in: p.passage.text)
      ? tuning.followUpCandidateCoverage : tuning.candidateCoverage
    // "How much did its revenue grow in 2023?": an article from 2022 that does not name 2023
    // cannot tell what happened in it, though another article may.
    if let year = Self.pastYear(asked: question.text), Self.predates(p, year) { return false }
    return p.entitiesFound && p.coverage >= minimum
  }

  /// Whether `p` comes from an article published before `year` and does not name that year.
  static func predates(_ p: ScoredPassage, _ year: Int) -> Bool {
    (Int(p.passage.date.prefix(4)).map { $0 < year } ?? false) && !p.passage.text.contains(String(year))
  }

  /// Whether `text` puts a figure just before the word a "How many X" question counts ("there
  /// were 23 people aboard").
  static func countsFocus(_ question: Question, in text: String) -> Bool {
    guard question.kind == .number else { return false }
    return counts(RuleAnswerer.countedStems(of: question), in: text)
  }

  /// Whether `text` puts a figure just before a word whose stem is one of `counted` ("369
  /// ships").
  static func counts(_ counted: Set<String>, in text: String) -> Bool {
    guard !counted.isEmpty else { return false }
    let words = Tokenizer.words(TextNormalizer.fold(text))
    return words.indices.dropFirst().contains { i in
      counted.contains(PorterStemmer.stem(words[i]))
        && (words[i - 1].contains(where: \.isNumber) || QuestionAnalyzer.numberWords.contains(words[i - 1]))
    }
  }

  /// The year a question asks about as past ("… stepped back in 2023?"), or nil: none, or one
  /// asked of the future or as a bound ("Will it reopen by 2030?", "before 2025"), which an
  /// earlier article may answer.
  static func pastYear(asked text: String) -> Int? {
    let words = Tokenizer.words(TextNormalizer.fold(text).lowercased())
    if words.contains(where: futureWords.contains) { return nil }
    for i in words.indices.dropFirst() where words[i - 1] == "in" && words[i].count == 4 {
      if let year = Int(words[i]), (1900...2100).contains(year) { return year }
    }
    return nil
  }

  /// Words that ask about the future, for ``pastYear(asked:)``.
  static let futureWords: Set<String> = ["will", "would", "expected", "plan", "plans", "planned", "scheduled", "due"]

  /// Whether `text` names a person under a title that is one of the `focus` stems ("Judge
  /// Adrienne Nelson" for the focus "judg").
  static func givesTitle(_ focus: [String], in text: String) -> Bool {
    guard !focus.isEmpty else { return false }
    return SpanFinder.names(in: TextNormalizer.fold(text)).contains { name in
      QuestionAnalyzer.titleWords(of: name).contains { focus.contains(PorterStemmer.stem($0)) }
    }
  }

  /// How strongly a lead passage supports an answer, from 0 to 1: the coverage of the question's
  /// words (with neighbours, in the sentence, of its non-name words), lowered when the expected
  /// span is missing.
  public func confidence(lead: ScoredPassage, hasSpan: Bool, in context: EvidenceContext) -> Double {
    let question = context.question
    let tuning = context.tuning
    var c =
      tuning.confidenceCoverageWeight * min(1, lead.coverage)
      + tuning.confidenceSentenceWeight * min(1, lead.sentenceCoverage)
      + tuning.confidenceTopicWeight * min(1, lead.topicCoverage)
    // An either-or question whose lead names one option: only one of the options can stand in
    // the sentence, so the other's words are no missing evidence.
    // So for a list question whose lead names as many people as it asks for.
    let settled = hasSpan && (question.kind == .yesNo || question.kind == .list)
    if settled { c += tuning.settledOptionBonus }
    if !hasSpan && RuleAnswerer.spanKinds.contains(question.kind) {
      c *= question.kind == .person ? tuning.missingPersonFactor : tuning.missingSpanFactor
    }
    let topical = question.terms.contains { !$0.isEntity && $0.weight >= 0.5 }
    if topical && lead.topicCoverage < tuning.minimumTopicCoverage && !(settled && question.kind == .list) {
      c *= lead.topicCoverage < tuning.absentTopicCoverage ? tuning.absentTopicFactor : tuning.missingTopicFactor
    }
    // "Which federal prison …?" led by a sentence about the sentence served, not the prison.
    let focus = QuestionFocus.stems(of: question)
    // (The word may stand inside a name the sentence holds: "the Paris prosecutor, Laure Beccuau".)
    if !focus.isEmpty, !focus.allSatisfy({ lead.matched.contains($0) || lead.passage.stems.contains($0) }) {
      c *= tuning.missingFocusFactor
    }
    // "Who is the CEO of X?": the person must be named in a sentence that names X; X in the
    // paragraph or title only counts for retrieval. Unless the sentence gives the person the
    // title the question asks for ("Who is the federal judge whose injunction halted X's
    // takeover?" led by "Judge Adrienne Nelson … granted the injunction, which bars the
    // companies …"), as news names the role once and calls X "the companies" after that.
    if !lead.entitiesFound
      || question.kind == .person && question.terms.contains(where: \.isEntity) && lead.nameShare == 0
        && !Self.givesTitle(focus, in: lead.passage.text)
    {
      c *= tuning.missingNameFactor
    }
    return (c * 100).rounded() / 100
  }
}
