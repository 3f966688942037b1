import Foundation

/// Why a model server gave no usable reply.
public enum ModelError: Error, LocalizedError, Equatable {
  /// Nothing answers at the address (connection refused, unknown host).
  case unreachable(url: String, reason: String)
  /// No complete answer within the time limit.
  case timedOut(url: String, seconds: Double)
  /// The server answered with an HTTP error.
  case http(status: Int, body: String)
  /// The reply is not the OpenAI chat-completions JSON (or event stream) expected.
  case malformed(String)

  public var errorDescription: String? {
    switch self {
    case .unreachable(let url, let reason): "no model server answers at \(url) (\(reason))"
    case .timedOut(let url, let seconds): "the model server at \(url) gave no answer within \(Self.seconds(seconds))"
    case .http(let status, let body):
      "the model server replied HTTP \(status)" + (body.isEmpty ? "" : ": \(body.prefix(160))")
    case .malformed(let what): "the model server's reply is not usable: \(what)"
    }
  }

  /// Whether the server itself is unusable (as opposed to one bad reply), so that later
  /// questions need not wait for it.
  public var serverIsDown: Bool {
    switch self {
    case .unreachable, .timedOut: true
    case .http(let status, _): status == 404 || status == 401 || status == 403
    case .malformed: false
    }
  }

  static func seconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
  }
}

/// A prompt template that cannot be used.
public enum PromptError: Error, LocalizedError, Equatable {
  /// The template file is missing or unreadable.
  case missingTemplate(String)
  /// The template does not parse.
  case badTemplate(path: String, reason: String)
  /// The template names a variable the renderer does not provide.
  case missingVariable(template: String, names: [String])

  public var errorDescription: String? {
    switch self {
    case .missingTemplate(let path): "no prompt template at \(path); set --prompts or BYLINE_PROMPTS"
    case .badTemplate(let path, let reason): "the prompt template \(path) does not parse: \(reason)"
    case .missingVariable(let template, let names):
      "the prompt template \(template) uses \(names.map { "{{\($0)}}" }.joined(separator: ", ")), which Byline does not provide; "
        + "known: \(PromptRenderer.variables.joined(separator: ", "))"
    }
  }
}
