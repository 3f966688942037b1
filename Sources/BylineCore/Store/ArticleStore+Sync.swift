import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension ArticleStore {
  /// The most files a sync commits in one transaction. Each commit costs an fsync and leaves
  /// FTS5 a segment to merge, so batches are large; a killed build loses at most one batch.
  public static let batchFiles = 2_000
  /// The most passages a sync commits in one transaction (a batch of long articles ends sooner):
  /// about 1,000 articles of news, tens of MB of FTS5 pending data, well under the memory bound.
  public static let batchPassages = 25_000

  /// A file found in the corpus.
  struct SourceFile {
    var path: String
    var size: Int
    var mtime: Double
  }

  /// Brings the store up to date with the corpus folder (and files pinned by `byline index`):
  /// reads added and changed files (by size, time and content hash), drops removed ones.
  ///
  /// Changes are committed in batches of whole files (their articles, passages, credits and
  /// FTS5 entries; see ``batchFiles`` and ``batchPassages``): a reader never sees part of an
  /// article, and a build killed midway keeps every batch it committed, so that the next run
  /// reads only the files not stored yet.
  ///
  /// Files are parsed on a second thread while the first writes, and only a few parsed files
  /// are held at a time, so that a build of a large corpus neither waits for parsing and
  /// writing in turn nor holds the corpus in memory. Nothing global is rebuilt: an update of one
  /// article costs the scan of the folder and that article's rows.
  ///
  /// - Parameters:
  ///   - knowledge: the corpus folder.
  ///   - adding: more files or folders to index and keep indexed.
  ///   - rebuild: forget everything and read every file again.
  ///   - onBatch: called after each committed batch with what is committed so far; an error it
  ///     throws (a cancellation, say) stops the update there, the committed batches kept.
  ///   - progress: told after each file written; returning false stops the update after the
  ///     batch in progress is committed (``IndexInterrupted`` says how many files were kept).
  public func sync(
    knowledge: String, adding: [String] = [], rebuild: Bool = false,
    onBatch: ((SyncProgress) throws -> Void)? = nil, progress: IndexProgressHandler? = nil
  ) throws -> SyncReport {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: knowledge, isDirectory: &isDir), isDir.boolValue else {
      throw StoreError.missingKnowledge(knowledge)
    }
    let report = SyncReport()
    // A read-only store is answered from as it is (its notice says so).
    if isReadOnly { return report }
    for path in adding where !FileManager.default.fileExists(atPath: path) {
      throw StoreError.missingPath(path)
    }
    // What the store holds: size and time by path (hashes are read only for changed files).
    let (known, pinnedKnown): ([String: (size: Int, mtime: Double)], [String]) = try dbQueue.read { db in
      let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0
      var out = [String: (size: Int, mtime: Double)](minimumCapacity: count)
      let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime FROM source")
      while let row = try rows.next() { out[row[0]] = (row[1], row[2]) }
      return (out, try String.fetchAll(db, sql: "SELECT path FROM source WHERE pinned"))
    }
    var files = Self.scan(knowledge)
    var pinned = Set(pinnedKnown)
    for path in adding {
      for file in Self.scan(URL(fileURLWithPath: path).standardizedFileURL.path) {
        pinned.insert(file.path)
        files.append(file)
      }
    }
    if !pinned.isEmpty {
      let listed = Set(files.map(\.path))
      for path in pinned.sorted() where !listed.contains(path) {
        if let file = Self.stat(path) { files.append(file) }
      }
      var seen = Set<String>()
      files = files.filter { seen.insert($0.path).inserted }
    }
    return try update(
      files: files, known: known, pinned: pinned, rebuild: rebuild, report: report, onBatch: onBatch,
      progress: progress)
  }

  /// Brings the store up to date for `paths` alone (files or folders that a ``CorpusWatcher``
  /// saw change), without scanning the corpus: on a large corpus the scan's `stat` of every file
  /// is what an update costs, so a session that watches its corpus pays only for what changed.
  /// A path that is gone removes what the store holds from it (or from under it).
  public func sync(changed paths: [String], onBatch: ((SyncProgress) throws -> Void)? = nil) throws -> SyncReport {
    if isReadOnly || paths.isEmpty { return SyncReport() }
    let paths = Set(paths)
    var files: [SourceFile] = []
    for path in paths {
      for file in Self.scan(path) where !Self.isHidden(file.path, under: path) && Self.isArticleFile(file.path) {
        files.append(file)
      }
    }
    var seen = Set<String>()
    files = files.filter { seen.insert($0.path).inserted }
    // What the store holds for these paths, and under them when they are (or were) folders.
    var known: [String: (size: Int, mtime: Double)] = [:]
    var pinned = Set<String>()
    try dbQueue.read { db in
      let statement = try db.cachedStatement(
        sql: "SELECT path, size, mtime, pinned FROM source WHERE path = ? OR (path > ? AND path < ?)")
      for path in paths {
        let rows = try Row.fetchCursor(statement, arguments: [path, path + "/", path + "0"])
        while let row = try rows.next() {
          known[row[0]] = (row[1], row[2])
          if row[3] as Bool { pinned.insert(row[0]) }
        }
      }
    }
    return try update(
      files: files, known: known, pinned: pinned, rebuild: false, report: SyncReport(), onBatch: onBatch)
  }

  /// Whether `path` names an article file: not hidden, with an extension the reader knows (an
  /// editor's swap or backup file is not one).
  static func isArticleFile(_ path: String) -> Bool {
    let name = path.split(separator: "/").last ?? ""
    guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
    return ArticleReader.extensions.contains(name[name.index(after: dot)...].lowercased())
  }

  /// Whether a file found under `root` sits in a hidden file or folder below it (the scan skips
  /// those when it walks; `root` itself may be one a watcher named).
  private static func isHidden(_ path: String, under root: String) -> Bool {
    guard path.count > root.count else { return false }
    return path.dropFirst(root.count).split(separator: "/").contains { $0.hasPrefix(".") }
  }

  /// Writes what changed among `files` (as found now) against `known` (what the store holds for
  /// them, and for files that are gone).
  private func update(
    files: [SourceFile], known: [String: (size: Int, mtime: Double)], pinned: Set<String>, rebuild: Bool,
    report: SyncReport, onBatch: ((SyncProgress) throws -> Void)?, progress handler: IndexProgressHandler? = nil
  ) throws -> SyncReport {
    var report = report
    let reader = ArticleReader()
    var outlets = Set<String>()
    var toWrite: [SourceFile] = []
    var touchOnly: [SourceFile] = []
    var seenKnown = 0
    for file in files {
      let previous = rebuild ? nil : known[file.path]
      if previous != nil { seenKnown += 1 }
      if let k = previous, k.size == file.size, k.mtime == file.mtime { continue }
      if file.size > ArticleReader.maxBytes {
        // Not even read (the parser records it by size with a warning): a huge file costs
        // neither the memory nor the time.
        toWrite.append(file)
        continue
      }
      // A new plain-text file is read once, when it is written; a changed one is compared by
      // hash first, and front matter or JSON may name outlets every article should know.
      let plain = file.path.hasSuffix(".txt")
      if previous == nil && plain {
        toWrite.append(file)
        continue
      }
      guard let data = FileManager.default.contents(atPath: file.path) else {
        report.warnings.append(CorpusWarning(path: file.path, message: "cannot be read; skipped"))
        continue
      }
      if previous != nil {
        let hash = try dbQueue.read { db in
          try String.fetchOne(db, sql: "SELECT hash FROM source WHERE path = ?", arguments: [file.path])
        }
        if hash == ContentHash.of(data) {
          touchOnly.append(file)
          continue
        }
      }
      toWrite.append(file)
      if !plain {
        for a in reader.read(data: data, path: file.path).articles where !a.outlet.isEmpty { outlets.insert(a.outlet) }
      }
    }
    // Every stored file seen again (the usual case) means none was removed.
    let removed: [String]
    if rebuild {
      removed = Array(known.keys)
    } else if seenKnown == known.count {
      removed = []
    } else {
      let present = Set(files.map(\.path))
      removed = known.keys.filter { !present.contains($0) }
    }
    toWrite.sort { $0.path < $1.path }
    report.removedFiles = removed.sorted()
    guard !toWrite.isEmpty || !removed.isEmpty || !touchOnly.isEmpty else { return report }

    defer { invalidateCaches() }
    let parser = SyncParser(
      files: toWrite, structurer: ArticleStructurer(directory: OutletDirectory(extra: Array(outlets))))
    parser.start()
    defer { parser.cancel() }
    var written: [String] = []
    do {
      try write(
        removed: removed, rebuild: rebuild, touchOnly: touchOnly, parser: parser, pinned: pinned,
        progress: SyncProgress(filesToWrite: toWrite.count), onBatch: onBatch,
        handler: handler.map { ($0, toWrite.reduce(0) { $0 + $1.size }) }, written: &written, report: &report)
    } catch let error as DatabaseError {
      // The transaction was rolled back: the store is as it was before this update.
      throw StoreOpener.writeFailure(error, path: path)
    }
    report.updatedFiles = written.sorted()
    return report
  }

  /// Applies one update in batch transactions of whole files, writing files as the parser hands
  /// them over: the first batch also removes what is gone (or everything, for a rebuild), and a
  /// batch ends after ``batchFiles`` files or ``batchPassages`` passages.
  ///
  /// The FTS5 index is kept here, not by triggers: the passages of removed and replaced files
  /// leave it with FTS5's 'delete' command, and every new passage of a batch enters it in one
  /// statement at the end of the batch (see ``StoreSchema``).
  ///
  /// - Parameters:
  ///   - removed: stored files that are gone.
  ///   - rebuild: empty the store first.
  ///   - progress: what is committed so far (nothing, at the start).
  ///   - onBatch: called after each commit.
  ///   - handler: told after each file (with the bytes of all the files to write); false stops
  ///     the update once the batch in progress is committed.
  private func write(
    removed: [String], rebuild: Bool, touchOnly: [SourceFile], parser: SyncParser,
    pinned: Set<String>, progress start: SyncProgress, onBatch: ((SyncProgress) throws -> Void)?,
    handler: (report: IndexProgressHandler, bytes: Int)? = nil, written: inout [String], report: inout SyncReport
  ) throws {
    var progress = start
    var first = true
    var finished = false
    var stopped = false
    var shown = IndexProgress(filesDone: 0, filesTotal: progress.filesToWrite, bytesTotal: handler?.bytes ?? 0)
    let limits = Self.batchLimits()
    while !finished {
      var batch = SyncProgress(filesToWrite: progress.filesToWrite)
      try dbQueue.write { db in
        // Passages up to this id are in the FTS5 index; the ones this batch writes come after it
        // (AUTOINCREMENT never reuses an id).
        let indexedUpTo = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM passage") ?? 0
        if first {
          if rebuild {
            try db.execute(sql: "INSERT INTO passage_fts(passage_fts) VALUES('delete-all')")
            try db.execute(sql: "DELETE FROM source")
          } else {
            for path in removed { try Self.deleteSource(path, indexedUpTo: indexedUpTo, db: db) }
          }
          for file in touchOnly {
            try db.cachedStatement(sql: "UPDATE source SET size = ?, mtime = ? WHERE path = ?").execute(
              arguments: [file.size, file.mtime, file.path])
          }
        }
        // Article ids written by this batch (not yet in the FTS5 index).
        var ids = Set<String>()
        while batch.files < limits.files && batch.passages < limits.passages {
          guard let parsed = parser.next() else {
            finished = true
            break
          }
          report.warnings += parsed.warnings
          guard let hash = parsed.hash else { continue }
          let file = parsed.file
          written.append(file.path)
          batch.files += 1
          // What the store holds now counts, not what it held when the update was planned: another
          // process may have written the file since.
          let isStored =
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM source WHERE path = ?"), arguments: [file.path])
            == true
          if isStored { try Self.deleteSource(file.path, indexedUpTo: indexedUpTo, db: db) }
          try db.cachedStatement(sql: "INSERT INTO source (path, size, mtime, hash, pinned) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [file.path, file.size, file.mtime, hash, pinned.contains(file.path)])
          for doc in parsed.articles {
            let id = doc.article.id
            let writtenNow = !ids.insert(id).inserted
            let storedBefore =
              try !writtenNow
              && Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM article WHERE id = ?"), arguments: [id]) == true
            if writtenNow || storedBefore {
              report.warnings.append(
                CorpusWarning(path: file.path, message: "article id \(id) is used twice; this copy replaces the other"))
              // A copy committed before this batch is in the FTS5 index; one written by it is not yet.
              if !writtenNow {
                try db.execute(
                  sql: """
                    INSERT INTO passage_fts(passage_fts, rowid, text, heading, title)
                    SELECT 'delete', id, text, heading, title FROM passage WHERE articleId = ? AND id <= ?
                    """, arguments: [id, indexedUpTo])
              }
              try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
            }
            try Self.insert(doc, sourcePath: file.path, db: db)
            batch.articles += 1
            batch.passages += doc.passages.count
          }
          if let handler {
            shown.filesDone += 1
            shown.bytesDone += file.size
            shown.articlesDone += parsed.articles.count
            if !handler.report(shown) {
              // Stop after this batch: what it wrote is committed whole.
              stopped = true
              finished = true
              break
            }
          }
        }
        if finished, !stopped, let handler {
          shown.phase = .finishing
          _ = handler.report(shown)
        }
        // One statement a batch: FTS5 buffers the terms and writes large segments.
        try db.execute(
          sql:
            "INSERT INTO passage_fts(rowid, text, heading, title) SELECT id, text, heading, title FROM passage WHERE id > ?",
          arguments: [indexedUpTo])
      }
      first = false
      progress.files += batch.files
      progress.articles += batch.articles
      progress.passages += batch.passages
      progress.batches += 1
      invalidateCaches()
      try onBatch?(progress)
      if stopped { throw IndexInterrupted(filesKept: progress.files) }
    }
  }

  /// How many files and passages a batch holds at most: ``batchFiles`` and ``batchPassages``,
  /// or `BYLINE_SYNC_BATCH_FILES` when set (tests make builds of many small batches with it).
  static func batchLimits() -> (files: Int, passages: Int) {
    if let text = ProcessInfo.processInfo.environment["BYLINE_SYNC_BATCH_FILES"], let files = Int(text), files > 0 {
      return (files, Int.max)
    }
    return (batchFiles, batchPassages)
  }

  /// Removes a stored file's articles, their passages (from the FTS5 index too) and credits.
  private static func deleteSource(_ path: String, indexedUpTo: Int64, db: Database) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO passage_fts(passage_fts, rowid, text, heading, title)
        SELECT 'delete', p.id, p.text, p.heading, p.title FROM passage p JOIN article a ON a.id = p.articleId
        WHERE a.sourcePath = ? AND p.id <= ?
        """
    ).execute(arguments: [path, indexedUpTo])
    try db.cachedStatement(sql: "DELETE FROM source WHERE path = ?").execute(arguments: [path])
  }

  private static func insert(_ doc: ParsedArticle, sourcePath: String, db: Database) throws {
    let a = doc.article
    try db.cachedStatement(
      sql: """
        INSERT INTO article (id, sourcePath, title, outlet, date, url, sources, passageCount, body, credits, furniture)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      a.id, sourcePath, a.title, a.outlet, a.date, a.url, doc.sources.joined(separator: "\t"),
      doc.passages.count, a.body, doc.credits.joined(separator: "\t"),
      doc.furniture.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"),
    ])
    let insertPassage = BoundInsert(
      try db.cachedStatement(
        sql: """
          INSERT INTO passage (articleId, ordinal, paragraph, heading, title, text, start, end, cites, inheritedCites)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """))
    let insertCredit = BoundInsert(
      try db.cachedStatement(sql: "INSERT INTO attribution (passageId, outlet, scope) VALUES (?, ?, ?)"))
    for p in doc.passages {
      try insertPassage.run(
        .text(a.id), .integer(p.ordinal), .integer(p.paragraph), .text(p.heading), .text(a.title), .text(p.text),
        .integer(p.start), .integer(p.end), .text(p.cites.joined(separator: "\t")),
        .text(p.inheritedCites.joined(separator: "\t")))
      let rowID = Int(db.lastInsertedRowID)
      for outlet in p.cites { try insertCredit.run(.integer(rowID), .text(outlet), .text("sentence")) }
      for outlet in p.inheritedCites where !p.cites.contains(outlet) {
        try insertCredit.run(.integer(rowID), .text(outlet), .text("inherited"))
      }
    }
  }

  /// Article files under `path` (or `path` itself), skipping hidden files, in directory order
  /// (sorting 100k paths costs more than comparing them with the store).
  static func scan(_ path: String) -> [SourceFile] {
    guard let top = stat(path, regularOnly: false) else { return [] }
    if !top.isDirectory { return top.file.size >= 0 ? [top.file] : [] }
    var files: [SourceFile] = []
    walk(path, into: &files)
    return files
  }

  /// Collects article files under `folder` with POSIX calls: on Linux, FileManager's enumerator
  /// and attributes cost tens of microseconds a file, which adds up to seconds on a large corpus.
  private static func walk(_ folder: String, into files: inout [SourceFile]) {
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    let fd = dirfd(dir)
    let prefix = folder + "/"
    while let entry = readdir(dir) {
      var st = Glibc.stat()
      let found = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { name -> String? in
          // Hidden files are skipped; the rest is stat'ed relative to the open folder.
          guard name[0] != 0x2E, fstatat(fd, name, &st, 0) == 0 else { return nil }
          return String(cString: name)
        }
      }
      guard let name = found else { continue }
      let kind = st.st_mode & S_IFMT
      if kind == S_IFDIR {
        walk(prefix + name, into: &files)
      } else if kind == S_IFREG, let dot = name.utf8.lastIndex(of: 0x2E),
        ArticleReader.extensions.contains(String(name[name.index(after: dot)...]).lowercased())
      {
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        files.append(SourceFile(path: prefix + name, size: Int(st.st_size), mtime: mtime))
      }
    }
  }

  static func stat(_ path: String) -> SourceFile? {
    guard let info = stat(path, regularOnly: true) else { return nil }
    return info.file
  }

  private static func stat(_ path: String, regularOnly: Bool) -> (file: SourceFile, isDirectory: Bool)? {
    guard let st = posixStat(path) else { return nil }
    let kind = st.st_mode & S_IFMT
    let isDirectory = kind == S_IFDIR
    if kind != S_IFREG && (regularOnly || !isDirectory) { return nil }
    let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    return (SourceFile(path: path, size: Int(st.st_size), mtime: mtime), isDirectory)
  }
}

/// `stat(2)` for a path, or nil when it fails (a file-level function: inside `ArticleStore`
/// the name `stat` means its own method).
private func posixStat(_ path: String) -> Glibc.stat? {
  var st = Glibc.stat()
  return stat(path, &st) == 0 ? st : nil
}
