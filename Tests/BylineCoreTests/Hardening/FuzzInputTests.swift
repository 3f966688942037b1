import Foundation
import Testing

@testable import BylineCore

/// The fuzz targets' checks (`Sources/byline-fuzz`) on the inputs kept in `Tests/Fuzz/`: seeds,
/// and any input that once found a bug, so `make test` keeps them fixed without libFuzzer.
@Suite struct FuzzInputTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz")

  static func inputs(_ target: String) -> [String] {
    let dir = folder.appendingPathComponent(target).path
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
  }

  @Test func thereAreInputsForEveryTarget() {
    for target in ["analyzer", "query", "reader"] {
      #expect(Self.inputs(target).count >= 3, "no inputs for \(target) in \(Self.folder.path)")
    }
  }

  @Test func analyzerGivesNonEmptyStems() throws {
    let analyzer = QuestionAnalyzer()
    for path in Self.inputs("analyzer") {
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      let question = analyzer.analyze(text)
      #expect(question.terms.allSatisfy { !$0.stem.isEmpty }, "\(path)")
    }
  }

  /// Every query the builder makes must be valid FTS5 on a real store.
  @Test func everyBuiltQueryRunsOnTheStore() throws {
    let store = SeedEngine.shared.store
    let analyzer = QuestionAnalyzer()
    for path in Self.inputs("query") {
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      let patterns = [
        QueryBuilder.pattern(for: analyzer.analyze(text).terms), QueryBuilder.pattern(forText: text),
        QueryBuilder.phrase(text),
      ].compactMap { $0 }
      for pattern in patterns {
        #expect(throws: Never.self, "\(path): \(pattern.raw)") { _ = try store.passages(matching: pattern, limit: 5) }
      }
      #expect(throws: Never.self, "\(path)") { _ = try PassageSearch(store: store).search(text, limit: 3) }
    }
  }

  /// The reader names the file in every warning and the structurer takes what it reads.
  @Test func readerWarnsByNameAndStructuresTheRest() throws {
    for path in Self.inputs("reader") {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      let ext = ["txt", "md", "jsonl"][Int(data.first ?? 0) % 3]
      let (articles, warnings) = ArticleReader().read(data: data.dropFirst(), path: "/fuzz/input." + ext)
      #expect(warnings.allSatisfy { $0.description.contains("/fuzz/input.") })
      #expect(!articles.isEmpty || !warnings.isEmpty, "\(path): nothing read and no warning")
      for article in articles { _ = ArticleStructurer().structure(article) }
    }
  }
}
