import Foundation
import Testing

@testable import BylineCore

/// The seed articles, read from Knowledge/.
enum Seeds {
  static let folder: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      let candidate = url.appendingPathComponent("Knowledge").path
      if FileManager.default.fileExists(atPath: candidate + "/000_0270aeca28a1971a.txt") { return candidate }
    }
    return "Knowledge"
  }()

  static func parsed(_ prefix: String) throws -> ParsedArticle {
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix(prefix) })
    let (articles, warnings) = ArticleReader().read(path: folder + "/" + name)
    #expect(warnings.isEmpty)
    return ArticleStructurer().structure(try #require(articles.first))
  }
}

@Suite struct ArticleStructurerTests {
  @Test func morningOverviewMetadataHeadingsAndNote() throws {
    let doc = try Seeds.parsed("000")
    #expect(doc.article.outlet == "Morning Overview")
    #expect(doc.article.title == "Report: Meta plans eventual open-source releases of upcoming AI models")
    #expect(doc.headings == ["What is verified so far", "What remains uncertain", "How to read the evidence"])
    #expect(!doc.passages.contains { $0.text.contains("More from") })
    #expect(doc.passages.contains { $0.text.hasPrefix("This article was researched with the help of AI") })
    let first = try #require(doc.passages.first { $0.heading == "What is verified so far" })
    #expect(first.text.hasPrefix("The core reporting, first published by Axios"))
    #expect(first.cites == ["Axios"])
  }

  @Test func scoutPublisherTrailerAndRunCredits() throws {
    let doc = try Seeds.parsed("001")
    #expect(doc.article.outlet == "Scout")
    #expect(doc.article.title == "Meta to open-source models")
    #expect(!doc.passages.contains { $0.text.contains("App Store") || $0.text.contains("daily briefing") })
    let intro = try #require(doc.passages.first { $0.text.hasPrefix("The move is pitched") })
    #expect(intro.text.hasSuffix("(axios.com)"))
    #expect(intro.cites == ["Axios"])
    let zuck = try #require(doc.passages.first { $0.text.hasPrefix("In July 2024, Mark Zuckerberg wrote") })
    #expect(zuck.cites == ["Meta"])
    let report = try #require(doc.passages.first { $0.text.hasPrefix("The report says these will be") })
    #expect(report.cites == ["Axios", "The Verge"])
  }

  @Test func sentenceSplitsAroundAbbreviationsAndAmounts() throws {
    let doc = try Seeds.parsed("001")
    #expect(
      doc.passages.contains {
        $0.text.hasPrefix("Meta is preparing to release") && $0.text.contains("last big U.S. lab still")
      })
    let sector = try Seeds.parsed("003")
    #expect(
      sector.passages.contains { TextNormalizer.fold($0.text).contains("$15 billion recruitment package in 2025") })
  }

  @Test func sectorHQFurnitureAndPrimarySource() throws {
    let doc = try Seeds.parsed("003")
    #expect(doc.article.outlet == "SectorHQ")
    #expect(doc.article.title.hasPrefix("Meta to Open"))
    #expect(doc.sources == ["SiliconANGLE"])
    #expect(
      !doc.passages.contains {
        $0.text.contains("Skip to main content") || $0.text.contains("Unsplash") || $0.text.contains("Related Stories")
      })
    let lead = try #require(doc.passages.first)
    #expect(lead.text.hasPrefix("Meta will open"))
    #expect(lead.cites == ["The-Decoder"])
    let board = try #require(doc.passages.first { $0.text.contains("internal review board") })
    #expect(board.cites == ["SiliconANGLE"])
  }

  @Test func unnamedPublishersStayEmptyAndArticleSourceIsKept() throws {
    let partial = try Seeds.parsed("002")
    #expect(partial.article.outlet == "")
    #expect(partial.article.title == "Meta plans partial open‑sourcing")
    let april = try #require(partial.passages.first { $0.text.hasPrefix("Axios reported on April 6") })
    #expect(april.cites == ["Axios"])
    let wang = try #require(partial.passages.first { $0.text.hasPrefix("These would be the first new models") })
    #expect(wang.credited == ["Axios", "Reuters"])
    let reuters = try #require(partial.passages.first { $0.text.hasPrefix("This is also a response to pressure") })
    #expect(reuters.cites.isEmpty)
    #expect(
      partial.passages.contains { $0.text.hasPrefix("Reuters reported in June 2025") && $0.cites.contains("Reuters") })

    let doc = try Seeds.parsed("004")
    #expect(doc.article.outlet == "")
    #expect(doc.sources == ["Axios"])
    #expect(doc.headings.contains("Strategic Pivot After Llama 4 Challenges"))
    #expect(!doc.passages.contains { $0.text == "Axios" || $0.text == "Source" })
    #expect(doc.passages.allSatisfy { !$0.credited.isEmpty })
  }
}
