import Foundation

/// Reads and structures the files a sync writes, on its own thread, a few files ahead of the
/// writer: parsing and SQLite inserts overlap, and memory holds only the files in between.
final class SyncParser: @unchecked Sendable {
  /// One file, parsed.
  struct Parsed {
    /// The file as scanned.
    var file: ArticleStore.SourceFile
    /// The hash of the content parsed, or nil when the file could not be read (it is skipped).
    var hash: String?
    /// Its articles.
    var articles: [ParsedArticle]
    /// What could not be read.
    var warnings: [CorpusWarning]
  }

  private let files: [ArticleStore.SourceFile]
  private let structurer: ArticleStructurer
  private let condition = NSCondition()
  /// Parsed files not yet taken start at `head`.
  private var ready: [Parsed] = []
  private var head = 0
  /// How many files the thread has parsed.
  private var produced = 0
  private var cancelled = false
  /// How many parsed files may wait for the writer: enough that the parser keeps going while the
  /// writer ends a batch (its one FTS5 statement and the commit take a few hundred milliseconds
  /// a batch). At 32 the parser stood idle there: `byline index` of byline-bench's 10k corpus,
  /// builds in turn, took 5.3–5.9 s at 32 and 3.6–4.0 s at 1,024.
  private let capacity = 1024
  /// How many bytes of source the waiting files may come from at most, so that a corpus of
  /// large files does not fill memory: 64 MB, by judgement.
  private let byteCapacity = 64 << 20
  /// Bytes of source of the parsed files waiting.
  private var waitingBytes = 0

  /// How many files it parses.
  var count: Int { files.count }

  /// A parser for `files`, in order.
  init(files: [ArticleStore.SourceFile], structurer: ArticleStructurer) {
    self.files = files
    self.structurer = structurer
  }

  /// Starts parsing on a new thread (with one file or none, the caller's thread does it in
  /// `next()`).
  func start() {
    guard files.count > 1 else { return }
    let thread = Thread { [self] in
      let reader = ArticleReader()
      for file in files {
        let parsed = parse(file, reader: reader)
        condition.lock()
        while ready.count - head >= capacity || waitingBytes >= byteCapacity, !cancelled { condition.wait() }
        if cancelled {
          condition.unlock()
          return
        }
        ready.append(parsed)
        waitingBytes += file.size
        produced += 1
        condition.broadcast()
        condition.unlock()
      }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The next parsed file, in order, or nil after the last.
  func next() -> Parsed? {
    if files.count <= 1 {
      guard head < files.count else { return nil }
      head += 1
      return parse(files[head - 1], reader: ArticleReader())
    }
    condition.lock()
    defer { condition.unlock() }
    while head == ready.count && produced < files.count { condition.wait() }
    guard head < ready.count else { return nil }
    let item = ready[head]
    waitingBytes -= item.file.size
    head += 1
    if head >= capacity {
      ready.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return item
  }

  /// Stops the parsing thread (after the writer is done or failed).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  private func parse(_ file: ArticleStore.SourceFile, reader: ArticleReader) -> Parsed {
    if file.size > ArticleReader.maxBytes {
      // Recorded by size, never read: the warning comes once, until the file changes.
      return Parsed(
        file: file, hash: "size:\(file.size)", articles: [],
        warnings: [ArticleReader.oversize(path: file.path, bytes: file.size)])
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return Parsed(
        file: file, hash: nil, articles: [],
        warnings: [CorpusWarning(path: file.path, message: "cannot be read; skipped")])
    }
    let (articles, warnings) = reader.read(data: data, path: file.path)
    let parsed = articles.map(structurer.structure)
    return Parsed(file: file, hash: ContentHash.of(data), articles: parsed, warnings: warnings)
  }
}
