import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 that plays scripted replies, standing in for a model
/// server (llama.cpp, Ollama) in tests. Each connection gets the reply the script gives for
/// its request, then is closed.
public final class ScriptedModelServer: @unchecked Sendable {
  /// One request the server received.
  public struct Request: Sendable {
    /// "POST", "GET".
    public var method: String
    /// "/v1/chat/completions".
    public var path: String
    /// The body as text.
    public var body: String

    /// The body parsed as a JSON object.
    public var json: [String: Any] {
      (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:]
    }
  }

  /// What to send back.
  public enum Reply: Sendable {
    /// A chat-completions JSON reply whose message is `text`.
    case answer(String)
    /// Any status, content type and body.
    case raw(status: Int, contentType: String, body: String)
    /// Server-sent events: each piece of text as one `data:` event, `delay` seconds apart.
    case stream([String], delay: Double)
    /// Wait `seconds`, then send `then`.
    indirect case slow(Double, then: Reply)
  }

  /// The port it listens on.
  public let port: Int
  /// The base URL a client should use.
  public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

  private let listener: Int32
  private let script: @Sendable (Request) -> Reply
  private let lock = NSLock()
  private var received: [Request] = []
  private var stopped = false

  /// Starts a server on a free port that answers each request with `script(request)`.
  /// `GET /v1/models` lists one model, "scripted", unless the script says otherwise.
  public init(script: @escaping @Sendable (Request) -> Reply) throws {
    self.script = script
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  deinit { stop() }

  /// The requests received so far.
  public var requests: [Request] { lock.withLock { received } }

  /// Stops listening.
  public func stop() {
    let first = lock.withLock {
      defer { stopped = true }
      return !stopped
    }
    // Only shut down: the accept loop closes the descriptor when accept fails, so the number
    // cannot be reused by another server's socket while that loop still accepts on it.
    if first { shutdown(listener, Int32(SHUT_RDWR)) }
  }

  private func acceptLoop() {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR && !lock.withLock({ stopped }) { continue }
        close(listener)
        return
      }
      if lock.withLock({ stopped }) {
        close(client)
        close(listener)
        return
      }
      Thread.detachNewThread { [self] in serve(client) }
    }
  }

  private func serve(_ fd: Int32) {
    defer { close(fd) }
    guard let request = readRequest(fd) else { return }
    lock.withLock { received.append(request) }
    var reply: Reply
    if request.method == "GET" && request.path.hasSuffix("/models") {
      reply = .raw(status: 200, contentType: "application/json", body: #"{"object":"list","data":[{"id":"scripted"}]}"#)
    } else {
      reply = script(request)
    }
    while case .slow(let seconds, let then) = reply {
      usleep(UInt32(seconds * 1_000_000))
      reply = then
    }
    switch reply {
    case .answer(let text):
      let body = Self.completionJSON(text)
      send(fd, head(200, "application/json", length: body.utf8.count) + body)
    case .raw(let status, let type, let body):
      send(fd, head(status, type, length: body.utf8.count) + body)
    case .stream(let pieces, let delay):
      send(fd, head(200, "text/event-stream", length: nil))
      for piece in pieces {
        let chunk: [String: Any] = ["choices": [["index": 0, "delta": ["content": piece]]]]
        let data = try! JSONSerialization.data(withJSONObject: chunk)
        send(fd, "data: " + String(decoding: data, as: UTF8.self) + "\n\n")
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
      }
      send(fd, "data: [DONE]\n\n")
    case .slow: break
    }
  }

  /// A chat-completions reply body with `text` as the assistant's message.
  public static func completionJSON(_ text: String) -> String {
    let object: [String: Any] = [
      "id": "chatcmpl-1", "object": "chat.completion", "model": "scripted",
      "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": text]]],
    ]
    let data = try! JSONSerialization.data(withJSONObject: object)
    return String(decoding: data, as: UTF8.self)
  }

  private func head(_ status: Int, _ type: String, length: Int?) -> String {
    var h = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Error")\r\nContent-Type: \(type)\r\nConnection: close\r\n"
    if let length { h += "Content-Length: \(length)\r\n" }
    return h + "\r\n"
  }

  private func send(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { return }
      offset += n
    }
  }

  private func readRequest(_ fd: Int32) -> Request? {
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 8192)
    var headerEnd: Int?
    var contentLength = 0
    while true {
      let n = read(fd, &buffer, buffer.count)
      if n <= 0 { return nil }
      data += buffer[0..<n]
      if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: data) {
        headerEnd = end + 4
        let head = String(decoding: data[0..<end], as: UTF8.self)
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
          contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
      }
      if let headerEnd, data.count >= headerEnd + contentLength {
        let head = String(decoding: data[0..<headerEnd], as: UTF8.self)
        let first = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        return Request(
          method: first.count > 0 ? String(first[0]) : "", path: first.count > 1 ? String(first[1]) : "",
          body: String(decoding: data[headerEnd..<(headerEnd + contentLength)], as: UTF8.self))
      }
    }
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
      return i
    }
    return nil
  }
}
