import BylineTestSupport
import Testing

@testable import BylineCore

@Suite struct AcronymTests {
  @Test(arguments: [
    ("UCL", "Bill McGuire, professor emeritus at University College London, said", "University College London"),
    ("NTSB", "the head of the National Transportation Safety Board said", "National Transportation Safety Board"),
    ("CMA", "Britain's Competition and Markets Authority approved it", "Competition and Markets Authority"),
    ("USGS", "the US Geological Survey measured it at 6.8", "US Geological Survey"),
    ("BOE", "the Bank of England cut rates", "Bank of England"),
  ])
  func spelledOutNames(acronym: String, text: String, name: String) {
    #expect(Acronym.expansion(of: acronym, in: text) == name)
  }

  @Test func wordsThatOnlyStartAlikeAreNoExpansion() {
    #expect(Acronym.expansion(of: "UCL", in: "UCL said so") == nil)
    #expect(Acronym.expansion(of: "ECB", in: "The European Commission backed it") == nil)
    #expect(!Acronym.isAcronym("Louvre"))
  }

  static let files: [String: String] = [
    "850_rates_ledger.txt": """
    Central bank holds its nerve
    Harbour Ledger
    8 August 2025

    The Bank of England's next rate decision is due on 18 September, the bank said.
    """,
    "851_jets_courier.txt": """
    Planemaker delays its jet
    Harbour Courier
    8 August 2025

    Boeing said its decision on the production rate would come on 30 October, a later date than planned.
    """,
  ]

  @Test func aLowerCaseWordNoDictionaryKnowsMayBeANamesInitials() throws {
    #expect(Acronym.mayBeTypedInitials("boe", known: { _ in false }))
    #expect(!Acronym.mayBeTypedInitials("rate", known: { $0 == "rate" }))
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("boe next rate decision date")
    #expect(answer.answer.contains("18 September"), "\(answer.answer)")
  }
}
