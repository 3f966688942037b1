import BylineCore
import Foundation
import PostgresNIO

/// The PostgreSQL store: articles, passages, credits and word statistics in a database that
/// many processes share: one ingest job writes it (`byline index --store postgresql://…`), any
/// number of readers answer from it, on the server or on a streaming replica.
///
/// It ranks as the SQLite store does (``PhraseScorer``: BM25 with the same column weights over
/// the same Porter stems), prunes the candidates by the same ``CandidatePlan``, and reads the
/// document frequencies from the `term_stat` table the writer keeps. Every file is written in a
/// transaction of its own, so readers never see half an article.
public final class PostgresStore: ArticleArchive, @unchecked Sendable {
  /// The URL without its password.
  public var displayName: String { connector.address.display }
  /// Empty: nothing is done to a database on opening but migrations.
  public let notices: [String] = []
  /// True unless the store was opened to index (`byline index`): the commands that answer read
  /// the shared store as it is.
  public let isReadOnly: Bool

  let connector: PostgresConnector
  let cache = PostgresStatsCache()
  private let watcher: PostgresChangeWatcher

  /// Opens the database at `url` (`postgresql://USER[:PASSWORD]@HOST[:PORT]/DB`), bringing its
  /// schema up to date.
  ///
  /// - Parameters:
  ///   - url: the database.
  ///   - indexing: true for the process that updates the store from a corpus folder.
  /// - Throws: ``StoreError``: `misconfigured` for a refused login or a missing database,
  ///   `cannotOpen` for a server that cannot be reached, `newerSchema` for a newer Byline's store.
  public init(url: String, indexing: Bool) throws {
    connector = PostgresConnector(address: try PostgresAddress(url))
    isReadOnly = !indexing
    watcher = PostgresChangeWatcher(connector: connector)
    try PostgresSchema.migrate(connector)
  }

  // MARK: Articles

  /// Every article with its metadata, ordered by id.
  public func articles() throws -> [ArticleSummary] {
    try connector.withConnection { link in
      try link.query(
        "SELECT id, outlet, title, date, url, passage_count, sources, credits, furniture FROM article ORDER BY id"
      ).map { row in
        let (id, outlet, title, date, url, count, sources, credits, furniture) = try row.decode(
          (String, String, String, String, String, Int, String, String, String).self)
        return ArticleSummary(
          id: id, outlet: outlet, title: title, date: date, url: url, passages: count, sources: Self.list(sources),
          credits: Self.list(credits), furniture: Self.list(furniture))
      }
    }
  }

  /// How many articles are stored.
  public func articleCount() throws -> Int {
    try connector.withConnection { link in try link.query("SELECT count(*) FROM article").first?.decode(Int.self) ?? 0 }
  }

  /// The full article with `id`, if stored.
  public func article(id: String) throws -> Article? {
    try connector.withConnection { link in
      var binds = PostgresBindings()
      binds.append(id)
      return try link.query(
        "SELECT id, title, outlet, date, url, source_path, body FROM article WHERE id = $1", binds
      ).first.map { row in
        let (id, title, outlet, date, url, path, body) = try row.decode(
          (String, String, String, String, String, String, String).self)
        return Article(id: id, title: title, outlet: outlet, date: date, url: url, path: path, body: body)
      }
    }
  }

  /// The distinct publishers of the articles.
  public func publishers() throws -> [String] {
    try connector.withConnection { link in
      try link.query("SELECT DISTINCT outlet FROM article WHERE outlet <> '' ORDER BY outlet").map {
        try $0.decode(String.self)
      }
    }
  }

  /// Outlets credited anywhere, with how many passages and articles credit each, most first.
  public func citedOutlets() throws -> [(outlet: String, passages: Int, articles: Int)] {
    try connector.withConnection { link in
      try link.query(
        """
        SELECT t.outlet, count(DISTINCT t.passage_id), count(DISTINCT p.article_id)
        FROM attribution t JOIN passage p ON p.id = t.passage_id
        GROUP BY t.outlet ORDER BY 3 DESC, 2 DESC, t.outlet
        """
      ).map { row in
        let (outlet, passages, articles) = try row.decode((String, Int, Int).self)
        return (outlet, passages, articles)
      }
    }
  }

  // MARK: Statistics

  /// How many passages are indexed.
  public func passageCount() throws -> Int {
    try stats().passages
  }

  /// The store's figures, read again when another process may have changed them.
  func stats() throws -> PostgresStatsCache.Stats {
    if let known = cache.freshStats() { return known }
    return try connector.withConnection { link in try readStats(link) }
  }

  /// Reads `corpus_stat` within the caller's transaction, dropping memoised figures when the
  /// store changed.
  func readStats(_ link: PostgresLink) throws -> PostgresStatsCache.Stats {
    guard let row = try link.query("SELECT passages, tokens, generation FROM corpus_stat").first else {
      return PostgresStatsCache.Stats(passages: 0, tokens: 0, generation: 0)
    }
    let (passages, tokens, generation) = try row.decode((Int, Int, Int64).self)
    let stats = PostgresStatsCache.Stats(passages: passages, tokens: tokens, generation: generation)
    cache.update(stats)
    return stats
  }

  /// How many passages hold each stemmed term, from `term_stat` (memoised until the store
  /// changes).
  public func documentFrequencies(_ stems: [String]) throws -> [String: Int] {
    _ = try stats()
    var (out, missing) = cache.frequencies(Array(Set(stems)))
    guard !missing.isEmpty else { return out }
    let fetched = try connector.withConnection { link in try termDocuments(missing, link) }
    for t in missing { out[t] = fetched[t] ?? 0 }
    cache.store(frequencies: out)
    return out
  }

  /// `term_stat`'s counts of `terms`, within the caller's connection.
  func termDocuments(_ terms: [String], _ link: PostgresLink) throws -> [String: Int] {
    var binds = PostgresBindings()
    binds.append(terms)
    var found: [String: Int] = [:]
    for row in try link.query("SELECT term, documents FROM term_stat WHERE term = ANY($1::text[])", binds) {
      let (term, documents) = try row.decode((String, Int).self)
      found[term] = documents
    }
    return found
  }

  /// Calls `changed` after every change another process (or this one) commits, found by polling
  /// `corpus_stat`'s change counter once a second.
  public func observeChanges(_ changed: @escaping @Sendable () -> Void) {
    let cache = self.cache
    watcher.add { generation in
      cache.invalidate(unless: generation)
      changed()
    }
  }

  static func list(_ joined: String) -> [String] {
    joined.isEmpty ? [] : joined.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }
}
