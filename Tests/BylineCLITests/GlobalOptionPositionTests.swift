// Global options before or after the subcommand: the same meaning in both positions, one case
// per option; help text wrapped by the parser; `byline help TOPIC`.
import Foundation
import ScriptedModelServer
import Testing

/// One global option, how to run a command with it, and what shows it took effect.
struct PositionCase: Sendable, CustomTestStringConvertible {
  var option: String
  /// The option and its value.
  var arguments: [String]
  /// The subcommand and what follows the options.
  var command: String
  var rest: [String]
  /// What stdout (or, with `onStderr`, stderr) must contain when the option took effect.
  var effect: String
  var onStderr = false
  var status: Int32 = 0

  var testDescription: String { option }
}

@Suite("Global options in either position")
struct GlobalOptionPositionTests {
  static let question = "Who is leading the development of Meta's next AI models?"

  static let cases: [PositionCase] = [
    PositionCase(
      option: "--format", arguments: ["--format", "json"], command: "articles", rest: [],
      effect: "\"passages\""),
    PositionCase(
      option: "--color", arguments: ["--color", "always"], command: "ask", rest: [question], effect: "\u{1B}["),
    PositionCase(
      option: "--knowledge", arguments: ["--knowledge", "KNOWLEDGE"], command: "articles", rest: [], effect: "note-1"),
    PositionCase(
      option: "--store", arguments: ["--store", "STORE"], command: "index", rest: [], effect: "custom-store.sqlite",
      onStderr: true),
    PositionCase(
      option: "--backend", arguments: ["--backend", "gpt9"], command: "ask", rest: [question],
      effect: "unknown backend \"gpt9\"", onStderr: true, status: 78),
    PositionCase(
      option: "--model-url", arguments: ["--model-url", "http://127.0.0.1:9/v1"], command: "backends",
      rest: ["--format", "json"], effect: "\"model_url\":\"http://127.0.0.1:9/v1\""),
    PositionCase(
      option: "--model", arguments: ["--model", "tiny-model"], command: "backends", rest: ["--format", "json"],
      effect: "\"model\":\"tiny-model\""),
    PositionCase(
      option: "--model-timeout", arguments: ["--model-timeout", "7"], command: "backends",
      rest: ["--format", "json"], effect: "\"timeout\":\"--timeout\""),
    PositionCase(
      option: "--prompts", arguments: ["--prompts", "/nowhere/prompts"], command: "backends",
      rest: ["--format", "json"], effect: "\"prompts\":\"/nowhere/prompts\""),
    PositionCase(
      option: "--model-ca", arguments: ["--model-ca", "/nowhere/ca.pem"], command: "backends",
      rest: ["--backend", "openai", "--model-url", "https://127.0.0.1:9/v1"], effect: "/nowhere/ca.pem",
      onStderr: true, status: 78),
    PositionCase(
      option: "--dry-run", arguments: ["--dry-run"], command: "ask", rest: ["--backend", "openai", question],
      effect: "--- system ---"),
  ]

  /// A corpus of one article, for `--knowledge`.
  static func oneArticleCorpus(in box: Sandbox) throws -> String {
    let dir = box.root.appendingPathComponent("other-corpus")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "Note one\n\nThe Example Times\n\nA short article about a test.\n".write(
      to: dir.appendingPathComponent("note-1.txt"), atomically: true, encoding: .utf8)
    return dir.path
  }

