import Foundation

/// The rule-based answer engine: analyse, retrieve, decide whether the corpus answers, extract
/// the span of the expected type, compose one direct sentence with citations and corroboration.
public final class RuleAnswerer: @unchecked Sendable {
  /// The store answers come from.
  public let store: ArticleStore
  let retriever: Retriever
  let analyzer: QuestionAnalyzer
  /// Minimum share of the question's term weight a passage must hold to answer it.
  public var minimumCoverage = 0.55
  private var articleCache: [ArticleSummary]?

  /// Creates an engine over `store`.
  public init(store: ArticleStore) throws {
    self.store = store
    self.retriever = Retriever(store: store)
    let outlets = try store.articles().map(\.outlet).filter { !$0.isEmpty }
    self.analyzer = QuestionAnalyzer(directory: OutletDirectory(extra: outlets))
  }

  /// Analyses a question with the corpus's outlets known.
  public func analyze(_ text: String) -> Question { analyzer.analyze(text) }

  func articles() throws -> [ArticleSummary] {
    if let cached = articleCache { return cached }
    let list = try store.articles()
    articleCache = list
    return list
  }

  /// Answers `text` and returns the trace of how.
  public func answer(_ text: String) throws -> (Answer, AnswerTrace) {
    let clock = ContinuousClock.now
    let question = analyzer.analyze(text)
    var (answer, trace) = try answer(question)
    let elapsed = ContinuousClock.now - clock
    answer.elapsedMs = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    return (answer, trace)
  }

  func answer(_ question: Question) throws -> (Answer, AnswerTrace) {
    let pattern = QueryBuilder.pattern(for: question.terms)?.rawPattern ?? ""
    var trace = AnswerTrace(question: question, query: pattern, passages: [], abstainReason: nil)
    if question.kind == .corpus { return (try corpusAnswer(question), trace) }
    let outletStems = Set(question.outlets.flatMap { Tokenizer.stems($0) })
    let topical = question.terms.filter { $0.weight >= 0.5 && !outletStems.contains($0.stem) }
    if !question.outlets.isEmpty, topical.isEmpty {
      return (try outletAnswer(question), trace)
    }
    guard !question.terms.isEmpty else {
      trace.abstainReason = "the question has no searchable words"
      return (abstain(question, "There is nothing to search for in that question."), trace)
    }
    let passages = try retriever.retrieve(question)
    trace.passages = passages
    if let reason = try missingEvidence(question, passages) {
      trace.abstainReason = reason
      return (abstain(question, "The corpus does not answer that: \(reason).", nearest: passages.first), trace)
    }
    return (try compose(question, passages), trace)
  }

  /// Why the corpus cannot answer, or nil when it can.
  func missingEvidence(_ question: Question, _ passages: [ScoredPassage]) throws -> String? {
    let df = try retriever.frequencies(for: question)
    for entity in question.entities where !question.outlets.contains(where: { entity.contains($0) }) {
      let stems = Tokenizer.stems(entity).filter { !Tokenizer.stopWords.contains($0) }
      if !stems.isEmpty, stems.allSatisfy({ (df[$0] ?? 0) == 0 }) {
        return "it never mentions \(entity)"
      }
      if stems.count >= 2, stems.contains(where: { (df[$0] ?? 0) == 0 }) {
        return "it never mentions \(entity)"
      }
    }
    let idf = try retriever.weights(for: question)
    let total = question.terms.reduce(0.0) { $0 + $1.weight * (idf[$1.stem] ?? 1) }
    let missing = question.terms.filter { term in
      (df[term.stem] ?? 0) == 0 && term.weight >= 0.5
        && !Paraphrases.alternatives(of: term.stem).contains { alt in
          alt.split(separator: " ").allSatisfy { (try? store.documentFrequencies([String($0)]))?[String($0)] ?? 0 > 0 }
        }
    }
    let missingWeight = missing.reduce(0.0) { $0 + $1.weight * (idf[$1.stem] ?? 1) }
    if !missing.isEmpty, missingWeight / max(total, 0.001) > 0.2 {
      return "none of its articles mentions \(missing.map(\.surface).joined(separator: " or "))"
    }
    guard let best = passages.first else { return "no passage matches the question" }
    if best.coverage < minimumCoverage {
      return "no passage covers the question's key terms together"
    }
    if [.date, .number, .money].contains(question.kind) {
      let typed = passages.prefix(6).contains { p in
        p.coverage >= minimumCoverage
          && (SpanFinder.hasSpan(of: question.kind, in: p.passage.text, question: question)
            || Uncertainty.isUncertain(p.passage.text))
      }
      if !typed {
        return "no passage gives a \(question.kind == .date ? "date" : "figure") for it"
      }
    }
    return nil
  }

  func abstain(_ question: Question, _ text: String, nearest: ScoredPassage? = nil) -> Answer {
    var message = text
    if let near = nearest, near.coverage >= 0.25 {
      let clause = ClauseTrimmer.trim(near.passage.text, keep: [], weights: [:], maxWords: 24)
      let who = near.passage.outlet.isEmpty ? near.passage.articleId : near.passage.outlet
      message += " The nearest it comes is \(who): “\(clause)”."
    }
    return Answer(
      question: question.text, answer: message, abstained: true, kind: question.kind, confidence: 0,
      citations: [])
  }
}
