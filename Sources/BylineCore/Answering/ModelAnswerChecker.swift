import Foundation

/// Checks a model's answer against the passages it was given, before anyone sees it.
///
/// Citation markers (`[n]`) must name given passages; made-up ones are removed. Every name,
/// number, amount and date in the answer must appear in a passage the answer cites. An answer
/// left with no valid citation, or with a claim no cited passage holds, is rejected. The
/// prompt's abstention phrase means the model found no answer.
public struct ModelAnswerChecker: Sendable {
  /// The passages given to the model, numbered from 1.
  public let evidence: [Citation]
  /// The phrase the prompt asks the model to use when the passages do not answer.
  public let abstainPhrase: String
  /// Answers longer than this many characters are rejected (models that echo the prompt).
  public var maxLength = 1200

  /// What the check decided.
  public enum Verdict: Sendable, Equatable {
    /// The answer stands: its cleaned text and the passage numbers it cites, in order.
    case accepted(text: String, cited: [Int], removedMarkers: [Int])
    /// The model said the passages do not answer.
    case abstained
    /// The answer must not be shown, for this reason.
    case rejected(String)
  }

  /// Creates a checker for `evidence`.
  public init(evidence: [Citation], abstainPhrase: String) {
    self.evidence = evidence
    self.abstainPhrase = abstainPhrase
  }

