/// A recoverable problem with one article file: the file is skipped (or one record of it), and
/// the rest of the corpus is indexed.
public struct CorpusWarning: Sendable, Hashable, CustomStringConvertible {
  /// The file the problem is in.
  public var path: String
  /// The 1-based line the problem is on, when there is one.
  public var line: Int?
  /// What is wrong, and what was done about it.
  public var message: String

  /// Creates a warning.
  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// "PATH:LINE: MESSAGE".
  public var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}
