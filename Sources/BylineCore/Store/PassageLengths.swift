import Foundation
import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#elseif canImport(SQLite3)
  import SQLite3
#endif

/// Every indexed passage's length in tokens, by row id, held in memory for `byline_rank`
/// (``FTS5RankFunction``).
///
/// BM25 normalises by a row's length, and FTS5 reads it from its `passage_fts_docsize` table,
/// one B-tree lookup per scored row: about half the time of a ranked query on a 10k-article
/// store. The lengths are read once per store instead (a range scan, ~2 bytes a passage: 0.5 MB
/// at 10k articles), and each query then only reads the rows added since. An entry never goes
/// stale: passage ids come from AUTOINCREMENT, so an id is never reused, and a passage is
/// never rewritten in place (a changed article's passages are deleted and inserted anew). A row
/// the table does not hold (added by another connection after the last read, or longer than
/// `UInt16` can say) falls back to FTS5's own lookup.
final class PassageLengths: @unchecked Sendable {
  /// A consistent copy of the table for one query: reading it takes no lock.
  struct Snapshot {
    /// The row id of `lengths[0]`.
    let base: Int64
    /// Lengths by `rowid - base`; ``unknown`` where the table holds none.
    let lengths: [UInt16]

    /// The length of row `rowID`, if the table holds it.
    func length(of rowID: Int64) -> Int? {
      let i = rowID - base
      guard i >= 0, i < Int64(lengths.count) else { return nil }
      let length = lengths[Int(i)]
      return length == PassageLengths.unknown ? nil : Int(length)
    }
  }

  /// Marks a row id the table holds no length for.
  static let unknown = UInt16.max

  private let lock = NSLock()
  private var base: Int64 = 0
  private var lengths: [UInt16] = []
  /// The highest row id read so far.
  private var readThrough: Int64 = 0

  /// The table as last read, without reading the store.
  var current: Snapshot {
    lock.withLock { Snapshot(base: base, lengths: lengths) }
  }

  /// Reads the rows added since the last call (all of them the first time), in `db`'s current
  /// transaction; ``current`` then holds them.
  func refresh(_ db: Database) throws {
    lock.lock()
    defer { lock.unlock() }
    let statement = try db.cachedStatement(sql: "SELECT id, sz FROM passage_fts_docsize WHERE id > ? ORDER BY id")
    try statement.setArguments([readThrough])
    let handle = statement.sqliteStatement
    defer { sqlite3_reset(handle) }
    while true {
      let rc = sqlite3_step(handle)
      if rc == SQLITE_DONE { break }
      guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
      let id = sqlite3_column_int64(handle, 0)
      let count = Int(sqlite3_column_bytes(handle, 1))
      let length = sqlite3_column_blob(handle, 1).flatMap {
        Self.totalLength(UnsafeRawBufferPointer(start: $0, count: count))
      }
      record(id: id, length: length)
    }
  }

  /// Stores one row's length (``unknown`` when it does not fit).
  private func record(id: Int64, length: Int?) {
    if lengths.isEmpty { base = id }
    guard id >= base else { return }
    let index = Int(id - base)
    if index >= lengths.count {
      lengths.append(contentsOf: repeatElement(Self.unknown, count: index - lengths.count + 1))
    }
    if let length, length < Int(Self.unknown) { lengths[index] = UInt16(length) }
    readThrough = max(readThrough, id)
  }

  /// The sum of a docsize record's per-column token counts: SQLite varints, one a column.
  static func totalLength(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var total = 0
    var i = 0
    while i < bytes.count {
      var value = 0
      var shift = 0
      // FTS5 writes column sizes as SQLite varints (seven bits a byte, high bit set on all but
      // the last); a column of a passage never needs more than four bytes.
      while true {
        guard i < bytes.count, shift <= 28 else { return nil }
        let byte = bytes[i]
        i += 1
        value = value << 7 | Int(byte & 0x7F)
        shift += 7
        if byte & 0x80 == 0 { break }
      }
      total += value
    }
    return total
  }
}
