import BylineCore
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// `byline-bench`: indexing and answering figures for the seed corpus and synthetic corpora of
/// 1k, 10k and 100k articles, each beside raw SQLite FTS5 on the same data, in one run.
///
///     byline-bench [SIZE …]          run every size in its own process, print the table,
///                                    write .build/bench.json
///     byline-bench run SIZE          one size (0 = the seed corpus), one JSON line on stdout
enum Bench {
  static let root = FileManager.default.currentDirectoryPath + "/.build/bench"

  static func main() throws {
    let args = Array(CommandLine.arguments.dropFirst())
    if args.first == "run", args.count == 2, let size = Int(args[1]) {
      let result = try run(size: size)
      let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    let sizes = args.isEmpty ? [0, 1_000, 10_000, 100_000] : [0] + args.compactMap { Int($0) }
    var rows: [[String: Any]] = []
    for size in sizes {
      FileHandle.standardError.write(Data("bench: \(size == 0 ? "seed corpus" : "\(size) articles")…\n".utf8))
      let child = Process()
      child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
      child.arguments = ["run", String(size)]
      let pipe = Pipe()
      child.standardOutput = pipe
      try child.run()
      let out = pipe.fileHandleForReading.readDataToEndOfFile()
      child.waitUntilExit()
      guard child.terminationStatus == 0,
        var row = try JSONSerialization.jsonObject(with: out) as? [String: Any]
      else {
        FileHandle.standardError.write(Data("bench: size \(size) failed\n".utf8))
        continue
      }
      row["machine"] = machine()
      rows.append(row)
    }
    print(table(rows))
    let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
    try json.write(to: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/bench.json"))
    FileHandle.standardError.write(Data("bench: wrote .build/bench.json\n".utf8))
  }

  /// Measures one corpus size in this process.
  static func run(size: Int) throws -> [String: Any] {
    let knowledge: String
    if size == 0 {
      knowledge = FileManager.default.currentDirectoryPath + "/Knowledge"
    } else {
      knowledge = root + "/corpus-\(size)"
      try ScaleCorpus().write(count: size, to: knowledge)
    }
    let store = root + "/store-\(size).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    let bytes = try corpusBytes(knowledge)
    var result: [String: Any] = ["size": size, "mb": Double(bytes) / 1_048_576]

    // Indexing, beside a raw FTS5 insert of the same passages into a bare table.
    var start = Date()
    var engine: BylineEngine? = try BylineEngine(location: StoreLocation(knowledge: knowledge, store: store))
    let indexSeconds = Date().timeIntervalSince(start)
    let articles = try engine!.store.articles().count
    result["index_s"] = indexSeconds
    result["articles_per_s"] = Double(articles) / indexSeconds
    result["mb_per_s"] = Double(bytes) / 1_048_576 / indexSeconds
    result["raw_insert_s"] = try rawInsertSeconds(knowledge)
    result["passages"] = try engine!.store.passageCount()

    // Bringing the store up to date after one article changes.
    let files = try FileManager.default.contentsOfDirectory(atPath: knowledge).filter { $0.hasSuffix(".txt") }.sorted()
    if size > 0, let first = files.first {
      let path = knowledge + "/" + first
      let original = try String(contentsOfFile: path, encoding: .utf8)
      try (original + "\nAn added sentence about the benchmark.\n").write(
        toFile: path, atomically: true, encoding: .utf8)
      engine = nil
      start = Date()
      engine = try BylineEngine(location: StoreLocation(knowledge: knowledge, store: store))
      result["update_ms"] = Date().timeIntervalSince(start) * 1000
      try original.write(toFile: path, atomically: true, encoding: .utf8)
    }

    // Answering in process, beside the raw FTS5 query of the same terms on the same database.
    let questions = size == 0 ? seedQuestions : ScaleCorpus().questions(60)
    let rules = try engine!.rules
    for q in questions.prefix(5) { _ = try rules.answer(q) }
    var times: [Double] = []
    for _ in 0..<3 {
      for q in questions {
        let t = Date()
        _ = try rules.answer(q)
        times.append(Date().timeIntervalSince(t) * 1000)
      }
    }
    let raw = try DatabaseQueue(path: store)
    var rawTimes: [Double] = []
    for _ in 0..<3 {
      for q in questions {
        guard let match = QueryBuilder.pattern(for: rules.analyze(q).terms) else { continue }
        let t = Date()
        _ = try raw.read { db in
          try Row.fetchAll(
            db,
            sql: "SELECT rowid, bm25(passage_fts) FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank LIMIT 40",
            arguments: [match.raw]
          ).count
        }
        rawTimes.append(Date().timeIntervalSince(t) * 1000)
      }
    }
    result["answer_p50_ms"] = percentile(times, 0.5)
    result["answer_p90_ms"] = percentile(times, 0.9)
    result["answer_p99_ms"] = percentile(times, 0.99)
    result["raw_query_p50_ms"] = percentile(rawTimes, 0.5)

    // Whole process: one-shot `byline ask`, and 100 piped questions.
    let byline = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "byline"
    ).path
    if FileManager.default.isExecutableFile(atPath: byline) {
      var ask: [Double] = []
      for q in questions.prefix(7) {
        ask.append(try wall(byline, ["ask", "--knowledge", knowledge, "--store", store, q], input: nil))
      }
      result["ask_wall_ms"] = percentile(ask, 0.5)
      let batch = (0..<100).map { questions[$0 % questions.count] }.joined(separator: "\n") + "\n"
      var batches: [Double] = []
      for _ in 0..<3 {
        batches.append(
          try wall(byline, ["--knowledge", knowledge, "--store", store, "--format", "jsonl"], input: batch))
      }
      result["batch100_wall_ms"] = percentile(batches, 0.5)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    result["peak_rss_mb"] = Double(usage.ru_maxrss) / 1024
    return result
  }

  static let seedQuestions = [
    "Who is leading the development of Meta's next AI models?",
    "When did Zuckerberg write that open-source AI was the path forward?",
    "How much was Wang's Scale AI deal worth?", "Which outlet described Meta's internal review board?",
    "Why is Meta keeping some models proprietary?", "Is the open-source plan confirmed by Meta?",
    "What did Reuters report?", "What is the capital of France?", "How many GPUs does Meta own?",
    "What does Meta hope its open code will spark?",
  ]

  static func corpusBytes(_ folder: String) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: folder).reduce(0) { sum, name in
      let attrs = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
      return sum + ((attrs[.size] as? NSNumber)?.intValue ?? 0)
    }
  }

