import Foundation
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#elseif canImport(SQLite3)
  import SQLite3
#endif

/// `byline_rank(passage_fts, k, d0, d1, …)`: FTS5's `bm25()` with ``ArticleStore/ranking``'s
/// column weights, for the pruned queries of a ``CandidatePlan`` that keep the best `k` rows,
/// registered on every connection.
///
/// It differs from the built-in in three ways. Each phrase's document count `dN` comes from the
/// caller (memoised by the store) instead of being counted by a scan of the phrase's whole
/// doclist at every query, which for a common word costs more than the pruned query itself. A
/// phrase whose count is negative is left out of the score: a pruned query names the generating
/// phrases twice (`(g1 OR g2) AND (g1 OR g2 OR r1 OR r2)`: candidates hold a generating phrase,
/// and every phrase's instances are visible), and only the second naming counts. And a row that
/// cannot be among the best `k` is not scored exactly: reading a row's length (for BM25's length
/// normalisation) is a lookup in the `docsize` table, about half of a query's time, so the
/// function first bounds the score from above with the shortest length the row can have (as
/// many tokens as its commonest phrase has instances); when `k` rows already scored exactly beat
/// that bound, the row is out of the top `k` whatever its length, and the bound is returned
/// instead (lower than the `k` scores above it, so `ORDER BY … LIMIT k` is unchanged). Both only
/// for a row whose length the store's ``PassageLengths`` (the function's user data) does not
/// hold: for the others the length costs nothing and every row is scored exactly. With every
/// phrase counted once and exact counts it ranks as `bm25()` does.
enum FTS5RankFunction {
  /// The SQL name.
  static let name = "byline_rank"
  /// The column weights of ``ArticleStore/ranking``: text, heading, title.
  static let columnWeights: (Double, Double, Double) = (1.0, 0.5, 0.25)

  /// Registers the function on `db`'s connection, reading row lengths from `lengths` where it
  /// holds them.
  static func register(_ db: Database, lengths: PassageLengths) throws {
    let api = FTS5.api(db)
    let rc = api.pointee.xCreateFunction(
      UnsafeMutablePointer(mutating: api), name, Unmanaged.passRetained(lengths).toOpaque(), bylineRank,
      releaseLengths)
    if rc != SQLITE_OK {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot register \(name)")
    }
  }
}

/// The best `limit` exact scores one query has given so far (a min-heap), its per-query
/// constants, and scratch space for a row's phrase frequencies: the state of one run of
/// ``FTS5RankFunction``, kept as FTS5 auxiliary data of the query.
final class RankState {
  /// How many rows the query keeps.
  let limit: Int
  /// Each phrase's inverse document frequency; nil for a phrase left out of the score.
  let idf: [Double?]
  /// The average row length in tokens.
  let averageLength: Double
  /// The exact scores, smallest first at the root.
  private var heap: [Double] = []
  /// Each phrase's weighted frequency in the current row.
  var frequencies: [Double]
  /// The row lengths known when the query began.
  let lengths: PassageLengths.Snapshot

  init(limit: Int, idf: [Double?], averageLength: Double, lengths: PassageLengths.Snapshot) {
    self.limit = limit
    self.idf = idf
    self.averageLength = averageLength
    self.lengths = lengths
    frequencies = Array(repeating: 0, count: idf.count)
    heap.reserveCapacity(limit)
  }

  /// The `limit`-th best exact score so far, once there are `limit` of them.
  var threshold: Double? { heap.count == limit && limit > 0 ? heap[0] : nil }

  /// Records an exact score.
  func insert(_ score: Double) {
    guard limit > 0 else { return }
    if heap.count < limit {
      heap.append(score)
      var i = heap.count - 1
      while i > 0, heap[(i - 1) / 2] > heap[i] {
        heap.swapAt(i, (i - 1) / 2)
        i = (i - 1) / 2
      }
    } else if score > heap[0] {
      heap[0] = score
      var i = 0
      while true {
        let left = 2 * i + 1
        let right = left + 1
        var smallest = i
        if left < heap.count, heap[left] < heap[smallest] { smallest = left }
        if right < heap.count, heap[right] < heap[smallest] { smallest = right }
        if smallest == i { break }
        heap.swapAt(i, smallest)
        i = smallest
      }
    }
  }
}

/// Releases the ``PassageLengths`` a connection's function held.
private func releaseLengths(_ pointer: UnsafeMutableRawPointer?) {
  guard let pointer else { return }
  Unmanaged<PassageLengths>.fromOpaque(pointer).release()
}

