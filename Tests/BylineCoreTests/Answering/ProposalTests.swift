import BylineTestSupport
import Testing

@testable import BylineCore

@Suite struct ProposalTests {
  @Test func theClauseOfWhoAskedIsFound() throws {
    let asked = try #require(
      RuleAnswerer.proposalClause(in: "Did Zhao get the three-year prison term the prosecution asked for?"))
    #expect(asked == ["asked", "prosecution"])
    let recommended = try #require(
      RuleAnswerer.proposalClause(
        in: "Did the judge go along with the nine-year term recommended by probation officers?"))
    #expect(recommended == ["recommended", "probation", "officers"])
    #expect(RuleAnswerer.proposalClause(in: "Did Zhao go to prison?") == nil)
  }

  @Test func aBoundIsNoOutcome() {
    #expect(RuleAnswerer.givesSettledLength("Zhao was sentenced on Tuesday to four months in prison."))
    #expect(!RuleAnswerer.givesSettledLength("The charge carries a maximum of ten years in prison."))
    #expect(!RuleAnswerer.givesSettledLength("Guidelines point to a range of 10 to 18 months."))
  }

  static let files: [String: String] = [
    "950_court_wire.txt": """
    Exchange founder jailed
    Court Wire
    1 May 2024

    Pavel Rusk, the founder of the exchange, was given a prison term of four months on Tuesday for failing to stop money laundering.

    Prosecutors had asked for a three-year prison term for Rusk, arguing that a heavy term was needed to deter others.

    The charge carries a maximum of ten years in prison, and Rusk agreed not to appeal.
    """
  ]

  @Test func aYesNoAboutWhatWasAskedIsAnsweredByWhatHappened() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Did Rusk get the three-year prison term the prosecution asked for?")
    #expect(answer.answer.hasPrefix("No"), "\(answer.answer)")
    #expect(answer.answer.contains("four months"), "\(answer.answer)")
  }
}
