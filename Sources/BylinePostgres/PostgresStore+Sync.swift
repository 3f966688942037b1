import BylineCore
import Foundation
import PostgresNIO

extension PostgresStore {
  /// What the store holds for one file.
  struct KnownSource {
    var size: Int
    var mtime: Double
    var hash: String
    var pinned: Bool
  }

  /// Brings the store up to date with the corpus folder and the files or folders `adding`
  /// names (kept indexed from then on): files added or changed (by size and time, then by
  /// content hash) are read and written, files gone are removed.
  ///
  /// Each file is written in a transaction of its own under the writers' advisory lock, which
  /// checks again what the store holds for it: two ingest processes at once write each file
  /// once, and readers see every article whole or not at all. A stop asked for by `progress`
  /// keeps the files written (``IndexInterrupted``).
  public func update(knowledge: String, adding: [String], rebuild: Bool, progress: IndexProgressHandler?) throws
    -> SyncReport
  {
    var report = SyncReport()
    guard !isReadOnly else { return report }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: knowledge, isDirectory: &isDir), isDir.boolValue else {
      throw StoreError.missingKnowledge(knowledge)
    }
    for path in adding where !FileManager.default.fileExists(atPath: path) { throw StoreError.missingPath(path) }
    let known = try knownSources()
    var files = CorpusScan.files(under: knowledge)
    var pinned = Set(known.filter(\.value.pinned).map(\.key))
    for path in adding {
      for file in CorpusScan.files(under: URL(fileURLWithPath: path).standardizedFileURL.path) {
        pinned.insert(file.path)
        files.append(file)
      }
    }
    let listed = Set(files.map(\.path))
    for path in pinned.sorted() where !listed.contains(path) {
      if let file = CorpusScan.file(at: path) { files.append(file) }
    }
    var seen = Set<String>()
    files = files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
    let present = Set(files.map(\.path))
    let removed = known.keys.filter { !present.contains($0) }.sorted()
    if rebuild { try clear() }
    for path in removed where !rebuild {
      try write(path: path, file: nil, hash: nil, articles: [], pinned: false, rebuild: false, report: &report)
      report.removedFiles.append(path)
    }
    let changed = files.filter { file in
      guard !rebuild, let k = known[file.path] else { return true }
      return k.size != file.size || k.mtime != file.mtime
    }
    // Outlets named by front matter or JSON fields, which every article's credits should know
    // (as the SQLite store's update collects them).
    var outlets = Set<String>()
    let reader = ArticleReader()
    for file in changed where !file.path.hasSuffix(".txt") && file.size <= ArticleReader.maxBytes {
      guard let data = FileManager.default.contents(atPath: file.path) else { continue }
      for a in reader.read(data: data, path: file.path).articles where !a.outlet.isEmpty { outlets.insert(a.outlet) }
    }
    let structurer = ArticleStructurer(directory: OutletDirectory(extra: outlets.sorted()))
    var shown = IndexProgress(
      filesDone: 0, filesTotal: changed.count, bytesTotal: changed.reduce(0) { $0 + $1.size })
    for file in changed {
      var articles: [ParsedArticle] = []
      let hash: String
      if file.size > ArticleReader.maxBytes {
        hash = "size:\(file.size)"
        report.warnings.append(ArticleReader.oversize(path: file.path, bytes: file.size))
      } else if let data = FileManager.default.contents(atPath: file.path) {
        hash = ContentHash.of(data)
        if !rebuild, known[file.path]?.hash == hash {
          try touch(file)
          continue
        }
        let (read, warnings) = reader.read(data: data, path: file.path)
        report.warnings += warnings
        articles = read.map(structurer.structure)
      } else {
        report.warnings.append(CorpusWarning(path: file.path, message: "cannot be read; skipped"))
        continue
      }
      if try write(
        path: file.path, file: file, hash: hash, articles: articles, pinned: pinned.contains(file.path),
        rebuild: rebuild, report: &report)
      {
        report.updatedFiles.append(file.path)
      }
      shown.filesDone += 1
      shown.bytesDone += file.size
      shown.articlesDone += articles.count
      if let progress, !progress(shown) { throw IndexInterrupted(filesKept: shown.filesDone) }
    }
    if let progress, !changed.isEmpty {
      shown.phase = .finishing
      _ = progress(shown)
    }
    cache.invalidate(unless: -1)
    return report
  }

  /// ``update(knowledge:adding:rebuild:progress:)`` is what a shared store is kept by; a
  /// session's watcher changes nothing in it.
  public func update(changed paths: [String]) throws -> SyncReport {
    SyncReport()
  }

  /// Size, time, hash and pin of every stored file.
  private func knownSources() throws -> [String: KnownSource] {
    try connector.withConnection { link in
      var out: [String: KnownSource] = [:]
      for row in try link.query("SELECT path, size, mtime, hash, pinned FROM source") {
        let (path, size, mtime, hash, pinned) = try row.decode((String, Int, Double, String, Bool).self)
        out[path] = KnownSource(size: size, mtime: mtime, hash: hash, pinned: pinned)
      }
      return out
    }
  }

  /// Records a file's new size and time when its content is unchanged.
  private func touch(_ file: CorpusScan.File) throws {
    try connector.withConnection { link in
      var binds = PostgresBindings()
      binds.append(file.size)
      binds.append(file.mtime)
      binds.append(file.path)
      try link.execute("UPDATE source SET size = $1, mtime = $2 WHERE path = $3", binds)
    }
  }

  /// Empties the store, for `byline index --rebuild`, in one transaction.
  private func clear() throws {
    try connector.transaction { link in
      try link.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))")
      try link.execute("TRUNCATE attribution, passage, article, source, term_stat")
      try link.execute("UPDATE corpus_stat SET passages = 0, tokens = 0, generation = generation + 1")
    }
  }

  /// Replaces what the store holds from `path` by `articles` (nothing, for a file that is gone)
  /// in one transaction under the writers' lock. Returns false when another process had already
  /// stored this very content.
  @discardableResult
  private func write(
    path: String, file: CorpusScan.File?, hash: String?, articles: [ParsedArticle], pinned: Bool, rebuild: Bool,
    report: inout SyncReport
  ) throws -> Bool {
    var warnings: [CorpusWarning] = []
    let wrote: Bool = try connector.transaction { link in
      try link.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))")
      var binds = PostgresBindings()
      binds.append(path)
      let stored = try link.query("SELECT hash FROM source WHERE path = $1", binds).first?.decode(String.self)
      if let hash, let stored, stored == hash, !rebuild {
        return false
      }
      if stored != nil {
        try forget("a.source_path = $1", binds, link)
        try link.execute("DELETE FROM source WHERE path = $1", binds)
      }
      guard let file, let hash else {
        try link.execute("UPDATE corpus_stat SET generation = generation + 1")
        return true
      }
      var source = PostgresBindings()
      source.append(path)
      source.append(file.size)
      source.append(file.mtime)
      source.append(hash)
      source.append(pinned)
      try link.execute("INSERT INTO source (path, size, mtime, hash, pinned) VALUES ($1, $2, $3, $4, $5)", source)
      var terms: [String: Int] = [:]
      var passages = 0
      var tokens = 0
      var written = Set<String>()
      for doc in articles {
        var id = PostgresBindings()
        id.append(doc.article.id)
        let repeated = !written.insert(doc.article.id).inserted
        let clash = try repeated || link.query("SELECT 1 FROM article WHERE id = $1", id).first != nil
        if clash {
          warnings.append(
            CorpusWarning(
              path: path, message: "article id \(doc.article.id) is used twice; this copy replaces the other"))
          let (gonePassages, goneTokens) = try forget("a.id = $1", id, link)
          passages -= gonePassages
          tokens -= goneTokens
          try link.execute("DELETE FROM article WHERE id = $1", id)
        }
        let counts = try insert(doc, sourcePath: path, link)
        for term in counts.terms { terms[term, default: 0] += 1 }
        passages += counts.passages
        tokens += counts.tokens
      }
      let sorted = terms.keys.sorted()
      var stat = PostgresBindings()
      stat.append(sorted)
      stat.append(sorted.map { terms[$0]! })
      try link.execute(
        """
        INSERT INTO term_stat (term, documents) SELECT * FROM unnest($1::text[], $2::int8[])
        ON CONFLICT (term) DO UPDATE SET documents = term_stat.documents + excluded.documents
        """, stat)
      var totals = PostgresBindings()
      totals.append(passages)
      totals.append(tokens)
      try link.execute(
        "UPDATE corpus_stat SET passages = passages + $1, tokens = tokens + $2, generation = generation + 1", totals)
      return true
    }
    report.warnings += warnings
    return wrote
  }

  /// Takes the passages of the articles `condition` selects (over `article a`) out of the
  /// statistics, before they are deleted. Returns how many passages and tokens they held.
  @discardableResult
  private func forget(_ condition: String, _ binds: PostgresBindings, _ link: PostgresLink) throws -> (Int, Int) {
    try link.execute(
      """
      WITH gone AS (SELECT p.tsv FROM passage p JOIN article a ON a.id = p.article_id WHERE \(condition)),
      d AS (SELECT l AS term, count(*) AS n FROM gone, unnest(tsvector_to_array(gone.tsv)) l GROUP BY l)
      UPDATE term_stat t SET documents = t.documents - d.n FROM d WHERE t.term = d.term
      """, binds)
    let row = try link.query(
      """
      SELECT count(*), coalesce(sum(p.tokens), 0)::int8 FROM passage p JOIN article a ON a.id = p.article_id
      WHERE \(condition)
      """, binds
    ).first
    let (passages, tokens) = try row?.decode((Int, Int).self) ?? (0, 0)
    var totals = PostgresBindings()
    totals.append(passages)
    totals.append(tokens)
    try link.execute("UPDATE corpus_stat SET passages = passages - $1, tokens = tokens - $2", totals)
    return (passages, tokens)
  }

  /// Inserts one article, its passages (with their vectors) and credits; returns its
  /// passages' distinct terms (one entry a passage and term) and its passage and token counts.
  private func insert(_ doc: ParsedArticle, sourcePath: String, _ link: PostgresLink) throws -> (
    terms: [String], passages: Int, tokens: Int
  ) {
    let a = doc.article
    var article = PostgresBindings()
    article.append(a.id)
    article.append(sourcePath)
    article.append(a.title)
    article.append(a.outlet)
    article.append(a.date)
    article.append(a.url)
    article.append(doc.sources.joined(separator: "\t"))
    article.append(doc.passages.count)
    article.append(a.body)
    article.append(doc.credits.joined(separator: "\t"))
    article.append(doc.furniture.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
    try link.execute(
      """
      INSERT INTO article (id, source_path, title, outlet, date, url, sources, passage_count, body, credits, furniture)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      """, article)
    guard !doc.passages.isEmpty else { return ([], 0, 0) }
    let vectors = doc.passages.map { PassageVector(text: $0.text, heading: $0.heading, title: a.title) }
    var rows = PostgresBindings()
    rows.append(a.id)
    rows.append(doc.passages.map(\.ordinal))
    rows.append(doc.passages.map(\.paragraph))
    rows.append(doc.passages.map(\.heading))
    rows.append(a.title)
    rows.append(doc.passages.map(\.text))
    rows.append(doc.passages.map(\.start))
    rows.append(doc.passages.map(\.end))
    rows.append(doc.passages.map { $0.cites.joined(separator: "\t") })
    rows.append(doc.passages.map { $0.inheritedCites.joined(separator: "\t") })
    rows.append(vectors.map(\.tokens))
    rows.append(vectors.map(\.literal))
    let ids = try link.query(
      """
      INSERT INTO passage (article_id, ordinal, paragraph, heading, title, text, start, "end", cites, inherited_cites,
        tokens, tsv)
      SELECT $1, o, g, h, $5, t, s, e, c, i, n, v::tsvector
      FROM unnest($2::int8[], $3::int8[], $4::text[], $6::text[], $7::int8[], $8::int8[], $9::text[], $10::text[],
        $11::int8[], $12::text[]) AS x(o, g, h, t, s, e, c, i, n, v)
      ORDER BY o
      RETURNING id, ordinal
      """, rows
    ).map { try $0.decode((Int64, Int).self) }
    var idByOrdinal: [Int: Int64] = [:]
    for (id, ordinal) in ids { idByOrdinal[ordinal] = id }
    var creditIds: [Int64] = []
    var creditOutlets: [String] = []
    var creditScopes: [String] = []
    for p in doc.passages {
      guard let id = idByOrdinal[p.ordinal] else { continue }
      for outlet in p.cites {
        creditIds.append(id)
        creditOutlets.append(outlet)
        creditScopes.append("sentence")
      }
      for outlet in p.inheritedCites where !p.cites.contains(outlet) {
        creditIds.append(id)
        creditOutlets.append(outlet)
        creditScopes.append("inherited")
      }
    }
    if !creditIds.isEmpty {
      var credits = PostgresBindings()
      credits.append(creditIds)
      credits.append(creditOutlets)
      credits.append(creditScopes)
      try link.execute(
        "INSERT INTO attribution (passage_id, outlet, scope) SELECT * FROM unnest($1::int8[], $2::text[], $3::text[])",
        credits)
    }
    return (vectors.flatMap(\.terms), vectors.count, vectors.reduce(0) { $0 + $1.tokens })
  }
}
