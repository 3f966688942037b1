/// The output formats every command offers.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Plain text, coloured on a terminal.
  case text
  /// Markdown.
  case markdown
  /// One pretty-printed JSON document.
  case json
  /// One JSON object a line.
  case jsonl
}
