// Store faults, with the real binary and real files: a damaged or truncated store, a store from
// another schema version, a read-only store folder, a full disk, kill -9 while indexing. Byline
// recovers or says clearly what is wrong, Knowledge/ is never touched, and a re-run completes.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a command synchronously (mount, umount, sh), returning its status and output.
@discardableResult
func system(_ path: String, _ args: [String]) -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = args
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  do { try process.run() } catch { return (-1, "\(error)") }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether this process may mount file systems (root with CAP_SYS_ADMIN, as in CI).
let canMount: Bool = {
  guard getuid() == 0 else { return false }
  let dir = NSTemporaryDirectory() + "byline-mount-probe-\(getpid())"
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: dir) }
  guard system("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]).status == 0 else { return false }
  system("/bin/umount", ["-l", dir])
  return true
}()

extension HardeningTests {
  @Suite("Store faults")
  struct StoreFaultTests {
    static let question = "Who is leading the development of Meta's next AI models?"

    /// A sandbox with its own copy of the seeds and an indexed store.
    func indexedBox(_ name: String) async throws -> Sandbox {
      let box = Sandbox(name: name, copySeeds: true)
      let index = await box.run(["index"])
      try #require(index.status == 0, "\(index.summary)")
      return box
    }

    func expectRightAnswer(_ box: Sandbox, _ what: String, env: [String: String] = [:]) async -> RunResult {
      let result = await box.run(["ask", Self.question], env: env, timeout: 60)
      #expect(result.status == 0 && !result.signaled, "\(what): \(result.summary)")
      #expect(result.stdout.contains("Wang"), "\(what): \(result.stdout.prefix(300))")
      return result
    }

    /// Overwrites `count` bytes at `offset` of `path`.
    func scribble(_ path: String, at offset: UInt64, _ bytes: [UInt8]) throws {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.seek(toOffset: offset)
      handle.write(Data(bytes))
      try handle.close()
    }

    @Test(arguments: ["garbage header", "truncated", "text file", "zeroed pages"])
    func damagedStoreIsMovedAsideAndRebuilt(damage: String) async throws {
      let box = try await indexedBox("damaged")
      let path = box.store.path
      let before = try BadInputCatalogueTests.snapshot(box.knowledge)
      let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64)
      switch damage {
      case "garbage header": try scribble(path, at: 0, Array(repeating: 0x5A, count: 100))
      case "truncated": try FileHandle(forWritingTo: box.store).truncate(atOffset: size / 3)
      case "text file": try Data("this is not a database\n".utf8).write(to: box.store)
      default: try scribble(path, at: 4096, Array(repeating: 0, count: Int(min(size - 4096, 16_384))))
      }
      let result = await expectRightAnswer(box, damage)
      #expect(result.stderr.contains("damaged") && result.stderr.contains(".damaged"), "\(damage): \(result.stderr)")
      #expect(FileManager.default.fileExists(atPath: path + ".damaged"))
      let again = await expectRightAnswer(box, "\(damage), second run")
      #expect(!again.stderr.contains("damaged"), "the rebuilt store is sound: \(again.stderr)")
      #expect(try BadInputCatalogueTests.snapshot(box.knowledge) == before, "Knowledge/ was modified")
    }

    /// SQLite keeps `PRAGMA user_version` in bytes 60–63 of the file header.
    func setUserVersion(_ box: Sandbox, _ version: UInt8) throws {
      try scribble(box.store.path, at: 60, [0, 0, 0, version])
    }

    @Test func storeOfAnotherSchemaVersionIsRebuiltAndSaysSo() async throws {
      let box = try await indexedBox("schema")
      try setUserVersion(box, 1)
      let result = await expectRightAnswer(box, "old schema")
      #expect(result.stderr.contains("another version"), "\(result.stderr)")
      let again = await expectRightAnswer(box, "after rebuild")
      #expect(!again.stderr.contains("another version"), "\(again.stderr)")
    }

    /// Eight processes open a store of another schema version at once: exactly one rebuilds it,
    /// none deletes it under another, every answer is right.
    @Test func oldSchemaStoreOpenedByEightProcessesAtOnce() async throws {
      let box = try await indexedBox("schema-race")
      try setUserVersion(box, 1)
      let input = String(repeating: "Who is Alexandr Wang?\nHow much was the Scale AI deal?\n", count: 5)
      let runs = await withTaskGroup(of: RunResult.self) { group in
        for _ in 0..<8 { group.addTask { await box.run(["--format", "jsonl"], stdin: input, timeout: 60) } }
        return await group.reduce(into: [RunResult]()) { $0.append($1) }
      }
      var rebuilt = 0
      for run in runs {
        #expect(run.status == 0 && !run.timedOut, "\(run.summary)")
        #expect(!run.stderr.contains("locked"), "\(run.stderr)")
        if run.stderr.contains("another version") { rebuilt += 1 }
        let answers = JSON.lines(run.stdout).compactMap { $0?.string("answer") }
        #expect(answers.count == 10, "\(run.stdout.prefix(300))")
        #expect(answers.enumerated().allSatisfy { $1.contains($0 % 2 == 0 ? "Wang" : "15 billion") }, "\(answers)")
      }
      #expect(rebuilt == 1, "\(rebuilt) processes rebuilt the store")
      let articles = await box.run(["articles", "--format", "json"])
      #expect(JSON.array(articles.stdout)?.count == 5, "\(articles.summary)")
    }

