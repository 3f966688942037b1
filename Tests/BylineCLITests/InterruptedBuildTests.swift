import Foundation
import GRDB
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A build killed with SIGKILL keeps the batches it committed, never holds part of an article,
/// and the next plain run indexes the rest: the real binary, killed at several points of a build.
@Suite struct InterruptedBuildTests {
  /// Files in the corpus and files a batch commits (`BYLINE_SYNC_BATCH_FILES`): many small
  /// batches, so that kills land between and inside them.
  static let articles = 1_200
  static let batch = 40

  /// Writes `count` small articles with distinct words into `folder`.
  static func writeCorpus(_ folder: URL, count: Int) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for i in 0..<count {
      var text = "Report number \(i) on the harbour works\n\nHarbour Times\n\n"
      for p in 0..<4 {
        text += "The council said on Monday that plan \(i)-\(p) would cost \(i + p) million pounds. "
        text += "Officials described the marker word w\(i)x\(p) as final.\n\n"
      }
      try text.write(
        to: folder.appendingPathComponent(String(format: "a%05d.txt", i)), atomically: false, encoding: .utf8)
    }
  }

  /// What a store holds, checked: every article with all its passages, the FTS5 index agreeing
  /// with the passages. Returns the article count and the passage ids of the first article.
  static func check(_ store: URL) throws -> (articles: Int, firstIds: [Int64]) {
    let db = try DatabaseQueue(path: store.path)
    return try db.inDatabase { db in
      let half =
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM article a
            WHERE a.passageCount <> (SELECT count(*) FROM passage p WHERE p.articleId = a.id)
            """) ?? -1
      #expect(half == 0, "articles stored without all their passages")
      let orphans =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM article a LEFT JOIN source s ON s.path = a.sourcePath WHERE s.path IS NULL")
        ?? -1
      #expect(orphans == 0)
      // FTS5 checks its index against the passage table it indexes.
      try db.execute(sql: "INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)")
      let passages = try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? -1
      let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM passage_fts_docsize") ?? -1
      #expect(indexed == passages, "every passage is in the FTS5 index, once")
      let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? -1
      // The first file's passages (files are written in path order, so it is in the first batch).
      let first = try Int64.fetchAll(
        db,
        sql: """
          SELECT p.id FROM passage p JOIN article a ON a.id = p.articleId
          WHERE a.sourcePath = (SELECT min(path) FROM source) ORDER BY p.id
          """)
      return (articles, first)
    }
  }

  /// How many articles the store has committed (0 before it exists).
  static func committed(_ store: URL) -> Int {
    guard FileManager.default.fileExists(atPath: store.path),
      let db = try? DatabaseQueue(
        path: store.path,
        configuration: {
          var c = Configuration(); c.readonly = true; return c
        }())
    else { return 0 }
    return (try? db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article") ?? 0 }) ?? 0
  }

  @Test func killedBuildsKeepCommittedBatchesAndResume() async throws {
    let box = Sandbox(name: "killed", knowledge: nil)
    let corpus = box.root.appendingPathComponent("corpus", isDirectory: true)
    try Self.writeCorpus(corpus, count: Self.articles)
    let args = ["index", "--store", box.store.path, "--knowledge", corpus.path]
    let env = ["BYLINE_SYNC_BATCH_FILES": String(Self.batch)]
    var before = 0
    var firstIds: [Int64] = []
    // Killed three times, each after at least one more batch than the last kill kept.
    for (round, target) in [Self.batch, Self.articles / 3, 2 * Self.articles / 3].enumerated() {
      let started = box.launch(args, stdin: "", withStore: false, env: env)
      let deadline = Date().addingTimeInterval(120)
      while started.process.isRunning && Self.committed(box.store) < max(target, before + Self.batch)
        && Date() < deadline
      {
        usleep(2_000)
      }
      // Not at a batch boundary: some way into the next batch.
      usleep(UInt32(3_000 * (round + 1)))
      let wasRunning = started.process.isRunning
      kill(started.process.processIdentifier, SIGKILL)
      let result = started.finish(timedOut: false)
      #expect(wasRunning, "the build ended before it could be killed: \(result.summary)")
      let state = try Self.check(box.store)
      #expect(state.articles >= before, "a kill lost committed articles")
      #expect(state.articles > 0 && state.articles < Self.articles)
      #expect(state.articles % Self.batch == 0, "only whole batches are committed")
      if firstIds.isEmpty {
        firstIds = state.firstIds
      } else {
        #expect(state.firstIds == firstIds, "committed articles are not read again")
      }
      before = state.articles
    }
    let finished = await box.run(args, withStore: false, env: env, timeout: 120)
    #expect(finished.status == 0, "\(finished.summary)")
    let state = try Self.check(box.store)
    #expect(state.articles == Self.articles)
    #expect(state.firstIds == firstIds)
    // The last file's article is searchable and answered from.
    let asked = await box.run(
      ["ask", "--store", box.store.path, "--knowledge", corpus.path, "How much would plan 1199-2 cost?"],
      withStore: false)
    #expect(asked.status == 0, "\(asked.summary)")
    #expect(asked.stdout.contains("1201 million"), "\(asked.stdout)")
  }
}
