import Foundation
import Testing

@testable import BylineCore

/// Structure rules on small inline pages: one rule a test.
@Suite struct PageStructureTests {
  let structurer = ArticleStructurer()

  func read(_ text: String, as name: String = "page.txt") -> ParsedArticle {
    let (articles, _) = ArticleReader().read(data: Data(text.utf8), path: "/tmp/" + name)
    return structurer.structure(articles[0])
  }

  let body =
    "The council approved the new budget on Tuesday after a long debate that ran past midnight.\n\n"
    + "Officials said the plan would cut spending on roads by a tenth over the next three years.\n"

  @Test func theAgencyCreditsTheOutletNamedBeforeIt() {
    let doc = read(
      "Council approves budget after a long night of debate\nHarbour Tribune\n\n"
        + "Reuters called it the city's most contested budget in years. The news agency said the vote "
        + "split the council down the middle, with the mayor casting the deciding ballot.\n")
    let agency = doc.passages.first { $0.text.hasPrefix("The news agency said") }
    #expect(agency?.cites == ["Reuters"])
    // Naming the outlet without a reporting verb is a mention, not a credit.
    #expect(doc.passages.first?.cites.isEmpty == true)
  }

  @Test func outletLineAboveTheHeadline() {
    let doc = read("Harbour Tribune\n\nCouncil approves budget after a long night of debate\n\n" + body)
    #expect(doc.article.outlet == "Harbour Tribune")
    #expect(doc.article.title == "Council approves budget after a long night of debate")
    #expect(doc.passages.count == 2)
  }

  @Test func outletLineBelowTheHeadline() {
    let doc = read("Council approves budget after a long night of debate\nHarbour Tribune\n\nBy Ann Lee\n\n" + body)
    #expect(doc.article.outlet == "Harbour Tribune")
    #expect(doc.article.title == "Council approves budget after a long night of debate")
    #expect(doc.headings.isEmpty)
  }

  @Test func skipLinksShareBarsAndPromptsAreDropped() {
    let doc = read(
      "Skip to content\nSkip to navigation\nCouncil approves budget after a long night of debate\n\n"
        + "Listen to this article\nShare this story | Print | Email\nAdvertisement\n"
        + "We use cookies to improve your experience. Accept all | Manage settings\n\n" + body)
    #expect(doc.article.title == "Council approves budget after a long night of debate")
    #expect(doc.passages.map(\.text).allSatisfy { $0.hasPrefix("The council") || $0.hasPrefix("Officials") })
    #expect(doc.furniture.contains { $0.hasSuffix("Skip to navigation") })
  }

  @Test func relatedBlockEndsWithItsRunOfLinks() {
    let doc = read(
      "Council approves budget after a long night of debate\n\nThe council approved the new budget on Tuesday.\n\n"
        + "Related Stories\n- Roads plan delayed again\n- Mayor faces questions\n\n"
        + "Officials said the plan would cut spending on roads by a tenth over the next three years.\n")
    #expect(doc.passages.contains { $0.text.hasPrefix("Officials said") })
    #expect(!doc.passages.contains { $0.text.contains("Mayor faces") })
  }

  @Test func bylinesAndDateLinesAreNotText() {
    let doc = read(
      "Council approves budget after a long night of debate\n\nBy Ann Lee, Reuters\nThursday 7 August 2025, 12:41 BST\n\n"
        + body)
    #expect(doc.article.date == "2025-08-07")
    #expect(doc.credits == ["Reuters"])
    #expect(doc.headings.isEmpty)
    #expect(doc.passages.count == 2)
  }

  @Test(arguments: [
    ("Thursday 7 August 2025, 12:41 BST", "2025-08-07"), ("December 13, 2023", "2023-12-13"),
    ("14/05/2024", "2024-05-14"), ("2024-05-14", "2024-05-14"), ("Aug. 7, 2025", "2025-08-07"),
    ("7 Aug 2025", "2025-08-07"), ("Updated 10:02 · 2024-05-14", "2024-05-14"),
    ("Analysis | Friday 8 August 2025", "2025-08-08"),
  ])
  func dateLinesInCommonFormats(_ line: String, _ iso: String) {
    #expect(DateFinder.dateLine(line) == iso)
  }