/// Releases a ``RankState`` that FTS5 held as auxiliary data.
private func releaseRankState(_ pointer: UnsafeMutableRawPointer?) {
  guard let pointer else { return }
  Unmanaged<RankState>.fromOpaque(pointer).release()
}

/// The C entry point of ``FTS5RankFunction``: returns minus the score, so that `ORDER BY` it
/// puts the best first, as with `bm25()`.
private func bylineRank(
  _ pApi: UnsafePointer<Fts5ExtensionApi>?, _ pFts: OpaquePointer?, _ pCtx: OpaquePointer?, _ nVal: Int32,
  _ apVal: UnsafeMutablePointer<OpaquePointer?>?
) {
  guard let api = pApi?.pointee, let apVal, nVal >= 1 else {
    sqlite3_result_error_code(pCtx, SQLITE_MISUSE)
    return
  }
  let k1 = CandidatePlan.k1
  let b = CandidatePlan.b
  let state: RankState
  if let held = api.xGetAuxdata(pFts, 0) {
    state = Unmanaged<RankState>.fromOpaque(held).takeUnretainedValue()
  } else {
    // The first row of the query: what is the same for every row is worked out once.
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    guard api.xRowCount(pFts, &rows) == SQLITE_OK, api.xColumnTotalSize(pFts, -1, &tokens) == SQLITE_OK, rows > 0
    else {
      sqlite3_result_error_code(pCtx, SQLITE_ERROR)
      return
    }
    let count = Int(min(api.xPhraseCount(pFts), nVal - 1))
    let idf: [Double?] = (0..<count).map { i in
      let documents = sqlite3_value_int64(apVal[i + 1])
      return documents < 0 ? nil : CandidatePlan.idf(documents: Int(documents), passages: Int(rows))
    }
    let lengths = api.xUserData(pFts).map { Unmanaged<PassageLengths>.fromOpaque($0).takeUnretainedValue().current }
    state = RankState(
      limit: Int(sqlite3_value_int64(apVal[0])), idf: idf, averageLength: Double(tokens) / Double(rows),
      lengths: lengths ?? PassageLengths.Snapshot(base: 0, lengths: []))
    guard api.xSetAuxdata(pFts, Unmanaged.passRetained(state).toOpaque(), releaseRankState) == SQLITE_OK else {
      sqlite3_result_error_code(pCtx, SQLITE_ERROR)
      return
    }
  }
  let weights = FTS5RankFunction.columnWeights
  // The phrases' weighted frequencies, and the fewest tokens the row can have.
  var shortest: Int32 = 1
  for i in state.idf.indices {
    state.frequencies[i] = 0
    guard state.idf[i] != nil else { continue }
    var iterator = Fts5PhraseIter()
    var column: Int32 = 0
    var offset: Int32 = 0
    guard api.xPhraseFirst(pFts, Int32(i), &iterator, &column, &offset) == SQLITE_OK else { continue }
    var frequency = 0.0
    var instances: Int32 = 0
    while column >= 0 {
      frequency += column == 0 ? weights.0 : column == 1 ? weights.1 : weights.2
      instances += 1
      api.xPhraseNext(pFts, &iterator, &column, &offset)
    }
    state.frequencies[i] = frequency
    shortest = max(shortest, instances)
  }
  func score(length: Double) -> Double {
    let norm = k1 * (1 - b + b * length / state.averageLength)
    var total = 0.0
    for (idf, frequency) in zip(state.idf, state.frequencies) where frequency > 0 {
      total += (idf ?? 0) * frequency * (k1 + 1) / (frequency + norm)
    }
    return total
  }
  if let length = state.lengths.length(of: api.xRowid(pFts)) {
    let exact = score(length: Double(length))
    state.insert(exact)
    sqlite3_result_double(pCtx, -exact)
    return
  }
  if let threshold = state.threshold {
    let bound = score(length: Double(shortest))
    if bound < threshold {
      sqlite3_result_double(pCtx, -bound)
      return
    }
  }
  var size: Int32 = 0
  guard api.xColumnSize(pFts, -1, &size) == SQLITE_OK else {
    sqlite3_result_error_code(pCtx, SQLITE_ERROR)
    return
  }
  let exact = score(length: Double(size))
  state.insert(exact)
  sqlite3_result_double(pCtx, -exact)
}
