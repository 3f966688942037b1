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
    #expect(answer.answer.hasPrefix("No: Nobody was injured"), "\(answer.answer)")
  }
}
