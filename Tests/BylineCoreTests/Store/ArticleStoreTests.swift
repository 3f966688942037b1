import Foundation
import Testing

@testable import BylineCore

@Suite struct ArticleStoreTests {
  @Test func buildsTheSeedCorpusWithPublishers() throws {
    let corpus = try TempCorpus()
    let engine = try corpus.engine()
    let articles = try engine.store.articles()
    #expect(articles.map { String($0.id.prefix(3)) } == ["000", "001", "002", "003", "004"])
    #expect(articles.map(\.outlet) == ["Morning Overview", "Scout", "", "SectorHQ", ""])
    #expect(articles.allSatisfy { $0.passages > 10 && !$0.title.isEmpty })
    #expect(engine.lastSync.warnings.isEmpty)
  }

  /// A one-shot command on an up-to-date store only reads it: the file is left byte for byte as
  /// it was and no write-ahead log or shared-memory file is left beside it. A store a one-shot
  /// command makes is in WAL mode all the same, so sessions and other commands read it while it
  /// is written.
  @Test func oneShotAccessWritesNothingToAnUpToDateStore() throws {
    let corpus = try TempCorpus()
    let location = StoreLocation(knowledge: corpus.knowledge, store: corpus.store)
    do {
      let made = try BylineEngine(location: location, access: .oneShot)
      #expect(made.lastSync.updatedFiles.count == 5)
    }
    let header = try #require(FileHandle(forReadingAtPath: corpus.store)).readData(ofLength: 20)
    #expect(header[18] == 2 && header[19] == 2, "not in WAL mode: file format bytes \(header[18]), \(header[19])")
    let before = try Data(contentsOf: URL(fileURLWithPath: corpus.store))
    let modified = try FileManager.default.attributesOfItem(atPath: corpus.store)[.modificationDate] as? Date
    do {
      let engine = try BylineEngine(location: location, access: .oneShot)
      #expect(!engine.lastSync.changed)
      #expect(try engine.ask("Who founded Scale AI?").answer.contains("Wang"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: corpus.store)) == before)
    #expect(try FileManager.default.attributesOfItem(atPath: corpus.store)[.modificationDate] as? Date == modified)
    for suffix in ["-wal", "-shm"] {
      #expect(!FileManager.default.fileExists(atPath: corpus.store + suffix), "\(suffix) left behind")
    }

    // A session (pool) and a one-shot command update the same store in turn.
    try corpus.write("zz_dam.txt", "Example Wire\n\nThe Vexmoor dam will open in 2027, Reuters reported.\n")
    let session = try BylineEngine(location: location, access: .session)
    #expect(session.lastSync.updatedFiles.count == 1)
    try corpus.write("zz_dam.txt", "Example Wire\n\nThe Vexmoor dam will open in 2028, Reuters reported.\n")
    let command = try BylineEngine(location: location, access: .oneShot)
    #expect(command.lastSync.updatedFiles.count == 1)
    #expect(try session.ask("When will the Vexmoor dam open?").answer.contains("2028"))
  }

  @Test func updatesOnlyWhatChangedAndRebuildsOnDemand() throws {
    let corpus = try TempCorpus()
    _ = try corpus.engine()
    let unchanged = try corpus.engine()
    #expect(!unchanged.lastSync.changed)

    try corpus.write(
      "zz_note.md",
      "---\ntitle: A test note\noutlet: Example News\ndate: 2026-01-02\n---\n# Heading\n\nThe Zorblat committee approved the plan on Tuesday.\n"
    )
    let added = try corpus.engine()
    #expect(added.lastSync.updatedFiles.count == 1)
    let note = try #require(try added.store.articles().first { $0.id == "zz_note" })
    #expect(note.outlet == "Example News" && note.title == "A test note" && note.date == "2026-01-02")

    try corpus.write("zz_note.md", "---\ntitle: A test note\n---\nThe Quixotl board rejected it.\n")
    let changed = try corpus.engine()
    let hits = try PassageSearch(store: changed.store).search("Quixotl", limit: 5)
    #expect(hits.count == 1)
    #expect(try PassageSearch(store: changed.store).search("Zorblat", limit: 5).isEmpty)

    try FileManager.default.removeItem(atPath: corpus.knowledge + "/zz_note.md")
    let removed = try corpus.engine()
    #expect(removed.lastSync.removedFiles.count == 1)
    #expect(try removed.store.articles().count == 5)

    let rebuilt = try BylineEngine(
      location: StoreLocation(knowledge: corpus.knowledge, store: corpus.store), rebuild: true)
    #expect(rebuilt.lastSync.updatedFiles.count == 5)
    #expect(try rebuilt.store.articles().count == 5)
  }

  /// The writer keeps the FTS5 index itself (no triggers): after additions, changes, removals,
  /// an article id used twice and a rebuild, FTS5's own check of the index against the
  /// passages must pass, and no removed text may still be found.
  @Test func fullTextIndexFollowsEveryKindOfUpdate() throws {
    let corpus = try TempCorpus()
    func check(_ engine: BylineEngine) throws {
      try (engine.store as! ArticleStore).dbQueue.write { db in
        try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)")
      }
    }
    try check(try corpus.engine())
    try corpus.write("zz_a.txt", "Zorblat Weekly\n\nThe Zorblat committee approved the plan, Reuters reported.\n")
    try corpus.write("zz_b.md", "---\ntitle: Copy\n---\nThe Quixotl board met.\n")
    try check(try corpus.engine())
    // The same article id in a second file replaces the first copy.
    try FileManager.default.createDirectory(atPath: corpus.knowledge + "/sub", withIntermediateDirectories: true)
    try corpus.write("sub/zz_b.txt", "The Quixotl board met again on Friday.\n")
    let duplicated = try corpus.engine()
    try check(duplicated)
    #expect(duplicated.lastSync.warnings.contains { $0.message.contains("used twice") })
    try corpus.write("zz_a.txt", "Flimwax Weekly\n\nThe Flimwax panel rejected the plan.\n")
    let changed = try corpus.engine()
    try check(changed)
    #expect(try PassageSearch(store: changed.store).search("Zorblat", limit: 5).isEmpty)
    #expect(try PassageSearch(store: changed.store).search("Flimwax", limit: 5).isEmpty == false)
    try FileManager.default.removeItem(atPath: corpus.knowledge + "/zz_a.txt")
    let removed = try corpus.engine()
    try check(removed)
    #expect(try PassageSearch(store: removed.store).search("Flimwax", limit: 5).isEmpty)
    let rebuilt = try BylineEngine(
      location: StoreLocation(knowledge: corpus.knowledge, store: corpus.store), rebuild: true)
    try check(rebuilt)
    #expect(try PassageSearch(store: rebuilt.store).search("Quixotl", limit: 5).isEmpty == false)
  }

