// Shell completions: the scripts ArgumentParser generates load in bash, and the custom
// completions the scripts call back into the binary for give article ids and outlet names.
import Foundation
import Testing

@Suite("Shell completions")
struct ShellCompletionTests {
  let box = Byline.sharedSandbox

  /// What the completion scripts run for a custom completion: `byline ---completion SUBCOMMAND --
  /// positional@0 WORD-INDEX CURSOR` and the words typed so far.
  func complete(_ subcommand: String, words: [String]) async -> [String] {
    let args =
      ["---completion", subcommand, "--", "positional@0", String(5 + words.count), String(words.last?.count ?? 0)]
      + ["byline", subcommand, "--store", box.store.path, "--knowledge", box.knowledge.path] + words
    let result = await box.run(args, withStore: false)
    return result.stdoutLines
  }

  @Test func articleIDsAreOfferedForArticles() async throws {
    _ = await box.run(["articles"])
    let all = await complete("articles", words: [""])
    #expect(all == Byline.seedIDs, "\(all)")
    let some = await complete("articles", words: ["003"])
    #expect(some == ["003_cd614558ed0673bd"], "\(some)")
  }

  @Test func outletNamesAreOfferedForTheWordsOfAQuestionOrASearch() async throws {
    let ask = await complete("ask", words: ["sc"])
    #expect(ask.contains("Scout"), "\(ask)")
    let search = await complete("search", words: ["Sect"])
    #expect(search == ["SectorHQ"], "\(search)")
  }

  @Test func noStoreMeansNothingOfferedAndNothingIndexed() async throws {
    let empty = Sandbox(name: "complete-none")
    let missing = empty.root.appendingPathComponent("never.sqlite").path
    let result = await empty.run(
      ["---completion", "articles", "--", "positional@0", "4", "0", "byline", "articles", "--store", missing, ""],
      withStore: false)
    #expect(result.stdout.isEmpty && !FileManager.default.fileExists(atPath: missing), "\(result.summary)")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func theScriptsAreGenerated(shell: String) async throws {
    let result = await box.run(["--generate-completion-script", shell], withStore: false)
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.contains("---completion articles"), "the script calls back for article ids")
  }

  @Test func theBashScriptLoadsAndRegistersItself() async throws {
    let script = box.root.appendingPathComponent("byline-\(UUID().uuidString).bash")
    let generated = await box.run(["--generate-completion-script", "bash"], withStore: false)
    try generated.stdoutData.write(to: script)
    defer { try? FileManager.default.removeItem(at: script) }
    let bash = Process()
    bash.executableURL = URL(fileURLWithPath: "/bin/bash")
    bash.arguments = ["-c", "source '\(script.path)' && complete -p byline"]
    let out = Pipe()
    bash.standardOutput = out
    try bash.run()
    bash.waitUntilExit()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(bash.terminationStatus == 0 && text.contains("_byline"), "\(text)")
  }
}
