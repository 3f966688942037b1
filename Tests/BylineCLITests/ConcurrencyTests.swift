// Several processes on one store: readers answer batches while another process re-indexes.
// WAL lets readers go on during a write, and the busy timeout makes writers wait their turn:
// every answer is right and no process fails with "database is locked".
import Foundation
import Testing

extension HardeningTests {
  @Suite("Concurrency")
  struct ConcurrencyTests {
    /// (question, a word the answer must hold)
    static let cycle = [
      ("Who is Alexandr Wang?", "Wang"),
      ("How much was the Scale AI deal?", "15 billion"),
      ("What is the capital of France?", "France"),
      ("Who wrote that open-source AI was the path forward?", "Zuckerberg"),
    ]

    @Test(.timeLimit(.minutes(3)))
    func eightReadersAnswerRightWhileAnotherProcessReindexes() async throws {
      let box = Sandbox(name: "concurrent", copySeeds: true)
      let first = await box.run(["index"])
      try #require(first.status == 0, "\(first.summary)")
      let questions = 40
      let input = (0..<questions).map { Self.cycle[$0 % Self.cycle.count].0 }.joined(separator: "\n") + "\n"

      // The writer: three rounds of adding an article and rebuilding the whole store.
      let writer = Task { () -> [RunResult] in
        var results: [RunResult] = []
        for round in 0..<3 {
          let text = "Round \(round)\n\nThe gecko parliament met for round \(round) on Monday, according to Reuters.\n"
          try? Data(text.utf8).write(to: box.knowledge.appendingPathComponent("round-\(round).txt"))
          results.append(await box.run(["index", "--rebuild"], timeout: 60))
        }
        return results
      }
      let readers = await withTaskGroup(of: RunResult.self) { group in
        for reader in 0..<8 {
          group.addTask {
            try? await Task.sleep(nanoseconds: UInt64(reader) * 40_000_000)
            return await box.run(["--format", "jsonl"], stdin: input, timeout: 120)
          }
        }
        return await group.reduce(into: [RunResult]()) { $0.append($1) }
      }
      for result in await writer.value {
        #expect(result.status == 0, "writer: \(result.summary)")
        #expect(!result.stderr.localizedCaseInsensitiveContains("locked"), "writer: \(result.stderr)")
      }
      for (n, result) in readers.enumerated() {
        #expect(result.status == 0 && !result.timedOut, "reader \(n): \(result.summary)")
        #expect(!result.stderr.localizedCaseInsensitiveContains("locked"), "reader \(n): \(result.stderr)")
        let objects = JSON.lines(result.stdout)
        #expect(objects.count == questions, "reader \(n): \(objects.count) answers")
        var wrong: [Int] = []
        for (i, object) in objects.enumerated() {
          let (question, word) = Self.cycle[i % Self.cycle.count]
          if object?.string("question") != question || object?.string("answer")?.contains(word) != true {
            wrong.append(i + 1)
          }
        }
        #expect(wrong.isEmpty, "reader \(n): wrong answers at \(wrong.prefix(10)): \(result.stdout.prefix(400))")
      }
      let articles = await box.run(["articles", "--format", "json"])
      #expect(JSON.array(articles.stdout)?.count == 8, "\(articles.summary)")
    }
  }
}
