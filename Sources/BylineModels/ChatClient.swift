import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client of the OpenAI chat-completions API (`POST {base}/chat/completions`), which
/// llama.cpp's server, Ollama's `/v1`, LM Studio and vLLM all serve, over http or https.
///
/// Requests go through AsyncHTTPClient (SwiftNIO on epoll: a thread waiting for a slow model
/// costs no CPU). Calls block the calling thread until the answer is complete, the time limit
/// passes, or ``cancel()`` is called.
public final class ChatClient: @unchecked Sendable {
  /// The base URL, up to and including `/v1`.
  public let baseURL: String
  /// The model name sent with each request.
  public let model: String
  /// The bearer token, when the server wants one.
  public let apiKey: String?
  /// Seconds to wait for a whole answer.
  public let timeout: Double
  /// The certificate authorities an https server's certificate may come from.
  public let trust: ModelTrust

  private let lock = NSLock()
  private var cancelled = false
  private var inFlight: HTTPClient.Task<Reply>?

  /// Creates a client.
  public init(
    baseURL: String, model: String, apiKey: String? = nil, timeout: Double = 60, trust: ModelTrust = ModelTrust()
  ) {
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    self.baseURL = base
    self.model = model
    self.apiKey = apiKey
    self.timeout = timeout
    self.trust = trust
  }

  /// Sends `messages` and returns the reply's text. With `onDelta`, asks for a stream of
  /// server-sent events and passes each piece of text on as it arrives.
  ///
  /// - Throws: ``ModelError`` when the server is unreachable, slow, failing or unintelligible;
  ///   `CancellationError` after ``cancel()``.
  public func complete(
    _ messages: [ChatMessage], maxTokens: Int = 320, onDelta: (@Sendable (String) -> Void)? = nil
  ) throws -> String {
    let body = CompletionRequest(
      model: model, messages: messages, stream: onDelta != nil, temperature: 0, maxTokens: maxTokens)
    var request = try makeRequest(path: "/chat/completions")
    request.method = "POST"
    request.headers.append(("Content-Type", "application/json"))
    request.headers.append(("Accept", onDelta == nil ? "application/json" : "text/event-stream"))
    request.body = try JSONEncoder().encode(body)
    let reply = try send(request, onDelta: onDelta)
    return try reply.text()
  }

  /// The model names the server lists (`GET {base}/models`).
  public func models() throws -> [String] {
    let reply = try send(try makeRequest(path: "/models"), onDelta: nil)
    guard reply.status == 200 else { throw ModelError.http(status: reply.status, body: reply.bodyText) }
    guard let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
      let data = object["data"] as? [[String: Any]]
    else { throw ModelError.malformed("GET /models did not return a model list") }
    return data.compactMap { $0["id"] as? String }
  }

  /// Stops the request in progress; the blocked call throws `CancellationError`.
  public func cancel() {
    lock.withLock {
      cancelled = true
      inFlight?.cancel()
    }
  }

  /// One request: a method, a path under the base URL, headers and a body.
  struct Request: Sendable {
    var method = "GET"
    var path: String
    var headers: [(String, String)] = []
    var body = Data()
  }

  private func makeRequest(path: String) throws -> Request {
    var request = Request(path: path)
    if let apiKey, !apiKey.isEmpty { request.headers.append(("Authorization", "Bearer \(apiKey)")) }
    return request
  }

  /// Runs `request` on AsyncHTTPClient and blocks until it ends. The exchange runs on NIO's
  /// event loops (a response delegate gets the body as it arrives), never on the Swift
  /// concurrency pool, so a caller that blocks a pool thread cannot starve it.
  private func send(_ request: Request, onDelta: (@Sendable (String) -> Void)?) throws -> Reply {
    guard let url = URL(string: baseURL + request.path), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", url.host != nil
    else {
      throw ModelError.unreachable(url: baseURL, reason: "not an http:// or https:// URL")
    }
    let client = try ModelHTTPClients.client(for: trust)
    var headers = HTTPHeaders()
    for (name, value) in request.headers { headers.add(name: name, value: value) }
    let http: HTTPClient.Request
    do {
      http = try HTTPClient.Request(
        url: url, method: HTTPMethod(rawValue: request.method), headers: headers,
        body: request.body.isEmpty ? nil : .bytes(request.body))
    } catch {
      throw ModelError.unreachable(url: baseURL, reason: ModelHTTPClients.describe(error))
    }
    let delegate = ReplyDelegate(collector: ReplyCollector(onDelta: onDelta))
    let task = client.execute(
      request: http, delegate: delegate, deadline: .now() + .milliseconds(Int64((timeout * 1000).rounded())))
    lock.withLock {
      cancelled = false  // a Ctrl-C from an earlier answer does not carry over
      inFlight = task
    }
    defer { lock.withLock { inFlight = nil } }
    do {
      return try task.futureResult.wait()
    } catch {
      if lock.withLock({ cancelled }) { throw CancellationError() }
      if let error = error as? ModelError { throw error }
      if let http = error as? HTTPClientError, http == .deadlineExceeded {
        throw ModelError.timedOut(url: baseURL, seconds: timeout)
      }
      throw ModelError.unreachable(url: baseURL, reason: ModelHTTPClients.describe(error))
    }
  }
}

/// Hands AsyncHTTPClient's response, as it arrives on the event loop, to a ``ReplyCollector``.
private final class ReplyDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
  typealias Response = Reply

  /// Touched only on the request's event loop, one call at a time.
  private let collector: ReplyCollector

  init(collector: ReplyCollector) {
    self.collector = collector
  }

  func didReceiveHead(task: HTTPClient.Task<Reply>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
    collector.head(status: Int(head.status.code), contentType: head.headers.first(name: "content-type") ?? "")
    return task.eventLoop.makeSucceededVoidFuture()
  }

  func didReceiveBodyPart(task: HTTPClient.Task<Reply>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
    do {
      try collector.body(buffer.readableBytesView)
      return task.eventLoop.makeSucceededVoidFuture()
    } catch {
      return task.eventLoop.makeFailedFuture(error)
    }
  }

  func didFinishRequest(task: HTTPClient.Task<Reply>) throws -> Reply {
    collector.finish()
    return try collector.reply()
  }
}

/// The JSON body of a chat-completions request.
struct CompletionRequest: Encodable {
  var model: String
  var messages: [ChatMessage]
  var stream: Bool
  var temperature: Double
  var maxTokens: Int

  enum CodingKeys: String, CodingKey {
    case model, messages, stream, temperature
    case maxTokens = "max_tokens"
  }
}
