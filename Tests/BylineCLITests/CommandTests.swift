// The subcommands: articles, search, ask; their JSON schemas and exit codes.
import Foundation
import Testing

@Suite("Subcommands, JSON output and exit codes")
struct CommandTests {
  let box = Byline.sharedSandbox

  @Test func articlesListsTheFiveSeedsWithTheirOutlets() async throws {
    let result = await box.run(["articles", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    let articles = try #require(JSON.array(result.stdout), "not a JSON array: \(result.stdout)")
    let ids = articles.compactMap { $0.string("id") }
    #expect(ids.sorted() == Byline.seedIDs, "ids: \(ids)")
    let outlets = Set(articles.compactMap { $0.string("outlet") }.filter { !$0.isEmpty })
    #expect(outlets == ["Morning Overview", "Scout", "SectorHQ"], "outlets: \(outlets)")
    for article in articles {
      #expect(!(article.string("title") ?? "").isEmpty, "article without a title: \(article)")
      #expect((article.int("passages") ?? 0) > 0, "article without passages: \(article)")
    }
    let byID = Dictionary(uniqueKeysWithValues: articles.map { ($0.string("id") ?? "", $0) })
    #expect(byID["000_0270aeca28a1971a"]?.string("outlet") == "Morning Overview")
    #expect(byID["001_36827da89e547575"]?.string("outlet") == "Scout")
    #expect(byID["003_cd614558ed0673bd"]?.string("outlet") == "SectorHQ")
    #expect(byID["000_0270aeca28a1971a"]?.string("title")?.hasPrefix("Report: Meta plans") == true)
  }

  @Test func articlesTextListsEveryID() async throws {
    let result = await box.run(["articles"])
    #expect(result.status == 0, "\(result.summary)")
    for id in Byline.seedIDs { #expect(result.stdout.contains(id)) }
  }

  @Test func searchFindsScaleAIAcrossSeveralArticles() async throws {
    let result = await box.run(["search", "Scale AI", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    let hits = try #require(JSON.array(result.stdout), "not a JSON array: \(result.stdout)")
    let ids = Set(hits.compactMap { $0.string("id") })
    #expect(ids.count >= 3, "passages from only \(ids.sorted())")
    for hit in hits {
      for key in ["id", "outlet", "title", "text", "snippet", "score", "cites", "heading"] {
        #expect(hit[key] != nil, "search hit lacks \(key): \(hit)")
      }
      #expect(hit["cites"] is [Any])
      #expect(hit.string("text")?.localizedCaseInsensitiveContains("Scal") == true, "\(hit)")
    }
    // The exact phrase ranks first.
    #expect(hits.first?.string("text")?.contains("Scale AI") == true, "\(hits.first ?? [:])")
  }

  @Test func searchLimitIsHonoured() async throws {
    let result = await box.run(["search", "Meta", "--limit", "2", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    let hits = try #require(JSON.array(result.stdout))
    #expect(hits.count == 2)
  }

  @Test(arguments: [
    "\"", "\"\"", "*", "NEAR(", "NEAR(a b, 2)", "AND OR NOT", "-", "-Meta", ":", "title:Meta", "^", "^Meta",
    "(((", ")", "\"unbalanced", "'; DROP TABLE passage; --", "Scale AI OR", "{", "[", "\\", "%", "a*b", "NOT",
    "passage MATCH 'x'", "😀 émoji ∑", "AND",
  ])
  func hostileSearchQueriesExitZeroWithValidJSON(query: String) async throws {
    // A query that starts with "-" needs "--" so it is not read as an option.
    let args =
      query.hasPrefix("-") && query != "-"
      ? ["search", "--format", "json", "--", query] : ["search", query, "--format", "json"]
    let result = await box.run(args)
    #expect(result.status == 0, "query \(query.debugDescription): \(result.summary)")
    #expect(JSON.array(result.stdout) != nil, "query \(query.debugDescription) gave: \(result.stdout)")
    #expect(!result.stderr.localizedCaseInsensitiveContains("syntax error"), "\(result.stderr)")
  }

  @Test func storeSurvivesInjectionAttempt() async throws {
    let box = Sandbox(name: "inject")
    _ = await box.run(["search", "'; DROP TABLE passage; --", "--format", "json"])
    _ = await box.run(["ask", "'); DELETE FROM article; --", "--format", "json"])
    let result = await box.run(["search", "Scale AI", "--format", "json"])
    #expect((JSON.array(result.stdout) ?? []).count > 0, "the store lost its passages: \(result.summary)")
  }

  @Test(arguments: ["", "   "])
  func askWithoutAQuestionIsBadUsage(question: String) async throws {
    let result = await box.run(["ask", question])
    #expect(result.status == 64, "\(result.summary)")
    #expect(!result.stderr.isEmpty, "a usage error should say what is wrong")
    #expect(result.stdout.isEmpty)
  }

  @Test func queryStartingWithDashWithoutSeparatorIsBadUsageNotACrash() async throws {
    let result = await box.run(["search", "-Meta", "--format", "json"])
    #expect(result.status == 64, "\(result.summary)")
  }

  @Test func unknownOptionIsBadUsage() async throws {
    let result = await box.run(["ask", "Who?", "--no-such-option"])
    #expect(result.status == 64, "\(result.summary)")
  }

  @Test(arguments: [["articles"], ["ask", "Who is leading Meta?"], ["search", "Meta"]])
  func missingCorpusFolderExits66NamingThePath(args: [String]) async throws {
    let missing = box.root.appendingPathComponent("nonexistent-corpus").path
    let result = await box.run(
      [args[0], "--store", box.store.path, "--knowledge", missing] + args.dropFirst(), withStore: false)
    #expect(result.status == 66, "\(result.summary)")
    #expect(result.stderr.contains(missing), "the message should name \(missing): \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func unwritableStoreIsAnIOError() async throws {
    let box = Sandbox(name: "io")
    // The store's folder is a regular file, so the store cannot be created.
    let blocker = box.root.appendingPathComponent("blocker")
    FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
    let result = await box.run(
      ["articles", "--store", blocker.appendingPathComponent("store.sqlite").path, "--knowledge", box.knowledge.path],
      withStore: false)
    #expect(result.status == 74, "\(result.summary)")
    #expect(!result.stderr.isEmpty)
  }

  @Test func askJSONHasTheDocumentedKeys() async throws {
    let result = await box.run(["ask", "Who is leading Meta's next AI models?", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    let answer = try #require(JSON.object(result.stdout), "not a JSON object: \(result.stdout)")
    for key in ["question", "answer", "abstained", "kind", "confidence", "citations", "backend", "elapsed_ms"] {
      #expect(answer[key] != nil, "ask --format json lacks \(key)")
    }
    #expect(answer.bool("abstained") == false)
    #expect(answer.string("answer")?.contains("Alexandr Wang") == true)
    let citations = try #require(answer.objects("citations"))
    #expect(!citations.isEmpty)
    for (offset, citation) in citations.enumerated() {
      for key in ["n", "id", "title", "outlet", "date", "quote", "cites"] {
        #expect(citation[key] != nil, "citation lacks \(key): \(citation)")
      }
      #expect(citation.int("n") == offset + 1)
      #expect(Byline.seedIDs.contains(citation.string("id") ?? ""))
      // Every [n] marker in the answer refers to a listed citation.
      #expect(!(citation.string("quote") ?? "").isEmpty)
    }
    let answerText = answer.string("answer") ?? ""
    for n in 1...(citations.count + 3) where answerText.contains("[\(n)]") {
      #expect(n <= citations.count, "answer cites [\(n)] but has \(citations.count) citations")
    }
  }

  @Test func abstentionIsSuccessWithEmptyCitations() async throws {
    let result = await box.run(["ask", "What is the capital of France?", "--format", "json"])
    #expect(result.status == 0, "an abstention is a success: \(result.summary)")
    let answer = try #require(JSON.object(result.stdout), "not a JSON object: \(result.stdout)")
    #expect(answer.bool("abstained") == true)
    #expect(answer.objects("citations")?.isEmpty == true)
    #expect(!(answer.string("answer") ?? "").isEmpty, "an abstention still explains itself")
  }

  @Test func askJSONLIsOneLine() async throws {
    let result = await box.run(["ask", "How much was the Scale AI deal?", "--format", "jsonl"])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stdoutLines.count == 1)
    let answer = try #require(JSON.object(result.stdout))
    #expect(answer.string("answer")?.contains("15 billion") == true, "\(answer)")
  }
}
