import BylineTestSupport
import Testing

@testable import BylineCore

/// Questions the articles say they cannot answer, on the in-memory index.
@Suite struct NotKnownTests {
  let rules: RuleAnswerer

  init() throws {
    rules = try RuleAnswerer(store: MemoryPassageIndex(files: FixtureArticles.files), warmUp: false)
  }

  @Test func aFigureTheArticlesSayIsUnknownIsARefusalWithItsSource() throws {
    let (answer, _) = try rules.answer("How much will the frost losses cost insurers?")
    #expect(answer.abstained, "answered: \(answer.answer)")
    #expect(answer.answer.hasPrefix("Not known: Insurers have not said how much"))
    #expect(answer.citations.first?.outlet == "Tidewater Gazette")
  }

  @Test func anAsideOfUncertaintyDoesNotHideTheAnswer() {
    #expect(!RuleAnswerer.saysUnknown(.organisation, in: "The review board, still under wraps, will vet each release."))
    #expect(RuleAnswerer.saysUnknown(.date, in: "It is also not known when the next mission will fly."))
    #expect(RuleAnswerer.saysUnknown(.money, in: "He has declined to estimate either the cost of a replacement."))
  }

  @Test func theNameOfWhoSaysItIsUnknownIsNoAnswer() {
    let text = "Norm Knight said the agency had not yet decided which two astronauts would stand down."
    #expect(RuleAnswerer.speaksBefore("Norm Knight", unknownIn: text))
    #expect(!RuleAnswerer.speaksBefore("Huw Pill", unknownIn: "Huw Pill voted to hold; it is unclear why."))
  }

  @Test func notMadeKnownIsANoToWhetherItWas() throws {
    let (answer, _) = try rules.answer("Have insurers disclosed how much the frost losses will cost?")
    #expect(answer.answer.hasPrefix("No"), "\(answer.answer)")
  }
}

/// Leads that name the outlet a sentence refers back to.
@Suite struct OutletReferenceTests {
  @Test func theNewspaperIsNamed() {
    let lead = RuleAnswerer.namingTheOutlet(
      "The newspaper reported that contaminated fuel may have been to blame", cites: ["The Wall Street Journal"],
      asked: [])
    #expect(lead == "The Wall Street Journal reported that contaminated fuel may have been to blame")
  }

  @Test func aShortFormIsNamedInFull() {
    let lead = RuleAnswerer.namingTheOutlet(
      "The Post identified about 40 crashes", cites: ["The Washington Post", "Reuters"], asked: [])
    #expect(lead == "The Washington Post identified about 40 crashes")
    #expect(RuleAnswerer.namingTheOutlet("The Post said", cites: ["The Post"], asked: []) == "The Post said")
    // "The BBC reported" names the BBC already: its "The" stays.
    #expect(RuleAnswerer.namingTheOutlet("The BBC reported it", cites: ["BBC"], asked: []) == "The BBC reported it")
  }

  @Test func twoOutletsAreNotGuessedBetween() {
    let lead = RuleAnswerer.namingTheOutlet("The agency said so", cites: ["Reuters", "AFP"], asked: [])
    #expect(lead == "The agency said so")
    #expect(
      RuleAnswerer.namingTheOutlet("The agency said so", cites: ["Reuters", "AFP"], asked: ["AFP"]) == "AFP said so")
  }
}

/// Leads that name the person an opening pronoun stands for.
@Suite struct PersonReferenceTests {
  @Test func heIsTheOnePersonOfTheSentenceBefore() {
    let lead = RuleAnswerer.namingThePerson(
      "He also gave a name to the spot", previous: "Prime Minister Narendra Modi announced the name on Saturday.")
    #expect(lead == "Narendra Modi also gave a name to the spot")
  }

  @Test func aSurnameIsTheOnePersonOfTheSentenceBeforeWhoHasIt() {
    let lead = RuleAnswerer.namingThePerson(
      "Rush, 61, founded the company and was at the controls",
      previous: "OceanGate said its chief executive, Stockton Rush, had been aboard.")
    #expect(lead == "Stockton Rush, 61, founded the company and was at the controls")
    // Nobody of that name before: unchanged.
    let other = "Mauger said it was too early to say"
    #expect(RuleAnswerer.namingThePerson(other, previous: "Stockton Rush had been aboard.") == other)
  }

