import Foundation
import Testing

@testable import BylineCore

/// Scores the reader against the hand-made gold files of corpus-b and corpus-c: titles, outlets,
/// dates, credit recall and precision, and paragraphs against a hand count. Prints the scores.
@Suite struct ReaderGoldTests {
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  }()

  struct Score: CustomStringConvertible {
    var articles = 0, titles = 0, outlets = 0, dated = 0, dates = 0, paragraphsOK = 0
    var right = 0, extra = 0, missed = 0
    var problems: [String] = []
    var recall: Double { right + missed == 0 ? 1 : Double(right) / Double(right + missed) }
    var precision: Double { right + extra == 0 ? 1 : Double(right) / Double(right + extra) }
    var description: String {
      "titles \(titles)/\(articles) outlets \(outlets)/\(articles) dates \(dates)/\(dated) "
        + String(format: "credit recall %.2f precision %.2f", recall, precision)
        + " (\(right) right, \(extra) extra, \(missed) missed) paragraphs within 10%: \(paragraphsOK)/\(articles)"
    }
  }

  /// Reads `folder` as the store does (outlets of front matter and JSON known to every article)
  /// and scores it against `gold`.
  ///
  /// The hand counts differ on lists: corpus-b's notes count each bullet as a paragraph,
  /// corpus-c's counts count a run of bullets as one (`listAsOne`).
  static func score(folder: String, gold: String, listAsOne: Bool = false) throws -> Score? {
    let fm = FileManager.default
    guard fm.fileExists(atPath: folder), let goldText = try? String(contentsOfFile: gold, encoding: .utf8) else {
      return nil
    }
    let reader = ArticleReader()
    var articles: [Article] = []
    for name in try fm.contentsOfDirectory(atPath: folder).sorted()
    where ArticleReader.extensions.contains((name as NSString).pathExtension) {
      articles += reader.read(path: folder + "/" + name).articles
    }
    let directory = OutletDirectory(extra: articles.map(\.outlet).filter { !$0.isEmpty })
    let structurer = ArticleStructurer(directory: directory)
    let parsed = articles.map { structurer.structure($0) }
    func norm(_ s: String) -> String { (directory.canonical(s) ?? s).lowercased() }
    var score = Score()
    for line in goldText.split(separator: "\n") where !line.isEmpty {
      let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let id = try #require(row["id"] as? String)
      score.articles += 1
      guard let doc = parsed.first(where: { $0.article.id == id || $0.article.id.hasPrefix(id + "_") }) else {
        score.problems.append("\(id): not read")
        continue
      }
      if doc.article.title == row["title"] as? String {
        score.titles += 1
      } else {
        score.problems.append("\(id) title: \(doc.article.title)")
      }
      if norm(doc.article.outlet) == norm(row["outlet"] as? String ?? "") {
        score.outlets += 1
      } else {
        score.problems.append("\(id) outlet: \(doc.article.outlet)")
      }
      if let date = row["date"] as? String, !date.isEmpty {
        score.dated += 1
        if doc.article.date == date {
          score.dates += 1
        } else {
          score.problems.append("\(id) date: \(doc.article.date)")
        }
      }
      let want = Set((row["credits"] as? [String] ?? []).map(norm))
      let got = Set(doc.credits.map(norm))
      score.right += want.intersection(got).count
      score.extra += got.subtracting(want).count
      score.missed += want.subtracting(got).count
      if want != got {
        score.problems.append("\(id) credits: extra \(got.subtracting(want)) missed \(want.subtracting(got))")
      }
      if let count = row["passages"] as? Int {
        let paragraphs = Self.paragraphs(doc, listAsOne: listAsOne)
        if abs(Double(paragraphs - count)) <= 0.1 * Double(count) {
          score.paragraphsOK += 1
        } else {
          score.problems.append("\(id) paragraphs: \(paragraphs) for a hand count of \(count)")
        }
      }
    }
    return score
  }

  /// Paragraphs of body text; with `listAsOne`, a run of bullet items counts once.
  static func paragraphs(_ doc: ParsedArticle, listAsOne: Bool) -> Int {
    let body = Array(doc.article.body)
    var count = 0
    var last = -1
    var lastWasBullet = false
    for p in doc.passages where p.paragraph != last {
      last = p.paragraph
      var i = min(p.start, body.count)
      while i > 0 && body[i - 1] != "\n" { i -= 1 }
      let line = String(body[i..<min(body.count, i + 3)]).trimmingCharacters(in: .whitespaces)
      let bullet = line.hasPrefix("-") || line.hasPrefix("•") || line.hasPrefix("*")
      if !(listAsOne && bullet && lastWasBullet) { count += 1 }
      lastWasBullet = bullet
    }
    return count
  }

  static let corpora: [(name: String, folder: String, gold: String, listAsOne: Bool)] = [
    (
      "corpus-b", packageRoot.appendingPathComponent("../shared/eval/corpus-b/knowledge").standardized.path,
      packageRoot.appendingPathComponent("Tests/Eval/corpus-b-reader-gold.jsonl").path, false
    ),
    (
      "corpus-c", packageRoot.appendingPathComponent("Tests/Eval/corpus-c/knowledge").path,
      packageRoot.appendingPathComponent("Tests/Eval/corpus-c/reader-gold.jsonl").path, true
    ),
  ]

  @Test(arguments: corpora.map(\.name))
  func readerMeetsTheBarsOnTheGold(_ corpus: String) throws {
    let entry = try #require(Self.corpora.first { $0.name == corpus })
    guard let score = try Self.score(folder: entry.folder, gold: entry.gold, listAsOne: entry.listAsOne) else {
      print("reader gold \(corpus): not found at \(entry.folder); skipped")
      return
    }
    print("reader gold \(corpus): \(score)")
    for problem in score.problems { print("  \(problem)") }
    #expect(score.titles == score.articles)
    #expect(score.outlets == score.articles)
    #expect(score.dates == score.dated)
    #expect(score.recall >= 0.9)
    #expect(score.precision >= 0.9)
    #expect(score.paragraphsOK == score.articles)
  }
}
