import BylineCore
import Foundation
import ScriptedModelServer
import Testing

@testable import BylineModels

/// A request like the engine's for "How much was Wang's Scale AI deal worth?".
enum Fixture {
  static let evidence: [Citation] = [
    Citation(
      n: 1, id: "003_cd614558ed0673bd", title: "Meta to Open-Source Upcoming AI Models", outlet: "SectorHQ",
      date: "", quote: "The releases come after Alexandr Wang's 2025 $15 billion Scale AI deal, The-Decoder reports.",
      cites: ["The-Decoder"]),
    Citation(
      n: 2, id: "001_36827da89e547575", title: "Meta to open-source models", outlet: "Scout", date: "",
      quote: "Meta plans to release the models under an open-source license eventually.", cites: ["Axios"]),
  ]
  static let rules = Answer(
    question: "How much was the deal worth?", answer: "$15 billion, SectorHQ reports [1].", abstained: false,
    kind: .money, confidence: 0.9, citations: [evidence[0]])
  static let request = AnswerRequest(question: "How much was the deal worth?", evidence: evidence, rules: rules)

  static let promptsDirectory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Prompts").path
  }()

  static func backend(_ url: String, timeout: Double = 10) throws -> OpenAIBackend {
    var settings = BackendSettings()
    settings.backend = "openai"
    settings.modelURL = url
    settings.model = "scripted"
    settings.timeout = timeout
    settings.promptsDirectory = promptsDirectory
    return try OpenAIBackend(settings: settings)
  }

  /// A port nothing listens on: a server started and stopped.
  static func closedPortURL() throws -> String {
    let server = try ScriptedModelServer { _ in .answer("") }
    let url = server.baseURL
    server.stop()
    return url
  }
}

