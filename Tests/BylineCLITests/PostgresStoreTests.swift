// The PostgreSQL store end to end, against a real server the tests start (PostgresServer): the
// same answers as the SQLite store, incremental re-indexing, the exits for a wrong password, a
// newer schema and a server that goes away mid-batch, and 16 readers during an ingest.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(
  "PostgreSQL store",
  .enabled(
    if: PostgresServer.isInstalled,
    "PostgreSQL 15 is not installed (no \(PostgresServer.binaries)/initdb): apt-get install postgresql, as make test does"
  ))
struct PostgresStoreTests {
  static let questions = [
    "Who leads Meta's new models?", "How much was the Scale AI deal?", "What is the capital of France?",
    "Who wrote that open-source AI was the path forward?", "What did Axios report?",
  ]

  /// The answers, cited ids and abstentions of a JSON Lines batch.
  static func answers(_ result: RunResult) -> [String] {
    JSON.lines(result.stdout).map { object in
      let cited = (object?.objects("citations") ?? []).map { $0.string("id") ?? "" }.joined(separator: ",")
      return "\(object?.string("answer") ?? "?") | \(cited) | \(object?.bool("abstained") ?? false)"
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func indexesTheSeedsAndAnswersAsTheSQLiteStoreDoes() async throws {
    let url = PostgresServer.shared.database("seeds")
    let box = Sandbox(name: "pg-seeds")
    let indexed = await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    try #require(indexed.status == 0, "\(indexed.summary)")
    #expect(indexed.stderr.contains("5 article(s)"), "\(indexed.stderr)")
    #expect(!indexed.stderr.contains("byline-test-password"), "the password is never printed: \(indexed.stderr)")
    let input = Self.questions.joined(separator: "\n") + "\n"
    let overServer = await box.run(
      ["--knowledge", box.knowledge.path, "--store", url, "--format", "jsonl"], stdin: input, withStore: false,
      timeout: 60)
    let overFile = await box.run(["--format", "jsonl"], stdin: input, timeout: 60)
    #expect(overServer.status == 0, "\(overServer.summary)")
    #expect(Self.answers(overServer).count == Self.questions.count)
    #expect(Self.answers(overServer) == Self.answers(overFile))
    for args in [["articles", "--format", "json"], ["search", "open", "source", "models", "--limit", "5"]] {
      let a = await box.run(args + ["--knowledge", box.knowledge.path, "--store", url], withStore: false)
      let b = await box.run(args)
      #expect(a.status == 0 && a.stdout == b.stdout, "\(args): \(a.summary)")
    }
  }

  @Test(.timeLimit(.minutes(3)))
  func reindexesOnlyWhatChanged() async throws {
    let url = PostgresServer.shared.database("incremental")
    let box = Sandbox(name: "pg-incremental", copySeeds: true)
    let index = ["index", "--knowledge", box.knowledge.path, "--store", url]
    let first = await box.run(index, withStore: false)
    #expect(first.stderr.contains("indexed 5 file(s), removed 0; 5 article(s)"), "\(first.summary)")
    let again = await box.run(index, withStore: false)
    #expect(again.stderr.contains("indexed 0 file(s), removed 0; 5 article(s)"), "\(again.summary)")
    let files = try FileManager.default.contentsOfDirectory(atPath: box.knowledge.path).sorted()
    // A new time, the same bytes: nothing is read again.
    let touched = box.knowledge.appendingPathComponent(files[0]).path
    utimes(touched, nil)
    let same = await box.run(index, withStore: false)
    #expect(same.stderr.contains("indexed 0 file(s)"), "\(same.summary)")
    let changed = box.knowledge.appendingPathComponent(files[1])
    try "Gecko parliament\n\nThe gecko parliament met on Monday, according to Reuters.\n".write(
      to: changed, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: box.knowledge.appendingPathComponent(files[2]))
    let update = await box.run(index, withStore: false)
    #expect(update.stderr.contains("indexed 1 file(s), removed 1; 4 article(s)"), "\(update.summary)")
    let search = await box.run(
      ["search", "gecko", "parliament", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    #expect(search.stdout.contains("gecko"), "\(search.summary)")
    let db = String(url.split(separator: "/").last!)
    // The writer's statistics agree with the passages they count.
    let counts = PostgresServer.shared.sql(
      db,
      "SELECT (SELECT passages FROM corpus_stat) = (SELECT count(*) FROM passage), (SELECT documents FROM term_stat WHERE term = 'gecko')"
    )
    #expect(counts == "t|1", "\(counts)")
  }

  @Test(.timeLimit(.minutes(2)))
  func aStoreFromANewerBylineIsRefusedAndLeftAsItIs() async throws {
    let url = PostgresServer.shared.database("newer")
    let db = String(url.split(separator: "/").last!)
    let box = Sandbox(name: "pg-newer")
    let indexed = await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    try #require(indexed.status == 0, "\(indexed.summary)")
    _ = PostgresServer.shared.sql(db, "UPDATE byline_schema SET version = 99")
    let ask = await box.run(
      ["ask", "--knowledge", box.knowledge.path, "--store", url, "Who leads Meta's new models?"], withStore: false)
    #expect(ask.status == 78, "\(ask.summary)")
    #expect(ask.stderr.contains("newer Byline") && ask.stderr.contains("schema 99"), "\(ask.stderr)")
    let reindex = await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    #expect(reindex.status == 78, "\(reindex.summary)")
    #expect(PostgresServer.shared.sql(db, "SELECT version FROM byline_schema") == "99")
    #expect(PostgresServer.shared.sql(db, "SELECT count(*) FROM article") == "5")
  }

  @Test(.timeLimit(.minutes(2)))
  func aWrongPasswordOrDatabaseExits78NamingTheStoreWithoutThePassword() async throws {
    let url = PostgresServer.shared.database("login")
    let box = Sandbox(name: "pg-login")
    let wrong = url.replacingOccurrences(of: "byline-test-password", with: "not-the-password")
    let shown = wrong.replacingOccurrences(of: ":not-the-password", with: "")
    let result = await box.run(
      ["ask", "--knowledge", box.knowledge.path, "--store", wrong, "Who leads Meta's new models?"], withStore: false)
    #expect(result.status == 78, "\(result.summary)")
    #expect(result.stderr.contains(shown), "\(result.stderr)")
    #expect(!result.stderr.contains("not-the-password"), "\(result.stderr)")
    let missing = url.replacingOccurrences(of: "/login_", with: "/no_such_database_")
    let noDatabase = await box.run(
      ["articles", "--knowledge", box.knowledge.path], withStore: false, env: ["BYLINE_STORE": missing])
    #expect(noDatabase.status == 78, "\(noDatabase.summary)")
    #expect(noDatabase.stderr.contains("does not exist"), "\(noDatabase.stderr)")
  }

  @Test(.timeLimit(.minutes(2)))
  func aServerKilledMidBatchExits74WithinFiveSecondsAfterTheEarlierAnswers() async throws {
    let server = PostgresServer()
    defer { server.stop() }
    let url = server.database("killed")
    let box = Sandbox(name: "pg-killed")
    let indexed = await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    try #require(indexed.status == 0, "\(indexed.summary)")
    let process = Process()
    process.executableURL = Byline.binary
    process.arguments = ["--knowledge", box.knowledge.path, "--store", url, "--format", "jsonl"]
    process.environment = box.environment()
    let input = Pipe()
    let outURL = box.root.appendingPathComponent("killed.out")
    let errURL = box.root.appendingPathComponent("killed.err")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.standardInput = input
    process.standardOutput = FileHandle(forWritingAtPath: outURL.path)
    process.standardError = FileHandle(forWritingAtPath: errURL.path)
    try process.run()
    input.fileHandleForWriting.write(Data("Who leads Meta's new models?\n".utf8))
    let deadline = Date().addingTimeInterval(60)
    while (try? String(contentsOf: outURL, encoding: .utf8))?.contains("\n") != true && Date() < deadline {
      try await Task.sleep(nanoseconds: 50_000_000)
    }
    server.kill()
    let killed = Date()
    input.fileHandleForWriting.write(Data("How much was the Scale AI deal?\nWhat did Axios report?\n".utf8))
    try? input.fileHandleForWriting.close()
    while process.isRunning && Date().timeIntervalSince(killed) < 10 {
      try await Task.sleep(nanoseconds: 20_000_000)
    }
    let elapsed = Date().timeIntervalSince(killed)
    if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    #expect(process.terminationStatus == 74, "status \(process.terminationStatus): \(err)")
    #expect(elapsed < 5, "exited \(elapsed) s after the server was killed")
    #expect(JSON.lines(out).first??.string("answer")?.contains("Wang") == true, "the first answer was printed: \(out)")
    let shown = url.replacingOccurrences(of: ":byline-test-password", with: "")
    #expect(err.contains(shown), "the message names the store: \(err)")
  }

  @Test(.timeLimit(.minutes(6)))
  func sixteenClientsAskWhileOneProcessIngestsAThousandArticles() async throws {
    let url = PostgresServer.shared.database("busy")
    let box = Sandbox(name: "pg-busy", copySeeds: true)
    let first = await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false)
    try #require(first.status == 0, "\(first.summary)")
    let more = box.knowledge.appendingPathComponent("wire", isDirectory: true)
    try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
    for n in 0..<1000 {
      let text =
        "Harbour report \(n)\n\nThe harbour authority of port \(n) counted \(n * 7) ships on Monday, according to Reuters. Officials said the tally was a record for the season.\n"
      try text.write(to: more.appendingPathComponent("wire-\(n).txt"), atomically: false, encoding: .utf8)
    }
    let questions = 12
    let input = (0..<questions).map { Self.questions[$0 % 4] }.joined(separator: "\n") + "\n"
    let ingest = Task {
      await box.run(["index", "--knowledge", box.knowledge.path, "--store", url], withStore: false, timeout: 300)
    }
    let readers = await withTaskGroup(of: RunResult.self) { group in
      for reader in 0..<16 {
        group.addTask {
          try? await Task.sleep(nanoseconds: UInt64(reader) * 100_000_000)
          return await box.run(
            ["--knowledge", box.knowledge.path, "--store", url, "--format", "jsonl"], stdin: input, withStore: false,
            timeout: 240)
        }
      }
      return await group.reduce(into: [RunResult]()) { $0.append($1) }
    }
    let ingested = await ingest.value
    #expect(ingested.status == 0, "ingest: \(ingested.summary)")
    #expect(ingested.stderr.contains("1005 article(s)"), "\(ingested.stderr)")
    for (n, result) in readers.enumerated() {
      #expect(result.status == 0 && !result.timedOut, "reader \(n): \(result.summary)")
      let objects = JSON.lines(result.stdout)
      #expect(objects.count == questions, "reader \(n): \(objects.count) answers")
      #expect(objects.allSatisfy { $0?.string("answer")?.contains("could not answer") == false }, "reader \(n)")
    }
    let articles = await box.run(
      ["articles", "--knowledge", box.knowledge.path, "--store", url, "--format", "json"], withStore: false)
    #expect(JSON.array(articles.stdout)?.count == 1005, "\(articles.summary.prefix(300))")
  }

  @Test(.timeLimit(.minutes(4)))
  func twoIngestProcessesAtOnceWriteEachFileOnce() async throws {
    let url = PostgresServer.shared.database("twoingest")
    let db = String(url.split(separator: "/").last!)
    let box = Sandbox(name: "pg-two-ingest", copySeeds: true)
    for n in 0..<200 {
      let text = "Ferry note \(n)\n\nThe ferry line \(n) carried \(n * 3) passengers on Sunday, according to AFP.\n"
      try text.write(to: box.knowledge.appendingPathComponent("ferry-\(n).txt"), atomically: false, encoding: .utf8)
    }
    let index = ["index", "--knowledge", box.knowledge.path, "--store", url]
    async let first = box.run(index, withStore: false, timeout: 180)
    async let second = box.run(index, withStore: false, timeout: 180)
    let (a, b) = await (first, second)
    #expect(a.status == 0, "\(a.summary)")
    #expect(b.status == 0, "\(b.summary)")
    #expect(a.stderr.contains("205 article(s)") && b.stderr.contains("205 article(s)"), "\(a.stderr) \(b.stderr)")
    let check = PostgresServer.shared.sql(
      db,
      """
      SELECT (SELECT count(*) FROM article), (SELECT passages FROM corpus_stat) = (SELECT count(*) FROM passage),
        (SELECT documents FROM term_stat WHERE term = 'ferri')
      """)
    #expect(check == "205|t|200", "\(check)")
  }

  @Test(.timeLimit(.minutes(10)))
  func everyEvalSetScoresAsOnSQLiteWithinOneQuestion() async throws {
    let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    let script = Byline.packageRoot.appendingPathComponent("Tests/Postgres/parity.py").path
    let box = Sandbox(name: "pg-parity")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(python, "python3 runs the scorer"))
    process.arguments = [script, Byline.binary.path, PostgresServer.shared.url]
    var env = box.environment()
    env["PATH"] = "/usr/lib/postgresql/15/bin:" + (env["PATH"] ?? "/usr/bin:/bin")
    process.environment = env
    let out = box.root.appendingPathComponent("parity.out")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    let handle = FileHandle(forWritingAtPath: out.path)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    while process.isRunning { try await Task.sleep(nanoseconds: 100_000_000) }
    let report = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    #expect(process.terminationStatus == 0, "\(report)")
    #expect(report.contains("every set within one question"), "\(report)")
  }
}
