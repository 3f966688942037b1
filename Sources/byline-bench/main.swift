import BylineCore
import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#endif

/// `byline-bench`: indexing and answering figures for the seed corpus and synthetic corpora of
/// 1k, 10k and 100k articles, each beside raw SQLite FTS5 and Tantivy on the same data, in one
/// run.
///
///     byline-bench [SIZE …]          run every size in its own process, print the table,
///                                    write .build/bench.json
///     byline-bench run SIZE          one size (0 = the seed corpus), one JSON line on stdout
///     byline-bench corpus SIZE       only write the synthetic corpus of SIZE articles
///
/// A SIZE is a number of articles of the Zipf corpus (``ScaleCorpus``) or `news` and a number,
/// the corpus of recombined news sentences (``NewsCorpus``) with questions about its articles.
/// The Tantivy column runs when `BYLINE_TANTIVY_PYTHON` names a Python with the `tantivy`
/// package (`make bench` makes one in .venv-bench/).
enum Bench {
  static let root = FileManager.default.currentDirectoryPath + "/.build/bench"
  /// How many times indexing and the raw insert are each measured, in turn: twice, the best of
  /// each kept, as the VM's speed drifts; once from a million articles up, where one round of
  /// both takes most of an hour.
  static func indexRounds(size: Int) -> Int { size >= 1_000_000 ? 1 : 2 }

