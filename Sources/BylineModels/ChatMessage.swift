/// One message of an OpenAI-style chat: a role ("system", "user", "assistant") and its text.
public struct ChatMessage: Sendable, Codable, Equatable {
  /// "system", "user" or "assistant".
  public var role: String
  /// The text.
  public var content: String

  /// Creates a message.
  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}
