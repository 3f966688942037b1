// Changes to the corpus folder are picked up on the next run, without `byline index`;
// bad files are skipped with a warning naming them while the rest of the corpus stays usable.
import Foundation
import Testing

@Suite("Corpus changes between runs")
struct CorpusChangeTests {
  /// Every test gets its own copy of the seeds and its own store.
  let box = Sandbox(name: "corpus", copySeeds: true)

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: box.knowledge.appendingPathComponent(name))
  }

  func articleIDs() async throws -> [String: [String: Any]] {
    let result = await box.run(["articles", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    let articles = try #require(JSON.array(result.stdout), "not a JSON array: \(result.stdout)")
    return Dictionary(articles.map { ($0.string("id") ?? "", $0) }, uniquingKeysWith: { a, _ in a })
  }

  func searchIDs(_ query: String) async throws -> [String] {
    let result = await box.run(["search", query, "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    return try #require(JSON.array(result.stdout), "not a JSON array: \(result.stdout)").compactMap { $0.string("id") }
  }

  static let zebra = """
    ---
    title: Zebra Crossings Glow in Quokkaville
    outlet: The Quokka Gazette
    date: 2025-03-14
    ---
    # Council vote

    The city council of Quokkaville approved fluorescent zebra crossings on Tuesday, the mayor said.

    Work starts in May and will cost about $2 million, according to the council's budget office.
    """

  @Test func newArticleAppearsOnTheNextRunWithoutIndex() async throws {
    let before = try await articleIDs()
    #expect(Set(before.keys) == Set(Byline.seedIDs))

    try write("zebra.md", Self.zebra)
    let after = try await articleIDs()
    #expect(after.count == 6, "ids: \(after.keys.sorted())")
    let zebra = try #require(after.values.first { $0.string("title") == "Zebra Crossings Glow in Quokkaville" })
    #expect(zebra.string("outlet") == "The Quokka Gazette")
    #expect(zebra.string("date")?.hasPrefix("2025-03-14") == true, "\(zebra)")
    // The front matter is metadata, not text.
    let hits = await box.run(["search", "fluorescent", "--format", "json"])
    let passages = try #require(JSON.array(hits.stdout))
    #expect(!passages.isEmpty)
    #expect(passages.allSatisfy { !($0.string("text") ?? "").contains("outlet:") })
    #expect(passages.first?.string("outlet") == "The Quokka Gazette")

    let ask = await box.run(["ask", "When did the council approve fluorescent zebra crossings?", "--format", "json"])
    let answer = try #require(JSON.object(ask.stdout), "\(ask.summary)")
    #expect(answer.bool("abstained") == false, "\(answer)")
    #expect(answer.string("answer")?.contains("Tuesday") == true, "\(answer)")
    #expect(answer.objects("citations")?.first?.string("outlet") == "The Quokka Gazette")
  }

  @Test func changedContentChangesThePassages() async throws {
    try write("zebra.md", Self.zebra)
    #expect(try await searchIDs("fluorescent").count == 1)
    #expect(try await searchIDs("phosphorescent").isEmpty)

    try write("zebra.md", Self.zebra.replacingOccurrences(of: "fluorescent", with: "phosphorescent"))
    #expect(try await searchIDs("phosphorescent").count == 1, "the new wording is not searchable")
    #expect(try await searchIDs("fluorescent").isEmpty, "the old wording is still indexed")

    // Editing a seed's body works the same way.
    let seed = box.knowledge.appendingPathComponent("001_36827da89e547575.txt")
    let text = try String(contentsOf: seed, encoding: .utf8)
    let edited = text.replacingOccurrences(
      of: "more experimentation freedom", with: "more experimentation freedom, codenamed Bumblewhistle")
    try #require(edited != text, "the seed no longer holds the sentence this test edits")
    try Data(edited.utf8).write(to: seed)
    #expect(try await searchIDs("Bumblewhistle") == ["001_36827da89e547575"])
  }

  @Test func removedFileDisappears() async throws {
    try FileManager.default.removeItem(at: box.knowledge.appendingPathComponent("003_cd614558ed0673bd.txt"))
    let after = try await articleIDs()
    #expect(Set(after.keys) == Set(Byline.seedIDs).subtracting(["003_cd614558ed0673bd"]))
    #expect(!(try await searchIDs("Scale AI")).contains("003_cd614558ed0673bd"))
  }

  @Test func removalAfterIndexingDisappearsToo() async throws {
    // Index first, then remove: the stored passages must go as well.
    #expect((try await articleIDs()).count == 5)
    try FileManager.default.removeItem(at: box.knowledge.appendingPathComponent("000_0270aeca28a1971a.txt"))
    let after = try await articleIDs()
    #expect(after["000_0270aeca28a1971a"] == nil)
    #expect(!(try await searchIDs("Alexandr Wang")).contains("000_0270aeca28a1971a"))
  }

  @Test func badFilesAreSkippedWithAWarningNamingThem() async throws {
    let dir = box.knowledge
    try Data().write(to: dir.appendingPathComponent("empty.md"))
    try Data([0x61, 0x62, 0x00, 0x00, 0x01, 0x02, 0x63, 0x00]).write(to: dir.appendingPathComponent("binary.txt"))
    try (Data("Title\n\nSome text ".utf8) + Data([0xFF, 0xFE, 0xC3, 0x28, 0x0A]))
      .write(to: dir.appendingPathComponent("invalid-utf8.txt"))
    try write("broken-front-matter.md", "---\ntitle: [unclosed\noutlet: \"x\n\nBody text about llamas.\n")
    // A 5 MB single line: not bad, just big; it must be indexed.
    var big = "Huge single line report. "
    let filler = "alpha beta gamma delta walrus tangerine "
    big.reserveCapacity(5_300_000)
    while big.utf8.count < 5_000_000 { big += filler }
    big += "zanzibarword ends the line."
    try write("huge.txt", big)

    let result = await box.run(["articles", "--format", "json"], timeout: 60)
    #expect(result.status == 0, "\(result.summary)")
    for name in ["empty.md", "binary.txt", "invalid-utf8.txt", "broken-front-matter.md"] {
      #expect(
        result.stderr.split(separator: "\n").contains { $0.contains(name) },
        "no warning naming \(name); stderr: \(result.stderr)")
    }
    #expect(!result.stderr.contains("huge.txt"), "the big file is valid: \(result.stderr)")
    #expect(!containsEscape(result.stderr), "no colour on a non-terminal stderr")
    let articles = try #require(JSON.array(result.stdout), "stdout is not JSON: \(result.stdout.prefix(300))")
    let ids = Set(articles.compactMap { $0.string("id") })
    #expect(ids.isSuperset(of: Byline.seedIDs), "seeds missing: \(ids.sorted())")
    #expect(ids.contains("huge"), "the 5 MB file should be indexed: \(ids.sorted())")
    #expect(ids.count == 6, "bad files must not become articles: \(ids.sorted())")

    #expect(try await searchIDs("zanzibarword") == ["huge"])
    #expect(try await searchIDs("Scale AI").count >= 3)
  }

  @Test func hugeSingleLineFileStaysQuickToSearchAndAsk() async throws {
    var big = "Huge single line report. "
    while big.utf8.count < 5_000_000 { big += "alpha beta gamma delta walrus tangerine " }
    big += "zanzibarword ends the line."
    try write("huge.txt", big)
    let index = await box.run(["index"], timeout: 60)
    #expect(index.status == 0, "\(index.summary)")

    let search = await box.run(["search", "zanzibarword", "--format", "json"])
    #expect(search.status == 0, "\(search.summary)")
    let hits = try #require(JSON.array(search.stdout))
    #expect(hits.first?.string("id") == "huge")
    // A passage is a passage, not the whole 5 MB file.
    let longest = hits.map { ($0.string("text") ?? "").utf8.count }.max() ?? 0
    #expect(longest < 100_000, "a search hit carries \(longest) bytes of text")

    let ask = await box.run(["ask", "What ends the line with zanzibarword?", "--format", "json"], timeout: 20)
    #expect(!ask.timedOut, "ask over a 5 MB line took more than 20 s")
    #expect(ask.status == 0, "\(ask.summary)")
  }

  @Test func explicitIndexRebuildKeepsTheCorpus() async throws {
    let first = await box.run(["index"])
    #expect(first.status == 0, "\(first.summary)")
    let rebuild = await box.run(["index", "--rebuild"])
    #expect(rebuild.status == 0, "\(rebuild.summary)")
    #expect(Set(try await articleIDs().keys) == Set(Byline.seedIDs))
  }
}
