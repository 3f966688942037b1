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

  /// CPU seconds (user + system) the process has used, from /proc/PID/stat.
  static func cpuSeconds(_ pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // After the name: state is field 3; utime and stime are fields 14 and 15.
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  @Test func waitingForASlowModelCostsNoCPU() async throws {
    let server = try ScriptedModelServer { .slow(8, then: .answer(ScriptedReplies.faithful($0))) }
    let launched = box.launch(
      ["ask", "--backend", "openai", "--model-url", server.baseURL, "--format", "json", Self.question],
      stdin: "", withStore: true, env: [:])
    let pid = launched.process.processIdentifier
    // Wait until the request is at the server, then measure four seconds of waiting.
    let deadline = Date().addingTimeInterval(30)
    while server.requests.isEmpty && launched.process.isRunning && Date() < deadline {
      try await Task.sleep(nanoseconds: 20_000_000)
    }
    try await Task.sleep(nanoseconds: 300_000_000)
    try #require(!server.requests.isEmpty && launched.process.isRunning, "byline never asked the model")
    let start = try #require(Self.cpuSeconds(pid))
    try await Task.sleep(nanoseconds: 4_000_000_000)
    let end = try #require(Self.cpuSeconds(pid))
    let result = await launched.finish(within: 30)
    #expect(result.status == 0, "\(result.summary)")
    #expect(end - start < 0.1, "waiting 4 s for the model cost \(end - start) s of CPU")
    #expect(JSON.object(result.stdout)?.string("backend")?.hasPrefix("openai:") == true, "\(result.stdout)")
  }
}
