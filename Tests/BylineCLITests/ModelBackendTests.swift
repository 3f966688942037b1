// The model slot through the real binary: a scripted model server on 127.0.0.1, fallbacks on
// stderr, --dry-run, `byline backends`, and streaming and Ctrl-C in the REPL.
import Foundation
import ScriptedModelServer
import Testing

/// Replies a scripted model can make from the prompt it was sent.
enum ScriptedReplies {
  /// The quote of passage `n` in the user message, as the prompt template prints it.
  static func quote(_ n: Int, in request: ScriptedModelServer.Request) -> String {
    let messages = request.json["messages"] as? [[String: Any]] ?? []
    let user = messages.last?["content"] as? String ?? ""
    guard let line = user.split(separator: "\n").first(where: { $0.hasPrefix("[\(n)] ") }),
      let colon = line.range(of: "\": ")
    else { return "" }
    return String(line[colon.upperBound...])
  }

  /// Passage 1's sentence, cited: an answer the checks accept.
  static func faithful(_ request: ScriptedModelServer.Request) -> String {
    var text = quote(1, in: request).trimmingCharacters(in: .whitespaces)
    while text.hasSuffix(".") { text.removeLast() }
    return text + " [1]."
  }
}

@Suite("Model backend through the binary")
struct ModelBackendTests {
  let box = Byline.sharedSandbox
  static let question = "How much was the Scale AI deal worth?"

  func closedPort() throws -> String {
    let server = try ScriptedModelServer { _ in .answer("") }
    server.stop()
    return server.baseURL
  }

