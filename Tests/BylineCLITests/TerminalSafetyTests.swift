// Text from articles (body, title, outlet, file names) never drives the user's terminal: control
// characters and escape sequences are neutralised in every output format meant for people.
import Foundation
import Testing

extension HardeningTests {
  @Suite("Terminal safety")
  struct TerminalSafetyTests {
    /// Clear screen, an OSC window title, a C1 CSI, a cursor report request and a bell.
    static let nasty =
      "\u{1B}[2J\u{1B}]0;PWNED-TITLE\u{07}\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\\u{9B}31m\u{1B}[6n\u{07}"

    /// One sandbox: the seeds plus an article whose body, title and outlet carry escapes, and a
    /// file whose name carries one.
    static let box: Sandbox = {
      let box = Sandbox(name: "escapes", copySeeds: true)
      let article = """
        ---
        title: "Quokka \(nasty)heist"
        outlet: Evil\(nasty) Gazette
        date: 2025-06-01\(nasty)
        ---
        # Heist\(nasty) report

        The quokka\(nasty) heist was planned by Barnaby Fitzwilliam\(nasty), according to Reuters\(nasty).

        Barnaby Fitzwilliam\(nasty) said the vault held 12 golden\(nasty) acorns.
        """
      try! Data(article.utf8).write(to: box.knowledge.appendingPathComponent("quokka-heist.md"))
      try! Data("Bad\(nasty)name\n\nThe wallaby\(nasty) parade starts at dawn.\n".utf8)
        .write(to: box.knowledge.appendingPathComponent("bad\u{1B}]0;x\u{07}name.txt"))
      try! Data([0x41, 0]).write(to: box.knowledge.appendingPathComponent("binary\u{1B}[2Jfile.txt"))
      return box
    }()

    static let question = "Who planned the quokka heist?"

    func expectClean(_ result: RunResult, _ what: String) {
      #expect(!result.signaled && !result.timedOut, "\(what): \(result.summary)")
      for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
        #expect(!containsEscape(text), "\(what): ESC or CSI on \(stream): \(text.debugDescription.prefix(600))")
        #expect(!text.contains("\u{07}"), "\(what): BEL on \(stream)")
        #expect(
          !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(what): C0 on \(stream)")
      }
    }

    @Test(arguments: ["text", "markdown"])
    func askPrintsNoEscapesWithNoColor(format: String) async throws {
      let result = await Self.box.run(["ask", "--format", format, Self.question], env: ["NO_COLOR": "1"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("Barnaby Fitzwilliam"), "\(result.stdout)")
      expectClean(result, "ask --format \(format)")
    }

    @Test func askWithColorAlwaysHasOnlyByline_sOwnColours() async throws {
      let result = await Self.box.run(["ask", "--color", "always", Self.question])
      #expect(result.status == 0)
      // Byline's own SGR colours are allowed; nothing else (no clear screen, OSC, cursor report).
      let stripped = result.stdout.replacingOccurrences(
        of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      #expect(!containsEscape(stripped), "\(stripped.debugDescription.prefix(600))")
      #expect(!result.stdout.contains("\u{1B}]") && !result.stdout.contains("\u{1B}[2J"))
    }

    @Test(arguments: ["text", "markdown"])
    func batchSearchAndArticlesPrintNoEscapes(format: String) async throws {
      let env = ["NO_COLOR": "1"]
      expectClean(
        await Self.box.run(["--format", format], stdin: Self.question + "\nWhat did the vault hold?\n", env: env),
        "batch \(format)")
      expectClean(await Self.box.run(["search", "--format", format, "quokka heist"], env: env), "search \(format)")
      expectClean(await Self.box.run(["articles", "--format", format], env: env), "articles \(format)")
      expectClean(await Self.box.run(["ask", "--why", "--format", format, Self.question], env: env), "ask --why")
      expectClean(await Self.box.run(["index"], env: env), "index (warnings name files with escapes)")
    }

    @Test func jsonCarriesEscapesOnlyAsJSONEscapes() async throws {
      let result = await Self.box.run(["ask", "--format", "json", Self.question])
      #expect(result.status == 0)
      #expect(!containsEscape(result.stdout), "raw ESC in JSON")
      #expect(JSON.object(result.stdout) != nil)
    }

    @Test func replSourcesOpenAndWhyPrintNoEscapes() async throws {
      let session = try PTYSession(box: Self.box, arguments: ["--no-history"], env: ["NO_COLOR": "1"])
      try await session.expectPrompt("byline>")
      let start = session.output.count
      for line in [Self.question, "/sources", "/why", "/open 1", "/articles"] {
        session.send(line + Keys.enter)
        try await session.expectPrompt("byline>", timeout: 30)
      }
      session.send(Keys.ctrlD)
      _ = await session.waitForExit()
      let printed = String(decoding: session.output.dropFirst(start), as: UTF8.self)
      #expect(printed.contains("Barnaby Fitzwilliam"))
      // libedit draws the prompt and line with its own sequences; article text must add none.
      #expect(!printed.contains("\u{1B}]"), "an OSC sequence reached the terminal")
      #expect(!printed.contains("\u{1B}[2J"), "clear-screen reached the terminal")
      #expect(!printed.contains("\u{1B}[6n"), "a cursor report request reached the terminal")
      #expect(!printed.contains("PWNED-TITLE\u{07}"))
      #expect(!printed.unicodeScalars.contains { $0.value == 0x9B }, "a C1 CSI reached the terminal")
    }
  }
}
