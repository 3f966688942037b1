import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// Units written as symbols, a person's role, and causes or costs the articles say are not known,
/// on invented articles.
@Suite struct UnitRoleAndCauseTests {
  static let volcano: [String: String] = [
    "840_volcano_plume_ledger.txt": """
    Satellites measure the Mount Karrow plume
    Fenwick Ledger
    3 March 2025

    Mount Karrow erupted on Saturday, and its ash forced the airport at Dunmore to close.

    Satellite images showed that the Mount Karrow plume rose to 41 kilometres at its highest point.

    Ada Brook, the Dunmore airport authority's independent chair, said flights would resume within a week.

    Investigators said a lightning strike or a faulty generator could have started the fire at the airport's fuel depot.

    The cause of the depot fire remains unknown, and no date was given for a report.

    The full cost of repairing the runway will not be known until the contractors send their invoices.
    """
  ]

  @Test func aUnitSymbolMatchesTheUnitWord() throws {
    let question = QuestionAnalyzer().analyze("Did the Mount Karrow plume reach 12 km or 41 km?")
    let km = try #require(question.terms.first { $0.surface == "km" })
    #expect(km.variants.contains(PorterStemmer.stem("kilometres")))
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.volcano), warmUp: false)
    let (answer, _) = try rules.answer("Did the Mount Karrow plume reach 12 km or 41 km?")
    #expect(answer.answer.hasPrefix("41"), "\(answer.answer)")
  }

  @Test func aRoleIsTheApposition() throws {
    let asked = QuestionAnalyzer().analyze("What is Ada Brook's role at the airport authority?")
    #expect(asked.terms.first { $0.surface == "role" }?.weight == TermWeight.scaffold)
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.volcano), warmUp: false)
    let (answer, _) = try rules.answer("What is Ada Brook's role at the airport authority?")
    #expect(!answer.abstained, "\(answer.answer)")
    #expect(answer.answer.contains("independent chair"), "\(answer.answer)")
    let other = QuestionAnalyzer().analyze("What sentence did Ada Brook receive for her role?")
    #expect(other.terms.first { $0.surface == "role" }?.weight != TermWeight.scaffold)
  }

  @Test func whatStartedAFireAsksForItsCause() throws {
    #expect(QuestionAnalyzer().analyze("What started the depot fire?").asksCause)
    #expect(!QuestionAnalyzer().analyze("What did the chair say about the depot?").asksCause)
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.volcano), warmUp: false)
    let (answer, _) = try rules.answer("What started the depot fire?")
    #expect(answer.answer.hasPrefix("Not known: The cause of the depot fire remains unknown"), "\(answer.answer)")
  }

  @Test func articlesFromBeforeTheYearAskedCannotReportIt() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.volcano), warmUp: false)
    let (answer, _) = try rules.answer(
      "Who became chair of the Dunmore airport authority after Ada Brook left in 2027?")
    #expect(answer.abstained, "\(answer.answer)")
    #expect(answer.answer.contains("before 2027"), "\(answer.answer)")
    #expect(EvidenceJudge.pastYear(asked: "What happened to the plume in 2024?") == 2024)
    #expect(EvidenceJudge.pastYear(asked: "Will the airport reopen in 2030?") == nil)
  }

  @Test func aCostTheSubjectSaysIsNotKnownIsNotKnown() {
    let sentence = "The full cost of repairing the runway will not be known until the contractors send their invoices."
    #expect(RuleAnswerer.saysUnknown(.money, in: sentence))
    #expect(!RuleAnswerer.saysUnknown(.person, in: "The board, which declined to comment, met on Friday."))
  }
}
