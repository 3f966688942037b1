import BylineCore
import Foundation

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

/// Collects one HTTP reply as it arrives (on the thread that makes the request), decoding
/// server-sent events when the server streams and passing their text on.
final class ReplyCollector {
  private let onDelta: (@Sendable (String) -> Void)?
  private var status = 0
  private var body = Data()
  private var pending = Data()
  private var isStream = false
  private var streamed = ""
  private var streamError: ModelError?

  init(onDelta: (@Sendable (String) -> Void)?) {
    self.onDelta = onDelta
  }

  /// The response head arrived.
  func head(_ head: HTTPConnection.Head) {
    status = head.status
    isStream = (head.headers["content-type"] ?? "").lowercased().contains("text/event-stream")
  }

  /// A piece of the body arrived.
  func body(_ data: Data) {
    body.append(data)
    guard isStream, status == 200, body.count < 4_000_000 else { return }
    pending.append(data)
    while let newline = pending.firstIndex(of: 0x0A) {
      let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
      pending.removeSubrange(pending.startIndex...newline)
      guard let piece = event(line) else { continue }
      streamed += piece
      if let onDelta, !piece.isEmpty { onDelta(piece) }
    }
  }

  /// The body ended.
  func finish() {
    guard isStream, !pending.isEmpty else { return }
    let line = String(decoding: pending, as: UTF8.self)
    pending.removeAll()
    if let piece = event(line) { streamed += piece }
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

  /// The reply.
  func reply() throws -> Reply {
    if let streamError { throw streamError }
    return Reply(status: status, body: body, streamed: isStream && status == 200 ? streamed : nil)
  }
}
