import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// "How long …" questions, questions whose asking words come late, words denied by "un-", and
/// the yes-or-no lead that must hold the claim.
@Suite struct DurationTests {
  let analyzer = QuestionAnalyzer()

  static let files: [String: String] = [
    "900_ferry_grounding_courier.txt": """
    Ferry refloated after weeks on a sandbar
    Harbour Courier
    12 May 2024

    The inquiry opened a day after salvage crews cut away the mooring lines tangled around the ferry's rudder.

    The ferry had been stuck fast on the sandbar for five weeks.

    A six-month repair programme will start in June.

    Several reports said the ferry's cargo was uninsured; the operator has not confirmed that.

    The operator's shares fell 9% on Monday.
    """
  ]

  @Test func howLongAsksForADuration() throws {
    let question = analyzer.analyze("How long did the raid last?")
    #expect(question.kind == .number)
    #expect(question.asksDuration)
    // The verb only restates the question; the time units join the search.
    #expect(question.terms.first { $0.surface == "last" }?.weight ?? 1 < 0.5)
    #expect(question.terms.contains { $0.surface == "duration" && $0.variants.contains(PorterStemmer.stem("weeks")) })
    #expect(!analyzer.analyze("How many people died?").asksDuration)
    #expect(!analyzer.analyze("How many people died?").terms.contains { $0.surface == "duration" })
  }

  @Test func aPrepositionBeforeTheQuestionWordKeepsTheKind() {
    let question = analyzer.analyze("For how many years did he advise the board?")
    #expect(question.kind == .number)
    #expect(question.asksDuration)
    #expect(analyzer.analyze("For what reason did the board resign?").kind == .reason)
  }

  @Test func questionWordsTypedLastSayWhatIsAsked() {
    #expect(analyzer.analyze("operator shares drop on monday, how much").kind == .number)
    #expect(analyzer.analyze("ferry repair bill how much").kind != .description)
    #expect(analyzer.analyze("How much did the shares fall?").kind == .number)
  }

  @Test func aLongSceneSettingClauseStillLeavesAYesOrNoQuestion() {
    let question = analyzer.analyze(
      "By the time the damaged ferry was towed back into the harbour at dawn, had the cargo been unloaded?")
    #expect(question.kind == .yesNo)
  }

  @Test func aDurationOfTheThingBeatsAnOffset() {
    #expect(SpanFinder.isDurative("five weeks", in: "The ferry had been stuck fast on the sandbar for five weeks."))
    #expect(SpanFinder.isDurative("eight months", in: "They now face a stay of about eight months."))
    #expect(!SpanFinder.isDurative("a day", in: "The inquiry opened a day after crews cut the lines."))
    #expect(!SpanFinder.isDurative("six-month", in: "A six-month repair programme will start."))
  }

  @Test func aDurationCountedFromTheThingsOwnStartIsItsLength() {
    #expect(SpanFinder.isDurative("15 hours", in: "The blaze was declared out about 15 hours after it began."))
    #expect(SpanFinder.isDurative("two days", in: "The strike ended two days after the walkout started."))
    #expect(!SpanFinder.isDurative("two days", in: "The strike ended two days after the vote."))
  }

  @Test func howLongIsAnsweredByTheSentenceThatSaysHowLong() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("For how long was the ferry trapped on the sandbar?")
    #expect(answer.answer.hasPrefix("The ferry had been stuck fast on the sandbar for five weeks"), "\(answer.answer)")
  }

  @Test func aWordDeniedByUnIsTheSameWordNegated() throws {
    #expect(QuestionAnalyzer.negatedForm(of: "insured") == "uninsured")
    #expect(QuestionAnalyzer.negatedForm(of: "under") == nil)
    #expect(Polarity.isNegative("The cargo was uninsured.", near: [PorterStemmer.stem("insured")]))
    #expect(!Polarity.isNegative("The cargo was insured.", near: [PorterStemmer.stem("insured")]))
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Was the ferry's cargo insured?")
    #expect(answer.answer.hasPrefix("Not known: "), "\(answer.answer)")
  }

  static let salvage: [String: String] = [
    "901_ferry_salvage_ledger.txt": """
    Salvage crews bring the stranded ferry into port
    Quayside Ledger
    14 May 2024

    Pieces of the ferry's damaged rudder recovered from the sandbar arrived in port on Wednesday aboard the tug Morwenna, whose crew towed the ferry in.

    Port officials said the ferry would stay in dry dock for the summer.

    The coastguard said the missing voyage logbook had been recovered from the wheelhouse before the ferry was towed into port.
    """
  ]

  @Test func aSceneSettingClauseDoesNotHideTheClaim() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.salvage), warmUp: false)
    let (answer, _) = try rules.answer(
      "By the time the ferry was towed into port, had the missing voyage logbook been recovered?")
    #expect(answer.answer.hasPrefix("Yes, the coastguard said the missing voyage logbook"), "\(answer.answer)")
  }

  static let surnames: [String: String] = [
    "902_port_chief_gazette.txt": """
    Port chief steps down
    Harbour Gazette
    3 June 2024

    Maria Okafor, the port authority's chief executive, resigned on Monday.

    The authority's annual report listed a salary of 310,000 pounds.

    Okafor said the new terminal would open in the spring.
    """
  ]

  @Test func aSurnameNamesThePersonNamedInFullBefore() throws {
    let index = MemoryPassageIndex(files: Self.surnames)
    let top = try Retriever(store: index).retrieve(analyzer.analyze("What did Maria Okafor say about the terminal?"))
    let okafor = try #require(top.first { $0.passage.text.hasPrefix("Okafor said") })
    #expect(okafor.entitiesFound)
    #expect(okafor.matched.contains(PorterStemmer.stem("maria")))
  }
}
