import Foundation
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#elseif canImport(SQLite3)
  import SQLite3
#endif

/// The SQLite store: articles, passages, attributions and the FTS5 index over passages.
///
/// Opened in WAL mode so that readers never wait for a writer; every update runs in one
/// transaction, so an interrupted build never leaves a half store.
public final class ArticleStore: @unchecked Sendable {
  /// The store file.
  public let path: String
  let dbQueue: any DatabaseWriter
  private let cacheLock = NSLock()
  private var dfCache: [String: Int] = [:]
  private var passageCountCache: Int?
  private var strategy = CandidatePlan.Strategy.maxScore
  /// How ``rank(_:limit:skipping:)`` picks the passages it scores (``CandidatePlan/Strategy``):
  /// MaxScore unless a benchmark compares another.
  public var candidateStrategy: CandidatePlan.Strategy {
    get { cacheLock.withLock { strategy } }
    set { cacheLock.withLock { strategy = newValue } }
  }
  /// How many passages hold each phrase a ranked query named, keyed by the phrase's FTS5 text.
  private var phraseCountCache: [String: Int] = [:]
  /// The stems of passages read, by row id.
  private let stemCache = Memo<Int64, [String]>(limit: 50_000)
  /// Every passage's length in tokens, for `byline_rank` (``PassageLengths``).
  let lengths = PassageLengths()
  private var lengthsInMemory = true
  /// Whether ranking reads row lengths from ``lengths`` (true) or from FTS5's docsize table,
  /// row by row, as before it was added: for tests and benchmarks that compare the two.
  var readsLengthsInMemory: Bool {
    get { cacheLock.withLock { lengthsInMemory } }
    set { cacheLock.withLock { lengthsInMemory = newValue } }
  }

  /// What opening the store had to do, in words for the user: a damaged file moved aside and
  /// rebuilt, a store of another version rebuilt, a read-only folder. Empty when nothing was wrong.
  public let notices: [String]
  /// True when the store's folder cannot be written: answers come from the store as it is and
  /// the corpus is not indexed again.
  public let isReadOnly: Bool

  /// How a process holds the store.
  public enum Access: Sendable {
    /// One connection, for a command that opens the store, answers and exits. When the store is
    /// up to date the command only reads it: no write-ahead log is made and nothing is
    /// checkpointed when it closes, which a pool's set-up write would cost (four fsyncs).
    case oneShot
    /// A pool of connections, for a session: reads never wait for a write.
    case session
  }

