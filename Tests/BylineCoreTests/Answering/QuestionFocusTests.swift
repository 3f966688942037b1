import BylineTestSupport
import Testing

@testable import BylineCore

/// What a question asks about beyond its names, which a lead sentence must hold.
@Suite struct QuestionFocusTests {
  let analyzer = QuestionAnalyzer()

  func focus(_ text: String) -> [String] { QuestionFocus.stems(of: analyzer.analyze(text)) }

  @Test func theRoleTheHeadNounOrTheCountedThingAndItsVerb() {
    #expect(focus("Which federal prison was Bankman-Fried sent to?") == [PorterStemmer.stem("prison")])
    #expect(
      focus("Who is the Paris prosecutor leading the Louvre investigation?") == [PorterStemmer.stem("prosecutor")])
    #expect(focus("Who is Meta's chief financial officer?") == [PorterStemmer.stem("officer")])
    #expect(focus("How many people were injured by the storm?") == ["peopl", PorterStemmer.stem("injured")])
  }

  @Test func kindsOfAnswerAndQuestionsWithoutOneHaveNoFocus() {
    // The answer names a company or a player without the word.
    #expect(focus("Which company bought the startup?").isEmpty)
    #expect(focus("Which Argentine player converted the winning kick?").isEmpty)
    #expect(focus("Which Meta executive reorganized the company's AI work?").isEmpty)
    // A verb, not a role; what an outlet said; a cause.
    #expect(focus("Who was appointed as the new director general?").isEmpty)
    #expect(focus("What did Reuters report about the deal?").isEmpty)
    #expect(focus("Why did the regulator block it?").isEmpty)
    #expect(focus("How many soldiers did Spain send?").isEmpty)
  }

  @Test func aLeadWithoutTheFocusIsLessSure() {
    let index = MemoryPassageIndex(files: FixtureArticles.files)
    let judge = EvidenceJudge(store: index, retriever: Retriever(store: index))
    let question = analyzer.analyze("Which federal prison was Bankman-Fried sent to?")
    func lead(_ text: String) -> ScoredPassage {
      let passage = StoredPassage(
        rowID: 1, articleId: "x", title: "", outlet: "", date: "", ordinal: 0, paragraph: 0, heading: "", text: text,
        stems: Tokenizer.stems(text), cites: [], inheritedCites: [], score: 1)
      return ScoredPassage(
        passage: passage, score: 1, coverage: 0.6, sentenceCoverage: 0.6, topicCoverage: 0.5, entitiesFound: true,
        nameShare: 0.3, matched: Set(passage.stems).intersection(question.terms.map(\.stem)), loosely: [],
        neighbours: [])
    }
    let context = EvidenceContext(question: question, tuning: .standard) { _ in true }
    let without = judge.confidence(
      lead: lead("Bankman-Fried might serve as little as 12 years."), hasSpan: true, in: context)
    let with = judge.confidence(lead: lead("Bankman-Fried was sent to a federal prison."), hasSpan: true, in: context)
    #expect(without < with)
    #expect(abs(without - with * AnswerTuning.standard.missingFocusFactor) < 0.011)
  }
}
