// The catalogue of bad input, through every entry point of the real binary: batch lines, `ask`
// arguments, REPL lines and article files. Each gets a normal answer or a clear message with a
// documented exit code; none crashes, hangs, or stops the rest of a batch.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile questions, by name (the name is what a failure prints).
enum HostileInput {
  static let megabyteLine = "Who is leading " + String(repeating: "Meta models open source ", count: 45_000)

  /// Questions that are valid UTF-8 and so can also be passed as arguments.
  static let questions: [(name: String, text: String)] = [
    ("whitespace only", " \t \u{00A0}\u{3000} "),
    ("NUL bytes", "Who is\u{0} leading\u{0} Meta's next AI models?"),
    ("right-to-left marks", "\u{200F}Who is \u{202E}leading\u{202C} Meta's next AI models?\u{200E}"),
    ("combining characters", "Who\u{0301} is le\u{0300}\u{0308}ading Me\u{0336}ta's next AI models?"),
    ("emoji", "🤖 Who is leading Meta's next AI models? 🚀👩🏽‍💻🏳️‍🌈"),
    ("full-width", "Ｗｈｏ ｉｓ ｌｅａｄｉｎｇ Ｍｅｔａ'ｓ ｎｅｘｔ ＡＩ ｍｏｄｅｌｓ？"),
    ("FTS5 syntax", "NEAR(\"Meta\" AI, 2) OR title:* ^Wang AND NOT \"unbalanced ( * -"),
    ("SQL fragments", "'); DROP TABLE article; DELETE FROM passage; --"),
    ("shell metacharacters", "$(rm -rf ~) `id` ; ls | cat & > /tmp/x < /etc/passwd $HOME *"),
    (
      "escape sequences",
      "\u{1B}[2J\u{1B}]0;pwned\u{07}Who is leading \u{1B}[31mMeta's\u{1B}[0m next AI models?\u{9B}6n"
    ),
    ("lone surrogate-like and private use", "\u{FFFD}\u{E000}\u{10FFFD} Who leads Meta?"),
  ]
}

extension HardeningTests {
  @Suite("Bad input catalogue")
  struct BadInputCatalogueTests {
    static let known = "Who is leading the development of Meta's next AI models?"

    /// One batch holding every hostile line (and raw bytes: invalid UTF-8, a 1 MB line, empty
    /// lines), then a real question: every line gets an answer, in order, and the last is right.
    @Test func batchAnswersEveryHostileLineAndThenTheRealQuestion() async throws {
      let box = Byline.sharedSandbox
      var input = Data()
      var asked: [String] = []
      func line(_ text: String) {
        input += Data((text + "\n").utf8)
        asked.append(text)
      }
      input += Data("\n\n   \n".utf8)  // empty and whitespace-only lines: no answer, no error
      for (_, text) in HostileInput.questions where !text.allSatisfy(\.isWhitespace) { line(text) }
      input += Data([0x57, 0x68, 0x6F, 0x20, 0xFF, 0xFE, 0xC3, 0x28, 0x20, 0x4D, 0x65, 0x74, 0x61, 0x3F, 0x0A])
      asked.append("invalid UTF-8")
      line(HostileInput.megabyteLine)
      line(Self.known)
      let result = await box.run(["--format", "jsonl"], stdinData: input, timeout: 90)
      #expect(result.status == 0 && !result.signaled && !result.timedOut, "\(result.summary)")
      let objects = JSON.lines(result.stdout)
      #expect(objects.count == asked.count, "\(objects.count) answers for \(asked.count) questions")
      #expect(objects.allSatisfy { $0 != nil }, "every line of output is a JSON object")
      #expect(objects.compactMap { $0?.int("index") } == Array(1...asked.count))
      let last = try #require(objects.last ?? nil)
      #expect(last.string("answer")?.contains("Wang") == true, "the real question after the junk: \(last)")
      let long = try #require(objects.dropLast().last ?? nil)
      #expect(long.bool("abstained") == true && long.string("answer")?.contains("too long") == true, "\(long)")
      #expect(!containsEscape(result.stdout), "raw escapes in JSON Lines output")
    }

    /// The same lines in text format: every answer printed, nothing that drives the terminal.
    @Test func batchTextOutputHasNoEscapesForHostileLines() async throws {
      let input = HostileInput.questions.map(\.text).joined(separator: "\n") + "\n" + Self.known + "\n"
      let result = await Byline.sharedSandbox.run([], stdin: input, env: ["NO_COLOR": "1"], timeout: 60)
      #expect(result.status == 0 && !result.timedOut, "\(result.summary)")
      #expect(!containsEscape(result.stdout) && !containsEscape(result.stderr), "escapes in output")
      #expect(!result.stdout.contains("\u{07}"), "a BEL reached the output")
      #expect(result.stdout.contains("Wang"), "\(result.stdout.suffix(400))")
    }