  /// Checks a complete answer.
  public func check(_ raw: String) -> Verdict {
    let text = TextNormalizer.stripControls(raw).trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isEmpty { return .rejected("the model returned no text") }
    if isAbstention(text) { return .abstained }
    if text.count > maxLength { return .rejected("the answer is \(text.count) characters long; it echoes the prompt") }
    if let scaffold = scaffold(in: text) { return .rejected("the answer repeats the prompt (\"\(scaffold)\")") }
    let sentences = Self.sentences(of: text).map(clean)
    var cited: [Int] = []
    for n in sentences.flatMap(\.cited) where !cited.contains(n) { cited.append(n) }
    let removed = sentences.flatMap(\.removed)
    if cited.isEmpty {
      return .rejected(
        removed.isEmpty
          ? "it cites no passage" : "it cites only passages it was not given (\(removed.map { "[\($0)]" }.joined()))")
    }
    for sentence in sentences {
      let missing = unsupported(in: sentence.text, citing: sentence.cited.isEmpty ? cited : sentence.cited)
      if !missing.isEmpty {
        return .rejected(
          "it says \(missing.map { "\"\($0)\"" }.joined(separator: ", ")), which no passage it cites contains")
      }
    }
    return .accepted(text: sentences.map(\.text).joined(separator: " "), cited: cited, removedMarkers: removed)
  }

  /// One sentence of an answer with the markers that name no given passage removed.
  struct CleanSentence {
    /// The sentence with only valid markers.
    var text: String
    /// The given passages it cites, in order, once each.
    var cited: [Int]
    /// The marker numbers removed.
    var removed: [Int]
  }

  /// `sentence` with its invalid markers removed, and what it cites.
  func clean(_ sentence: String) -> CleanSentence {
    let markers = Self.markers(in: sentence)
    let removed = markers.filter { !isGiven($0) }
    var cited: [Int] = []
    for n in markers where isGiven(n) && !cited.contains(n) { cited.append(n) }
    return CleanSentence(text: removingMarkers(removed, from: sentence), cited: cited, removed: removed)
  }

  /// Prompt lines a model may echo back.
  static let scaffolds = ["Passages:", "Question:", "Earlier answer:"]

  /// The prompt line `text` repeats, if any.
  func scaffold(in text: String) -> String? { Self.scaffolds.first { text.contains($0) } }

  /// Whether `text` is the prompt's abstention phrase (or holds it).
  public func isAbstention(_ text: String) -> Bool {
    let phrase = Self.letters(abstainPhrase)
    return !phrase.isEmpty && Self.letters(text).contains(phrase)
  }

  /// Whether passage `n` was given.
  public func isGiven(_ n: Int) -> Bool { n >= 1 && n <= evidence.count }

  /// The names, numbers, amounts and dates of `sentence` that none of the passages `citing`
  /// contains.
  public func unsupported(in sentence: String, citing: [Int]) -> [String] {
    let sources = citing.filter(isGiven).map { evidence[$0 - 1] }
    let haystack = sources.map {
      ([$0.quote, $0.title, $0.outlet, $0.date, $0.id] + $0.cites).joined(separator: " \n ")
    }
    .joined(separator: " \n ")
    let words = Set(Self.words(in: haystack).map { $0.word.lowercased() })
    let found = Self.numbers(in: haystack)
    let numbers = Set(found.map(\.value))
    let amounts = Set(found.compactMap(\.amount))
    var missing: [String] = []
    let plain = removingMarkers(Self.markers(in: sentence), from: sentence)
    for number in Self.numbers(in: plain) {
      if !numbers.contains(number.value) {
        missing.append(number.amount ?? number.value)
      } else if let amount = number.amount, !amounts.contains(amount) {
        missing.append(amount)
      }
    }
    for (word, initial) in Self.words(in: plain) {
      guard let first = word.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first), word.count > 1
      else { continue }
      let lower = word.lowercased()
      if words.contains(lower) || words.contains(Self.singular(lower)) { continue }
      if initial && Self.isCommonOpener(lower) { continue }
      if !missing.contains(word) { missing.append(word) }
    }
    return missing
  }

  // MARK: - Pieces

  /// The passage numbers of the markers in `text`, in order: `[2]`, `[1, 3]`, `[1][2]`.
  public static func markers(in text: String) -> [Int] {
    var found: [Int] = []
    for match in text.matches(of: markerPattern) {
      for part in match.output.1.split(separator: ",") {
        if let n = Int(part.trimmingCharacters(in: .whitespaces)) { found.append(n) }
      }
    }
    return found
  }

  nonisolated(unsafe) static let markerPattern = /\[\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\]/

  func removingMarkers(_ bad: [Int], from sentence: String) -> String {
    guard !bad.isEmpty else { return Self.collapse(sentence) }
    let result = sentence.replacing(Self.markerPattern) { match -> String in
      let kept = match.output.1.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        .filter { !bad.contains($0) }
      return kept.isEmpty ? "" : "[" + kept.map(String.init).joined(separator: ", ") + "]"
    }
    return Self.collapse(result)
  }

  static func collapse(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
      .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ",")
  }

  /// Splits a complete answer into sentences, keeping markers that follow the full stop with
  /// the sentence they close.
  public static func sentences(of text: String) -> [String] {
    var out: [String] = []
    var rest = Substring(text)
    while let cut = SentenceCut.find(in: rest, final: true) {
      let piece = rest[..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
      if !piece.isEmpty { out.append(piece) }
      rest = rest[cut...]
    }
    return out
  }

  struct Number {
    var value: String
    var amount: String?
  }

  nonisolated(unsafe) static let numberPattern =
    /(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|mn|m|b|k)\b)?/.ignoresCase()

  static func numbers(in text: String) -> [Number] {
    text.matches(of: numberPattern).map { match in
      var value = String(match.output.1).replacingOccurrences(of: ",", with: "")
      while value.hasSuffix(".") { value.removeLast() }
      if !value.contains("."), let n = Int(value) { value = String(n) }
      let scale = match.output.2.map { String($0).lowercased() }
      let normal: String? =
        switch scale {
        case "bn", "b": "billion"
        case "mn", "m": "million"
        case "k": "thousand"
        default: scale
        }
      return Number(value: value, amount: normal.map { value + " " + $0 })
    }
  }

  /// The words of `text` (possessives trimmed), each with whether it opens a sentence: it
  /// comes first, or after `.`, `:`, `?`, `!` or an opening quote.
  static func words(in text: String) -> [(word: String, initial: Bool)] {
    var words: [(word: String, initial: Bool)] = []
    var current = ""
    var initial = true
    var previous: Character?  // the last character that is not white space
    var last: Character?  // the last character
    var quoteOpens = false  // whether the last straight quote came after white space
    for ch in text {
      if ch.isLetter || ((ch == "'" || ch == "’") && !current.isEmpty) {
        if current.isEmpty {
          initial = previous.map { ".:?!“".contains($0) || ($0 == "\"" && quoteOpens) } ?? true
        }
        current.append(ch)
      } else if !current.isEmpty {
        words.append((trimPossessive(current), initial))
        current = ""
      }
      if ch == "\"" { quoteOpens = last.map(\.isWhitespace) ?? true }
      if !ch.isWhitespace { previous = ch }
      last = ch
    }
    if !current.isEmpty { words.append((trimPossessive(current), initial)) }
    return words
  }

  static func trimPossessive(_ w: String) -> String {
    var w = w
    for suffix in ["'s", "’s", "'", "’"] where w.hasSuffix(suffix) {
      w.removeLast(suffix.count)
      break
    }
    return w
  }

  static func singular(_ w: String) -> String { w.hasSuffix("s") ? String(w.dropLast()) : w + "s" }

  static func letters(_ s: String) -> String {
    String(
      TextNormalizer.fold(s).lowercased().unicodeScalars.filter {
        CharacterSet.alphanumerics.contains($0) || $0 == " "
      }
    ).split(separator: " ").joined(separator: " ")
  }

  /// Whether a capitalised word that opens a sentence is an ordinary word, not a name: a
  /// function word, a listed opener, or an adverb ("Notably").
  static func isCommonOpener(_ lower: String) -> Bool {
    Tokenizer.stopWords.contains(lower) || Tokenizer.lightWords.contains(lower) || openers.contains(lower)
      || (lower.hasSuffix("ly") && lower.count > 4)
  }

  /// Common sentence openers that are not names.
  static let openers: Set<String> = [
    "yes", "no", "however", "according", "both", "also", "meanwhile", "instead", "overall", "currently",
    "reportedly", "separately", "additionally", "further", "furthermore", "moreover", "still", "yet", "sources",
    "analysts", "officials", "executives", "reports", "several", "some", "many", "most", "none", "neither",
    "either", "these", "those", "there", "here", "this", "that", "it", "they", "he", "she", "we", "its", "their",
    "his", "her", "while", "although", "though", "because", "since", "unlike", "like", "as", "per", "in", "on",
    "at", "by", "for", "from", "with", "after", "before", "during", "when", "where", "who", "what", "which",
    "why", "how", "if", "unless", "so", "thus", "therefore", "then", "now", "today", "earlier", "later",
    "previously", "initially", "finally", "first", "second", "third", "one", "two", "three", "each", "every",
    "all", "another", "other", "such", "the", "a", "an", "but", "and", "or", "nor", "not",
    "see", "note", "based", "given", "despite", "regarding", "about", "only", "even", "just", "again",
    "together", "citing", "quoting", "reporting", "report", "said", "says",
  ]
}

