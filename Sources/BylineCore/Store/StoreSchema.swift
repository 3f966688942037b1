import GRDB

/// The store's schema, as GRDB migrations. Add a migration; never edit a shipped one.
enum StoreSchema {
  /// Bump when the layout or what is derived at index time changes: older stores are rebuilt
  /// from the corpus (the store is a cache; the corpus folder is the source of truth).
  static let version = 6

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "source") { t in
        t.primaryKey("path", .text)
        t.column("size", .integer).notNull()
        t.column("mtime", .double).notNull()
        t.column("hash", .text).notNull()
        t.column("pinned", .boolean).notNull().defaults(to: false)
      }
      try db.create(table: "article") { t in
        t.primaryKey("id", .text)
        t.column("sourcePath", .text).notNull().indexed()
          .references("source", column: "path", onDelete: .cascade)
        t.column("title", .text).notNull()
        t.column("outlet", .text).notNull()
        t.column("date", .text).notNull()
        t.column("url", .text).notNull()
        t.column("sources", .text).notNull()
        t.column("passageCount", .integer).notNull()
        t.column("body", .text).notNull()
      }
      try db.create(table: "passage") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("articleId", .text).notNull().references("article", onDelete: .cascade)
        t.column("ordinal", .integer).notNull()
        t.column("paragraph", .integer).notNull()
        t.column("heading", .text).notNull()
        t.column("title", .text).notNull()
        t.column("text", .text).notNull()
        t.column("stems", .text).notNull()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        t.column("cites", .text).notNull()
        t.column("inheritedCites", .text).notNull()
        t.uniqueKey(["articleId", "ordinal"])
      }
      try db.create(table: "attribution") { t in
        t.column("passageId", .integer).notNull().indexed()
          .references("passage", onDelete: .cascade)
        t.column("outlet", .text).notNull().indexed()
        t.column("scope", .text).notNull()
      }
      try db.create(virtualTable: "passage_fts", using: FTS5()) { t in
        t.synchronize(withTable: "passage")
        t.tokenizer = .porter(wrapping: .unicode61())
        t.column("text")
        t.column("heading")
        t.column("title")
      }
      try db.execute(sql: "CREATE VIRTUAL TABLE passage_vocab USING fts5vocab(passage_fts, 'row')")
    }
    // The FTS5 index is kept by `ArticleStore`'s writer rather than by triggers: a trigger runs
    // inside each passage insert's statement savepoint, and FTS5 (SQLite 3.40) writes its
    // pending terms out as a new segment at every savepoint, so a build made one segment a
    // passage and merged them again and again (4 times the raw FTS5 insert). The writer
    // indexes all new passages in one statement and removes old ones with FTS5's 'delete'.
    // Stems are made from the text when passages are read, not stored: stemming every passage
    // was a third of the parse time of a build and a quarter of what it wrote.
    migrator.registerMigration("v2") { db in
      for name in ["__passage_fts_ai", "__passage_fts_ad", "__passage_fts_au"] {
        try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
      }
      try db.execute(sql: "ALTER TABLE passage DROP COLUMN stems")
    }
    // Every outlet an article credits (order of first mention) and the lines its reader dropped
    // as page furniture, both tab-separated, for `byline articles`.
    migrator.registerMigration("v3") { db in
      try db.execute(sql: "ALTER TABLE article ADD COLUMN credits TEXT NOT NULL DEFAULT ''")
      try db.execute(sql: "ALTER TABLE article ADD COLUMN furniture TEXT NOT NULL DEFAULT ''")
    }
    return migrator
  }
}
