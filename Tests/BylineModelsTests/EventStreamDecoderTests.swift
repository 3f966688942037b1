import BylineCore
import Foundation
import ScriptedModelServer
import Testing

@testable import BylineModels

@Suite("Server-sent events and https")
struct EventStreamDecoderTests {
  @Test func eventsAreDecodedAcrossPiecesWhateverTheLineEnds() {
    var decoder = EventStreamDecoder()
    let wire = Array("data: one\r\n\r\n: a comment\nevent: x\ndata: two\ndata:three\r\r\nid: 4\ndata: [DONE]\n\n".utf8)
    var events: [String] = []
    for byte in wire { events += decoder.feed([byte]) }  // one byte a piece: the worst case
    events += decoder.finish()
    #expect(events == ["one", "two\nthree", "[DONE]"])
  }

  @Test func aLastDataLineWithoutItsNewlineStillCounts() {
    var decoder = EventStreamDecoder()
    #expect(decoder.feed(Array("data: a\n\ndata: b".utf8)) == ["a"])
    #expect(decoder.finish() == ["b"])
  }

  @Test func anHTTPSServerIsReachedWhenItsCAIsTrustedAndRefusedWhenNot() throws {
    let plain = try ScriptedModelServer { _ in .answer("The deal was worth $15 billion, SectorHQ reports [1].") }
    let tls = try TLSFrontend(backend: plain)
    var settings = BackendSettings()
    settings.backend = "openai"
    settings.modelURL = tls.baseURL
    settings.model = "scripted"
    settings.timeout = 10
    settings.promptsDirectory = Fixture.promptsDirectory
    let trusted = try OpenAIBackend(settings: settings, trust: ModelTrust(caFile: tls.certificateFile))
    let answer = try trusted.answer(Fixture.request, stream: nil)
    #expect(answer.backend == "openai:scripted", "\(answer.fallbackReason ?? "")")
    #expect(trusted.status().available)

    let untrusted = try OpenAIBackend(settings: settings)
    let fallback = try untrusted.answer(Fixture.request, stream: nil)
    #expect(fallback.backend == "rules")
    #expect(fallback.fallbackReason?.contains("not trusted") == true, "\(fallback.fallbackReason ?? "nil")")
  }

  @Test func aCAFileThatIsNotACertificateIsAConfigurationError() throws {
    var settings = BackendSettings()
    settings.modelURL = "https://127.0.0.1:9/v1"
    settings.promptsDirectory = Fixture.promptsDirectory
    #expect(throws: ModelTrustError.unreadableCAFile("/nowhere/ca.pem")) {
      try OpenAIBackend(settings: settings, trust: ModelTrust(caFile: "/nowhere/ca.pem"))
    }
  }
}