@Suite("The OpenAI-compatible backend against a scripted server on 127.0.0.1")
struct OpenAIBackendTests {
  @Test func aGoodAnswerIsShownWithTheModelNamedAndThePromptCarriesThePassages() throws {
    let server = try ScriptedModelServer { _ in .answer("The deal was worth $15 billion, SectorHQ reports [1].") }
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request, stream: nil)
    #expect(answer.backend == "openai:scripted")
    #expect(answer.answer == "The deal was worth $15 billion, SectorHQ reports [1].")
    #expect(answer.citations.map(\.id) == ["003_cd614558ed0673bd"])
    #expect(answer.fallbackReason == nil)
    let sent = try #require(server.requests.first)
    #expect(sent.path == "/v1/chat/completions")
    #expect(sent.json["model"] as? String == "scripted")
    let messages = sent.json["messages"] as? [[String: Any]] ?? []
    let user = messages.last?["content"] as? String ?? ""
    #expect(user.contains("[1] SectorHQ, citing The-Decoder"), "\(user)")
    #expect(user.contains("[2] Scout, citing Axios"))
    #expect(user.contains("Question: How much was the deal worth?"))
  }

  @Test func aCitationOfAPassageNeverGivenNeverReachesTheUser() throws {
    let server = try ScriptedModelServer { _ in .answer("Meta plans an open-source license eventually [2][5].") }
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request, stream: nil)
    #expect(!answer.answer.contains("[5]"), "\(answer.answer)")
    #expect(answer.citations.map(\.n) == [2])
    #expect(answer.note?.contains("passage 5") == true, "\(answer.note ?? "")")

    let only = try ScriptedModelServer { _ in .answer("The deal was worth $15 billion [4].") }
    let fallback = try Fixture.backend(only.baseURL).answer(Fixture.request, stream: nil)
    #expect(fallback.backend == "rules")
    #expect(fallback.answer == Fixture.rules.answer)
    #expect(fallback.fallbackReason?.contains("[4]") == true, "\(fallback.fallbackReason ?? "")")
  }

  @Test(arguments: [
    "Elena B. Bender, Meta's CEO, signed a $15 billion deal [1].",
    "The deal was worth $1.5 billion [1].",
  ])
  func anInventedNameOrAmountGivesTheRulesAnswerWithTheReason(reply: String) throws {
    let server = try ScriptedModelServer { _ in .answer(reply) }
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request, stream: nil)
    #expect(answer.backend == "rules")
    #expect(answer.answer == Fixture.rules.answer)
    let reason = try #require(answer.fallbackReason)
    #expect(reason.contains("rejected") && reason.contains("no passage it cites"), "\(reason)")
  }

  @Test func theAbstentionPhraseIsAnAbstention() throws {
    let server = try ScriptedModelServer { _ in .answer("The corpus does not answer this.") }
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request, stream: nil)
    #expect(answer.abstained)
    #expect(answer.citations.isEmpty)
    #expect(answer.backend == "openai:scripted")
  }

  @Test(arguments: [
    (ScriptedModelServer.Reply.raw(status: 500, contentType: "text/plain", body: "boom"), "HTTP 500"),
    (.raw(status: 200, contentType: "application/json", body: "{\"choices\": [ {\"mess"), "not JSON"),
    (.raw(status: 200, contentType: "application/json", body: "{\"result\": 1}"), "choices"),
  ])
  func aFailingServerGivesTheRulesAnswerAndSaysWhy(reply: ScriptedModelServer.Reply, expected: String) throws {
    let server = try ScriptedModelServer { _ in reply }
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request, stream: nil)
    #expect(answer.backend == "rules")
    #expect(answer.fallbackReason?.contains(expected) == true, "\(answer.fallbackReason ?? "nil")")
  }

  @Test func aSlowServerTimesOutAndIsNotAskedAgain() throws {
    let server = try ScriptedModelServer { _ in .slow(3, then: .answer("The deal was worth $15 billion [1].")) }
    let backend = try Fixture.backend(server.baseURL, timeout: 1)
    let answer = try backend.answer(Fixture.request, stream: nil)
    #expect(answer.fallbackReason?.contains("within 1 s") == true, "\(answer.fallbackReason ?? "nil")")
    let second = try backend.answer(Fixture.request, stream: nil)
    #expect(second.fallbackReason?.contains("was not asked") == true)
    #expect(server.requests.count == 1)
  }

  @Test func aServerThatIsDownGivesTheRulesAnswer() throws {
    let answer = try Fixture.backend(try Fixture.closedPortURL()).answer(Fixture.request, stream: nil)
    #expect(answer.backend == "rules")
    #expect(answer.fallbackReason?.contains("no model server answers") == true, "\(answer.fallbackReason ?? "nil")")
  }

  @Test func aStreamArrivesSentenceBySentenceAndOnlyCheckedSentencesAreLetThrough() throws {
    let server = try ScriptedModelServer { _ in
      .stream(
        ["The deal was worth ", "$15 billion [1]. ", "Meta plans an open-source ", "license eventually [2]."],
        delay: 0.05)
    }
    let shown = Pieces()
    let answer = try Fixture.backend(server.baseURL).answer(Fixture.request) { shown.add($0) }
    #expect(answer.backend == "openai:scripted")
    #expect(answer.answer == "The deal was worth $15 billion [1]. Meta plans an open-source license eventually [2].")
    #expect(shown.all.first == "The deal was worth $15 billion [1]. ")
    #expect(server.requests.first?.json["stream"] as? Bool == true)
  }

  @Test func cancellingStopsTheAnswerInProgress() throws {
    let server = try ScriptedModelServer { _ in .stream(Array(repeating: "word ", count: 100), delay: 0.1) }
    let backend = try Fixture.backend(server.baseURL)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { backend.cancel() }
    let started = Date()
    #expect(throws: CancellationError.self) { try backend.answer(Fixture.request) { _ in } }
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func statusSaysWhetherTheServerAnswers() throws {
    let server = try ScriptedModelServer { _ in .answer("") }
    let up = try Fixture.backend(server.baseURL).status()
    #expect(up.available && up.detail.contains("scripted"))
    let down = try Fixture.backend(try Fixture.closedPortURL()).status()
    #expect(!down.available)
  }
}

final class Pieces: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
