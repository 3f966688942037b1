import Foundation

/// Lets a streamed model answer through one sentence at a time, and only sentences that pass
/// the checks on their own: each must cite a given passage, and its names, numbers and dates
/// must be in the passages it cites. The first sentence that does not pass holds back the rest
/// until the whole answer has been checked.
public final class CheckedStream: @unchecked Sendable {
  private let checker: ModelAnswerChecker
  private let emit: AnswerStream
  private let lock = NSLock()
  private var buffer = ""
  private var holding = false
  private var releasedSentences: [String] = []

  /// Creates a gate that passes checked sentences to `emit`.
  public init(checker: ModelAnswerChecker, emit: @escaping AnswerStream) {
    self.checker = checker
    self.emit = emit
  }

  /// The sentences let through so far, cleaned of invalid markers.
  public var released: [String] { lock.withLock { releasedSentences } }

  /// Adds streamed text; lets through every sentence it completes that passes.
  public func feed(_ delta: String) {
    var out: [String] = []
    lock.withLock {
      buffer += delta
      while !holding, let cut = SentenceCut.find(in: Substring(buffer), final: false) {
        let sentence = String(buffer[..<cut]).trimmingCharacters(in: .whitespacesAndNewlines)
        buffer = String(buffer[cut...])
        guard !sentence.isEmpty else { continue }
        guard let clean = passes(sentence) else {
          holding = true
          buffer = sentence + " " + buffer
          break
        }
        releasedSentences.append(clean)
        out.append(clean)
      }
    }
    for sentence in out { emit(sentence + " ") }
  }

  /// The cleaned sentence when it may be shown now, else nil.
  func passes(_ sentence: String) -> String? {
    let text = TextNormalizer.stripControls(sentence)
    if checker.isAbstention(text) || text.contains("Passages:") || text.contains("Question:") { return nil }
    let markers = ModelAnswerChecker.markers(in: text)
    let given = markers.filter(checker.isGiven)
    guard !given.isEmpty else { return nil }
    let clean = checker.removingMarkers(markers.filter { !checker.isGiven($0) }, from: text)
    guard checker.unsupported(in: clean, citing: given).isEmpty else { return nil }
    return clean
  }

  /// What remains to show of the accepted answer `text`, or nil when `text` does not begin
  /// with what was already shown (then the whole answer must be shown again).
  public func remainder(of text: String) -> String? {
    let shown = released.joined(separator: " ")
    if shown.isEmpty { return text }
    guard text.hasPrefix(shown) else { return nil }
    return String(text.dropFirst(shown.count)).trimmingCharacters(in: .whitespaces)
  }
}