  @Test func badFilesAreSkippedWithWarningsNamingThem() throws {
    let corpus = try TempCorpus()
    try corpus.write("empty.txt", "")
    try corpus.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2])
    try corpus.write("latin1.txt", bytes: Array("Title\n\nCaf".utf8) + [0xE9, 0x0A])
    try corpus.write("broken.md", "---\ntitle: Broken\nthis line has no colon\n---\nBody.\n")
    try corpus.write(
      "bad.jsonl", "{\"id\": \"j1\", \"title\": \"Fine\", \"body\": \"A fine body about Zorblat.\"}\nnot json\n")
    let long = "Long single line " + String(repeating: "Meta opens models. ", count: 280_000)
    try corpus.write("long.txt", "Long article\n" + long)
    let engine = try corpus.engine()
    let warnings = engine.lastSync.warnings.map(\.description)
    for name in ["empty.txt", "binary.txt", "latin1.txt", "broken.md:3", "bad.jsonl:2"] {
      #expect(warnings.contains { $0.contains(name) }, "no warning names \(name): \(warnings)")
    }
    let ids = Set(try engine.store.articles().map(\.id))
    #expect(ids.contains("j1") && ids.contains("long"))
    #expect(ids.isSuperset(of: ["000_0270aeca28a1971a", "004_df841a73e9ac7c56"]))
    #expect(!ids.contains("empty") && !ids.contains("binary") && !ids.contains("broken"))
  }

  @Test func damagedStoreFileIsReplaced() throws {
    let corpus = try TempCorpus()
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: corpus.store))
    let engine = try corpus.engine()
    #expect(try engine.store.articles().count == 5)
    #expect(FileManager.default.fileExists(atPath: corpus.store + ".damaged"))
  }
}
