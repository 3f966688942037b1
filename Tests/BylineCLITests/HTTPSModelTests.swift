// The model client on AsyncHTTPClient through the binary: an https model server (a real TLS
// server on 127.0.0.1 with a self-signed certificate), trusted by option or environment, a
// fallback to rules with the reason when it is not; no CPU spent while a slow model thinks.
import Foundation
import ScriptedModelServer
import Testing

@Suite("https model servers and idle waiting")
struct HTTPSModelTests {
  let box = Byline.sharedSandbox
  static let question = "How much was the Scale AI deal worth?"

  func servers() throws -> (ScriptedModelServer, TLSFrontend) {
    let plain = try ScriptedModelServer { .answer(ScriptedReplies.faithful($0)) }
    return (plain, try TLSFrontend(backend: plain))
  }

  @Test func aTrustedHTTPSServerAnswers() async throws {
    let (plain, tls) = try servers()
    let byOption = await box.run([
      "ask", "--backend", "openai", "--model-url", tls.baseURL, "--model-ca", tls.certificateFile, "--format", "json",
      Self.question,
    ])
    #expect(byOption.status == 0, "\(byOption.summary)")
    let answer = try #require(JSON.object(byOption.stdout), "\(byOption.stdout)")
    #expect(answer.string("backend")?.hasPrefix("openai:") == true, "\(answer) \(byOption.stderr)")
    #expect(answer["fallback_reason"] == nil, "\(answer)")
    #expect(plain.requests.contains { $0.path == "/v1/chat/completions" })

    let byEnvironment = await box.run(
      ["ask", "--backend", "openai", "--model-url", tls.baseURL, "--format", "json", Self.question],
      env: ["BYLINE_CA_FILE": tls.certificateFile])
    #expect(
      JSON.object(byEnvironment.stdout)?.string("backend")?.hasPrefix("openai:") == true, "\(byEnvironment.summary)")
    let status = await box.run(
      ["backends", "--backend", "openai", "--model-url", tls.baseURL, "--model-ca", tls.certificateFile])
    #expect(status.status == 0 && status.stdout.contains("scripted"), "\(status.summary)")
  }

  @Test func anUntrustedCertificateFallsBackToRulesWithTheReason() async throws {
    let (plain, tls) = try servers()
    let result = await box.run([
      "ask", "--backend", "openai", "--model-url", tls.baseURL, "--format", "json", Self.question,
    ])
    #expect(result.status == 0, "\(result.summary)")
    #expect(result.stderr.contains("not trusted") && result.stderr.contains("answered by rules"), "\(result.stderr)")
    #expect(JSON.object(result.stdout)?.string("backend") == "rules")
    #expect(!plain.requests.contains { $0.path == "/v1/chat/completions" }, "nothing passes an untrusted TLS handshake")
  }

  @Test func aCAFileThatIsNotPEMExits78() async throws {
    let bad = box.root.appendingPathComponent("not-a-cert-\(UUID().uuidString).pem")
    try "not a certificate".write(to: bad, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: bad) }
    let result = await box.run([
      "ask", "--backend", "openai", "--model-url", "https://127.0.0.1:9/v1", "--model-ca", bad.path, Self.question,
    ])
    #expect(result.status == 78 && result.stderr.contains(bad.lastPathComponent), "\(result.summary)")
  }

  /// The CPU seconds (user + system) one run of `byline ask` against a model that answers after
  /// `delay` seconds costs, as bash's `times` reports for its child.
  func cpuOfAnAnswer(delay: Double) async throws -> (cpu: Double, result: RunResult) {
    let server = try ScriptedModelServer { request in
      let reply = ScriptedModelServer.Reply.answer(ScriptedReplies.faithful(request))
      return delay > 0 ? .slow(delay, then: reply) : reply
    }
    let result = await box.run(
      [
        "-c", "\"$0\" \"$@\" > /dev/null 2>&1; echo \"status $?\"; times", Byline.binary.path, "ask",
        "--store", box.store.path, "--knowledge", box.knowledge.path, "--backend", "openai", "--model-url",
        server.baseURL, Self.question,
      ], stdinData: Data(), withStore: false, timeout: 60, executable: URL(fileURLWithPath: "/bin/bash"))
    // `times` prints the shell's own times, then its children's: "0m0.040s 0m0.010s".
    let lines = result.stdoutLines
    let seconds = (lines.last ?? "").split(separator: " ").compactMap { field -> Double? in
      let parts = field.dropLast().split(separator: "m")
      guard parts.count == 2, let m = Double(parts[0]), let s = Double(parts[1]) else { return nil }
      return m * 60 + s
    }
    #expect(lines.first == "status 0" && seconds.count == 2, "\(result.summary) \(result.stdout)")
    #expect(server.requests.contains { $0.path == "/v1/chat/completions" }, "the model was not asked")
    return (seconds.reduce(0, +), result)
  }

  @Test func waitingSixSecondsForASlowModelCostsUnderAFifthOfASecondOfCPU() async throws {
    let (slow, _) = try await cpuOfAnAnswer(delay: 6)
    let (fast, _) = try await cpuOfAnAnswer(delay: 0)
    #expect(slow - fast < 0.2, "a 6 s wait cost \(slow) s of CPU, an immediate answer \(fast) s")
  }
}
