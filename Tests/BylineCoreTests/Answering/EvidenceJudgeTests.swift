import BylineTestSupport
import Testing

@testable import BylineCore

/// The evidence stage on the in-memory index: what it refuses and how it scores a lead.
@Suite struct EvidenceJudgeTests {
  let index = MemoryPassageIndex(files: FixtureArticles.files)

  func judged(_ text: String) throws -> (EvidenceJudge, EvidenceContext, [ScoredPassage]) {
    let analyzer = QuestionAnalyzer(directory: OutletDirectory(extra: try index.publishers()))
    let retriever = Retriever(store: index)
    let question = analyzer.analyze(text)
    let context = EvidenceContext(question: question, tuning: .standard) {
      SpanFinder.hasSpan(of: question.kind, in: $0.passage.text, question: question)
    }
    return (EvidenceJudge(store: index, retriever: retriever), context, try retriever.retrieve(question))
  }

  @Test func aNameTheCorpusNeverMentionsIsRefused() throws {
    let (judge, context, passages) = try judged("What did Mayor Quentin Osei say about the terminal?")
    let reason = try judge.missingEvidence(passages, in: context)
    #expect(reason?.hasPrefix("it never mentions") == true, "\(reason ?? "nil")")
    #expect(reason?.contains("Osei") == true)
  }

  @Test func anArticleFromBeforeTheYearAskedAboutDoesNotAnswer() throws {
    // The fixture's articles are from 2025: they cannot tell what the terminal cost in 2027.
    let (judge, context, passages) = try judged("How much did the container terminal cost in 2027?")
    #expect(passages.contains { $0.passage.text.contains("$420 million") })
    #expect(!passages.contains { judge.answers($0, in: context) })
    let (_, asked, _) = try judged("How much will the container terminal cost?")
    #expect(passages.contains { judge.answers($0, in: asked) })
  }

  @Test func anOutletNoArticleCreditsIsRefused() throws {
    let (judge, context, passages) = try judged("According to Bloomberg, how much will the terminal cost?")
    #expect(try judge.missingEvidence(passages, in: context) == "it never mentions Bloomberg")
  }

  @Test func aFigureQuestionWithAFigureIsAnswerable() throws {
    let (judge, context, passages) = try judged("How much will the container terminal cost?")
    #expect(try judge.missingEvidence(passages, in: context) == nil)
    let lead = try #require(passages.first)
    let withSpan = judge.confidence(lead: lead, hasSpan: true, in: context)
    let without = judge.confidence(lead: lead, hasSpan: false, in: context)
    #expect(withSpan > without)
    #expect(withSpan >= AnswerTuning.standard.answerThreshold)
  }

  @Test func aDemonymIsNotANameTheArticlesMustHold() throws {
    let (judge, context, passages) = try judged("Did the British unions say they were consulted about the plan?")
    #expect(context.question.entities.isEmpty)
    #expect(try judge.missingEvidence(passages, in: context) == nil)
  }
}

/// A person question whose lead names no name of the question, but gives the person the title
/// the question asks for.
@Suite struct TitledPersonTests {
  @Test func aSentenceGivingTheAskedTitleAnswersWithoutRepeatingTheCompanies() throws {
    let corpus = try TempCorpus(seeds: false)
    try corpus.write(
      "a.txt",
      "Northwind drops Bayline takeover after court ruling\n\nNorthwind Freight called off its planned takeover of Bayline Logistics on Thursday.\n\n"
        + "On Monday, Judge Carmen Ruiz of the US District Court in Denver granted the regulator's request for an "
        + "injunction, which bars the companies from completing the deal.\n")
    try corpus.write(
      "b.txt", "Rail permits paused\n\nA federal order blocks new rail freight permits in Colorado, officials said.\n")
    let rules = try corpus.engine().rules
    let answer = try rules.answer("Who is the federal judge whose injunction blocks the Northwind takeover of Bayline?")
      .0
    #expect(answer.answer.contains("Carmen Ruiz"), "\(answer.answer)")
    #expect(EvidenceJudge.givesTitle(["judg"], in: "Judge Carmen Ruiz granted it."))
    #expect(!EvidenceJudge.givesTitle(["judg"], in: "Carmen Ruiz granted it."))
  }
}
