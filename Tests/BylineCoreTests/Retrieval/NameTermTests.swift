import Testing

@testable import BylineCore

/// The words of a name search as themselves; a conjunction or a negative auxiliary is no word of
/// the topic.
@Suite struct NameTermTests {
  @Test func aNamesWordTakesNoOtherVerbForms() throws {
    let question = QuestionAnalyzer().analyze("Where was the Ever Given taken?")
    let given = try #require(question.terms.first { $0.stem == "given" })
    #expect(given.isEntity)
    let query = try #require(QueryBuilder.pattern(for: question.terms)).raw
    #expect(!query.contains("\"gave\""), "\(query)")
    #expect(query.contains("\"took\""), "\(query)")
    // A paraphrase group still holds for a word of a name: a CEO is a chief executive.
    #expect(Paraphrases.nameAlternatives(of: "ceo").contains("chief"))
    #expect(!Paraphrases.nameAlternatives(of: "given").contains("gave"))
  }

  @Test func onceBeforeASubjectIsAConjunction() {
    let question = QuestionAnalyzer().analyze("Where was the ship taken once it was refloated?")
    #expect(question.terms.first { $0.surface == "once" }?.weight == TermWeight.scaffold)
    let other = QuestionAnalyzer().analyze("Has the ship been inspected more than once?")
    #expect(other.terms.first { $0.surface == "once" }?.weight != TermWeight.scaffold)
    let negative = QuestionAnalyzer().analyze("Why couldn't relief planes land?")
    #expect(negative.terms.first { $0.surface == "couldn" }?.weight == TermWeight.scaffold)
  }
}