/// Where a sentence ends in streamed or complete text: after `.`, `!` or `?` (and any closing
/// quote and citation markers), before white space and the start of the next sentence.
enum SentenceCut {
  /// The index where the next sentence starts, or nil when the text so far does not close a
  /// sentence. With `final`, the end of the text closes the last sentence.
  static func find(in text: Substring, final: Bool) -> Substring.Index? {
    var i = text.startIndex
    while i < text.endIndex {
      let ch = text[i]
      if ch == "." || ch == "!" || ch == "?" || ch == "\n" {
        var j = text.index(after: i)
        // closing quotes and brackets
        while j < text.endIndex, "\"”’')".contains(text[j]) { j = text.index(after: j) }
        // citation markers after the stop
        while true {
          var k = j
          while k < text.endIndex, text[k] == " " { k = text.index(after: k) }
          guard k < text.endIndex, text[k] == "[" else { break }
          guard let close = text[k...].firstIndex(of: "]") else { return final ? text.endIndex : nil }
          j = text.index(after: close)
          if j < text.endIndex, text[j] == "." { j = text.index(after: j) }
        }
        if j == text.endIndex { return final ? text.endIndex : nil }
        if text[j].isWhitespace {
          var k = j
          while k < text.endIndex, text[k].isWhitespace { k = text.index(after: k) }
          if k == text.endIndex { return final ? text.endIndex : nil }
          if text[k] != "[" && !(ch == "." && text[k].isLowercase) { return k }
        }
        i = j
        continue
      }
      i = text.index(after: i)
    }
    return final && !text.isEmpty ? text.endIndex : nil
  }
}
