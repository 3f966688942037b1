// Batch mode: `byline` with stdin not a terminal answers one question per non-blank line, in order.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Batch mode (stdin is not a terminal)")
struct BatchModeTests {
  let box = Byline.sharedSandbox

  @Test func answersEveryNonBlankLineInOrderAsOneJSONObjectPerLine() async throws {
    let questions = [
      "Who is leading Meta's next AI models?",
      "What is the capital of France?",
      "Who wrote that open-source AI was the path forward?",
      "How much was the Scale AI deal?",
      "When did Axios report it?",
    ]
    let result = await box.run(["--format", "jsonl"], stdin: questions.joined(separator: "\n") + "\n")
    #expect(result.status == 0, "\(result.summary)")
    let lines = result.stdoutLines
    try #require(lines.count == questions.count, "expected \(questions.count) lines, got:\n\(result.stdout)")
    for (offset, line) in lines.enumerated() {
      let object = try #require(JSON.object(line), "line \(offset + 1) is not a JSON object: \(line)")
      #expect(object.int("index") == offset + 1)
      #expect(object.string("question") == questions[offset])
      for key in ["answer", "abstained", "kind", "confidence", "citations", "backend", "elapsed_ms"] {
        #expect(object[key] != nil, "line \(offset + 1) lacks \(key)")
      }
    }
    let france = try #require(JSON.object(lines[1]))
    #expect(france.bool("abstained") == true, "off-topic question should abstain: \(lines[1])")
    #expect(france.objects("citations")?.isEmpty == true)
    let wang = try #require(JSON.object(lines[0]))
    #expect(wang.bool("abstained") == false)
    #expect(wang.string("answer")?.contains("Wang") == true, "\(lines[0])")
    #expect((wang.objects("citations") ?? []).contains { Byline.seedIDs.contains($0.string("id") ?? "") })
    // Stdout carries answers only: no prompt or banner leaks into it.
    #expect(!result.stdout.contains("byline>"))
  }

  @Test func followUpUsesTheConversationAndABlankLineResetsIt() async throws {
    let input = """
      Who wrote that open-source AI was the path forward?
      When did he write it?

      When did he write it?

      """
    let result = await box.run(["--format", "jsonl"], stdin: input)
    #expect(result.status == 0, "\(result.summary)")
    let objects = JSON.lines(result.stdout)
    try #require(objects.count == 3, "blank lines give no answer; got:\n\(result.stdout)")
    let first = try #require(objects[0])
    let followUp = try #require(objects[1])
    let afterReset = try #require(objects[2])
    #expect(first.string("answer")?.contains("Zuckerberg") == true, "\(first)")

    let understood = followUp.string("understood_as")
    #expect(understood != nil, "the follow-up should be rewritten: \(followUp)")
    #expect(understood?.contains("Zuckerberg") == true)
    #expect(followUp.string("answer")?.contains("July 2024") == true, "\(followUp)")

    #expect(afterReset.string("question") == "When did he write it?")
    #expect(afterReset["understood_as"] == nil, "after a blank line the follow-up has no context: \(afterReset)")
    // The index keeps counting answers across conversations.
    #expect(objects.compactMap { $0?.int("index") } == [1, 2, 3])
  }

  @Test(.timeLimit(.minutes(3)))
  func thousandPipedQuestionsGiveThousandAnswersInOrder() async throws {
    // (question, abstains, a word the answer must hold)
    let cycle = [
      ("What is the capital of France?", true, "France"),
      ("Who is Alexandr Wang?", false, "Wang"),
      ("What is the capital of Germany?", true, "Germany"),
      ("How much was the Scale AI deal?", false, "15 billion"),
    ]
    let count = 1000
    let input = (0..<count).map { cycle[$0 % cycle.count].0 }.joined(separator: "\n") + "\n"
    let result = await box.run(["--format", "jsonl"], stdin: input, timeout: 150)
    #expect(result.status == 0 && !result.timedOut, "\(result.summary)")
    let objects = JSON.lines(result.stdout)
    try #require(objects.count == count, "got \(objects.count) answers")
    var wrong: [Int] = []
    for (offset, object) in objects.enumerated() {
      let expected = cycle[offset % cycle.count]
      guard let object, object.int("index") == offset + 1, object.string("question") == expected.0,
        object.bool("abstained") == expected.1, object.string("answer")?.contains(expected.2) == true
      else {
        wrong.append(offset + 1)
        continue
      }
    }
    #expect(wrong.isEmpty, "answers out of order or wrong at lines \(wrong.prefix(20))")
  }

