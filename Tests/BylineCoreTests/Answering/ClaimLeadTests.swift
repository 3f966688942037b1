import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// Which sentence leads a yes-or-no answer: the one holding the claim, its rarest words first.
@Suite struct ClaimLeadTests {
  static let files: [String: String] = [
    "800_museum_robbery_gazette.txt": """
    Thieves rob the city museum in four minutes
    Tidewater Gazette
    20 October 2025

    Thieves robbed the city museum on Sunday morning and escaped on scooters with eight pieces of jewellery.

    The museum's director answered senators' questions about the robbery for two hours on Wednesday.

    Nobody was injured.

    Detectives said the robbery had been planned for months.
    """
  ]

  @Test func theSentenceWithTheRarerClaimWordLeads() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Was anybody injured during the museum robbery?")
    #expect(answer.answer.hasPrefix("No, nobody was injured"), "\(answer.answer)")
  }

  static let mourning: [String: String] = [
    "801_quake_courier.txt": """
    Quake kills hundreds in the mountains
    Valley Courier
    9 September 2023

    The king declared three days of national mourning, the state news agency said.

    More than 2 days after the 6.8 quake, rescue teams were still digging.

    The regulator lost its attempt in July to get a court order temporarily blocking the merger.
    """
  ]

  @Test func howManyDaysIsAnsweredByADuration() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.mourning), warmUp: false)
    let (answer, _) = try rules.answer("How many days of national mourning did the king declare?")
    #expect(answer.answer.hasPrefix("The king declared three days"), "\(answer.answer)")
  }

  @Test func aLostAttemptIsANo() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.mourning), warmUp: false)
    let (answer, _) = try rules.answer("Did the regulator get a court to temporarily block the merger?")
    #expect(answer.answer.hasPrefix("No, "), "\(answer.answer)")
    #expect(Polarity.isNegative("It failed in its bid to win a court order blocking the deal.", near: ["block"]))
    #expect(!Polarity.isNegative("It won a court order blocking the deal.", near: ["block"]))
    #expect(!Polarity.questionIsNegative("Has the regulator won its appeal?"))
    #expect(Polarity.questionIsNegative("Won't the regulator appeal?"))
  }

  static let watchdog: [String: String] = [
    "802_merger_ledger.txt": """
    The takeover closes
    Harbour Ledger
    13 October 2023

    The company completed the takeover on Friday, hours after the competition watchdog blocked the first version of the deal.

    In April the watchdog blocked the first version of the deal, on the grounds that the buyer could dominate cloud gaming.

    Rivals said competition in cloud gaming would suffer.

    Competition lawyers expect more reviews of gaming deals.

    The competition for players is fierce.
    """
  ]

  @Test func aCauseBeatsAnEarlierEvent() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.watchdog), warmUp: false)
    let (answer, _) = try rules.answer("Why did the competition watchdog block the first version of the deal?")
    #expect(answer.answer.contains("cloud gaming"), "\(answer.answer)")
  }

  @Test func theyStandsForTheNamesTheSentenceBeforeOpensWith() {
    #expect(PassageCache.subjectNames(of: "Wilmore and Williams lifted off on June 5.") == ["Wilmore", "Williams"])
    #expect(PassageCache.subjectNames(of: "Spain, Qatar and Britain sent teams.") == ["Spain", "Qatar", "Britain"])
    #expect(PassageCache.subjectNames(of: "NASA said on Friday that it would wait.").isEmpty)
  }

  static let rights: [String: String] = [
    "803_rights_wire.txt": """
    Streaming rights change hands
    Harbour Wire
    13 October 2023

    To satisfy the regulator, Northwind agreed to sell the cloud streaming rights for its games to Ubisoft.

    Northwind paid $7.5 billion in 2021 for Zenith Media, whose cloud streaming rights it already held.
    """
  ]

  @Test func aFigureAboutSomethingElseDoesNotAnswer() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.rights), warmUp: false)
    let (answer, _) = try rules.answer("How much did Ubisoft pay Northwind for the cloud streaming rights?")
    #expect(answer.abstained, "\(answer.answer)")
    let (bought, _) = try rules.answer("How much did Northwind pay for Zenith Media?")
    #expect(bought.answer.contains("$7.5 billion"), "\(bought.answer)")
  }

  @Test func yesOrNoOpensTheSentenceItAnswersWith() {
    #expect(RuleAnswerer.continuing("Two of them rode the lift.") == "two of them rode the lift.")
    #expect(RuleAnswerer.continuing("The coastguard said so.") == "the coastguard said so.")
    #expect(RuleAnswerer.continuing("Investigators said so.") == "investigators said so.")
    #expect(RuleAnswerer.continuing("Tesla's plan drew a welcome.") == "Tesla's plan drew a welcome.")
    #expect(RuleAnswerer.continuing("Bayern Munich completed the signing.") == "Bayern Munich completed the signing.")
    #expect(RuleAnswerer.continuing("NASA said so.") == "NASA said so.")
    #expect(RuleAnswerer.continuing("I think so.") == "I think so.")
    #expect(RuleAnswerer.continuing("A federal jury found him guilty.") == "a federal jury found him guilty.")
    #expect(RuleAnswerer.continuing("Bobby Kotick will stay.") == "Bobby Kotick will stay.")
    #expect(RuleAnswerer.continuing("Prime Minister Narendra Modi spoke.") == "Prime Minister Narendra Modi spoke.")
  }
}
