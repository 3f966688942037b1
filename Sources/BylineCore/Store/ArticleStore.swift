import Foundation
import GRDB

/// The SQLite store: articles, passages, attributions and the FTS5 index over passages.
///
/// Opened in WAL mode so that readers never wait for a writer; every update runs in one
/// transaction, so an interrupted build never leaves a half store.
public final class ArticleStore: @unchecked Sendable {
  /// The store file.
  public let path: String
  let dbQueue: any DatabaseWriter

  /// Opens (creating when needed) the store at `path`. Use ":memory:" for a private in-memory
  /// store. A file that is not a usable store is moved aside and a new store is created.
  public init(path: String) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.foreignKeysEnabled = true
    if path == ":memory:" {
      dbQueue = try DatabaseQueue(configuration: config)
    } else {
      let dir = (path as NSString).deletingLastPathComponent
      if !dir.isEmpty {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      }
      do {
        dbQueue = try Self.open(path: path, config: config)
      } catch {
        let aside = path + ".damaged"
        try? FileManager.default.removeItem(atPath: aside)
        guard (try? FileManager.default.moveItem(atPath: path, toPath: aside)) != nil else {
          throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        do {
          dbQueue = try Self.open(path: path, config: config)
        } catch {
          throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
      }
    }
    try StoreSchema.migrator.migrate(dbQueue)
  }

  private static func open(path: String, config: Configuration) throws -> DatabasePool {
    let pool = try DatabasePool(path: path, configuration: config)
    try pool.read { db in _ = try Row.fetchOne(db, sql: "PRAGMA quick_check") }
    return pool
  }

  // MARK: Reading

  /// Every article with its metadata and passage count, ordered by id.
  public func articles() throws -> [ArticleSummary] {
    try dbQueue.read { db in
      try Row.fetchAll(
        db, sql: "SELECT id, outlet, title, date, url, passageCount, sources FROM article ORDER BY id"
      ).map { row in
        ArticleSummary(
          id: row["id"], outlet: row["outlet"], title: row["title"], date: row["date"],
          url: row["url"], passages: row["passageCount"],
          sources: Self.list(row["sources"]))
      }
    }
  }

  /// The full article with `id`, if stored.
  public func article(id: String) throws -> Article? {
    try dbQueue.read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM article WHERE id = ?", arguments: [id]).map { row in
        Article(
          id: row["id"], title: row["title"], outlet: row["outlet"], date: row["date"],
          url: row["url"], path: row["sourcePath"], body: row["body"])
      }
    }
  }

  /// Number of passages in the store.
  public func passageCount() throws -> Int {
    try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? 0 }
  }

  /// Passages matching an FTS5 pattern, best first, with scores (higher is better).
  ///
  /// - Parameters:
  ///   - pattern: a pattern built by ``QueryBuilder`` or GRDB's `FTS5Pattern`; never raw user text.
  ///   - articleIds: when not nil, only passages of these articles.
  ///   - limit: the most passages to return.
  public func passages(matching pattern: FTS5Pattern, in articleIds: [String]? = nil, limit: Int)
    throws -> [StoredPassage]
  {
    try dbQueue.read { db in
      var sql = """
        SELECT p.id, p.articleId, p.ordinal, p.paragraph, p.heading, p.text, p.cites,
               p.inheritedCites, a.title, a.outlet, a.date,
               bm25(passage_fts, 1.0, 0.5, 0.25) AS rank
        FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid
        JOIN article a ON a.id = p.articleId
        WHERE passage_fts MATCH ?
        """
      var arguments: StatementArguments = [pattern]
      if let ids = articleIds {
        sql += " AND p.articleId IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
        arguments += StatementArguments(ids)
      }
      sql += " ORDER BY rank LIMIT ?"
      arguments += [limit]
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.passage)
    }
  }

  /// Passages of one article with ordinals in `range` (for neighbouring context).
  public func passages(articleId: String, ordinals range: ClosedRange<Int>) throws -> [StoredPassage] {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.id, p.articleId, p.ordinal, p.paragraph, p.heading, p.text, p.cites,
                 p.inheritedCites, a.title, a.outlet, a.date, 0.0 AS rank
          FROM passage p JOIN article a ON a.id = p.articleId
          WHERE p.articleId = ? AND p.ordinal BETWEEN ? AND ? ORDER BY p.ordinal
          """, arguments: [articleId, range.lowerBound, range.upperBound]
      ).map(Self.passage)
    }
  }

  /// The text of one paragraph of an article, sentences joined by spaces.
  public func paragraphText(articleId: String, paragraph: Int) throws -> String {
    try dbQueue.read { db in
      try String.fetchAll(
        db, sql: "SELECT text FROM passage WHERE articleId = ? AND paragraph = ? ORDER BY ordinal",
        arguments: [articleId, paragraph]
      ).joined(separator: " ")
    }
  }

  /// Snippets with matched words marked, for `byline search`.
  public func search(_ pattern: FTS5Pattern, limit: Int, open: String = "[", close: String = "]")
    throws -> [(StoredPassage, String)]
  {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.id, p.articleId, p.ordinal, p.paragraph, p.heading, p.text, p.cites,
                 p.inheritedCites, a.title, a.outlet, a.date,
                 bm25(passage_fts, 1.0, 0.5, 0.25) AS rank,
                 highlight(passage_fts, 0, ?, ?) AS marked
          FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid
          JOIN article a ON a.id = p.articleId
          WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?
          """, arguments: [open, close, pattern, limit]
      ).map { (Self.passage($0), $0["marked"] as String) }
    }
  }

  /// How many passages contain each stemmed term (from the FTS5 vocabulary).
  public func documentFrequencies(_ terms: [String]) throws -> [String: Int] {
    guard !terms.isEmpty else { return [:] }
    return try dbQueue.read { db in
      var out: [String: Int] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT term, doc FROM passage_vocab WHERE term IN (\(terms.map { _ in "?" }.joined(separator: ",")))",
        arguments: StatementArguments(terms))
      for row in rows { out[row["term"]] = row["doc"] }
      return out
    }
  }

  /// Outlets credited anywhere in the corpus, with how many passages credit each.
  public func citedOutlets() throws -> [(outlet: String, passages: Int, articles: Int)] {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.outlet, count(DISTINCT t.passageId) AS n, count(DISTINCT p.articleId) AS a
          FROM attribution t JOIN passage p ON p.id = t.passageId
          GROUP BY t.outlet ORDER BY a DESC, n DESC, t.outlet
          """
      ).map { ($0["outlet"], $0["n"], $0["a"]) }
    }
  }

  static func list(_ joined: String) -> [String] {
    joined.isEmpty ? [] : joined.components(separatedBy: "\t")
  }

  private static func passage(_ row: Row) -> StoredPassage {
    StoredPassage(
      rowID: row["id"], articleId: row["articleId"], title: row["title"], outlet: row["outlet"],
      date: row["date"], ordinal: row["ordinal"], paragraph: row["paragraph"],
      heading: row["heading"], text: row["text"], cites: list(row["cites"]),
      inheritedCites: list(row["inheritedCites"]), score: -(row["rank"] as Double))
  }
}