    @Test(arguments: HostileInput.questions.map(\.name))
    func askArgumentGetsAnAnswerOrAClearUsageError(name: String) async throws {
      let text = try #require(HostileInput.questions.first { $0.name == name }?.text)
      let result = await Byline.sharedSandbox.run(["ask", "--format", "json", "--", text], timeout: 30)
      #expect(!result.signaled && !result.timedOut, "\(name): \(result.summary)")
      if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        #expect(result.status == 64, "\(name): \(result.summary)")
        #expect(result.stderr.contains("ask needs a question"))
      } else {
        #expect(result.status == 0, "\(name): \(result.summary)")
        let answer = try #require(JSON.object(result.stdout), "\(name): not JSON: \(result.stdout.prefix(300))")
        #expect(answer.string("answer")?.isEmpty == false)
      }
      #expect(!containsEscape(result.stderr))
    }

    @Test func askWithAHundredKilobyteArgumentSaysItIsTooLong() async throws {
      // Linux caps one argument at 128 KB, so the 1 MB line goes through stdin instead.
      let text = String(HostileInput.megabyteLine.prefix(100_000))
      let result = await Byline.sharedSandbox.run(["ask", text], timeout: 30)
      #expect(result.status == 0 && !result.timedOut, "\(result.summary)")
      #expect(result.stdout.contains("too long"), "\(result.stdout.prefix(300))")
    }

    @Test func searchWithHostileTextExitsZero() async throws {
      for (name, text) in HostileInput.questions where !text.allSatisfy(\.isWhitespace) {
        let result = await Byline.sharedSandbox.run(["search", "--format", "json", "--", text], timeout: 30)
        #expect(result.status == 0, "\(name): \(result.summary)")
        #expect(JSON.array(result.stdout) != nil, "\(name): \(result.stdout.prefix(200))")
      }
    }

    /// REPL lines: each hostile line is answered (or ignored when blank), then a real question
    /// is still answered, and Ctrl-D exits 0.
    @Test func replSurvivesHostileLines() async throws {
      let box = Byline.sharedSandbox
      let session = try PTYSession(box: box, arguments: ["--no-history"], env: ["NO_COLOR": "1"])
      try await session.expectPrompt("byline>")
      // A NUL typed on a terminal is Ctrl-@ (a libedit key), and ESC starts a key sequence, so the
      // REPL gets the printable lines; a 4 KB line stands for a long paste.
      let lines =
        ["", "   "] + HostileInput.questions.map(\.text).filter { !$0.contains("\u{1B}") && !$0.contains("\u{0}") }
        + [String(HostileInput.megabyteLine.prefix(4_000))]
      for text in lines {
        session.send(text + Keys.enter)
        try await session.expectPrompt("byline>", timeout: 30)
      }
      session.send(Self.known + Keys.enter)
      let answer = try await session.expect("Wang", timeout: 30)
      #expect(answer.contains("Wang"))
      // Ctrl-D only once libedit reads again: sent while the terminal is still in cooked mode,
      // the line discipline would take it as end-of-file and libedit would never see it.
      try await session.expectPrompt("byline>", timeout: 30)
      session.send(Keys.ctrlD)
      let status = await session.waitForExit()
      #expect(status == 0, "exit status \(String(describing: status)); output tail: \(session.allText.suffix(500))")
    }

