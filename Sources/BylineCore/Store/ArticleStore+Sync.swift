import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

extension ArticleStore {
  /// A file found in the corpus.
  struct SourceFile {
    var path: String
    var size: Int
    var mtime: Double
  }

  /// Brings the store up to date with the corpus folder (and files pinned by `byline index`):
  /// reads added and changed files (by size, time and content hash), drops removed ones, all in
  /// one transaction.
  ///
  /// - Parameters:
  ///   - knowledge: the corpus folder.
  ///   - adding: more files or folders to index and keep indexed.
  ///   - rebuild: forget everything and read every file again.
  public func sync(knowledge: String, adding: [String] = [], rebuild: Bool = false) throws -> SyncReport {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: knowledge, isDirectory: &isDir), isDir.boolValue else {
      throw StoreError.missingKnowledge(knowledge)
    }
    var report = SyncReport()
    // A read-only store is answered from as it is (its notice says so).
    if isReadOnly { return report }
    for path in adding where !FileManager.default.fileExists(atPath: path) {
      throw StoreError.missingPath(path)
    }
    let known: [String: (size: Int, mtime: Double, hash: String, pinned: Bool)] = try dbQueue.read { db in
      var out: [String: (Int, Double, String, Bool)] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT path, size, mtime, hash, pinned FROM source") {
        out[row["path"]] = (row["size"], row["mtime"], row["hash"], row["pinned"])
      }
      return out
    }
    var files = Self.scan(knowledge)
    var pinned = Set(known.filter { $0.value.pinned }.map(\.key))
    for path in adding {
      for file in Self.scan(URL(fileURLWithPath: path).standardizedFileURL.path) {
        pinned.insert(file.path)
        files.append(file)
      }
    }
    for path in pinned where !files.contains(where: { $0.path == path }) {
      if let file = Self.stat(path) { files.append(file) }
    }
    var seen = Set<String>()
    files = files.filter { seen.insert($0.path).inserted }

    let reader = ArticleReader()
    var outlets = Set<String>()
    var toWrite: [(SourceFile, String, [Article])] = []
    var touchOnly: [SourceFile] = []
    for file in files {
      if !rebuild, let k = known[file.path], k.size == file.size, k.mtime == file.mtime { continue }
      if file.size > ArticleReader.maxBytes {
        // Not even read: a huge file costs neither the memory nor the time.
        report.warnings.append(ArticleReader.oversize(path: file.path, bytes: file.size))
        toWrite.append((file, "size:\(file.size)", []))
        continue
      }
      guard let data = FileManager.default.contents(atPath: file.path) else {
        report.warnings.append(CorpusWarning(path: file.path, message: "cannot be read; skipped"))
        continue
      }
      let hash = ContentHash.of(data)
      if !rebuild, let k = known[file.path], k.hash == hash {
        touchOnly.append(file)
        continue
      }
      let (articles, warnings) = reader.read(data: data, path: file.path)
      report.warnings += warnings
      toWrite.append((file, hash, articles))
      for a in articles where !a.outlet.isEmpty { outlets.insert(a.outlet) }
    }
    let present = Set(files.map(\.path))
    let removed = rebuild ? Array(known.keys) : known.keys.filter { !present.contains($0) }
    report.removedFiles = removed.filter { !present.contains($0) }.sorted()
    report.updatedFiles = toWrite.map(\.0.path).sorted()
    guard !toWrite.isEmpty || !removed.isEmpty || !touchOnly.isEmpty else { return report }

    defer { invalidateCaches() }
    let structurer = ArticleStructurer(directory: OutletDirectory(extra: Array(outlets)))
    let parsed = toWrite.map { (file, hash, articles) in (file, hash, articles.map(structurer.structure)) }
    do {
      try write(removed: removed, touchOnly: touchOnly, parsed: parsed, pinned: pinned, report: &report)
    } catch let error as DatabaseError {
      // The transaction was rolled back: the store is as it was before this update.
      throw StoreOpener.writeFailure(error, path: path)
    }
    return report
  }

  /// Applies one update in one transaction.
  private func write(
    removed: [String], touchOnly: [SourceFile], parsed: [(SourceFile, String, [ParsedArticle])], pinned: Set<String>,
    report: inout SyncReport
  ) throws {
    try dbQueue.write { db in
      for path in removed {
        try db.execute(sql: "DELETE FROM source WHERE path = ?", arguments: [path])
      }
      for file in touchOnly {
        try db.execute(
          sql: "UPDATE source SET size = ?, mtime = ? WHERE path = ?",
          arguments: [file.size, file.mtime, file.path])
      }
      var ids = Set<String>()
      for (file, hash, articles) in parsed {
        try db.execute(sql: "DELETE FROM source WHERE path = ?", arguments: [file.path])
        try db.execute(
          sql: "INSERT INTO source (path, size, mtime, hash, pinned) VALUES (?, ?, ?, ?, ?)",
          arguments: [file.path, file.size, file.mtime, hash, pinned.contains(file.path)])
        for doc in articles {
          let exists =
            try Bool.fetchOne(
              db, sql: "SELECT 1 FROM article WHERE id = ?", arguments: [doc.article.id]) == true
          if !ids.insert(doc.article.id).inserted || exists {
            report.warnings.append(
              CorpusWarning(
                path: file.path, message: "article id \(doc.article.id) is used twice; this copy replaces the other"))
            try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [doc.article.id])
          }
          try Self.insert(doc, sourcePath: file.path, db: db)
        }
      }
    }
  }

  private static func insert(_ doc: ParsedArticle, sourcePath: String, db: Database) throws {
    let a = doc.article
    try db.execute(
      sql: """
        INSERT INTO article (id, sourcePath, title, outlet, date, url, sources, passageCount, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        a.id, sourcePath, a.title, a.outlet, a.date, a.url, doc.sources.joined(separator: "\t"),
        doc.passages.count, a.body,
      ])
    let insertPassage = try db.cachedStatement(
      sql: """
        INSERT INTO passage (articleId, ordinal, paragraph, heading, title, text, stems, start, end, cites, inheritedCites)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertCredit = try db.cachedStatement(
      sql: "INSERT INTO attribution (passageId, outlet, scope) VALUES (?, ?, ?)")
    for p in doc.passages {
      try insertPassage.execute(arguments: [
        a.id, p.ordinal, p.paragraph, p.heading, a.title, p.text, Tokenizer.stems(p.text).joined(separator: " "),
        p.start, p.end,
        p.cites.joined(separator: "\t"), p.inheritedCites.joined(separator: "\t"),
      ])
      let rowID = db.lastInsertedRowID
      for outlet in p.cites { try insertCredit.execute(arguments: [rowID, outlet, "sentence"]) }
      for outlet in p.inheritedCites where !p.cites.contains(outlet) {
        try insertCredit.execute(arguments: [rowID, outlet, "inherited"])
      }
    }
  }

  /// Article files under `path` (or `path` itself), skipping hidden files.
  static func scan(_ path: String) -> [SourceFile] {
    guard let top = stat(path, regularOnly: false) else { return [] }
    if !top.isDirectory { return top.file.size >= 0 ? [top.file] : [] }
    var files: [SourceFile] = []
    walk(path, into: &files)
    return files.sorted { $0.path < $1.path }
  }

  /// Collects article files under `folder` with POSIX calls: on Linux, FileManager's enumerator
  /// and attributes cost tens of microseconds a file, which adds up to seconds on a large corpus.
  private static func walk(_ folder: String, into files: inout [SourceFile]) {
    guard let dir = opendir(folder) else { return }
    defer { closedir(dir) }
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name.hasPrefix(".") { continue }
      let path = folder + "/" + name
      guard let info = stat(path, regularOnly: false) else { continue }
      if info.isDirectory {
        walk(path, into: &files)
      } else if ArticleReader.extensions.contains((name as NSString).pathExtension.lowercased()) {
        files.append(info.file)
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