  /// Seconds to insert the corpus's passages into a bare FTS5 table (parsing not counted).
  static func rawInsertSeconds(_ folder: String) throws -> Double {
    let reader = ArticleReader()
    let structurer = ArticleStructurer()
    var texts: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
      for article in reader.read(path: folder + "/" + name).articles {
        texts += structurer.structure(article).passages.map(\.text)
      }
    }
    let path = root + "/raw.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let db = try DatabaseQueue(path: path)
    try db.write { db in try db.execute(sql: "CREATE VIRTUAL TABLE raw USING fts5(text, tokenize='porter unicode61')") }
    let start = Date()
    try db.write { db in
      let insert = try db.makeStatement(sql: "INSERT INTO raw (text) VALUES (?)")
      for text in texts { try insert.execute(arguments: [text]) }
    }
    return Date().timeIntervalSince(start)
  }

  static func wall(_ path: String, _ args: [String], input: String?) throws -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let pipe = Pipe()
    p.standardInput = input == nil ? FileHandle.nullDevice : pipe
    let start = Date()
    try p.run()
    if let input {
      pipe.fileHandleForWriting.write(Data(input.utf8))
      try pipe.fileHandleForWriting.close()
    }
    p.waitUntilExit()
    return Date().timeIntervalSince(start) * 1000
  }

  static func percentile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q + 0.5))]
  }

  static func machine() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
    return
      "\(cores) cores, \(String(format: "%.0f", memory)) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
  }

  static func table(_ rows: [[String: Any]]) -> String {
    func f(_ row: [String: Any], _ key: String, _ format: String = "%.1f") -> String {
      guard let v = row[key] as? Double else { return "-" }
      return String(format: format, v)
    }
    var out =
      "| corpus | MB | index s | raw FTS5 s | index/raw | articles/s | MB/s | update 1 ms | answer p50 / p90 / p99 ms | raw query p50 ms | answer/raw | ask ms | 100 piped ms | peak RSS MB |\n"
    out += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    for row in rows {
      let size = row["size"] as? Int ?? 0
      let ratio = (row["index_s"] as? Double ?? 0) / max(row["raw_insert_s"] as? Double ?? 1, 1e-9)
      let answerRatio = (row["answer_p50_ms"] as? Double ?? 0) / max(row["raw_query_p50_ms"] as? Double ?? 1, 1e-9)
      out +=
        "| \(size == 0 ? "seed (5)" : "\(size / 1000)k") | \(f(row, "mb")) | \(f(row, "index_s", "%.2f")) | \(f(row, "raw_insert_s", "%.2f")) | \(String(format: "%.1f", ratio)) | \(f(row, "articles_per_s", "%.0f")) | \(f(row, "mb_per_s", "%.2f")) | \(f(row, "update_ms")) | \(f(row, "answer_p50_ms", "%.2f")) / \(f(row, "answer_p90_ms", "%.2f")) / \(f(row, "answer_p99_ms", "%.2f")) | \(f(row, "raw_query_p50_ms", "%.2f")) | \(String(format: "%.1f", answerRatio)) | \(f(row, "ask_wall_ms", "%.0f")) | \(f(row, "batch100_wall_ms", "%.0f")) | \(f(row, "peak_rss_mb", "%.0f")) |\n"
    }
    return out
  }
}

try Bench.main()
