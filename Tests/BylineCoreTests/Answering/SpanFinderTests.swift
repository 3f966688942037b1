import Testing

@testable import BylineCore

@Suite struct SpanFinderTests {
  let reuters =
    "Reuters reported in June 2025 that Zuckerberg reorganized the company’s AI work under Meta Superintelligence Labs after staff departures and a weak reception for Llama 4, while rivals such as OpenAI, Google, and DeepSeek gained momentum."

  @Test func anAgeIsNotADuration() {
    let spans = SpanFinder.spans(of: .number, in: "A 50-year-old lawyer said the power was off for up to 20 hours.")
    #expect(spans.first == "20 hours")
    #expect(!spans.contains("50-year"))
  }

  @Test func findsPeopleDatesAmountsAndNumbers() {
    #expect(
      SpanFinder.spans(of: .person, in: "In July 2024, Mark Zuckerberg wrote that open-source AI was the path forward.")
        == ["Mark Zuckerberg"])
    #expect(SpanFinder.spans(of: .date, in: reuters) == ["June 2025"])
    #expect(SpanFinder.spans(of: .money, in: "after his 2025 $15 billion Scale AI deal").first == "$15 billion")
    #expect(SpanFinder.spans(of: .number, in: "It said Llama had passed 1 billion downloads.") == ["1 billion"])
    #expect(SpanFinder.spans(of: .number, in: "the underperformance of its Llama 4 family").isEmpty)
  }

  @Test(arguments: [
    ("The deal values the bank at 3 billion Swiss francs.", "3 billion Swiss francs"),
    ("It was a 650-crore-rupee mission.", "650-crore-rupee"),
    ("The budget is ₹600 crore this year.", "₹600 crore"),
    ("UBS paid CHF 3bn in shares.", "CHF 3bn"),
    ("A fine of US$3.2m was imposed.", "US$3.2m"),
    ("Sony sold it for 40,000 yen in Tokyo.", "40,000 yen"),
  ])
  func amountsInAnyCurrency(sentence: String, amount: String) {
    #expect(SpanFinder.spans(of: .money, in: sentence).first == amount)
  }

  @Test func aNameAfterTheIsNoPersons() {
    let text = "A former Thai navy diver died inside the Tham Luang cave while Saman Kunan was placing air tanks."
    #expect(SpanFinder.people(in: text) == ["Saman Kunan"])
    #expect(Conversation.person(in: "The Tham Luang cave flooded.") == nil)
  }

  @Test func aPluralOpeningASentenceIsNoOrganisation() {
    #expect(SpanFinder.spans(of: .organisation, in: "Officials said the work would take a year.").isEmpty)
    #expect(SpanFinder.spans(of: .organisation, in: "Regulators closed Signature Bank.") == ["Signature Bank"])
    #expect(SpanFinder.spans(of: .organisation, in: "Apple said it would appeal.") == ["Apple"])
  }

  @Test func hyphenatedAndMcNamesArePeople() {
    #expect(SpanFinder.isPerson("Jan-Christian Dreesen"))
    #expect(SpanFinder.isPerson("Bill McGuire"))
    #expect(!SpanFinder.isPerson("DeepSeek Labs"))
    #expect(!SpanFinder.isPerson("BBC Studios"))
  }

  @Test func sinceADateIsNoReason() {
    #expect(SpanFinder.spans(of: .reason, in: "It was Russia's first attempt to reach the Moon since 1976.").isEmpty)
    #expect(!SpanFinder.spans(of: .reason, in: "Since the probe lost contact, the agency gave up.").isEmpty)
  }

  @Test func aCountIsNotMoney() {
    #expect(SpanFinder.spans(of: .money, in: "Six of the 21 crew members were in the Dali's engine room.").isEmpty)
  }

  @Test func ranksNamesByClosenessToMatchedWords() {
    let names = SpanFinder.spans(of: .organisation, in: reuters)
    #expect(names.contains("OpenAI"))
    let ranked = SpanFinder.rank(names, in: reuters, near: ["rival", "momentum", "gain"])
    #expect(["OpenAI", "Google", "DeepSeek"].contains(ranked.first ?? ""))
  }
}

extension SpanFinderTests {
  @Test func asciiPropertiesAreTheUnicodeOnes() {
    for v in 0..<128 {
      let s = Unicode.Scalar(UInt8(v))
      let p = s.properties
      let isUpper = v >= 0x41 && v <= 0x5A
      #expect(p.isWhitespace == (v == 0x20 || v >= 0x09 && v <= 0x0D))
      #expect(p.isUppercase == isUpper)
      #expect(p.isAlphabetic == (isUpper || v >= 0x61 && v <= 0x7A))
      #expect((p.numericType != nil) == (v >= 0x30 && v <= 0x39))
    }
  }
}
