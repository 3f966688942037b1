import BylineTestSupport
import Testing

@testable import BylineCore

/// A name spelled out where the question gives its initials, a name the story gives away from the sentence its source is
/// credited in, a squared or cubed unit written out in words, and another length of time than
/// the one a yes-or-no question gives.
@Suite struct UnknownNameAndUnitTests {
  let analyzer = QuestionAnalyzer()

  static let files: [String: String] = [
    "940_blackout_courier.txt": """
    Warnings that never arrived
    Harbour Courier
    19 September 2023

    The head of the World Meteorological Organization said most of the deaths could have been avoided with a working weather service.

    Meanwhile the WMO said it was not clear whether earlier warnings reached the public, several aid groups reported.

    The upper dam could hold about 22.5 million cubic metres of water.
    """,
    "941_tail_desk.txt": """
    Debris tail studied
    Orbit Desk
    2 March 2023

    A spacecraft struck a small asteroid in September, and telescopes followed what it threw off.

    The impact was watched from several continents.

    The Hubble Space Telescope watched the cloud of rock for weeks.

    Astronomers then mapped its shape in detail.

    The team found that the debris tail stretched more than 10,000 kilometres, Reuters reported.

    A separate tail was found to stretch about 1,500 kilometres behind another asteroid.
    """,
  ]

  @Test func aNameSpelledOutCountsAsTheName() throws {
    guard WordNet.shared != nil else { return }
    let question = analyzer.analyze("Why, according to the WMO chief, could most of the deaths have been avoided?")
    let top = try Retriever(store: MemoryPassageIndex(files: Self.files)).retrieve(question)
    #expect(top.first?.passage.text.hasPrefix("The head of the World Meteorological Organization") == true)
  }

  @Test func aSentenceFromTheNamedSourceTakesTheStorysNames() throws {
    let question = analyzer.analyze("According to Reuters, how far did the debris tail tracked by Hubble stretch?")
    let top = try Retriever(store: MemoryPassageIndex(files: Self.files)).retrieve(question)
    let credited = try #require(top.first { $0.passage.text.hasPrefix("The team found") })
    // Hubble stands two paragraphs up, past the lede: the sentence Reuters is credited in is about it.
    #expect(credited.entitiesFound)
    // Without a source, a name elsewhere in the article does not make the sentence about it.
    let unsourced = try Retriever(store: MemoryPassageIndex(files: Self.files)).retrieve(
      analyzer.analyze("How far did the debris tail tracked by Hubble stretch?"))
    #expect(unsourced.first { $0.passage.text.hasPrefix("The team found") }?.entitiesFound == false)
  }

  @Test func anotherLengthOfTimeIsANo() {
    #expect(
      RuleAnswerer.contradictsDuration(
        question: "Did NASA need the orbit to shrink by at least ten minutes?",
        sentence: "NASA would count the test a success if the orbit shrank by at least 73 seconds."))
    #expect(
      RuleAnswerer.contradictsDuration(
        question: "Did Zhao get the three-year prison term prosecutors sought?",
        sentence: "Judge Richard Jones sentenced him to four months in prison."))
    // The same length in other units, or a sum of two, holds.
    #expect(
      !RuleAnswerer.contradictsDuration(
        question: "Was Holmes sentenced to 135 months?",
        sentence: "She was sentenced to 11 years and three months in prison."))
    // A bound holds when the sentence's figure is inside it.
    #expect(
      !RuleAnswerer.contradictsDuration(
        question: "Did the search last more than ten days?", sentence: "They were found after 18 days."))
    #expect(
      RuleAnswerer.contradictsDuration(
        question: "Was the fault fixed within a week?", sentence: "Engineers needed five months to fix it."))
    // No length in the sentence: nothing to contradict.
    #expect(
      !RuleAnswerer.contradictsDuration(question: "Did it take two days?", sentence: "It took a while."))
  }

  @Test func aCubedUnitIsSearchedWrittenOut() {
    let question = analyzer.analyze("upper dam capacity m3")
    let unit = try? #require(question.terms.first { $0.surface == "m3" })
    #expect(unit?.variants.contains("cubic metr") == true, "\(unit?.variants ?? [])")
    #expect(Measure.spellings(of: "km2").contains("square kilometres"))
  }
}

/// A word the sentence denies, and a vague figure.
@Suite struct NegatedWordAndVagueFigureTests {
  @Test func aWordOnlyDeniedIsNotHeld() {
    #expect(Retriever.onlyNegated("guilti", in: Tokenizer.stems("Not guilty: conspiracy to defraud patients")))
    #expect(!Retriever.onlyNegated("guilti", in: Tokenizer.stems("The jury found her guilty on four counts")))
    // Held once without "not": held.
    #expect(!Retriever.onlyNegated("guilti", in: Tokenizer.stems("Not guilty on one count, guilty on four")))
  }

  @Test func aDeniedWordCountsLessOutsideYesOrNo() throws {
    let files = [
      "950_verdict_ledger.txt": """
      Jury returns split verdict
      Valley Ledger
      4 January 2022

      The jury convicted the founder on four of the 11 counts she faced.

      Not guilty: four counts of defrauding patients.
      """
    ]
    let analyzer = QuestionAnalyzer()
    let top = try Retriever(store: MemoryPassageIndex(files: files)).retrieve(
      analyzer.analyze("founder guilty how many counts"))
    let denied = try #require(top.first { $0.passage.text.hasPrefix("Not guilty") })
    let asked = try Retriever(store: MemoryPassageIndex(files: files)).retrieve(
      analyzer.analyze("Was the founder found not guilty on any counts?"))
    let deniedForYesNo = try #require(asked.first { $0.passage.text.hasPrefix("Not guilty") })
    // "Not guilty" does not hold "guilty" for a count; for a yes-or-no question it does (its No).
    #expect(!denied.matched.contains("guilti"))
    #expect(deniedForYesNo.matched.contains("guilti"))
  }

  @Test func tensOfAUnitIsAFigure() {
    let spans = SpanFinder.spans(of: .number, in: "Dimorphos had been pushed tens of metres closer to Didymos.")
    #expect(spans.contains("tens"), "\(spans)")
  }
}
