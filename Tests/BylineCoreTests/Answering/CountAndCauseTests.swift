import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// Counts, ordinals, causes not known and names written as initials, on invented articles.
@Suite struct CountAndCauseTests {
  static let harbour: [String: String] = [
    "810_harbour_reopens_gazette.txt": """
    Harbour reopens after the dredger grounding
    Tidewater Gazette
    4 May 2025

    The Northern Star, a 300-metre vessel carrying 9,000 tonnes of grain, became stuck in the harbour mouth on Monday.

    At least 212 ships were waiting when the harbour reopened on Friday, the port authority said.

    Engineers said one of the dredger's two pumps failed an hour before the grounding.

    The cause of the pump failure has not been disclosed.

    Redwater became the third port on the coast to install a tide gauge this year.
    """
  ]

  @Test func aHowManyQuestionLeadsWithTheSentenceThatCountsTheThing() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.harbour), warmUp: false)
    let (answer, _) = try rules.answer("How many vessels were waiting when the harbour reopened?")
    #expect(answer.answer.hasPrefix("At least 212 ships"), "\(answer.answer)")
  }

  @Test func theCountedNounIsPastItsAdjectives() throws {
    let question = QuestionAnalyzer().analyze("How many former Redwater employees will the buyer keep?")
    #expect(RuleAnswerer.countedWord(of: question) == "employees")
    #expect(RuleAnswerer.focus(of: question) == "employe")
    // Past an owner of two words and a noun that modifies the counted one.
    let owned = QuestionAnalyzer().analyze("How many of Voyager 1's science instruments came straight back?")
    #expect(RuleAnswerer.countedWord(of: owned) == "instruments")
    #expect(RuleAnswerer.focus(of: owned) == "instrument")
  }

  @Test func anotherOrdinalIsANo() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.harbour), warmUp: false)
    let (answer, _) = try rules.answer("Was Redwater the fourth port on the coast to install a tide gauge?")
    #expect(answer.answer.hasPrefix("No, "), "\(answer.answer)")
    #expect(RuleAnswerer.contradictsOrdinal(question: "Was it the fourth?", sentence: "It was the fifth."))
    #expect(!RuleAnswerer.contradictsOrdinal(question: "Was it the 5th?", sentence: "It was the 5th and last."))
    #expect(!RuleAnswerer.contradictsOrdinal(question: "Was it the fifth?", sentence: "It was the fifth and first."))
  }

  @Test func aCauseTheArticlesSayIsNotKnownIsNotKnown() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.harbour), warmUp: false)
    let (answer, _) = try rules.answer("What made the dredger's pump fail?")
    #expect(answer.answer.hasPrefix("Not known: The cause of the pump failure"), "\(answer.answer)")
    #expect(!answer.abstained)
  }

  static let bank: [String: String] = [
    "811_bank_fails_ledger.txt": """
    Regulators close Harbourside Savings Bank
    Marsh Ledger
    10 March 2025

    Regulators closed Harbourside Savings Bank on Friday after depositors pulled their money.

    HSB had about $48bn in total assets at the end of last year, its filings show.

    Marsh Credit Union, a smaller lender, had about $12bn in total assets.

    The closure was the largest since the autumn, officials said.
    """
  ]

  @Test func aNameWrittenAsItsInitialsIsTheName() throws {
    #expect(Acronym.initials(of: "Harbourside Savings Bank") == "HSB")
    #expect(Acronym.initials(of: "Bank of England") == "BE")
    #expect(Acronym.initials(of: "Harbourside") == nil)
    let index = MemoryPassageIndex(files: Self.bank)
    let question = QuestionAnalyzer().analyze("How much in total assets did Harbourside Savings Bank hold?")
    let top = try Retriever(store: index).retrieve(question)
    let initials = try #require(top.first { $0.passage.text.hasPrefix("HSB") })
    #expect(initials.matched.contains(PorterStemmer.stem("harbourside")))
    let rules = try RuleAnswerer(store: index, warmUp: false)
    let (answer, _) = try rules.answer(question.text)
    #expect(answer.answer.contains("$48bn"), "\(answer.answer)")
  }
}