  static func main() throws {
    let args = Array(CommandLine.arguments.dropFirst())
    if args.first == "run", args.count == 2, let spec = CorpusSpec(args[1]) {
      let result = try run(spec)
      let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    if args.first == "corpus", args.count == 2, let spec = CorpusSpec(args[1]) {
      _ = try spec.write(root: root)
      return
    }
    let sizes = args.isEmpty ? ["0", "1000", "10000", "100000"] : ["0"] + args.filter { CorpusSpec($0) != nil }
    var rows: [[String: Any]] = []
    for size in sizes {
      log("\(size == "0" ? "seed corpus" : "\(size) articles")…")
      let child = Process()
      child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
      child.arguments = ["run", size]
      let pipe = Pipe()
      child.standardOutput = pipe
      try child.run()
      let out = pipe.fileHandleForReading.readDataToEndOfFile()
      child.waitUntilExit()
      guard child.terminationStatus == 0,
        var row = try JSONSerialization.jsonObject(with: out) as? [String: Any]
      else {
        log("size \(size) failed")
        continue
      }
      row["machine"] = machine()
      rows.append(row)
    }
    print("machine: \(machine())\n")
    print(table(rows))
    let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
    try json.write(to: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build/bench.json"))
    log("wrote .build/bench.json")
  }

  static func log(_ text: String) {
    FileHandle.standardError.write(Data("bench: \(text)\n".utf8))
  }

  /// Measures one corpus size: indexing with the `byline` executable (wall time and peak RSS of
  /// that process) in turn with the raw FTS5 insert, updating, answering in this process and
  /// whole-process asks.
  static func run(_ spec: CorpusSpec) throws -> [String: Any] {
    let size = spec.size
    let knowledge = try spec.write(root: root)
    let store = root + "/store-\(spec.name).sqlite"
    let bytes = try corpusBytes(knowledge)
    var result: [String: Any] = ["size": size, "corpus": spec.name, "mb": Double(bytes) / 1_048_576]
    let byline = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("byline").path
    guard FileManager.default.isExecutableFile(atPath: byline) else {
      throw BenchError.missing(byline)
    }
    let common = ["--knowledge", knowledge, "--store", store]

    // Indexing: `byline index` on an empty store, one process, and the raw FTS5 insert of the
    // passages it stored, in turn, twice: this VM's speed drifts by a third over minutes, which
    // a single pair measured minutes apart turns into the ratio. The best of each is kept.
    var index = Child.Result(ms: .infinity, cpuMS: .infinity, rssMB: 0, status: 0)
    var rawInsert = (wall: Double.infinity, cpu: Double.infinity)
    // BYLINE_BENCH_REUSE=1: measure answering on the store an earlier run built (for trying a
    // change to ranking without indexing again); the index and update figures are left out.
    let reuse =
      ProcessInfo.processInfo.environment["BYLINE_BENCH_REUSE"] == "1"
      && FileManager.default.fileExists(atPath: store)
    if !reuse {
      let rounds = Self.indexRounds(size: size)
      for round in 1...rounds {
        log("  index (\(round) of \(rounds))")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let run = try Child.run(byline, ["index"] + common)
        index = Child.Result(
          ms: min(index.ms, run.ms), cpuMS: min(index.cpuMS, run.cpuMS), rssMB: max(index.rssMB, run.rssMB),
          status: run.status)
        log("  raw insert (\(round) of \(rounds))")
        let raw = try rawInsertSeconds(store)
        rawInsert = (min(rawInsert.wall, raw.wall), min(rawInsert.cpu, raw.cpu))
      }
    }
    let passages = try DatabaseQueue(path: store).read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? 0,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
      )
    }
    result["articles"] = passages.1
    result["passages"] = passages.0
    if !reuse {
      result["index_rounds"] = Self.indexRounds(size: size)
      result["raw_insert_s"] = rawInsert.wall
      result["raw_insert_cpu_s"] = rawInsert.cpu
      result["index_s"] = index.ms / 1000
      result["index_cpu_s"] = index.cpuMS / 1000
      result["index_rss_mb"] = index.rssMB
      result["articles_per_s"] = Double(passages.1) / (index.ms / 1000)
      result["mb_per_s"] = Double(bytes) / 1_048_576 / (index.ms / 1000)
    }

    // Bringing the store up to date after one article changes: in process (open the store and
    // sync, what every command does first), and the whole `byline index` process.
    let files = try FileManager.default.contentsOfDirectory(atPath: knowledge).filter { $0.hasSuffix(".txt") }.sorted()
    if size > 0, !reuse, let first = files.first {
      log("  update")
      let path = knowledge + "/" + first
      let original = try String(contentsOfFile: path, encoding: .utf8)
      var inProcess: [Double] = []
      var whole: [Double] = []
      for round in 0..<3 {
        try (original + "\nAn added sentence about the benchmark, round \(round).\n").write(
          toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        let report = try ArticleStore(path: store).sync(knowledge: knowledge)
        inProcess.append(Date().timeIntervalSince(start) * 1000)
        guard report.updatedFiles.count == 1 else { throw BenchError.update(report.updatedFiles.count) }
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        whole.append(try Child.run(byline, ["index"] + common).ms)
      }
      result["update_ms"] = percentile(inProcess, 0.5)
      result["update_cli_ms"] = percentile(whole, 0.5)

      // A session watching its corpus (the REPL): the time `refresh()` takes to bring the store
      // up to date after the article was saved, reading only the changed file.
      let session = try BylineEngine(location: StoreLocation(knowledge: knowledge, store: store))
      guard session.watchCorpus() else { throw BenchError.update(-1) }
      var watched: [Double] = []
      for round in 0..<5 {
        try (original + "\nA sentence the watcher sees, round \(round).\n").write(
          toFile: path, atomically: true, encoding: .utf8)
        let start = Date()
        let report = try session.refresh()
        watched.append(Date().timeIntervalSince(start) * 1000)
        guard report.updatedFiles.count == 1 else { throw BenchError.update(report.updatedFiles.count) }
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try session.refresh()
      }
      result["update_watch_ms"] = percentile(watched, 0.5)
    }

    // Answering in process, beside the raw FTS5 query of the same terms on the same database.
    log("  answer")
    let questions = try spec.questions(60)
    let repeats = size == 0 ? 30 : size >= 100_000 ? 1 : 3
    let engine = try BylineEngine(location: StoreLocation(knowledge: knowledge, store: store))
    let rules = try engine.rules
    for q in questions.prefix(5) { _ = try rules.answer(q) }
    var times: [Double] = []
    for _ in 0..<repeats {
      for q in questions {
        let t = Date()
        _ = try rules.answer(q)
        times.append(Date().timeIntervalSince(t) * 1000)
      }
    }
    let raw = try DatabaseQueue(path: store)
    let pruned = try ArticleStore(path: store)
    let queries = questions.compactMap { QueryBuilder.pattern(for: rules.analyze($0).terms) }
    var rawTimes: [Double] = []
    var strategyTimes: [CandidatePlan.Strategy: [Double]] = [:]
    var strategyRecalls: [CandidatePlan.Strategy: [Double]] = [:]
    var rawTop: [[Int64]] = []
    for round in 0..<repeats {
      for match in queries {
        let t = Date()
        let ids = try raw.read { db in
          try Int64.fetchAll(
            db,
            sql: """
              SELECT rowid FROM (SELECT rowid, \(ArticleStore.ranking) AS rank FROM passage_fts
              WHERE passage_fts MATCH ? ORDER BY rank LIMIT 40)
              """,
            arguments: [match.raw])
        }
        rawTimes.append(Date().timeIntervalSince(t) * 1000)
        if round == 0 { rawTop.append(ids) }
      }
      // Byline's candidate generation alone (the pruned ranking), and its recall of the plain
      // OR query's top 40, for each strategy (MaxScore, Byline's, last).
      for strategy in [CandidatePlan.Strategy.plain, .rarestAnd, .maxScore] {
        pruned.candidateStrategy = strategy
        for (i, match) in queries.enumerated() {
          let t = Date()
          let ranked = try pruned.rank(match, limit: 40) { _ in true }
          strategyTimes[strategy, default: []].append(Date().timeIntervalSince(t) * 1000)
          if round == 0 {
            let wanted = Set(rawTop[i])
            if !wanted.isEmpty {
              strategyRecalls[strategy, default: []].append(
                Double(ranked.filter { wanted.contains($0.rowID) }.count) / Double(wanted.count))
            }
          }
        }
      }
    }
    for (strategy, times) in strategyTimes {
      let recalls = strategyRecalls[strategy] ?? []
      result["rank_\(strategy.rawValue)_p50_ms"] = percentile(times, 0.5)
      result["rank_\(strategy.rawValue)_p90_ms"] = percentile(times, 0.9)
      result["recall40_\(strategy.rawValue)"] = recalls.isEmpty ? 1.0 : recalls.reduce(0, +) / Double(recalls.count)
      result["recall40_\(strategy.rawValue)_min"] = recalls.min() ?? 1.0
    }
    let rankTimes = strategyTimes[.maxScore] ?? []
    let recalls = strategyRecalls[.maxScore] ?? []
    result["rank_p50_ms"] = percentile(rankTimes, 0.5)
    result["rank_p90_ms"] = percentile(rankTimes, 0.9)
    result["recall40"] = recalls.isEmpty ? 1.0 : recalls.reduce(0, +) / Double(recalls.count)
    result["recall40_min"] = recalls.min() ?? 1.0
    if let tantivy = try Tantivy.run(store: store, queries: queries, folder: root + "/tantivy-\(spec.name)") {
      result["tantivy_p50_ms"] = tantivy.p50
      result["tantivy_p90_ms"] = tantivy.p90
      if let seconds = tantivy.indexSeconds { result["tantivy_index_s"] = seconds }
      // How far Tantivy's BM25 (its own field normalisation) agrees with FTS5's top 40.
      var agree: [Double] = []
      for (mine, theirs) in zip(rawTop, tantivy.top) where !mine.isEmpty {
        agree.append(Double(Set(mine).intersection(theirs).count) / Double(mine.count))
      }
      result["tantivy_overlap40"] = agree.isEmpty ? 0 : agree.reduce(0, +) / Double(agree.count)
    }
    result["questions"] = times.count
    result["answer_repeats"] = repeats
    result["answer_p50_ms"] = percentile(times, 0.5)
    result["answer_p90_ms"] = percentile(times, 0.9)
    result["answer_p99_ms"] = percentile(times, 0.99)
    result["raw_query_p50_ms"] = percentile(rawTimes, 0.5)
    result["raw_query_p90_ms"] = percentile(rawTimes, 0.9)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    result["answer_rss_mb"] = Double(usage.ru_maxrss) / 1024

    // Whole process: one-shot `byline ask`, and 100 piped questions.
    log("  processes")
    var ask: [Double] = []
    var askRSS = 0.0
    for q in questions.prefix(7) {
      let child = try Child.run(byline, ["ask"] + common + [q])
      ask.append(child.ms)
      askRSS = max(askRSS, child.rssMB)
    }
    result["ask_wall_ms"] = percentile(ask, 0.5)
    result["ask_rss_mb"] = askRSS
    let batch = (0..<100).map { questions[$0 % questions.count] }.joined(separator: "\n") + "\n"
    var batches: [Double] = []
    var batchRSS = 0.0
    // At 100k one batch takes minutes: the median of three runs below that, one run at 100k.
    for _ in 0..<(size >= 100_000 ? 1 : 3) {
      let child = try Child.run(byline, common + ["--format", "jsonl"], input: batch)
      batches.append(child.ms)
      batchRSS = max(batchRSS, child.rssMB)
    }
    result["batch100_wall_ms"] = percentile(batches, 0.5)
    result["batch100_runs"] = batches.count
    result["batch_rss_mb"] = batchRSS
    result["peak_rss_mb"] = [index.rssMB, result["answer_rss_mb"] as! Double, askRSS, batchRSS].max()!
    return result
  }

  enum BenchError: Error, CustomStringConvertible {
    case missing(String)
    case update(Int)

    var description: String {
      switch self {
      case .missing(let path): return "\(path) is missing: build it first (make bench builds it)"
      case .update(let count): return "updating one file changed \(count) files"
      }
    }
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

  /// Seconds to insert the store's passages (the same text, heading and title columns Byline's
  /// FTS5 table indexes) into a bare FTS5 table with the same tokenizer, in one transaction.
  /// Reading them back from the store is not counted.
  static func rawInsertSeconds(_ store: String) throws -> (wall: Double, cpu: Double) {
    let source = try DatabaseQueue(path: store)
    let path = root + "/raw.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let db = try DatabaseQueue(path: path)
    try db.write { db in
      try db.execute(
        sql: "CREATE VIRTUAL TABLE raw USING fts5(text, heading, title, tokenize='porter unicode61')")
    }
    var seconds = 0.0
    var cpu = 0.0
    var last: Int64 = 0
    try db.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN")
      let insert = try db.makeStatement(sql: "INSERT INTO raw (text, heading, title) VALUES (?, ?, ?)")
      while true {
        let rows = try source.read { s in
          try Row.fetchAll(
            s, sql: "SELECT id, text, heading, title FROM passage WHERE id > ? ORDER BY id LIMIT 20000",
            arguments: [last])
        }
        guard let tail = rows.last else { break }
        last = tail[0]
        let start = Date()
        let startCPU = selfCPU()
        for row in rows {
          try insert.execute(arguments: [row[1] as String, row[2] as String, row[3] as String])
        }
        seconds += Date().timeIntervalSince(start)
        cpu += (selfCPU() - startCPU) / 1000
      }
      let start = Date()
      let startCPU = selfCPU()
      try db.execute(sql: "COMMIT")
      seconds += Date().timeIntervalSince(start)
      cpu += (selfCPU() - startCPU) / 1000
    }
    return (seconds, cpu)
  }

  /// User plus system time in `usage`, in milliseconds.
  static func cpuMS(_ usage: rusage) -> Double {
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
  }

  /// This process's CPU time so far, in milliseconds.
  static func selfCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return cpuMS(usage)
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

  /// A row's corpus, as the table names it: "seed (5)", "10k", "news 10k".
  static func label(_ row: [String: Any]) -> String {
    let size = row["size"] as? Int ?? 0
    if size == 0 { return "seed (5)" }
    let count = size >= 1000 ? "\(size / 1000)k" : "\(size)"
    return (row["corpus"] as? String ?? "").hasPrefix("news") ? "news \(count)" : count
  }

  static func table(_ rows: [[String: Any]]) -> String {
    func f(_ row: [String: Any], _ key: String, _ format: String = "%.1f") -> String {
      guard let v = row[key] as? Double else { return "-" }
      return String(format: format, v)
    }
    var out =
      "| corpus | MB | index s (CPU s) | raw FTS5 s (CPU s) | index/raw wall (CPU) | articles/s | MB/s | update 1 ms (watching / scan in process / byline index) | answer p50 / p90 / p99 ms | Byline rank p50 / p90 ms | raw FTS5 OR p50 / p90 ms | Tantivy p50 / p90 ms | recall@40 (min) | answer/raw | ask ms | 100 piped ms | peak RSS MB (index / answer / ask / piped) |\n"
    out += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    for row in rows {
      let size = row["size"] as? Int ?? 0
      let ratio = (row["index_s"] as? Double ?? 0) / max(row["raw_insert_s"] as? Double ?? 1, 1e-9)
      let cpuRatio = (row["index_cpu_s"] as? Double ?? 0) / max(row["raw_insert_cpu_s"] as? Double ?? 1, 1e-9)
      let answerRatio = (row["answer_p50_ms"] as? Double ?? 0) / max(row["raw_query_p50_ms"] as? Double ?? 1, 1e-9)
      out +=
        "| \(label(row)) | \(f(row, "mb")) | \(f(row, "index_s", "%.2f")) (\(f(row, "index_cpu_s", "%.2f"))) | \(f(row, "raw_insert_s", "%.2f")) (\(f(row, "raw_insert_cpu_s", "%.2f"))) | \(String(format: "%.1f", ratio)) (\(String(format: "%.1f", cpuRatio))) | \(f(row, "articles_per_s", "%.0f")) | \(f(row, "mb_per_s", "%.2f")) | \(f(row, "update_watch_ms", "%.1f")) / \(f(row, "update_ms", "%.0f")) / \(f(row, "update_cli_ms", "%.0f")) | \(f(row, "answer_p50_ms", "%.2f")) / \(f(row, "answer_p90_ms", "%.2f")) / \(f(row, "answer_p99_ms", "%.2f")) | \(f(row, "rank_p50_ms", "%.2f")) / \(f(row, "rank_p90_ms", "%.2f")) | \(f(row, "raw_query_p50_ms", "%.2f")) / \(f(row, "raw_query_p90_ms", "%.2f")) | \(f(row, "tantivy_p50_ms", "%.2f")) / \(f(row, "tantivy_p90_ms", "%.2f")) | \(f(row, "recall40", "%.3f")) (\(f(row, "recall40_min", "%.2f"))) | \(String(format: "%.2f", answerRatio)) | \(f(row, "ask_wall_ms", "%.0f")) | \(f(row, "batch100_wall_ms", "%.0f")) | \(f(row, "index_rss_mb", "%.0f")) / \(f(row, "answer_rss_mb", "%.0f")) / \(f(row, "ask_rss_mb", "%.0f")) / \(f(row, "batch_rss_mb", "%.0f")) |\n"
    }
    return out
  }
}

do {
  try Bench.main()
} catch {
  FileHandle.standardError.write("byline-bench: \(error)\n".data(using: .utf8)!)
  exit(1)
}
