// The progress line of a long update of the store: on a terminal only (a real pseudo-terminal),
// at most ten redraws a second, nothing with a pipe or JSON output; Ctrl-C stops indexing cleanly.
import Foundation
import Testing

@Suite("Progress while indexing", .serialized)
struct ProgressLineTests {
  /// A sandbox whose corpus holds `count` small synthetic articles (removed by `defer` in each test).
  static func corpus(_ count: Int) throws -> (Sandbox, URL) {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory() + "byline-progress-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let words = ["market", "council", "report", "river", "budget", "vote", "energy", "school", "harbour", "grant"]
    for i in 0..<count {
      var body = "Story number \(i)\n\nThe Example Times\n\n"
      for s in 0..<6 {
        body += "The \(words[(i + s) % 10]) plan of district \(i % 97) moved ahead on day \(s), officials said. "
      }
      try body.write(to: dir.appendingPathComponent(String(format: "a%05d.txt", i)), atomically: false, encoding: .utf8)
    }
    return (Sandbox(name: "progress", knowledge: dir), dir)
  }

  @Test func aTerminalShowsAThrottledProgressLine() async throws {
    let (box, dir) = try Self.corpus(5000)
    defer { try? FileManager.default.removeItem(at: dir) }
    let started = Date()
    let session = try PTYSession(box: box, arguments: ["index"])
    #expect(await session.waitForExit(timeout: 120) == 0)
    let elapsed = Date().timeIntervalSince(started)
    let raw = String(decoding: session.output, as: UTF8.self)
    #expect(raw.contains("indexing "), "no progress line: \(raw.suffix(400))")
    #expect(raw.contains("/5,000 files"), "\(raw.suffix(400))")
    #expect(raw.contains(" articles") && raw.contains("files/s") && raw.contains(" left"), "\(raw.suffix(400))")
    let redraws = raw.components(separatedBy: "\r\u{1B}[K").count - 1
    #expect(redraws >= 2, "\(raw.suffix(400))")
    #expect(Double(redraws) <= elapsed * 10 + 3, "\(redraws) redraws in \(elapsed) s")
    // The line is cleared before the summary.
    #expect(raw.contains("indexed 5000 file(s)"), "\(raw.suffix(400))")
  }

  @Test func aPipeOrJSONGetsNoProgressLine() async throws {
    let (box, dir) = try Self.corpus(1500)
    defer { try? FileManager.default.removeItem(at: dir) }
    let piped = await box.run(["index"], timeout: 120)
    #expect(piped.status == 0, "\(piped.summary)")
    #expect(!piped.stderr.contains("files/s") && !piped.stderr.contains("\r"), "\(piped.stderr)")
    let json = try PTYSession(box: box, arguments: ["index", "--rebuild", "--format", "json"])
    #expect(await json.waitForExit(timeout: 120) == 0)
    let raw = String(decoding: json.output, as: UTF8.self)
    #expect(!raw.contains("files/s"), "\(raw.suffix(400))")
  }

  @Test func ctrlCStopsIndexingCleanly() async throws {
    let (box, dir) = try Self.corpus(6000)
    defer { try? FileManager.default.removeItem(at: dir) }
    let session = try PTYSession(box: box, arguments: ["index"])
    try await session.expect("indexing ", timeout: 60)
    session.send(Keys.ctrlC)
    #expect(await session.waitForExit(timeout: 60) == 130)
    let raw = PTYSession.plain(session.output)
    #expect(raw.contains("indexing interrupted"), "\(raw.suffix(400))")
    // The store is whole: the next run indexes everything and answers.
    let again = await box.run(["index"], timeout: 120)
    #expect(again.status == 0, "\(again.summary)")
    #expect(again.stderr.contains("6000 article(s)"), "\(again.stderr)")
  }
}
