// Fuzz targets for the question analyser, the query builder and the article reader.
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -D BYLINE_LIBFUZZER`: libFuzzer supplies
// `main` and calls `LLVMFuzzerTestOneInput`, and `BYLINE_FUZZ_TARGET` (analyzer, query or reader)
// picks the target. A plain `swift build` makes a replay tool instead:
// `byline-fuzz TARGET FILE…` runs each file through the target once (crash inputs, seeds).
import BylineCore
import Foundation

/// The three targets. Each must return normally for any input; a trap or a sanitizer report is
/// a bug.
enum FuzzTarget: String, CaseIterable {
  case analyzer, query, reader

  /// Runs the target on one input.
  func run(_ data: Data) {
    switch self {
    case .analyzer: Self.analyze(data)
    case .query: Self.query(data)
    case .reader: Self.read(data)
    }
  }

  private static let questionAnalyzer = QuestionAnalyzer()

  /// The question analyser on the input read as text (invalid UTF-8 repaired, as stdin is).
  static func analyze(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let question = questionAnalyzer.analyze(text)
    for term in question.terms { precondition(!term.stem.isEmpty, "empty stem for \(term.surface.debugDescription)") }
    _ = TextNormalizer.stripControls(text)
  }

  /// A store over a one-article corpus, made once: every query the builder makes must run on it.
  private static let store: ArticleStore = {
    let folder = NSTemporaryDirectory() + "byline-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let article = """
      Meta to open-source models
      Published by Scout

      Meta plans to release its next AI models under an open-source license, according to Axios.
      Alexandr Wang, the Scale AI founder, leads the work; "OR" AND NOT NEAR(a b) * ^ are words here.
      """
    try? article.write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
    let store = try! ArticleStore(path: ":memory:")
    _ = try! store.sync(knowledge: folder)
    try? FileManager.default.removeItem(atPath: folder)
    return store
  }()

  /// The query builder: every MATCH expression it makes from the input, as a question or as
  /// search text, must be valid FTS5 (SQLite rejects bad syntax with an error, which is a bug).
  static func query(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    var patterns: [MatchQuery] = []
    if let p = QueryBuilder.pattern(for: questionAnalyzer.analyze(text).terms) { patterns.append(p) }
    if let p = QueryBuilder.pattern(forText: text) { patterns.append(p) }
    if let p = QueryBuilder.phrase(text) { patterns.append(p) }
    for pattern in patterns {
      do {
        _ = try store.passages(matching: pattern, limit: 5)
      } catch {
        fatalError("FTS5 rejected \(pattern.raw.debugDescription): \(error)")
      }
    }
    do {
      _ = try PassageSearch(store: store).search(text, limit: 3)
    } catch {
      fatalError("search failed for \(text.debugDescription): \(error)")
    }
  }

  /// The article reader and structurer on the input as a file; the first byte picks the format.
  static func read(_ data: Data) {
    let ext = ["txt", "md", "jsonl"][Int(data.first ?? 0) % 3]
    let (articles, warnings) = ArticleReader().read(data: data.dropFirst(), path: "/fuzz/input." + ext)
    for warning in warnings { precondition(warning.description.contains("/fuzz/input.")) }
    let structurer = ArticleStructurer()
    for article in articles { _ = structurer.structure(article) }
  }
}

#if BYLINE_LIBFUZZER
  private let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["BYLINE_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set BYLINE_FUZZ_TARGET to one of: analyzer, query, reader")
    }
    return target
  }()

  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selected.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
  }

  /// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links an executable's `main` to `<module>_main`; here that hands over to libFuzzer.
  @_cdecl("byline_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzerTestOneInput)
  }
#else
  /// Replays inputs through a target: `byline-fuzz TARGET FILE…`.
  @main
  enum Replay {
    static func main() {
      let args = Array(CommandLine.arguments.dropFirst())
      guard let name = args.first, let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("usage: byline-fuzz analyzer|query|reader FILE…\n".utf8))
        exit(64)
      }
      for path in args.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("byline-fuzz: cannot read \(path)\n".utf8))
          exit(66)
        }
        target.run(data)
        print("ok \(path)")
      }
    }
  }
#endif
