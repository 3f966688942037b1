/// What one call to ``LineEditor/readLine(prompt:)`` produced.
///
/// The three cases map onto the three ways a user can finish a prompt:
/// pressing Return, pressing Ctrl-C, or pressing Ctrl-D on an empty line.
public enum LineEditorEvent: Equatable, Sendable {
  /// The user pressed Return. The text has no trailing newline and may be empty.
  case line(String)

  /// The user pressed Ctrl-C. The partial line was discarded; the caller should
  /// show the prompt again.
  case interrupted

  /// The user pressed Ctrl-D on an empty line, or the terminal went away.
  /// The caller should end the session.
  case endOfFile
}
