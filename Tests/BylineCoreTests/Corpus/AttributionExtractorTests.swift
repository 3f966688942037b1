import Testing

@testable import BylineCore

@Suite struct AttributionExtractorTests {
  let extractor = AttributionExtractor()

  @Test(arguments: [
    ("It will ship eventually (axios.com, theverge.com).", ["Axios", "The Verge"]),
    ("Meta is preparing to release them, according to Axios.", ["Axios"]),
    ("Reuters reported in June 2025 that Zuckerberg reorganized the work.", ["Reuters"]),
    ("Meta will open‑source portions, The‑Decoder reports, marking a first.", ["The-Decoder"]),
    ("The core reporting, first published by Axios, establishes it.", ["Axios"]),
    ("A decision echoed in a SiliconANGLE report.", ["SiliconANGLE"]),
    ("Source: Axios", ["Axios"]),
    ("The report came from a single primary report by Axios, which broke the news.", ["Axios"]),
    ("Mark Zuckerberg wrote that open-source AI was the path forward.", []),
    ("According to reports, Meta intends to keep some models.", []),
    ("The manager told Reuters the deal was close.", ["Reuters"]),
    ("The bid was higher, the Sunday Times reported.", ["The Sunday Times"]),
    ("That was far too low, according to the Financial Times.", ["Financial Times"]),
    ("The club agreed a fee (thesundaytimes.co.uk).", ["The Sunday Times"]),
    ("With files from The Associated Press and Reuters.", ["Associated Press", "Reuters"]),
    ("It was a mistake, writes Jane Martinson on media.guardian.co.uk.", ["The Guardian"]),
    ("The PA news agency understands the club will pay more.", ["PA Media"]),
    ("ESPN, citing sources, said the club wanted more money.", ["ESPN"]),
    ("Thomson Reuters said in a statement that profits rose.", []),
    ("Reuters, citing Bloomberg, said the talks had stalled.", ["Reuters", "Bloomberg"]),
    ("The deal was first reported by Sky News.", ["Sky News"]),
    ("ESPN's sources said he wanted to leave.", ["ESPN"]),
    ("TF1 and Le Parisien reported the crown was damaged.", ["TF1", "Le Parisien"]),
    ("The figure was 12, the Houston Chronicle said.", ["Houston Chronicle"]),
    ("The BBC later reported the same figure.", ["BBC"]),
    (
      "The Wall Street Journal had reported hours before the hearing that he would plead guilty.",
      ["The Wall Street Journal"]
    ),
    ("Reuters has said the talks stalled.", ["Reuters"]),
  ])
  func creditsOutlets(_ sentence: String, _ expected: [String]) {
    #expect(extractor.outlets(in: sentence) == expected)
  }

  @Test func unknownDomainsAreNamedAfterTheirMainLabel() {
    #expect(OutletDirectory.standard.outlet(forDomain: "www.example-news.com") == "Example-News")
    #expect(OutletDirectory.standard.outlet(forDomain: "about.fb.com") == "Meta")
    #expect(OutletDirectory.standard.outlet(forDomain: "thesundaytimes.co.uk") == "The Sunday Times")
    #expect(OutletDirectory.standard.outlet(forDomain: "www.unknownpaper.co.uk") == "Unknownpaper")
    #expect(OutletDirectory.standard.outlet(forDomain: "news.example.com.au") == "Example")
  }

  @Test func aPublisherIsKnownWithoutItsThe() {
    let directory = OutletDirectory(extra: ["The Alder Review", "The Courier"])
    #expect(directory.canonical("Alder Review") == "The Alder Review")
    #expect(directory.canonical("the Alder Review") == "The Alder Review")
    // One word is too common a name to stand for the outlet alone.
    #expect(directory.canonical("Courier") == nil)
    let analyzer = QuestionAnalyzer(directory: directory)
    #expect(analyzer.analyze("What did the Alder Review report about the bonds?").outlets == ["The Alder Review"])
  }

  @Test func theSubjectOfTheStorySpeaksButIsNotASource() {
    #expect(extractor.outlets(in: "The BBC said it would appeal.", subjects: ["BBC"]).isEmpty)
    #expect(extractor.outlets(in: "The BBC reported the letter first.", subjects: ["BBC"]) == ["BBC"])
  }
}
