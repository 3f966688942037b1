import Foundation
import Testing

@testable import BylineCore

/// A session that watches its corpus indexes what was saved, moved or deleted before the next
/// question, reading only those files.
@Suite struct CorpusWatcherTests {
  func found(_ engine: BylineEngine, _ word: String) throws -> [String] {
    try PassageSearch(store: engine.store).search(word, limit: 10).map(\.0.articleId)
  }

  func checkIndex(_ engine: BylineEngine) throws {
    try (engine.store as! ArticleStore).dbQueue.write { db in
      try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)")
    }
  }

  @Test func refreshIndexesOnlyWhatChanged() throws {
    let corpus = try TempCorpus()
    let engine = try corpus.engine()
    #expect(engine.watchCorpus())
    #expect(try !engine.refresh().changed, "nothing changed yet")

    try corpus.write("zz_new.txt", "Flimwax Daily\n\nThe Flimwax panel approved the budget on Monday.\n")
    try corpus.write("notes.swp", "Flimwax swap file, not an article.\n")
    let added = try engine.refresh()
    #expect(added.updatedFiles.map { URL(fileURLWithPath: $0).lastPathComponent } == ["zz_new.txt"])
    #expect(try found(engine, "Flimwax").contains("zz_new"))

    try corpus.write("zz_new.txt", "Flimwax Daily\n\nThe Quorvex board rejected the budget.\n")
    let changed = try engine.refresh()
    #expect(changed.updatedFiles.count == 1)
    #expect(try found(engine, "Quorvex") == ["zz_new"])
    #expect(try found(engine, "approved").contains("zz_new") == false)

    // A folder made while watching, then a file saved into it.
    try FileManager.default.createDirectory(atPath: corpus.knowledge + "/more", withIntermediateDirectories: true)
    #expect(try !engine.refresh().changed)
    try corpus.write("more/zz_deep.md", "---\ntitle: Deep\n---\nThe Plinthor agency confirmed the plan.\n")
    #expect(try engine.refresh().updatedFiles.count == 1)
    #expect(try found(engine, "Plinthor") == ["zz_deep"])

    // A removed folder takes its articles with it.
    try FileManager.default.removeItem(atPath: corpus.knowledge + "/more")
    try FileManager.default.removeItem(atPath: corpus.knowledge + "/zz_new.txt")
    let removed = try engine.refresh()
    #expect(removed.removedFiles.count == 2)
    #expect(try found(engine, "Plinthor").isEmpty && found(engine, "Quorvex").isEmpty)
    #expect(try engine.store.articles().count == 5)
    try checkIndex(engine)

    // The rule engine sees the new corpus.
    try corpus.write("zz_late.txt", "Example Wire\n\nThe Vexmoor council said the Vexmoor dam would open in 2027.\n")
    try engine.refresh()
    let answer = try engine.ask("When will the Vexmoor dam open?")
    #expect(answer.citations.contains { $0.id == "zz_late" }, "\(answer.answer)")
  }

  @Test func withoutWatchingRefreshChangesNothing() throws {
    let corpus = try TempCorpus()
    let engine = try corpus.engine()
    try corpus.write("zz_new.txt", "The Flimwax panel met.\n")
    #expect(try !engine.refresh().changed)
    #expect(try found(engine, "Flimwax").isEmpty)
  }
}
