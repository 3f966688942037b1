import BylineCore
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A finished HTTP exchange with a model server.
struct Reply {
  var status: Int
  var body: Data
  /// The text streamed as server-sent events, when the reply was a stream.
  var streamed: String?

  var bodyText: String {
    TextNormalizer.stripControls(String(decoding: body.prefix(400), as: UTF8.self))
  }

  /// The answer's text from a chat-completions reply, streamed or whole.
  func text() throws -> String {
    guard status == 200 else { throw ModelError.http(status: status, body: bodyText) }
    if let streamed { return streamed }
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
      throw ModelError.malformed("the body is not JSON (\(bodyText.prefix(60)))")
    }
    if let error = object["error"] {
      throw ModelError.malformed("the server reported an error: \(String(describing: error).prefix(160))")
    }
    guard let choices = object["choices"] as? [[String: Any]], let first = choices.first,
      let message = first["message"] as? [String: Any], let content = message["content"] as? String
    else { throw ModelError.malformed("no choices[0].message.content in the JSON") }
    return content
  }
}

/// Collects one HTTP reply from URLSession's delegate callbacks, decoding server-sent events
/// as they arrive when the server streams.
final class ReplyCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  private let onDelta: (@Sendable (String) -> Void)?
  private let lock = NSLock()
  private var status = 0
  private var body = Data()
  private var pending = Data()
  private var isStream = false
  private var streamed = ""
  private var streamError: ModelError?
  private var failure: Error?

  init(onDelta: (@Sendable (String) -> Void)?) {
    self.onDelta = onDelta
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    let http = response as? HTTPURLResponse
    lock.withLock {
      status = http?.statusCode ?? 0
      let type = (http?.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
      isStream = type.contains("text/event-stream")
    }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    var pieces: [String] = []
    lock.withLock {
      body.append(data)
      guard isStream, status == 200, body.count < 4_000_000 else { return }
      pending.append(data)
      while let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
        pending.removeSubrange(pending.startIndex...newline)
        if let piece = event(line) { pieces.append(piece) }
      }
      streamed += pieces.joined()
    }
    if let onDelta { for piece in pieces where !piece.isEmpty { onDelta(piece) } }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.withLock {
      failure = error
      if isStream, !pending.isEmpty {
        let line = String(decoding: pending, as: UTF8.self)
        pending.removeAll()
        if let piece = event(line) { streamed += piece }
      }
    }
    done.signal()
  }

  /// The text of one `data:` line of the stream, nil for other lines and the end marker.
  private func event(_ raw: String) -> String? {
    let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    guard line.hasPrefix("data:") else { return nil }
    let payload = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
    if payload == "[DONE]" || payload.isEmpty { return nil }
    guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else {
      if streamError == nil { streamError = .malformed("an event of the stream is not JSON (\(payload.prefix(60)))") }
      return nil
    }
    if let error = object["error"] {
      if streamError == nil {
        streamError = .malformed("the stream reported an error: \(String(describing: error).prefix(160))")
      }
      return nil
    }
    guard let choices = object["choices"] as? [[String: Any]], let first = choices.first else { return nil }
    if let delta = first["delta"] as? [String: Any] { return delta["content"] as? String ?? "" }
    if let message = first["message"] as? [String: Any] { return message["content"] as? String ?? "" }
    return nil
  }

  /// The reply, or the transport failure as a ``ModelError``.
  func reply(url: String, timeout: Double) throws -> Reply {
    try lock.withLock {
      if let failure {
        let code = (failure as? URLError)?.code
        if code == .timedOut { throw ModelError.timedOut(url: url, seconds: timeout) }
        if status == 0 { throw ModelError.unreachable(url: url, reason: Self.describe(failure)) }
        throw ModelError.malformed("the connection broke: \(Self.describe(failure))")
      }
      if let streamError { throw streamError }
      return Reply(status: status, body: body, streamed: isStream && status == 200 ? streamed : nil)
    }
  }

  static func describe(_ error: Error) -> String {
    guard let url = error as? URLError else { return error.localizedDescription }
    switch url.code {
    case .cannotConnectToHost: return "connection refused"
    case .cannotFindHost, .dnsLookupFailed: return "unknown host"
    case .networkConnectionLost: return "connection lost"
    case .notConnectedToInternet: return "no network"
    default: return url.localizedDescription
    }
  }
}