  @Test func withTheServerDownStderrSaysSoAndTheRulesAnswerAppears() async throws {
    let rules = await box.run(["ask", "--format", "json", Self.question])
    let result = await box.run([
      "ask", "--backend", "openai", "--model-url", try closedPort(), "--format", "json", Self.question,
    ])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stderr.contains("no model server answers"), "\(result.stderr)")
    #expect(result.stderr.contains("answered by rules"))
    let answer = try #require(JSON.object(result.stdout))
    #expect(answer.string("backend") == "rules")
    #expect(answer.string("fallback_reason")?.contains("no model server answers") == true)
    #expect(answer.string("answer") == JSON.object(rules.stdout)?.string("answer"))
  }

  @Test func anAnswerWithAnInventedPersonIsReplacedByTheRulesAnswerWithTheReason() async throws {
    let server = try ScriptedModelServer { _ in .answer("Elena B. Bender, Meta's CEO, approved it [1].") }
    let result = await box.run([
      "ask", "--backend", "openai", "--model-url", server.baseURL, "--format", "json", Self.question,
    ])
    #expect(result.status == 0, "\(result.summary)")
    let answer = try #require(JSON.object(result.stdout))
    #expect(answer.string("backend") == "rules")
    #expect(!(answer.string("answer") ?? "").contains("Bender"))
    let reason = answer.string("fallback_reason") ?? ""
    #expect(reason.contains("Elena") && reason.contains("rejected"), "\(reason)")
    #expect(result.stderr.contains("Elena"), "the fallback is said on stderr: \(result.stderr)")
  }

  @Test func aFaithfulAnswerIsShownAndAMadeUpCitationIsNot() async throws {
    let server = try ScriptedModelServer { request in .answer(ScriptedReplies.faithful(request) + " See also [9].") }
    let result = await box.run(["ask", "--backend", "openai", "--model-url", server.baseURL, Self.question])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.contains("[1]"), "\(result.stdout)")
    #expect(!result.stdout.contains("[9]"), "\(result.stdout)")
    let json = await box.run([
      "ask", "--backend", "openai", "--model-url", server.baseURL, "--model", "tiny", "--format", "json",
      Self.question,
    ])
    let answer = try #require(JSON.object(json.stdout))
    #expect(answer.string("backend") == "openai:tiny")
    #expect(answer.string("fallback_reason") == nil)
  }

  @Test func dryRunPrintsThePromptAndCallsNoModel() async throws {
    let server = try ScriptedModelServer { _ in .answer("") }
    let result = await box.run([
      "ask", "--backend", "openai", "--model-url", server.baseURL, "--dry-run", Self.question,
    ])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.contains("--- system ---") && result.stdout.contains("--- user ---"))
    #expect(result.stdout.contains("Question: \(Self.question)"))
    #expect(result.stdout.contains("[1] "))
    #expect(server.requests.isEmpty)
  }

  @Test func backendsSaysWhetherTheModelAnswers() async throws {
    let rules = await box.run(["backends"])
    #expect(rules.status == 0 && rules.stdout.contains("rules"), "\(rules.summary)")
    let server = try ScriptedModelServer { _ in .answer("") }
    let up = await box.run(
      ["backends", "--format", "json"], env: ["BYLINE_BACKEND": "openai", "BYLINE_MODEL_URL": server.baseURL])
    #expect(up.status == 0, "\(up.summary)")
    #expect(up.stdout.contains("\"available\":true") && up.stdout.contains("scripted"), "\(up.stdout)")
    let down = await box.run(["backends", "--backend", "openai", "--model-url", try closedPort()])
    #expect(down.status == 69, "\(down.summary)")
    #expect(down.stdout.contains("UNAVAILABLE"))
  }

  @Test func badBackendSettingsExitWith78() async throws {
    let unknown = await box.run(["ask", "--backend", "gpt9", Self.question])
    #expect(unknown.status == 78 && unknown.stderr.contains("unknown backend"), "\(unknown.summary)")
    let url = await box.run(["ask", "--backend", "openai", "--model-url", "localhost", Self.question])
    #expect(url.status == 78 && url.stderr.contains("model_url"), "\(url.summary)")
  }

  @Test func aBatchGoesOnWithRulesWhenTheServerIsDown() async throws {
    let result = await box.run(
      ["--backend", "openai", "--model-url", try closedPort(), "--format", "jsonl"],
      stdin: "Who is leading Meta's new models?\n\(Self.question)\nWho founded Scale AI?\n")
    #expect(result.status == 0, "\(result.summary)")
    let lines = result.stdout.split(separator: "\n").compactMap { JSON.object(String($0)) }
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.string("backend") == "rules" && $0.string("fallback_reason") != nil })
    #expect(result.stderr.contains("no model server answers"))
    #expect(result.stderr.contains("was not asked"), "later questions skip a server that is down: \(result.stderr)")
  }
}

@Suite("Model answers in the REPL")
struct ModelReplTests {
  @Test func aStreamedAnswerAppearsAndCtrlCCancelsAnAnswerInProgress() async throws {
    let box = Sandbox(name: "model-repl")
    _ = await box.run(["index"])
    let server = try ScriptedModelServer { request in
      let messages = request.json["messages"] as? [[String: Any]] ?? []
      let user = messages.last?["content"] as? String ?? ""
      if user.contains("Question: Who founded Scale AI?") {
        return .stream(Array(repeating: "and so on ", count: 200), delay: 0.1)
      }
      let words = ScriptedReplies.faithful(request).split(separator: " ").map { String($0) + " " }
      return .stream(words, delay: 0.01)
    }
    let session = try PTYSession(
      box: box, arguments: ["--backend", "openai", "--model-url", server.baseURL], env: [:])
    try await session.expectPrompt("byline>")
    session.send("How much was the Scale AI deal worth?" + Keys.enter)
    try await session.expect("[1]")
    try await session.expectPrompt("byline>")
    session.send("Who founded Scale AI?" + Keys.enter)
    _ = await session.settle(1)
    session.send(Keys.ctrlC)
    try await session.expect("Answer cancelled", timeout: 10)
    try await session.expectPrompt("byline>")
    session.send(Keys.ctrlD)
    #expect(await session.waitForExit() == 0)
  }
}
