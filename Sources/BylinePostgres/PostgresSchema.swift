import BylineCore
import PostgresNIO

/// The PostgreSQL store's schema, as numbered migrations: the same tables as the SQLite store's
/// (``ArticleStore``), with a weighted `tsvector` per passage instead of FTS5 and two tables the
/// writer keeps instead of FTS5's vocabulary: `term_stat` (how many passages hold each stem) and
/// `corpus_stat` (passages, tokens, and a counter of committed changes that readers poll).
///
/// Add a migration at the end; never edit a shipped one. A database whose version is higher
/// than ``version`` was made by a newer Byline and is refused, never migrated down.
enum PostgresSchema {
  /// The version this build makes and reads.
  static var version: Int { migrations.count }

  /// An advisory lock key (`hashtext('byline.schema')` would do; a constant is plainer) taken
  /// while migrating, so that processes that start together never race.
  static let migrationLock: Int64 = 0x6279_6c69_6e65_0001
  /// The advisory lock key every writer's transaction takes: ingest processes write one file at
  /// a time each, in turn, and the statistics rows never deadlock.
  static let writeLock: Int64 = 0x6279_6c69_6e65_0002

  /// The statements of each migration, in order: migration N brings a database to version N.
  static let migrations: [[String]] = [
    [
      "CREATE TABLE source (path text PRIMARY KEY, size bigint NOT NULL, mtime double precision NOT NULL, hash text NOT NULL, pinned boolean NOT NULL DEFAULT false)",
      """
      CREATE TABLE article (id text PRIMARY KEY,
        source_path text NOT NULL REFERENCES source(path) ON DELETE CASCADE,
        title text NOT NULL, outlet text NOT NULL, date text NOT NULL, url text NOT NULL, sources text NOT NULL,
        passage_count integer NOT NULL, body text NOT NULL, credits text NOT NULL DEFAULT '',
        furniture text NOT NULL DEFAULT '')
      """,
      "CREATE INDEX article_source ON article (source_path)",
      """
      CREATE TABLE passage (id bigserial PRIMARY KEY,
        article_id text NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        ordinal integer NOT NULL, paragraph integer NOT NULL, heading text NOT NULL, title text NOT NULL,
        text text NOT NULL, start integer NOT NULL, "end" integer NOT NULL, cites text NOT NULL,
        inherited_cites text NOT NULL, tokens integer NOT NULL, tsv tsvector NOT NULL,
        UNIQUE (article_id, ordinal))
      """,
      "CREATE INDEX passage_tsv ON passage USING gin (tsv)",
      "CREATE INDEX passage_paragraph ON passage (article_id, paragraph)",
      """
      CREATE TABLE attribution (passage_id bigint NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
        outlet text NOT NULL, scope text NOT NULL)
      """,
      "CREATE INDEX attribution_passage ON attribution (passage_id)",
      "CREATE INDEX attribution_outlet ON attribution (outlet)",
      "CREATE TABLE term_stat (term text PRIMARY KEY, documents integer NOT NULL)",
      """
      CREATE TABLE corpus_stat (id integer PRIMARY KEY CHECK (id = 1), passages bigint NOT NULL,
        tokens bigint NOT NULL, generation bigint NOT NULL)
      """,
      "INSERT INTO corpus_stat VALUES (1, 0, 0, 0)",
    ]
  ]

  /// Brings the database to ``version``. A database already there is only read (a read
  /// replica can be opened); one made by a newer Byline is refused.
  ///
  /// - Throws: ``StoreError/newerSchema(path:found:supported:)``, or what the server said.
  static func migrate(_ connector: PostgresConnector) throws {
    let found = try connector.withConnection { link in try currentVersion(link) }
    if found == version { return }
    if found > version {
      throw StoreError.newerSchema(path: connector.address.display, found: found, supported: version)
    }
    try connector.transaction { link in
      try link.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
      try link.execute("CREATE TABLE IF NOT EXISTS byline_schema (version integer NOT NULL)")
      let now = try currentVersion(link)
      if now > version {
        throw StoreError.newerSchema(path: connector.address.display, found: now, supported: version)
      }
      guard now < version else { return }
      for statements in migrations[now...] {
        for sql in statements { try link.execute(sql) }
      }
      try link.execute("DELETE FROM byline_schema")
      try link.execute("INSERT INTO byline_schema VALUES (\(version))")
    }
  }

  /// The database's schema version: 0 for a database Byline never wrote.
  private static func currentVersion(_ link: PostgresLink) throws -> Int {
    let exists = try link.query("SELECT to_regclass('byline_schema') IS NOT NULL")
    guard let row = exists.first, try row.decode(Bool.self) else { return 0 }
    let rows = try link.query("SELECT max(version) FROM byline_schema")
    return try rows.first?.decode(Int?.self) ?? 0
  }
}
