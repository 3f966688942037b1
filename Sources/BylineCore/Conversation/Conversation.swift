import Foundation

/// Keeps the turns of one conversation and rewrites follow-up questions ("When did he write
/// it?", "Why?", "And Reuters?") into self-contained ones before retrieval. A question that stands
/// on its own is never changed.
public final class Conversation: @unchecked Sendable {
  /// Turns so far, oldest first.
  public private(set) var turns: [Turn] = []

  /// Creates an empty conversation.
  public init() {}

  /// Forgets every turn.
  public func reset() { turns.removeAll() }

  /// Records an answered turn.
  public func record(_ turn: Turn) {
    turns.append(turn)
    if turns.count > 20 { turns.removeFirst() }
  }

  static let personPronouns: Set<String> = ["he", "him", "his", "she", "her", "hers", "himself", "herself"]
  static let thingPronouns: Set<String> = ["it", "its", "they", "them", "their", "theirs", "itself"]
  static let demonstratives: Set<String> = ["that", "this", "those", "these", "there", "then"]
  static let elliptical = try! NSRegularExpression(
    pattern: #"^\s*(?:and|but|what about|how about|and what about|also)\b\s*(.*?)[?.!]*\s*$"#, options: [.caseInsensitive])

  /// The question rewritten with its referents from earlier turns, or nil when it stands alone.
  public func resolve(_ text: String, analyzer: QuestionAnalyzer) -> String? {
    guard let last = turns.last else { return nil }
    let question = analyzer.analyze(text)
    let words = Tokenizer.words(text)
    let previous = last.understood
    let ns = text as NSString
    // "And Reuters?" / "What about SectorHQ?"
    if let m = Self.elliptical.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
      let rest = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
      if !rest.isEmpty, rest.split(separator: " ").count <= 4 {
        return replaceSubject(of: previous, with: rest, analyzer: analyzer)
      }
      if !rest.isEmpty { return rest + " (" + Self.strip(previous) + ")" }
    }
    let contentTerms = question.terms.filter { $0.weight >= 0.5 }
    let referring = words.contains { Self.personPronouns.contains($0) || Self.thingPronouns.contains($0) }
      || refersBack(words)
    let short = contentTerms.count <= 1 && words.count <= 4
    guard referring || short else { return nil }
    if !question.entities.isEmpty && !words.contains(where: Self.personPronouns.contains) && !short {
      return nil
    }
    var rewritten = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if words.contains(where: Self.personPronouns.contains), let person = lastPerson() {
      rewritten = Self.substitute(in: rewritten, pronouns: Self.personPronouns, with: person)
      if contentTerms.count >= 3 { return rewritten }
    }
    return rewritten.trimmingCharacters(in: CharacterSet(charactersIn: "?")) + " (" + Self.strip(previous) + ")?"
  }

  private func refersBack(_ words: [String]) -> Bool {
    for (i, w) in words.enumerated() where Self.demonstratives.contains(w) {
      let after = words.count - i - 1
      if after <= 2 { return true }
    }
    return false
  }

  /// The last person the conversation named: in the last answer's lead, else its question.
  func lastPerson() -> String? {
    for turn in turns.reversed() {
      let lead = turn.answer.answer.components(separatedBy: "[").first ?? ""
      if let p = SpanFinder.names(in: lead).first(where: SpanFinder.isPerson) { return p }
      if let p = SpanFinder.names(in: turn.understood).first(where: SpanFinder.isPerson) { return p }
      for c in turn.answer.citations.prefix(1) {
        if let p = SpanFinder.names(in: c.quote).first(where: SpanFinder.isPerson) { return p }
      }
    }
    return nil
  }

  private func replaceSubject(of previous: String, with subject: String, analyzer: QuestionAnalyzer) -> String {
    let prev = analyzer.analyze(previous)
    if let target = prev.outlets.first ?? prev.entities.last, previous.contains(target) {
      return previous.replacingOccurrences(of: target, with: subject)
    }
    return Self.strip(previous) + " " + subject + "?"
  }

  static func strip(_ s: String) -> String {
    s.trimmingCharacters(in: CharacterSet(charactersIn: "?!. ").union(.whitespacesAndNewlines))
  }

  static func substitute(in text: String, pronouns: Set<String>, with name: String) -> String {
    var out: [String] = []
    for token in text.split(separator: " ", omittingEmptySubsequences: false) {
      let core = token.trimmingCharacters(in: .punctuationCharacters)
      let lower = core.lowercased()
      if pronouns.contains(lower) {
        let replacement = (lower == "his" || lower == "her" && false) ? name + "'s" : name
        out.append(token.replacingOccurrences(of: core, with: replacement))
      } else {
        out.append(String(token))
      }
    }
    return out.joined(separator: " ")
  }
}
