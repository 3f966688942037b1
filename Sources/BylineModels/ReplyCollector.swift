import BylineCore
import Foundation

/// A finished HTTP exchange with a model server.
struct Reply: Sendable {
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

/// Collects one HTTP reply as it arrives, decoding server-sent events when the server streams
/// (``EventStreamDecoder``) and passing their text on.
final class ReplyCollector {
  /// The most of a body kept (a model's answer is a few kilobytes).
  static let maxBody = 4_000_000

  private let onDelta: (@Sendable (String) -> Void)?
  private var status = 0
  private var body = Data()
  private var decoder = EventStreamDecoder()
  private var isStream = false
  private var streamed = ""
  private var streamError: ModelError?

  init(onDelta: (@Sendable (String) -> Void)?) {
    self.onDelta = onDelta
  }

  /// The response head arrived.
  func head(status: Int, contentType: String) {
    self.status = status
    isStream = contentType.lowercased().contains("text/event-stream")
  }

  /// A piece of the body arrived.
  func body<Bytes: Collection>(_ bytes: Bytes) throws where Bytes.Element == UInt8 {
    guard body.count + bytes.count <= Self.maxBody else {
      throw ModelError.malformed("the reply is longer than \(Self.maxBody / 1_000_000) MB")
    }
    body.append(contentsOf: bytes)
    guard isStream, status == 200 else { return }
    for payload in decoder.feed(bytes) { take(payload) }
  }

  /// The body ended.
  func finish() {
    guard isStream, status == 200 else { return }
    for payload in decoder.finish() { take(payload) }
  }

  private func take(_ payload: String) {
    guard let piece = event(payload) else { return }
    streamed += piece
    if let onDelta, !piece.isEmpty { onDelta(piece) }
  }

  /// The text of one event's data, nil for the end marker and events without text.
  private func event(_ data: String) -> String? {
    let payload = data.trimmingCharacters(in: .whitespacesAndNewlines)
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
