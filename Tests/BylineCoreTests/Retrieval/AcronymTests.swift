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
    ("SBF", "Sam Bankman-Fried, the founder of FTX, was sentenced", "Sam Bankman-Fried"),
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

  static let sentencing: [String: String] = [
    "852_sentence_herald.txt": """
    Crypto founder sentenced
    Brook Herald
    28 March 2024

    Sam Bankman-Fried, the founder of the collapsed exchange, was sentenced on Thursday to 25 years in prison and ordered to forfeit more than $11bn.

    Prosecutors broke the forfeiture down into three parts in their sentencing memo.
    """
  ]

  @Test func typedInitialsOfAHyphenatedNameAreNoMissingWord() throws {
    #expect(Acronym.initials(of: "Sam Bankman-Fried") == "SBF")
    #expect(Acronym.hyphenInitials("Bankman-Fried") == "BF")
    #expect(Acronym.hyphenInitials("post-war") == nil)
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.sentencing), warmUp: false)
    let (answer, _) = try rules.answer("sbf forfeiture amt?")
    #expect(answer.answer.contains("$11bn"), "\(answer.answer)")
    // The same article breaking the sum down ("three parts") gives no other account of it.
    #expect(!answer.answer.contains("Other accounts differ"), "\(answer.answer)")
    #expect(!RuleAnswerer.sameUnit("three", "$11bn"))
    #expect(RuleAnswerer.sameUnit("$9bn", "$11bn"))
  }
}
