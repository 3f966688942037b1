import GRDB

extension ArticleStore: PassageIndex {
  /// Ranks in the FTS5 table and reads the passages not known to the caller in the same read
  /// transaction: another process may replace articles in between two reads (new row ids, the
  /// old rows gone), and a second read could then miss rows the first one ranked.
  public func rank(_ query: MatchQuery, limit: Int, skipping isKnown: (Int64) -> Bool) throws -> [RankedPassage] {
    try dbQueue.read { db in
      let statement = try db.cachedStatement(
        sql: """
          SELECT rowid, \(ArticleStore.ranking) AS rank FROM passage_fts
          WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?
          """)
      var ranked: [RankedPassage] = []
      var missing: [Int64] = []
      let rows = try Row.fetchCursor(statement, arguments: [query.raw, limit])
      while let row = try rows.next() {
        let rowID: Int64 = row[0]
        ranked.append(RankedPassage(rowID: rowID, score: -(row[1] as Double), passage: nil))
        if !isKnown(rowID) { missing.append(rowID) }
      }
      var read: [Int64: StoredPassage] = [:]
      for p in try passages(ids: missing, db: db) { read[p.rowID] = p }
      for i in ranked.indices {
        ranked[i].passage = read[ranked[i].rowID].map { p in
          var p = p
          p.score = ranked[i].score
          return p
        }
      }
      return ranked
    }
  }

  public func observeChanges(_ changed: @escaping @Sendable () -> Void) {
    dbQueue.add(transactionObserver: ChangeObserver(changed: changed), extent: .databaseLifetime)
  }
}

/// Calls `changed` after each commit that wrote passages or articles.
private final class ChangeObserver: TransactionObserver, @unchecked Sendable {
  private let changed: @Sendable () -> Void
  private var dirty = false

  init(changed: @escaping @Sendable () -> Void) {
    self.changed = changed
  }

  func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
    ["passage", "article"].contains(eventKind.tableName)
  }

  func databaseDidChange(with event: DatabaseEvent) {
    dirty = true
  }

  func databaseDidCommit(_ db: Database) {
    if dirty { changed() }
    dirty = false
  }

  func databaseDidRollback(_ db: Database) {
    dirty = false
  }
}