    /// The store folder on a read-only mount: Byline answers from the store as it is and says so;
    /// with no store there yet, it indexes the corpus in memory and says so.
    @Test(.enabled(if: canMount, "needs root with mount rights"))
    func readOnlyStoreFolderAnswersReadOnly() async throws {
      let box = Sandbox(name: "readonly", copySeeds: true)
      let folder = box.root.appendingPathComponent("ro", isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let store = folder.appendingPathComponent("store.sqlite").path
      let empty = box.root.appendingPathComponent("ro-empty", isDirectory: true)
      try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
      func run(_ args: [String], store: String) async -> RunResult {
        await box.run(
          [args[0], "--store", store, "--knowledge", box.knowledge.path] + args.dropFirst(), withStore: false)
      }
      let index = await run(["index"], store: store)
      try #require(index.status == 0, "\(index.summary)")
      for dir in [folder, empty] {
        try #require(system("/bin/mount", ["--bind", dir.path, dir.path]).status == 0)
        try #require(system("/bin/mount", ["-o", "remount,bind,ro", dir.path]).status == 0)
      }
      defer { for dir in [folder, empty] { system("/bin/umount", ["-l", dir.path]) } }
      try Data("Zebra news\n\nThe zebra council met on Tuesday.\n".utf8)
        .write(to: box.knowledge.appendingPathComponent("zebra.txt"))

      let result = await run(["ask", Self.question], store: store)
      #expect(result.status == 0, "\(result.summary)")
      #expect(result.stdout.contains("Wang"), "\(result.stdout)")
      #expect(result.stderr.contains("read-only"), "\(result.stderr)")
      let search = await run(["search", "--format", "json", "zebra council"], store: store)
      #expect(search.status == 0 && JSON.array(search.stdout)?.isEmpty == true, "not indexed: \(search.summary)")

      let memory = await run(
        ["search", "--format", "json", "zebra council"], store: empty.appendingPathComponent("s.sqlite").path)
      #expect(memory.status == 0, "\(memory.summary)")
      #expect(memory.stderr.contains("in memory"), "\(memory.stderr)")
      #expect(JSON.array(memory.stdout)?.first?.string("id") == "zebra", "\(memory.stdout.prefix(300))")
    }

    /// A full disk, as a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored) on `byline index`:
    /// exit 74 with a message, the store keeps its articles, and a run without the limit completes.
    @Test func fullDiskDuringIndexingIsAnIOErrorAndLosesNothing() async throws {
      let box = try await indexedBox("full")
      var big = "Capybara almanac\n\n"
      var i = 0
      while big.utf8.count < 3_000_000 {
        big += "Capybara herd \(i) grazed near river bend \(i * 7) on day \(i % 365), the ranger said. "
        i += 1
      }
      try Data(big.utf8).write(to: box.knowledge.appendingPathComponent("capybara.txt"))
      let limited = await box.run(
        ["-c", "trap '' XFSZ; exec /usr/bin/prlimit --fsize=262144 \"$@\"", "sh", Byline.binary.path]
          + box.arguments(["index"]),
        stdinData: Data(), withStore: false, timeout: 60, executable: URL(fileURLWithPath: "/bin/sh"))
      #expect(!limited.signaled, "\(limited.summary)")
      #expect(limited.status == 74, "\(limited.summary)")
      #expect(limited.stderr.contains("cannot write"), "\(limited.stderr)")
      _ = await expectRightAnswer(box, "after the failed write")
      let articles = await box.run(["articles", "--format", "json"])
      #expect(
        JSON.array(articles.stdout)?.count == 6, "a re-run without the limit indexes everything: \(articles.summary)")
    }

    /// kill -9 while `byline index` reads the new articles, and while it writes them: the store
    /// is whole on the next run, which completes the update; Knowledge/ is unchanged.
    @Test(arguments: ["reading", "writing"])
    func killNineDuringIndexingThenRerunCompletes(phase: String) async throws {
      let box = try await indexedBox("kill9")
      for i in 0..<2_000 {
        let text =
          "Report \(i)\n\nThe ferry numbered \(i) carried \(i % 50) crates of kiwi\(i)fruit, the harbour master said.\n"
        try Data(text.utf8).write(to: box.knowledge.appendingPathComponent(String(format: "r%04d.txt", i)))
      }
      let before = try BadInputCatalogueTests.snapshot(box.knowledge)
      let wal = box.store.path + "-wal"
      func walSize() -> Int {
        var info = stat()
        return stat(wal, &info) == 0 ? Int(info.st_size) : 0
      }
      let walBefore = walSize()
      let launched = box.launch(box.arguments(["index"]), stdin: "", withStore: false, env: [:])
      // Polled on this thread (no task sleeps, which can oversleep on a busy machine).
      let deadline = Date().addingTimeInterval(30)
      if phase == "reading" {
        usleep(60_000)
      } else {
        while Date() < deadline, launched.process.isRunning, walSize() < walBefore + 100_000 { usleep(300) }
      }
      let wasRunning = launched.process.isRunning
      kill(launched.process.processIdentifier, SIGKILL)
      let killed = await launched.finish(within: 30)
      #expect(wasRunning && killed.signaled, "the index run ended before the kill: \(killed.summary)")

      let rerun = await box.run(["index"], timeout: 120)
      #expect(rerun.status == 0, "\(rerun.summary)")
      #expect(rerun.stderr.contains("2005 article(s)"), "\(rerun.stderr)")
      let search = await box.run(["search", "--format", "json", "kiwi1234fruit"])
      #expect(JSON.array(search.stdout)?.first?.string("id") == "r1234", "\(search.summary)")
      _ = await expectRightAnswer(box, "after kill -9")
      #expect(try BadInputCatalogueTests.snapshot(box.knowledge) == before, "Knowledge/ was modified")
    }
  }
}