  @Test func sourceLinesSetArticleSourcesAndNotesStay() {
    let doc = read(
      "Council approves budget after a long night of debate\n\n" + body
        + "\nUpdate, May 7: This story has been updated with the final vote.\n\nSource: Reuters; AFP\n")
    #expect(doc.sources == ["Reuters", "AFP"])
    #expect(doc.passages.contains { $0.text.hasPrefix("Update, May 7:") })
    #expect(!doc.passages.contains { $0.text.hasPrefix("Source") })
  }

  @Test func wireDatelineCreditsTheAgencyAndKeepsTheSentence() {
    let doc = read(
      "Council approves budget\n\nPARIS (AFP) — The council approved the new budget on Tuesday after a long debate.\n")
    #expect(doc.credits == ["AFP"])
    #expect(doc.passages.first?.text == "The council approved the new budget on Tuesday after a long debate.")
  }

  @Test(arguments: ["AUSTIN, Texas, Aug 1 -- ", "REDMOND, Wash., Oct. 13 -- ", "HOUSTON — "])
  func datelineWithAStateIsNotText(_ dateline: String) {
    let doc = read(
      "Council approves budget\n\n\(dateline)The council approved the new budget on Tuesday after a debate.\n")
    #expect(doc.passages.first?.text == "The council approved the new budget on Tuesday after a debate.")
  }

  @Test func captionAfterAPhotoCreditIsDropped() {
    let doc = read(
      "Council approves budget after a long night of debate\n\n" + body
        + "\nPhoto: Jane Roe/PA Wire\nThe council chamber on Tuesday.\n")
    #expect(doc.passages.count == 2)
    #expect(doc.credits.isEmpty)
  }

  @Test func markdownMarkupIsNotText() {
    let doc = read(
      "---\ntitle: Council approves budget\noutlet: Harbour Tribune\ndate: 14/05/2024\n---\n\n"
        + "*Update, May 7:** the vote was **close**, [the minutes](https://example.org/m) say.\n\n---\n\n"
        + "## What happens next\n\nThe _plan_ goes to a second vote. <!-- editor: check -->\n", as: "page.md")
    #expect(doc.article.date == "2024-05-14")
    #expect(doc.passages.first?.text == "Update, May 7: the vote was close, the minutes say.")
    #expect(doc.headings == ["What happens next"])
    #expect(doc.passages.last?.text == "The plan goes to a second vote.")
  }

  @Test func broadcasterLayoutWithImageLinesAndOutletUnderTheByline() {
    let doc = read(
      "Skip to content\nHome | News | Sport\n\nFerry operator cancels sailings as storm closes harbour\n\n"
        + "Published\n14 May 2024\n\nImage source, Getty Images\nImage caption, Waves break over the wall\n\n"
        + "By Sam Hughes\nBBC News\n\n" + body + "\nReporting by Sam Hughes; Editing by Jo Smith\n")
    #expect(doc.article.title == "Ferry operator cancels sailings as storm closes harbour")
    #expect(doc.article.outlet == "BBC")
    #expect(doc.article.date == "2024-05-14")
    #expect(doc.passages.count == 2)
    #expect(doc.headings.isEmpty)
  }

  @Test func furnitureLinesAreListedWithWhatTheyAre() {
    let doc = read("Harbour Tribune\n\nCouncil approves budget after a long night of debate\n\nBy Ann Lee\n\n" + body)
    #expect(doc.furniture.contains("outlet: Harbour Tribune"))
    #expect(doc.furniture.contains("byline: By Ann Lee"))
  }

  @Test func articleWithoutPublisherIsShownByItsSiteOrTitle() {
    #expect(Article.displayName(outlet: "", url: "https://www.example-news.com/a/b", title: "T") == "Example-News")
    #expect(Article.displayName(outlet: "", url: "", title: "Council approves budget") == "Council approves budget")
    #expect(Article.displayName(outlet: "Harbour Tribune", url: "", title: "T") == "Harbour Tribune")
  }
}
