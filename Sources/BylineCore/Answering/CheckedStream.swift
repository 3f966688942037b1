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

  /// Creates a gate that passes checked sentences to `emit`.
  public init(checker: ModelAnswerChecker, emit: @escaping AnswerStream) {
    self.checker = checker
    self.emit = emit
  }

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
        out.append(clean)
      }
    }
    for sentence in out { emit(sentence + " ") }
  }

  /// The cleaned sentence when it may be shown now, else nil.
  func passes(_ sentence: String) -> String? {
    let text = TextNormalizer.stripControls(sentence)
    if checker.isAbstention(text) || checker.scaffold(in: text) != nil { return nil }
    let clean = checker.clean(text)
    guard !clean.cited.isEmpty, checker.unsupported(in: clean.text, citing: clean.cited).isEmpty else { return nil }
    return clean.text
  }
}
