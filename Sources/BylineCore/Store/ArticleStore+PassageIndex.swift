import GRDB

extension ArticleStore: PassageIndex {
  /// Ranks in the FTS5 table and reads the passages not known to the caller in the same read
  /// transaction: another process may replace articles in between two reads (new row ids, the
  /// old rows gone), and a second read could then miss rows the first one ranked.
  ///
  /// The ranking is pruned by a ``CandidatePlan``: only passages holding one of the query's rarer
  /// phrases are scored (by `byline_rank`, BM25 over every phrase, see ``FTS5RankFunction``),
  /// and the plan is widened and run again in the rare case that a passage holding only the
  /// common phrases could still reach the top `limit`. The result is the plain OR query's top
  /// `limit` (ties aside).
  public func rank(_ query: MatchQuery, limit: Int, skipping isKnown: (Int64) -> Bool) throws -> [RankedPassage] {
    try dbQueue.read { db in
      var ranked = try rankedRows(query, limit: limit, db: db)
      var missing: [Int64] = []
      for r in ranked where !isKnown(r.rowID) { missing.append(r.rowID) }
      ranked.attach(try passages(ids: missing, db: db))
      return ranked
    }
  }

  /// The row ids and scores of the top `limit` passages for `query`, by the pruned plan.
  func rankedRows(_ query: MatchQuery, limit: Int, db: Database) throws -> [RankedPassage] {
    guard limit > 0, !query.phrases.isEmpty else { return [] }
    let documents = try phraseDocuments(query.phrases, db: db)
    var plan = CandidatePlan(query: query, documents: documents, passages: try passageCount(db: db), limit: limit)
    guard !plan.phrases.isEmpty else { return [] }
    if readsLengthsInMemory { try lengths.refresh(db) }
    switch candidateStrategy {
    case .plain: plan = plan.everything
    case .rarestAnd where plan.phrases.count > 2:
      let both = try run(plan, requiring: Array(plan.phrases.prefix(2)), db: db)
      if both.count == limit { return both }
    default: break
    }
    while true {
      let ranked = try run(plan, db: db)
      let kth = ranked.count == limit ? ranked.last?.score : nil
      if plan.isExact(kthScore: kth) { return ranked }
      guard let wider = plan.widened(toBeat: kth) else { return ranked }
      plan = wider
    }
  }

  /// One run of `plan`: `(g1 OR g2) AND (g1 OR g2 OR r1 OR r2)`, scored over the second group
  /// (the plain OR of every phrase when the plan is full).
  /// With `requiring`, only passages holding every phrase of it: `g1 AND g2 AND (…)`.
  private func run(_ plan: CandidatePlan, requiring: [CandidatePlan.Phrase]? = nil, db: Database) throws
    -> [RankedPassage]
  {
    let all = plan.phrases.map { Self.quoted($0.words) }.joined(separator: " OR ")
    var counts: [Int] = []
    let match: String
    if let requiring {
      match = requiring.map { Self.quoted($0.words) }.joined(separator: " AND ") + " AND (" + all + ")"
      counts += requiring.map { _ in -1 }
    } else if plan.isFull {
      match = all
    } else {
      match = "(" + plan.generating.map { Self.quoted($0.words) }.joined(separator: " OR ") + ") AND (" + all + ")"
      counts += plan.generating.map { _ in -1 }
    }
    counts += plan.phrases.map(\.documents)
    counts.insert(plan.limit, at: 0)
    let slots = Array(repeating: "?", count: counts.count).joined(separator: ", ")
    let statement = try db.cachedStatement(
      sql: """
        SELECT rowid, \(FTS5RankFunction.name)(passage_fts, \(slots)) AS r FROM passage_fts
        WHERE passage_fts MATCH ? ORDER BY r LIMIT ?
        """)
    let arguments = StatementArguments(counts) + [match, plan.limit]
    var ranked: [RankedPassage] = []
    let rows = try Row.fetchCursor(statement, arguments: arguments)
    while let row = try rows.next() {
      ranked.append(RankedPassage(rowID: row[0], score: -(row[1] as Double), passage: nil))
    }
    return ranked
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
