import Testing

@testable import BylineCore

@Suite struct ConversationTests {
  let engine = SeedEngine.shared

  @Test func pronounsTakeThePersonFromTheLastAnswer() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who wrote that open-source AI was the path forward?", in: conversation)
    let (answer, _) = try engine.answer("When did he write it?", in: conversation)
    #expect(answer.understoodAs?.contains("Mark Zuckerberg") == true)
    #expect(answer.note?.contains("Mark Zuckerberg") == true)
    #expect(answer.answer.lowercased().contains("july 2024"))
  }

  @Test func ellipticalTurnsReuseTheTopic() throws {
    let conversation = Conversation()
    _ = try engine.answer("What did SiliconANGLE call the strategy?", in: conversation)
    let (why, _) = try engine.answer("Why?", in: conversation)
    #expect(!why.abstained)
    #expect(why.kind == .reason)
    #expect(why.citations.contains { $0.id.hasPrefix("003") })
  }

  @Test func anotherPersonStandsInForTheEarlierPerson() throws {
    let conversation = Conversation()
    _ = try engine.answer("What did Mark Zuckerberg say about open-source AI?", in: conversation)
    // The rewritten question holds every earlier word but the name it replaced: the earlier
    // question is no context, or its name would be missing from every sentence about Wang.
    let resolution = try #require(conversation.resolve("And Alexandr Wang?", analyzer: QuestionAnalyzer()))
    #expect(resolution.contextWeight == 0)
    let (answer, _) = try engine.answer("And Alexandr Wang?", in: conversation)
    #expect(answer.understoodAs == "What did Alexandr Wang say about open-source AI?")
  }

  @Test func selfContainedQuestionsAreNeverRewritten() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who is leading Meta's next AI models?", in: conversation)
    let (answer, _) = try engine.answer("When did Meta launch Llama 2?", in: conversation)
    #expect(answer.understoodAs == nil)
    #expect(answer.answer.contains("July 2023"))
  }

  @Test func resetForgetsEarlierTurns() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who wrote that open-source AI was the path forward?", in: conversation)
    conversation.reset()
    let (answer, _) = try engine.answer("When did he write it?", in: conversation)
    #expect(answer.understoodAs == nil)
  }
}
