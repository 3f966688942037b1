/// A pattern over a question's lower-case word tokens, for the phrasings that decide a
/// question's type ("how many articles", "who first reported"): the regular expression
/// `\b…\b` over the words joined by spaces would find the same, at many times the cost.
///
/// The pattern is written as elements separated by spaces:
/// - `word`, or `(one|two|three)` for any one of several; `wrote_about` is two words in a row;
/// - a `?` after an element makes it optional;
/// - `*40` is one or more whole words of at most 40 characters with their spaces.
struct WordPattern: Sendable {
  private enum Element: Sendable {
    case words([[String]], optional: Bool)
    case gap(Int)
  }

  private let elements: [Element]

  /// Parses `spec`.
  init(_ spec: String) {
    elements = spec.split(separator: " ").map { part in
      if part.hasPrefix("*"), let n = Int(part.dropFirst()) { return .gap(n) }
      let optional = part.hasSuffix("?")
      let body = optional ? part.dropLast() : part[...]
      let inner = body.hasPrefix("(") && body.hasSuffix(")") ? body.dropFirst().dropLast() : body
      let choices = inner.split(separator: "|").map { $0.split(separator: "_").map(String.init) }
      return .words(choices, optional: optional)
    }
  }

  /// Whether the pattern occurs anywhere in `words`.
  func matches(_ words: [String]) -> Bool {
    (0...words.count).contains { match(0, words, $0) }
  }

  private func match(_ e: Int, _ words: [String], _ at: Int) -> Bool {
    guard e < elements.count else { return true }
    switch elements[e] {
    case .words(let choices, let optional):
      if optional, match(e + 1, words, at) { return true }
      for choice in choices where at + choice.count <= words.count {
        if zip(choice, words[at...]).allSatisfy({ $0 == $1 }), match(e + 1, words, at + choice.count) { return true }
      }
      return false
    case .gap(let limit):
      var length = -1
      var end = at
      while end < words.count {
        length += words[end].count + 1
        if length > limit { return false }
        end += 1
        if match(e + 1, words, end) { return true }
      }
      return false
    }
  }
}
