// The interactive line editor, driven through a real pseudo-terminal.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("REPL on a pseudo-terminal")
struct ReplTests {
  static let prompt = "byline>"
  static let wangQuestion = "Who is leading Meta's next AI models?"

  /// Each test has its own sandbox (history lives in its XDG_STATE_HOME) with an indexed store.
  let box: Sandbox

  init() async throws {
    box = Sandbox(name: "repl")
    let index = await box.run(["index"])
    try #require(index.status == 0, "\(index.summary)")
  }

  func start(_ arguments: [String] = [], env: [String: String] = [:]) async throws -> PTYSession {
    let session = try PTYSession(box: box, arguments: arguments, env: env)
    try await session.expectPrompt(Self.prompt)
    return session
  }

  /// Types a question and waits for `answerMarker`, then for the next prompt.
  @discardableResult
  func ask(_ session: PTYSession, _ question: String, expecting answerMarker: String) async throws -> String {
    session.send(question + Keys.enter)
    let answer = try await session.expect(answerMarker)
    try await session.expectPrompt(Self.prompt)
    return answer
  }

  func quit(_ session: PTYSession) async -> Int32? {
    session.send(Keys.ctrlD)
    return await session.waitForExit()
  }

  @Test func answersATypedQuestion() async throws {
    let session = try await start()
    #expect(session.allText.contains("5 articles"), "banner: \(session.allText)")
    let text = try await ask(session, Self.wangQuestion, expecting: "Wang")
    #expect(text.contains(Self.wangQuestion), "the typed line is echoed")
    #expect(session.allText.contains("[1]"), "the answer lists citations")
    #expect(await quit(session) == 0)
  }

  @Test func articleSavedDuringTheSessionIsAnsweredFrom() async throws {
    let copy = Sandbox(name: "repl-watch", copySeeds: true)
    try #require(await copy.run(["index"]).status == 0)
    let session = try PTYSession(box: copy, arguments: [], env: [:])
    try await session.expectPrompt(Self.prompt)
    try "Example Wire\n\nThe Vexmoor council said the Vexmoor dam would open in 2027, Reuters reported.\n"
      .write(to: copy.knowledge.appendingPathComponent("zz_late.txt"), atomically: true, encoding: .utf8)
    let text = try await ask(session, "When will the Vexmoor dam open?", expecting: "2027")
    #expect(text.contains("1 file(s) indexed"), "the session says the corpus changed: \(text)")
    #expect(await quit(session) == 0)
  }

  @Test func ctrlDExitsWithStatusZero() async throws {
    let session = try await start()
    session.send(Keys.ctrlD)
    let status = await session.waitForExit()
    #expect(status == 0, "exit status \(String(describing: status)); output: \(session.allText)")
  }

  @Test func slashQuitExitsWithStatusZero() async throws {
    let session = try await start()
    session.send("/quit" + Keys.enter)
    #expect(await session.waitForExit() == 0)
  }

  @Test func historyIsRecalledInTheNextRunAndKeptPrivate() async throws {
    let first = try await start()
    try await ask(first, Self.wangQuestion, expecting: "Wang")
    #expect(await quit(first) == 0)

    let history = box.historyFile
    #expect(FileManager.default.fileExists(atPath: history.path), "no history file at \(history.path)")
    let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    #expect(mode & 0o777 == 0o600, "history mode is \(String(mode, radix: 8))")
    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(saved.contains("leading"), "the question is not in the history file: \(saved)")

    let second = try await start()
    second.send(Keys.up)
    try await second.expect(Self.wangQuestion, timeout: 10)
    second.send(Keys.enter)
    try await second.expect("Wang")
    try await second.expectPrompt(Self.prompt)
    #expect(await quit(second) == 0)
  }

  @Test func noHistoryWritesNoFile() async throws {
    let session = try await start(["--no-history"])
    try await ask(session, Self.wangQuestion, expecting: "Wang")
    #expect(await quit(session) == 0)
    #expect(!FileManager.default.fileExists(atPath: box.historyFile.path), "--no-history wrote \(box.historyFile.path)")
  }

  @Test func tabCompletesCommands() async throws {
    let session = try await start()
    session.send("/he" + Keys.tab)
    try await session.expect("/help", timeout: 10)
    session.send(Keys.enter)
    let help = try await session.expectPrompt(Self.prompt)
    for command in ["/sources", "/open", "/reset", "/quit"] {
      #expect(help.contains(command), "/help does not list \(command): \(help)")
    }
    #expect(await quit(session) == 0)
  }

  @Test(arguments: [("Sco", "Scout"), ("Reu", "Reuters")])
  func tabCompletesOutletNames(prefix: String, outlet: String) async throws {
    let session = try await start()
    session.send("What did " + prefix + Keys.tab)
    try await session.expect("What did " + outlet, timeout: 10)
    session.send(Keys.ctrlC)
    try await session.expectPrompt(Self.prompt)
    #expect(await quit(session) == 0)
  }

  @Test func ctrlCCancelsTheLineAndKeepsRunning() async throws {
    let session = try await start()
    session.send("What is the capital of France")
    try await session.expect("France", timeout: 10)
    session.send(Keys.ctrlC)
    try await session.expect("^C")
    try await session.expectPrompt(Self.prompt)
    #expect(session.isRunning, "Ctrl-C ended the program")

    // Ctrl-C on an empty line does not quit either.
    session.send(Keys.ctrlC)
    try await session.expectPrompt(Self.prompt)
    #expect(session.isRunning)

    let answer = try await ask(session, Self.wangQuestion, expecting: "Wang")
    #expect(!answer.contains("never mentions France"), "the cancelled line was answered: \(answer)")
    #expect(!session.allText.contains("never mentions France"), "the cancelled line was answered")
    #expect(await quit(session) == 0)
  }

  @Test func sourcesAndResetCommands() async throws {
    let session = try await start()
    try await ask(session, "Who wrote that open-source AI was the path forward?", expecting: "Zuckerberg")
    session.send("/sources" + Keys.enter)
    let sources = try await session.expectPrompt(Self.prompt)
    #expect(sources.contains("[1]") && sources.contains("Scout"), "/sources: \(sources)")

    // A follow-up uses the conversation…
    let followUp = try await ask(session, "When did he write it?", expecting: "July 2024")
    #expect(followUp.contains("Zuckerberg"), "the follow-up should say whom it took 'he' to be: \(followUp)")
    // …until /reset.
    session.send("/reset" + Keys.enter)
    try await session.expectPrompt(Self.prompt)
    session.send("When did he write it?" + Keys.enter)
    let afterReset = try await session.expectPrompt(Self.prompt)
    #expect(!afterReset.contains("taking"), "after /reset the follow-up still used the old context: \(afterReset)")
    #expect(await quit(session) == 0)
  }

  @Test func noColorIsHonouredOnATerminal() async throws {
    let session = try PTYSession(box: box, arguments: [], env: ["NO_COLOR": "1"])
    try await session.expectPrompt(Self.prompt)
    session.send(Self.wangQuestion + Keys.enter)
    try await session.expect("Wang")
    try await session.expectPrompt(Self.prompt)
    // libedit itself may emit cursor movement, but no SGR colour sequences should appear.
    let raw = String(decoding: session.output, as: UTF8.self)
    #expect(
      !raw.contains("\u{1B}[1;36m") && !raw.contains("\u{1B}[0m") && !raw.contains("\u{1B}[1m"),
      "colour despite NO_COLOR: \(raw.prefix(400).debugDescription)")
    #expect(await quit(session) == 0)
  }
}
