import Foundation

/// A client of the OpenAI chat-completions API (`POST {base}/chat/completions`), which
/// llama.cpp's server, Ollama's `/v1`, LM Studio and vLLM all serve. Calls block the calling
/// thread until the answer is complete, the time limit passes, or ``cancel()`` is called.
public final class ChatClient: @unchecked Sendable {
  /// The base URL, up to and including `/v1`.
  public let baseURL: String
  /// The model name sent with each request.
  public let model: String
  /// The bearer token, when the server wants one.
  public let apiKey: String?
  /// Seconds to wait for a whole answer.
  public let timeout: Double

  private let lock = NSLock()
  private var cancelled = false

  /// Creates a client.
  public init(baseURL: String, model: String, apiKey: String? = nil, timeout: Double = 60) {
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    self.baseURL = base
    self.model = model
    self.apiKey = apiKey
    self.timeout = timeout
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
    lock.withLock { cancelled = true }
  }

  /// One request: a method, a path under the base URL, headers and a body.
  struct Request {
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

  private func send(_ request: Request, onDelta: (@Sendable (String) -> Void)?) throws -> Reply {
    guard let url = URL(string: baseURL + request.path) else {
      throw ModelError.unreachable(url: baseURL, reason: "not a URL")
    }
    lock.withLock { cancelled = false }  // a Ctrl-C from an earlier answer does not carry over
    let collector = ReplyCollector(onDelta: onDelta)
    let connection = HTTPConnection(
      url: url, server: baseURL, timeout: timeout, isCancelled: { [self] in lock.withLock { cancelled } })
    try connection.exchange(
      method: request.method, headers: request.headers, body: request.body, onHead: collector.head,
      onBody: collector.body)
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
