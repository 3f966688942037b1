import Foundation
import Testing

@testable import BylineCore

@Suite("Backend settings and registry")
struct BackendSettingsTests {
  func configFile(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "byline-config-\(UUID().uuidString)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func flagsBeatTheEnvironmentWhichBeatsTheConfigFile() throws {
    let file = try configFile(
      "# mine\nbackend = openai\nmodel_url = \"http://10.0.0.1:9000/v1\"\nmodel = a\ntimeout = 5\n")
    defer { try? FileManager.default.removeItem(atPath: file) }
    let settings = try BackendSettings.resolve(
      flags: ["model": "c"], environment: ["BYLINE_MODEL_URL": "http://127.0.0.1:8081/v1/", "BYLINE_MODEL": "b"],
      configFile: file, promptsFallback: "P")
    #expect(settings.backend == "openai")
    #expect(settings.modelURL == "http://127.0.0.1:8081/v1")
    #expect(settings.model == "c")
    #expect(settings.timeout == 5)
    #expect(settings.origins["model"] == "--model")
    #expect(settings.origins["backend"] == file)
  }

  @Test func ollamaHostBecomesAV1URL() throws {
    let settings = try BackendSettings.resolve(
      flags: [:], environment: ["OLLAMA_HOST": "127.0.0.1:11434"], configFile: "/nonexistent", promptsFallback: "P")
    #expect(settings.modelURL == "http://127.0.0.1:11434/v1")
  }

  @Test func badSettingsAreErrorsThatNameThem() throws {
    let file = try configFile("colour = red\n")
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect(throws: BackendSettingsError.unknownKey(key: "colour", origin: file)) {
      try BackendSettings.resolve(flags: [:], environment: [:], configFile: file, promptsFallback: "P")
    }
    #expect(throws: BackendSettingsError.badValue(key: "model_url", value: "ftp://x", origin: "--model-url")) {
      try BackendSettings.resolve(
        flags: ["model_url": "ftp://x"], environment: [:], configFile: "/nonexistent", promptsFallback: "P")
    }
  }

  @Test func theRegistryMakesRulesAndRefusesUnknownNames() throws {
    let registry = BackendRegistry()
    var settings = BackendSettings()
    #expect(try registry.make(settings).name == "rules")
    settings.backend = "gpt"
    #expect(throws: BackendSettingsError.unknownBackend("gpt", known: ["rules"])) { try registry.make(settings) }
  }

  @Test func theEngineGivesBackendsTheRulesCitationsFirstNumberedFromOne() throws {
    let engine = SeedEngine.shared
    let (request, _) = try engine.request(for: "Who is leading Meta's new models?", in: Conversation())
    #expect(!request.rules.abstained)
    #expect(request.evidence.map(\.n) == Array(1...request.evidence.count))
    #expect(request.evidence.count <= BylineEngine.evidenceLimit)
    #expect(request.evidence.first?.quote == request.rules.citations.first?.quote)
  }
}