  @Test(arguments: cases)
  func anOptionMeansTheSameBeforeAndAfterTheSubcommand(_ c: PositionCase) async throws {
    let box = Sandbox(name: "positions")
    let corpus = try Self.oneArticleCorpus(in: box)
    func substitute(_ args: [String], store: String) -> [String] {
      args.map { $0 == "KNOWLEDGE" ? corpus : $0 == "STORE" ? store : $0 }
    }
    // Every run has its own store, so that each position indexes and reports the same way.
    func run(before: Bool) async -> RunResult {
      let store = box.root.appendingPathComponent((before ? "b" : "a") + "-custom-store.sqlite")
      var base = ["--store", box.root.appendingPathComponent(before ? "b.sqlite" : "a.sqlite").path]
      if c.option != "--knowledge" { base += ["--knowledge", box.knowledge.path] }
      if c.option == "--store" { base = ["--knowledge", box.knowledge.path] }
      let option = substitute(c.arguments, store: store.path)
      let args = before ? option + [c.command] + base + c.rest : [c.command] + base + option + c.rest
      return await box.run(args, withStore: false, timeout: 60)
    }
    let before = await run(before: true)
    let after = await run(before: false)
    #expect(before.status == c.status, "before: \(before.summary)")
    #expect(after.status == c.status, "after: \(after.summary)")
    for (name, result) in [("before", before), ("after", after)] {
      let text = c.onStderr ? result.stderr : result.stdout
      #expect(text.contains(c.effect), "\(c.option) \(name) the subcommand had no effect: \(text.prefix(800))")
    }
    let normalise = { (text: String) in
      text.replacingOccurrences(of: "/b-", with: "/X-").replacingOccurrences(of: "/a-", with: "/X-")
        .replacingOccurrences(of: "b.sqlite", with: "X.sqlite").replacingOccurrences(of: "a.sqlite", with: "X.sqlite")
    }
    #expect(normalise(before.stdout) == normalise(after.stdout), "\(c.option): stdout differs")
  }

  @Test func theJSONAnswerIsTheSameWithOptionsBeforeOrAfterAsk() async throws {
    let box = Byline.sharedSandbox
    let before = await box.run(
      ["--knowledge", box.knowledge.path, "--store", box.store.path, "--format", "json", "ask", Self.question],
      withStore: false)
    let after = await box.run(
      ["ask", "--knowledge", box.knowledge.path, "--store", box.store.path, "--format", "json", Self.question],
      withStore: false)
    #expect(before.status == 0 && after.status == 0, "\(before.summary) / \(after.summary)")
    // The engine's time for the answer is the one field that differs from run to run.
    let timing = /\n *"elapsed_ms" : [0-9.]+,?/
    #expect(before.stdout.contains(timing))
    #expect(before.stdout.replacing(timing, with: "") == after.stdout.replacing(timing, with: ""))
    let a = try #require(JSON.object(before.stdout), "\(before.stdout)")
    #expect(a.string("answer")?.contains("Alexandr Wang") == true)
  }

  @Test func helpIsWrappedByTheParserWithNoSentenceBrokenByHand() async throws {
    let result = await Byline.sharedSandbox.run(["--help"], withStore: false, env: ["COLUMNS": "200"])
    #expect(result.status == 0, "\(result.summary)")
    // At 200 columns the discussion's first sentence fits on one line.
    #expect(
      result.stdout.contains("or one answer per line of standard input otherwise"), "\(result.stdout.prefix(1200))")
    #expect(result.stdout.contains("--knowledge"), "the root help lists the global options")
    let narrow = await Byline.sharedSandbox.run(["--help"], withStore: false, env: ["COLUMNS": "60"])
    let long = narrow.stdout.split(separator: "\n").filter { $0.count > 60 && !$0.contains("--") }
    #expect(long.isEmpty, "lines wider than the terminal: \(long)")
  }

  @Test(arguments: [("formats", "JSON Lines"), ("json", "abstained"), ("config", "config.toml"), ("exit-codes", "78")])
  func helpTopicsArePrinted(topic: String, expected: String) async throws {
    let result = await Byline.sharedSandbox.run(["help", topic], withStore: false)
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.contains(expected), "\(result.stdout.prefix(400))")
  }

  @Test func helpOfASubcommandAndAnUnknownTopic() async throws {
    let box = Byline.sharedSandbox
    let ask = await box.run(["help", "ask"], withStore: false)
    #expect(ask.status == 0 && ask.stdout.contains("--why"), "\(ask.summary)")
    let unknown = await box.run(["help", "nonsense"], withStore: false)
    #expect(unknown.status == 64, "\(unknown.summary)")
    #expect(unknown.stderr.contains("nonsense") && unknown.stderr.contains("formats"), "\(unknown.stderr)")
  }
}
