import BylineCore
import Foundation
import Testing

@testable import BylineModels

@Suite("Prompt templates")
struct PromptRendererTests {
  func folder(system: String, answer: String) throws -> String {
    let dir = NSTemporaryDirectory() + "byline-prompts-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try system.write(toFile: dir + "/system.mustache", atomically: true, encoding: .utf8)
    try answer.write(toFile: dir + "/answer.mustache", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func theProjectTemplatesRenderTheQuestionHistoryAndPassagesWithoutEscaping() throws {
    var request = Fixture.request
    request.history = [Turn(question: "Who leads it?", understood: "Who leads it?", answer: Fixture.rules)]
    let messages = try PromptRenderer(directory: Fixture.promptsDirectory).messages(for: request)
    #expect(messages.map(\.role) == ["system", "user"])
    #expect(messages[0].content.contains(PromptRenderer.abstainPhrase))
    let user = messages[1].content
    #expect(user.contains("Earlier question: Who leads it?"))
    #expect(user.contains("[1] SectorHQ, citing The-Decoder, \"Meta to Open-Source Upcoming AI Models\""), "\(user)")
    #expect(user.contains("Alexandr Wang's 2025 $15 billion"))
    #expect(!user.contains("&quot;") && !user.contains("&#39;"))
  }

  @Test func aVariableThatIsNotProvidedIsAnError() throws {
    let dir = try folder(
      system: "Be brief.", answer: "{{question}} {{#passages}}{{n}} {{publisher}}{{/passages}} {{mood}}")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let renderer = try PromptRenderer(directory: dir)
    #expect(throws: PromptError.missingVariable(template: "answer.mustache", names: ["publisher", "mood"])) {
      try renderer.messages(for: Fixture.request)
    }
  }

  @Test func aMissingTemplateIsAnErrorNamingIt() throws {
    #expect(throws: PromptError.missingTemplate("/nonexistent/system.mustache")) {
      try PromptRenderer(directory: "/nonexistent")
    }
  }
}
