import GRDB

#if canImport(GRDBSQLite)
  import GRDBSQLite
#elseif canImport(SQLite3)
  import SQLite3
#endif

/// A prepared GRDB statement run with SQLite's own bind and step calls: the writer's inner loop
/// runs it for every passage and credit of a build, and GRDB's `StatementArguments` box each
/// value, which cost about a third of what the rows themselves cost SQLite.
struct BoundInsert {
  /// A value to bind.
  enum Value {
    case text(String)
    case integer(Int)
  }

  private let statement: Statement

  /// Runs `statement` (made by GRDB, which keeps and finalises it).
  init(_ statement: Statement) {
    self.statement = statement
  }

  /// Binds `values` to the statement's parameters, in order, and runs it to completion.
  func run(_ values: Value...) throws {
    let handle = statement.sqliteStatement
    defer {
      sqlite3_reset(handle)
      sqlite3_clear_bindings(handle)
    }
    for (i, value) in values.enumerated() {
      let index = Int32(i + 1)
      let code: Int32
      switch value {
      case .integer(let n):
        code = sqlite3_bind_int64(handle, index, Int64(n))
      case .text(var text):
        // SQLITE_TRANSIENT: SQLite copies the bytes. An empty string still binds '' (a nil
        // pointer would bind NULL).
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        code = text.withUTF8 { bytes in
          bytes.withMemoryRebound(to: CChar.self) { chars in
            guard let base = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, transient) }
            return sqlite3_bind_text(handle, index, base, Int32(chars.count), transient)
          }
        }
      }
      if code != SQLITE_OK { throw error(code) }
    }
    let code = sqlite3_step(handle)
    if code != SQLITE_DONE { throw error(code) }
  }

  private func error(_ code: Int32) -> DatabaseError {
    let db = sqlite3_db_handle(statement.sqliteStatement)
    return DatabaseError(
      resultCode: ResultCode(rawValue: code), message: db.map { String(cString: sqlite3_errmsg($0)) },
      sql: statement.sql)
  }
}