  /// Opens (creating when needed) the store at `path`. Use ":memory:" for a private in-memory
  /// store. A file that is not a usable store is moved aside and a new store is created; see
  /// ``notices`` for what was done.
  public init(path: String, access: Access = .session) throws {
    self.path = path
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.foreignKeysEnabled = true
    // What a pool sets in WAL mode: commits are durable once checkpointed, not at every commit.
    let lengths = lengths
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      try FTS5RankFunction.register(db, lengths: lengths)
    }
    if path == ":memory:" {
      dbQueue = try DatabaseQueue(configuration: config)
      try StoreSchema.migrator.migrate(dbQueue)
      notices = []
      isReadOnly = false
    } else {
      let opened = try StoreOpener(path: path, config: config, access: access).open()
      dbQueue = opened.writer
      notices = opened.notices
      isReadOnly = opened.readOnly
    }
  }

  // MARK: Reading

  /// Every article with its metadata and passage count, ordered by id.
  public func articles() throws -> [ArticleSummary] {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT id, outlet, title, date, url, passageCount, sources, credits, furniture FROM article ORDER BY id"
      ).map { row in
        ArticleSummary(
          id: row["id"], outlet: row["outlet"], title: row["title"], date: row["date"],
          url: row["url"], passages: row["passageCount"],
          sources: Self.list(row["sources"]), credits: Self.list(row["credits"]),
          furniture: Self.list(row["furniture"]))
      }
    }
  }

  /// Number of articles in the store (without reading them).
  public func articleCount() throws -> Int {
    try dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
  }

  /// The distinct publishers of stored articles (without reading the article list).
  public func publishers() throws -> [String] {
    try dbQueue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT outlet FROM article WHERE outlet <> ''") }
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
    cacheLock.lock()
    let cached = passageCountCache
    cacheLock.unlock()
    if let cached { return cached }
    return try dbQueue.read { db in try passageCount(db: db) }
  }

  /// ``passageCount()`` within a read the caller holds.
  func passageCount(db: Database) throws -> Int {
    cacheLock.lock()
    let cached = passageCountCache
    cacheLock.unlock()
    if let cached { return cached }
    let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? 0
    cacheLock.lock()
    passageCountCache = n
    cacheLock.unlock()
    return n
  }

  /// Passages matching an FTS5 pattern, best first, with scores (higher is better).
  ///
  /// - Parameters:
  ///   - pattern: a query built by ``QueryBuilder``; never raw user text.
  ///   - articleIds: when not nil, only passages of these articles.
  ///   - limit: the most passages to return.
  public func passages(matching pattern: MatchQuery, in articleIds: [String]? = nil, limit: Int)
    throws -> [StoredPassage]
  {
    try dbQueue.read { db in
      guard let ids = articleIds else {
        // Rank and cut in the FTS5 table first, then read only the passages kept: joining
        // before the sort would read every matching passage of a large corpus.
        return try Row.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT \(Self.passageColumns), f.rank
              FROM (SELECT rowid, \(Self.ranking) AS rank FROM passage_fts
                    WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?) f
              JOIN passage p ON p.id = f.rowid JOIN article a ON a.id = p.articleId
              ORDER BY f.rank
              """), arguments: [pattern.raw, limit]
        ).map(passage)
      }
      var sql = """
        SELECT \(Self.passageColumns),
               \(Self.ranking) AS rank
        FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid
        JOIN article a ON a.id = p.articleId
        WHERE passage_fts MATCH ?
        """
      var arguments: StatementArguments = [pattern.raw]
      sql += " AND p.articleId IN (\(ids.map { _ in "?" }.joined(separator: ",")))"
      arguments += StatementArguments(ids)
      sql += " ORDER BY rank LIMIT ?"
      arguments += [limit]
      return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(passage)
    }
  }

  /// The passages with row ids `ids`, in no particular order (ids no longer stored are left out).
  public func passages(ids: [Int64]) throws -> [StoredPassage] {
    guard !ids.isEmpty else { return [] }
    return try dbQueue.read { db in try passages(ids: ids, db: db) }
  }

  /// ``passages(ids:)`` within a read the caller holds, so that they come from the same state of
  /// the store as what the caller read before.
  func passages(ids: [Int64], db: Database) throws -> [StoredPassage] {
    guard !ids.isEmpty else { return [] }
    return try Row.fetchAll(
      db,
      sql: """
        SELECT \(Self.passageColumns), 0.0 AS rank
        FROM passage p JOIN article a ON a.id = p.articleId
        WHERE p.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
        """, arguments: StatementArguments(ids)
    ).map(passage)
  }

  /// Passages of one article with ordinals in `range` (for neighbouring context).
  public func passages(articleId: String, ordinals range: ClosedRange<Int>) throws -> [StoredPassage] {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.passageColumns), 0.0 AS rank
          FROM passage p JOIN article a ON a.id = p.articleId
          WHERE p.articleId = ? AND p.ordinal BETWEEN ? AND ? ORDER BY p.ordinal
          """, arguments: [articleId, range.lowerBound, range.upperBound]
      ).map(passage)
    }
  }

  /// Every passage of the given paragraphs, keyed by "ARTICLE#PARAGRAPH", in one read.
  public func paragraphs(_ keys: [(articleId: String, paragraph: Int)]) throws -> [String: [StoredPassage]] {
    try dbQueue.read { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT \(Self.passageColumns), 0.0 AS rank
          FROM passage p JOIN article a ON a.id = p.articleId
          WHERE p.articleId = ? AND p.paragraph = ? ORDER BY p.ordinal
          """)
      var out: [String: [StoredPassage]] = [:]
      for key in keys {
        let name = "\(key.articleId)#\(key.paragraph)"
        if out[name] != nil { continue }
        out[name] = try Row.fetchAll(statement, arguments: [key.articleId, key.paragraph]).map(passage)
      }
      return out
    }
  }

  /// Snippets with matched words marked, for `byline search`.
  public func search(_ pattern: MatchQuery, limit: Int, open: String = "[", close: String = "]")
    throws -> [(StoredPassage, String)]
  {
    try dbQueue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.passageColumns),
                 \(Self.ranking) AS rank,
                 highlight(passage_fts, 0, ?, ?) AS marked
          FROM passage_fts JOIN passage p ON p.id = passage_fts.rowid
          JOIN article a ON a.id = p.articleId
          WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?
          """, arguments: [open, close, pattern.raw, limit]
      ).map { (passage($0), $0["marked"] as String) }
    }
  }

  /// How many passages contain each stemmed term (from the FTS5 vocabulary, memoised until the
  /// store changes).
  public func documentFrequencies(_ terms: [String]) throws -> [String: Int] {
    let wanted = Array(Set(terms))
    var out: [String: Int] = [:]
    var missing: [String] = []
    cacheLock.lock()
    for t in wanted {
      if let n = dfCache[t] { out[t] = n } else { missing.append(t) }
    }
    cacheLock.unlock()
    guard !missing.isEmpty else { return out }
    let fetched: [String: Int] = try dbQueue.read { db in
      var found: [String: Int] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT term, doc FROM passage_vocab WHERE term IN (\(missing.map { _ in "?" }.joined(separator: ",")))",
        arguments: StatementArguments(missing))
      for row in rows { found[row["term"]] = row["doc"] }
      return found
    }
    cacheLock.lock()
    for t in missing {
      out[t] = fetched[t] ?? 0
      dfCache[t] = fetched[t] ?? 0
    }
    cacheLock.unlock()
    return out
  }

  /// How many passages hold each of `phrases` (FTS5's count, as its `bm25()` counts it), within
  /// the caller's read; memoised until the store changes, so that a common word's doclist is
  /// scanned once a process, not once a query.
  func phraseDocuments(_ phrases: [[String]], db: Database) throws -> [Int] {
    let keys = phrases.map(Self.quoted)
    cacheLock.lock()
    var known = keys.map { phraseCountCache[$0] }
    cacheLock.unlock()
    guard known.contains(nil) else { return known.map { $0 ?? 0 } }
    let count = try db.cachedStatement(sql: "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?")
    for (i, key) in keys.enumerated() where known[i] == nil {
      known[i] = try Int.fetchOne(count, arguments: [key]) ?? 0
    }
    cacheLock.lock()
    if phraseCountCache.count > Self.phraseCountLimit { phraseCountCache.removeAll() }
    for (i, key) in keys.enumerated() { phraseCountCache[key] = known[i] }
    cacheLock.unlock()
    return known.map { $0 ?? 0 }
  }

  /// How many phrase counts are memoised before the memo is emptied (tens of bytes each).
  static let phraseCountLimit = 100_000

  /// A phrase as FTS5 query text: its words in double quotes (they are word tokens, so never
  /// hold a quote).
  static func quoted(_ words: [String]) -> String {
    "\"" + words.joined(separator: " ") + "\""
  }

  /// Forgets memoised figures after the store changed.
  func invalidateCaches() {
    cacheLock.lock()
    dfCache.removeAll()
    phraseCountCache.removeAll()
    passageCountCache = nil
    stemCache.clear()
    cacheLock.unlock()
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
    joined.isEmpty ? [] : joined.utf8.split(separator: 0x09).map { String(decoding: $0, as: UTF8.self) }
  }

  /// How passages are ranked: BM25 with the text weighted over the heading, and the heading over
  /// the title. Every ranked query uses it, so that they all rank alike.
  public static let ranking = "bm25(passage_fts, 1.0, 0.5, 0.25)"

  /// The columns every passage query selects, in the order ``passage(_:)`` reads them; each
  /// query adds the rank last.
  private static let passageColumns =
    "p.id, p.articleId, p.ordinal, p.paragraph, p.heading, p.text, p.cites, p.inheritedCites, a.title, a.outlet, a.date"

  /// Reads a passage row by column position (every passage query selects the same columns in
  /// this order: id, articleId, ordinal, paragraph, heading, text, cites, inheritedCites, title,
  /// outlet, date, rank); positional access avoids GRDB's per-name column lookup. The stems are
  /// made from the text, once a passage until the store changes (stemming every passage while
  /// indexing cost a third of the parse).
  private func passage(_ row: Row) -> StoredPassage {
    let rowID: Int64 = row[0]
    let text: String = row[5]
    let stems: [String]
    if let known = stemCache.value(for: rowID) {
      stems = known
    } else {
      stems = Tokenizer.stems(text)
      stemCache.store(stems, for: rowID)
    }
    return StoredPassage(
      rowID: rowID, articleId: row[1], title: row[8], outlet: row[9], date: row[10],
      ordinal: row[2], paragraph: row[3], heading: row[4], text: text,
      stems: stems, cites: Self.list(row[6]), inheritedCites: Self.list(row[7]), score: -(row[11] as Double))
  }
}