  @Test func anOffTopicQuestionDoesNotHijackTheNextOne() async throws {
    // "What did Axios report?" names its own subject; on its own it is answered.
    let alone = await box.run(["--format", "jsonl"], stdin: "What did Axios report?\n")
    let aloneAnswer = try #require(JSON.object(alone.stdout), "\(alone.summary)")
    #expect(aloneAnswer.bool("abstained") == false)

    let result = await box.run(
      ["--format", "jsonl"], stdin: "What is the capital of France?\nWhat did Axios report?\n")
    let objects = JSON.lines(result.stdout)
    try #require(objects.count == 2, "\(result.stdout)")
    let second = try #require(objects[1])
    #expect(second.bool("abstained") == false, "the abstained France question took over the next one: \(second)")
    #expect(second["understood_as"] == nil, "a self-contained question is not a follow-up: \(second)")
  }

  @Test func readerGoingAwayEndsQuietly() async throws {
    // Like `byline --format jsonl < questions | head -1`: read one line, close the pipe.
    let input = Array(repeating: "Who is leading Meta's next AI models?", count: 300).joined(separator: "\n") + "\n"
    let pipe = Pipe()
    let launched = box.launch(["--format", "jsonl"], stdin: input, withStore: true, env: [:], stdoutPipe: pipe)
    let readFD = pipe.fileHandleForReading.fileDescriptor
    var received = Data()
    // Generous: the first answer waits for the seed index, and the suite runs tests in parallel
    // (this is a test of the exit, not of speed).
    let deadline = Date().addingTimeInterval(90)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(UInt8(ascii: "\n")) && Date() < deadline {
      var pfd = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
      if poll(&pfd, 1, 0) > 0 {
        let n = read(readFD, &buffer, buffer.count)
        if n <= 0 { break }
        received.append(contentsOf: buffer[0..<n])
      } else {
        try await Task.sleep(nanoseconds: 10_000_000)
      }
    }
    // Close every copy of the read end we hold: the writer now gets EPIPE/SIGPIPE.
    try pipe.fileHandleForReading.close()
    try? pipe.fileHandleForWriting.close()
    let firstLine = String(decoding: received, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    #expect(JSON.object(firstLine)?.int("index") == 1, "first line: \(firstLine)")

    let result = await launched.finish(within: 20)
    #expect(!result.timedOut, "byline kept running after its reader went away")
    #expect(!result.signaled && result.status == 0, "expected a quiet exit 0, got \(result.summary)")
    #expect(result.stderr.isEmpty, "stderr should stay quiet, got: \(result.stderr)")
  }

  @Test(arguments: ["text", "markdown"])
  func textOutputHasNoEscapesWhenNotATerminal(format: String) async throws {
    let input = "Who is leading Meta's next AI models?\nWhat is the capital of France?\n"
    // TERM says colour is possible, but stdout is a file: still no escapes.
    let result = await box.run(["--format", format], stdin: input, env: ["TERM": "xterm-256color"])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdout.contains("Wang"))
    #expect(result.stdout.contains("France"))
    #expect(!containsEscape(result.stdout), "escape sequences in \(format) output: \(result.stdout.debugDescription)")
    #expect(!containsEscape(result.stderr), "escape sequences on stderr: \(result.stderr.debugDescription)")
  }

  @Test func colorAlwaysIsHonouredEvenWhenNotATerminal() async throws {
    let result = await box.run(
      ["--format", "text", "--color", "always"], stdin: "Who is leading Meta's next AI models?\n")
    #expect(result.status == 0, "\(result.summary)")
    #expect(containsEscape(result.stdout), "--color always should colour the answer")
    let never = await box.run(
      ["--format", "text", "--color", "never"], stdin: "Who is leading Meta's next AI models?\n")
    #expect(!containsEscape(never.stdout))
  }
}
