import Testing

@testable import BylineCore

@Suite struct AcronymTests {
  @Test(arguments: [
    ("UCL", "Bill McGuire, professor emeritus at University College London, said", "University College London"),
    ("NTSB", "the head of the National Transportation Safety Board said", "National Transportation Safety Board"),
    ("CMA", "Britain's Competition and Markets Authority approved it", "Competition and Markets Authority"),
    ("USGS", "the US Geological Survey measured it at 6.8", "US Geological Survey"),
  ])
  func spelledOutNames(acronym: String, text: String, name: String) {
    #expect(Acronym.expansion(of: acronym, in: text) == name)
  }

  @Test func wordsThatOnlyStartAlikeAreNoExpansion() {
    #expect(Acronym.expansion(of: "UCL", in: "UCL said so") == nil)
    #expect(Acronym.expansion(of: "ECB", in: "The European Commission backed it") == nil)
    #expect(!Acronym.isAcronym("Louvre"))
  }
}