    /// Article files: every kind of bad file in one corpus, beside the seeds. Bad files are skipped
    /// with a warning naming them, the rest is indexed and answers, and Knowledge/ is not modified.
    @Test func hostileArticleFilesAreSkippedOrIndexedAndNothingIsTouched() async throws {
      let box = Sandbox(name: "hostile-files", copySeeds: true)
      let dir = box.knowledge
      func put(_ name: String, _ data: Data) throws { try data.write(to: dir.appendingPathComponent(name)) }
      // 50 MB of text: over the 16 MB cap for one file.
      var chunk = Data()
      while chunk.count < 1 << 20 { chunk += Data("Fifty megabytes of filler about walruses and tangerines. ".utf8) }
      let handle = try FileHandle(
        forWritingTo: { () -> URL in
          let url = dir.appendingPathComponent("fifty-megabytes.txt")
          FileManager.default.createFile(atPath: url.path, contents: Data("Big\n".utf8))
          return url
        }())
      try handle.seekToEnd()
      for _ in 0..<50 { handle.write(chunk) }
      try handle.close()
      var generator = SystemRandomNumberGenerator()
      try put("random-binary.txt", Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }))
      try put("elf.md", Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]))
      try put("latin1.txt", Data("Caf".utf8) + Data([0xE9, 0x20, 0x6F, 0x6C, 0xE9, 0x0A]))
      try put("nul-in-text.txt", Data("Title\n\nBody with a NUL".utf8) + Data([0]) + Data(" inside.\n".utf8))
      try put(
        "bad.jsonl",
        Data("{\"id\": \"j-ok\", \"body\": \"Quokka rangers counted 41 quokkas.\"}\n{not json\n[1, 2]\n".utf8))
      try put(
        "unicode.md",
        Data(
          """
          ---
          title: "Ｆｕｌｌ-width \u{200F}mirrors\u{202E} and e\u{0301}mojis 🦘"
          outlet: Ｔｈｅ Ｗｏｍｂａｔ Ｔｉｍｅｓ
          ---
          The kangaroo council said 🦘 wombatfest will open on Friday, according to Reuters.

          Ｆｕｌｌ-ｗｉｄｔｈ text and مرحبا and שלום sit beside combining marks: e\u{0301} a\u{0308}.
          """.utf8))
      try put(
        "syntax-soup.txt",
        Data(
          """
          Syntax soup
          NEAR("a" b) OR title:* ^x AND NOT "; DROP TABLE passage; -- $(rm -rf /) `id` | tee /x

          The zebrafinch committee approved the plan on Monday, according to Axios.
          """.utf8))
      try put("$(touch pwned); rm -rf x `id`.txt", Data("Shell name\n\nThe marmoset index rose by 4 percent.\n".utf8))
      let before = try Self.snapshot(dir)

      let index = await box.run(["index"], timeout: 120)
      #expect(index.status == 0 && !index.timedOut, "\(index.summary)")
      for name in [
        "fifty-megabytes.txt", "random-binary.txt", "elf.md", "latin1.txt", "nul-in-text.txt", "bad.jsonl:2",
      ] {
        #expect(index.stderr.contains(name), "no warning names \(name): \(index.stderr)")
      }
      #expect(index.stderr.contains("16 MB"), "the size limit is stated: \(index.stderr)")
      let articles = await box.run(["articles", "--format", "json"])
      let ids = Set((JSON.array(articles.stdout) ?? []).compactMap { $0.string("id") })
      #expect(ids.isSuperset(of: Byline.seedIDs + ["j-ok", "unicode", "syntax-soup", "$(touch pwned); rm -rf x `id`"]))
      #expect(ids.isDisjoint(with: ["fifty-megabytes", "random-binary", "elf", "latin1", "nul-in-text"]))
      #expect(!FileManager.default.fileExists(atPath: box.root.appendingPathComponent("pwned").path))

      let ask = await box.run(["ask", "--format", "json", "When will wombatfest open?"])
      #expect(ask.status == 0, "\(ask.summary)")
      #expect(JSON.object(ask.stdout)?.string("answer")?.contains("Friday") == true, "\(ask.stdout)")
      let seed = await box.run(["ask", Self.known])
      #expect(seed.stdout.contains("Wang"), "\(seed.summary)")
      #expect(try Self.snapshot(dir) == before, "Knowledge/ was modified")
    }

    /// 10,000 small files: indexed in one run, and a question about one of them is answered.
    @Test(.timeLimit(.minutes(3)))
    func tenThousandSmallFilesAreIndexed() async throws {
      let root = Sandbox(name: "10k")
      let dir = root.root.appendingPathComponent("many", isDirectory: true)
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      for i in 0..<10_000 {
        let text = "Note \(i)\n\nThe depot numbered \(i) stored \(i % 97) crates of item\(i)x, the clerk said.\n"
        FileManager.default.createFile(
          atPath: dir.appendingPathComponent(String(format: "n%05d.txt", i)).path, contents: Data(text.utf8))
      }
      let index = await root.run(
        ["index", "--knowledge", dir.path, "--store", root.store.path], withStore: false, timeout: 150)
      #expect(index.status == 0 && !index.timedOut, "\(index.summary)")
      #expect(index.stderr.contains("10000 article(s)"), "\(index.stderr)")
      let search = await root.run(
        ["search", "--knowledge", dir.path, "--store", root.store.path, "--format", "json", "item7777x"],
        withStore: false
      )
      #expect(
        (JSON.array(search.stdout) ?? []).first?.string("id") == "n07777",
        "\(search.summary) \(search.stdout.prefix(300))")
    }

    /// The contents of every file in `dir`, by name (compared with `==`, a memcmp).
    static func snapshot(_ dir: URL) throws -> [String: Data] {
      var out: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
      }
      return out
    }
  }
}
