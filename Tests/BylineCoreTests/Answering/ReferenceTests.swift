import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// Answers that depend on how an article refers back to what it named before: a person by
/// surname, a speaker's words about "the move", a follow-up whose answer the earlier sentence
/// already gave.
@Suite struct ReferenceTests {
  static let files: [String: String] = [
    "700_airline_outage_gazette.txt": """
    Airlines count the cost of the scheduling outage
    Tidewater Gazette
    3 May 2025

    Northwind Airways cancelled roughly 4,000 flights over four days as its crew-scheduling system struggled to recover, far more than any other carrier.

    Northwind Airways was still cancelling hundreds of flights on Monday.

    Smaller carriers were back to normal by Sunday, the transport ministry said.
    """,
    "701_ferry_loss_ledger.txt": """
    Ferry operator confirms its founder was on board
    Coastline Ledger
    4 May 2025

    The operator said in a statement that its chief executive, Tomas Varga, had been aboard. Varga, 58, founded the company and was at the wheel when the ferry sank.

    Divers recovered the ship's recorder on Friday.
    """,
    "702_bond_writeoff_review.txt": """
    Regulator wipes out the bank's riskiest bonds
    The Alder Review
    5 May 2025

    The regulator ordered the bank's convertible bonds to be written off in full on Sunday.

    Ines Marr, a senior strategist at Kestrel Bank, told Reuters that the move had confused investors, because shareholders were supposed to absorb losses first.
    """,
    "703_editor_gazette.txt": """
    Gazette names a new editor
    Tidewater Gazette
    6 May 2025

    The Gazette named Marta Ruiz as its new editor on Monday, ending a search that took most of the year.

    She spent twelve years as a reporter at the Harbour Courier before moving into management.
    """,
  ]

  let rules: RuleAnswerer

  init() throws {
    rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
  }

  @Test func aPersonNamedBySurnameIsTheOneNamedInFullBefore() throws {
    let (answer, _) = try rules.answer("Who was at the wheel of the ferry when it sank?")
    #expect(!answer.abstained)
    #expect(answer.answer.hasPrefix("Tomas Varga, 58, founded the company"), "\(answer.answer)")
  }

  @Test func sheIsThePersonOfTheSentenceBefore() throws {
    let (answer, _) = try rules.answer("Where did Marta Ruiz work as a reporter?")
    #expect(!answer.abstained, "\(answer.answer)")
    #expect(answer.answer.hasPrefix("Marta Ruiz spent twelve years as a reporter"), "\(answer.answer)")
  }

  @Test func theSpeakersSentenceAnswersWhatTheySaidAboutTheDecision() throws {
    let (answer, _) = try rules.answer("What did Ines Marr tell Reuters about the write-off decision?")
    #expect(!answer.abstained, "\(answer.answer)")
    #expect(answer.answer.contains("confused investors"))
  }

  @Test func aPublisherNamedWithoutItsTheIsKnown() throws {
    let (answer, _) = try rules.answer("What did the Alder Review report about the bonds?")
    #expect(!answer.answer.contains("never mentions"), "\(answer.answer)")
  }

  @Test func aFollowUpKeepsTheEarlierSentenceThatGivesItsFigure() throws {
    let conversation = Conversation()
    let first = "Which airline struggled most to recover from the scheduling outage?"
    let (earlier, _) = try rules.answer(first)
    #expect(earlier.answer.contains("4,000"), "\(earlier.answer)")
    conversation.record(Turn(question: first, understood: first, answer: earlier))
    let next = "And how many flights did it end up cancelling?"
    let resolution = try #require(conversation.resolve(next, analyzer: QuestionAnalyzer()))
    let (answer, _) = try rules.answer(next, resolution: resolution)
    #expect(answer.kind == .number)
    #expect(answer.answer.contains("4,000"), "\(answer.answer)")
  }
}