  @Test func aPlaceIsNoPerson() {
    let lead = RuleAnswerer.namingThePerson(
      "He also gave a name to the spot", previous: "The prime minister watched from Johannesburg, South Africa.")
    #expect(lead == "He also gave a name to the spot")
    #expect(!SpanFinder.isPerson("South Africa"))
    #expect(SpanFinder.isPerson("Narendra Modi"))
  }

  @Test func twoPeopleLeaveItAlone() {
    let lead = RuleAnswerer.namingThePerson("She said so", previous: "Megan Greene and Catherine Mann voted to hold.")
    #expect(lead == "She said so")
  }
}

/// Titles before names.
@Suite struct TitleTests {
  @Test(arguments: [
    ("Judge Mehta", "Mehta"), ("Prime Minister Narendra Modi", "Narendra Modi"), ("General Motors", "General Motors"),
    ("Mark Carney", "Mark Carney"), ("Bank Rate", "Bank Rate"), ("US District Judge Lewis Kaplan", "Lewis Kaplan"),
    ("Culture Minister Rachida Dati", "Rachida Dati"), ("NASA Administrator Bill Nelson", "Bill Nelson"),
  ])
  func aTitleIsNotPartOfTheName(name: String, bare: String) {
    #expect(QuestionAnalyzer.withoutTitle(name) == bare)
  }
}

/// "Will …?" answered by the sentence after the fact that says the outcome is unclear.
@Suite struct FutureUnknownTests {
  static let files = [
    "600_builder_tidewater.txt": """
    Court orders property builder to be wound up
    Tidewater Gazette
    By Ana Ruiz
    12 March 2025

    A court in the port city ordered the property builder Castellan Homes to be wound up on Monday, after two years of failed talks with its lenders.

    Most of Castellan Homes' assets lie inland, where a liquidator appointed by the port court has no automatic power to enforce the liquidation. Courts in three inland cities can recognise such proceedings, but it is unclear whether they will do so in this case.

    The builder's shares have been suspended since the ruling.
    """
  ]

  @Test func aQuestionAboutWhatWillHappenIsNotKnownWhenTheNextSentenceSaysSo() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Will inland courts enforce the liquidation of Castellan Homes?")
    #expect(answer.answer.hasPrefix("Not known"), "\(answer.answer)")
    #expect(answer.citations.first?.quote.contains("unclear whether") == true)
  }
}

/// A "who" question whose best passage says the report does not say who.
@Suite struct UnknownAtTopTests {
  static let files = [
    "700_door_tidewater.txt":
      """
    Report leaves open who fitted the panel
    Tidewater Gazette
    By Ana Ruiz
    12 March 2025

    Investigators published their first report on the loose cargo door on Tuesday.

    The report does not say who closed the cargo door without its pins, and it remains unclear why the pins were missing.

    The airline has inspected the rest of its fleet.
    """,
    "701_fishermen_coastline.txt":
      """
    Harbour fishermen keep up protest
    Coastline Courier
    By Li Wen
    13 March 2025

    Fishermen rallied at the harbour again on Wednesday.

    Kenji Sato, head of the dock workers' union, said workers closed the harbour's cargo gates without warning on Wednesday, and the protest would go on.

    The ministry declined to comment.
    """,
  ]

  @Test func doesNotSayWhoIsUncertain() {
    #expect(RuleAnswerer.saysUnknown(.person, in: "The report does not say who closed the door."))
  }

  @Test func aNameFromASentenceHoldingLessOfTheQuestionDoesNotOverrideNotKnown() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Which workers closed the cargo door without its locking pins?")
    #expect(answer.answer.hasPrefix("Not known"), "\(answer.answer)")
    #expect(answer.citations.first?.outlet == "Tidewater Gazette")
  }
}
