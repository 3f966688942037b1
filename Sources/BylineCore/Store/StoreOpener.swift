import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// Opens a store file and deals with what can be wrong with it, saying what it did: a damaged
/// file is moved aside and a new store made; a store from another version of Byline is emptied
/// in place (one transaction, so processes that have it open never see it vanish); a folder that
/// cannot be written gives a read-only store, or an in-memory one when there is no store yet.
///
/// Set-up runs under an exclusive `flock(2)` on `STORE.lock`, so processes that start together
/// never race to create, check or rebuild the same store.
struct StoreOpener {
  /// The opened database and what happened.
  struct Opened {
    var writer: any DatabaseWriter
    var notices: [String]
    var readOnly: Bool
  }

  let path: String
  let config: Configuration
  let access: ArticleStore.Access

  /// A connection to the store file: one for a one-shot command, a pool for a session.
  private func connect() throws -> any DatabaseWriter {
    switch access {
    case .oneShot: return try DatabaseQueue(path: path, configuration: config)
    case .session: return try DatabasePool(path: path, configuration: config)
    }
  }

  func open() throws -> Opened {
    let fm = FileManager.default
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty { try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
    let lock = Glibc.open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if lock < 0 {
      let code = errno
      guard code == EROFS || code == EACCES || code == EPERM else {
        throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(code)))
      }
      return try openReadOnly(folderError: String(cString: strerror(code)))
    }
    defer { Glibc.close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    var notices: [String] = []
    var writer: any DatabaseWriter
    do {
      writer = try checked(connect())
    } catch let error where Self.isDamage(error) {
      let aside = path + ".damaged"
      try? fm.removeItem(atPath: aside)
      guard (try? fm.moveItem(atPath: path, toPath: aside)) != nil else {
        throw StoreError.corrupt(path: path, reason: Self.reason(error))
      }
      for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
      notices.append(
        "the article store at \(path) was damaged (\(Self.reason(error))); it was moved to \(aside) and rebuilt from the corpus"
      )
      do {
        writer = try connect()
      } catch {
        throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
      }
    } catch {
      throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
    }
    do {
      let (version, tables) = try writer.read { db in
        (
          try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
          try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        )
      }
      if version != StoreSchema.version && tables > 0 {
        // Built by another version of Byline: emptied in place, in one transaction (never
        // deleted: other processes may have it open), then made again from the corpus.
        try writer.erase()
        notices.append(
          "the article store at \(path) was made by another version of Byline (schema \(version), now \(StoreSchema.version)); it was rebuilt from the corpus"
        )
      }
      // A current store is left alone: opening it writes nothing, so readers never wait for
      // a writer's lock.
      if version != StoreSchema.version || tables == 0 {
        // A pool sets WAL mode when it opens; a single connection sets it here, for a new store
        // (the mode is kept in the file).
        if tables == 0 { try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") } }
        try StoreSchema.migrator.migrate(writer)
        try writer.write { db in try db.execute(sql: "PRAGMA user_version = \(StoreSchema.version)") }
      }
    } catch {
      throw Self.writeFailure(error, path: path)
    }
    return Opened(writer: writer, notices: notices, readOnly: false)
  }

  /// Stores up to this size get `PRAGMA quick_check` on every open; it reads every page
  /// (0.7 s on a 10k-article store), so larger ones get only a read of the schema, which still
  /// fails on a file that is not a database.
  static let quickCheckLimit: Int64 = 32 << 20

  /// Checks that the file `writer` opened is a sound SQLite database.
  private func checked(_ writer: any DatabaseWriter) throws -> any DatabaseWriter {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
    guard size <= Self.quickCheckLimit else {
      try writer.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return writer
    }
    let result = try writer.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
    if let result, result != "ok" {
      let first = result.split(separator: "\n").first { !$0.hasPrefix("***") } ?? Substring(result)
      throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "integrity check: " + first.prefix(160))
    }
    return writer
  }

  /// The store's folder cannot be written: answer from the store as it is (opened immutable, so
  /// SQLite needs no -wal or -shm file), or from an in-memory index of the corpus when there is
  /// no usable store.
  private func openReadOnly(folderError: String) throws -> Opened {
    let folder = (path as NSString).deletingLastPathComponent
    if FileManager.default.fileExists(atPath: path) {
      var config = self.config
      config.readonly = true
      let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
      if let queue = try? DatabaseQueue(path: uri, configuration: config),
        let version = try? queue.read({ db in try Int.fetchOne(db, sql: "PRAGMA user_version") }),
        version == StoreSchema.version,
        (try? queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }) == "ok"
      {
        return Opened(
          writer: queue,
          notices: [
            "the store folder \(folder) cannot be written (\(folderError)): answering from the store as it is, read-only; changes to the corpus are not indexed"
          ], readOnly: true)
      }
    }
    let queue = try DatabaseQueue(configuration: config)
    try StoreSchema.migrator.migrate(queue)
    return Opened(
      writer: queue,
      notices: [
        "the store folder \(folder) cannot be written (\(folderError)) and holds no usable store: the corpus is indexed in memory for this run"
      ], readOnly: false)
  }

  /// Whether `error` says the file is not a sound database (rather than busy, missing or
  /// forbidden).
  static func isDamage(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
      || error.extendedResultCode == .SQLITE_IOERR_SHORT_READ
  }

  /// The error to report when writing the store failed (the transaction was rolled back).
  static func writeFailure(_ error: any Error, path: String) -> StoreError {
    if isDamage(error) { return .corrupt(path: path, reason: reason(error)) }
    var why = reason(error)
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
      why += " (is the disk full?)"
    }
    return .cannotWrite(path: path, reason: why)
  }

  /// A short reason for messages: SQLite's own words.
  static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    if let error = error as? StoreError { return error.localizedDescription }
    return "\(error)"
  }
}
