import Foundation
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#elseif canImport(SQLite3)
  import SQLite3
#endif

/// `byline_rank(passage_fts, d0, d1, …)`: FTS5's `bm25()` with ``ArticleStore/ranking``'s column
/// weights, for the pruned queries of a ``CandidatePlan``, registered on every connection.
///
/// It differs from the built-in in two ways. Each phrase's document count `dN` comes from the
/// caller (memoised by the store) instead of being counted by a scan of the phrase's whole
/// doclist at every query, which for a common word costs more than the pruned query itself. And
/// a phrase whose count is negative is left out of the score: a pruned query names the
/// generating phrases twice (`(g1 OR g2) AND (g1 OR g2 OR r1 OR r2)`: candidates hold a
/// generating phrase, and every phrase's instances are visible), and only the second naming
/// counts. With every phrase counted once and exact counts it ranks as `bm25()` does.
enum FTS5RankFunction {
  /// The SQL name.
  static let name = "byline_rank"
  /// The column weights of ``ArticleStore/ranking``: text, heading, title.
  static let columnWeights: (Double, Double, Double) = (1.0, 0.5, 0.25)

  /// Registers the function on `db`'s connection.
  static func register(_ db: Database) throws {
    let api = FTS5.api(db)
    let rc = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, bylineRank, nil)
    if rc != SQLITE_OK {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot register \(name)")
    }
  }
}

/// The C entry point of ``FTS5RankFunction``: returns minus the score, so that `ORDER BY` it
/// puts the best first, as with `bm25()`.
private func bylineRank(
  _ pApi: UnsafePointer<Fts5ExtensionApi>?, _ pFts: OpaquePointer?, _ pCtx: OpaquePointer?, _ nVal: Int32,
  _ apVal: UnsafeMutablePointer<OpaquePointer?>?
) {
  guard let api = pApi?.pointee, let apVal else { return }
  let k1 = CandidatePlan.k1
  let b = CandidatePlan.b
  var rows: sqlite3_int64 = 0
  var tokens: sqlite3_int64 = 0
  var size: Int32 = 0
  guard api.xRowCount(pFts, &rows) == SQLITE_OK, api.xColumnTotalSize(pFts, -1, &tokens) == SQLITE_OK,
    api.xColumnSize(pFts, -1, &size) == SQLITE_OK, rows > 0
  else {
    sqlite3_result_error_code(pCtx, SQLITE_ERROR)
    return
  }
  let n = Double(rows)
  let norm = k1 * (1 - b + b * Double(size) / (Double(tokens) / n))
  let weights = FTS5RankFunction.columnWeights
  var score = 0.0
  let count = min(api.xPhraseCount(pFts), nVal)
  var i: Int32 = 0
  while i < count {
    defer { i += 1 }
    let documents = sqlite3_value_int64(apVal[Int(i)])
    guard documents >= 0 else { continue }
    var iterator = Fts5PhraseIter()
    var column: Int32 = 0
    var offset: Int32 = 0
    guard api.xPhraseFirst(pFts, i, &iterator, &column, &offset) == SQLITE_OK else { continue }
    var frequency = 0.0
    while column >= 0 {
      frequency += column == 0 ? weights.0 : column == 1 ? weights.1 : weights.2
      api.xPhraseNext(pFts, &iterator, &column, &offset)
    }
    guard frequency > 0 else { continue }
    let idf = CandidatePlan.idf(documents: Int(documents), passages: Int(rows))
    score += idf * frequency * (k1 + 1) / (frequency + norm)
  }
  sqlite3_result_double(pCtx, -score)
}
