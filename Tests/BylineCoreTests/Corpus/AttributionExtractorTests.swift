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
  ])
  func creditsOutlets(_ sentence: String, _ expected: [String]) {
    #expect(extractor.outlets(in: sentence) == expected)
  }

  @Test func unknownDomainsAreNamedAfterTheirMainLabel() {
    #expect(OutletDirectory.standard.outlet(forDomain: "www.example-news.com") == "Example-News")
    #expect(OutletDirectory.standard.outlet(forDomain: "about.fb.com") == "Meta")
  }
}
