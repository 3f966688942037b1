/// Splits a paragraph into sentences with their character offsets.
///
/// Handles abbreviations ("U.S.", "Dr.", "Inc."), initials, decimals and amounts ("3.5",
/// "$15 billion"), closing quotes and brackets after the full stop, and folds a sentence made only
/// of a parenthesised source list ("(axios.com)") into the sentence before it.
public struct SentenceSplitter: Sendable {
  /// A sentence and its character range within the paragraph.
  public struct Span: Sendable, Hashable {
    /// The sentence text, trimmed.
    public var text: String
    /// Offset of the first character within the paragraph.
    public var start: Int
    /// Offset just past the last character within the paragraph.
    public var end: Int
  }

  /// Words that end with a full stop without ending the sentence.
  static let abbreviations: Set<String> = [
    "u.s", "u.k", "u.n", "e.u", "dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "inc", "ltd",
    "co", "corp", "vs", "e.g", "i.e", "no", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "fig",
    "a.m", "p.m", "d.c", "n.y",
  ]

  /// Creates a splitter.
  public init() {}

  /// Longest passage, in characters: longer runs without sentence ends are cut at word breaks.
  public static let maxLength = 1_000

  /// The sentences of `paragraph`, in order.
  public func split(_ paragraph: String) -> [Span] {
    let spans = sentences(paragraph)
    guard spans.contains(where: { $0.end - $0.start > Self.maxLength }) else { return spans }
    return spans.flatMap { chunk($0) }
  }

  /// Cuts an overlong span into pieces of at most ``maxLength`` characters at spaces.
  private func chunk(_ span: Span) -> [Span] {
    guard span.end - span.start > Self.maxLength else { return [span] }
    var out: [Span] = []
    let chars = Array(span.text)
    var start = 0
    while start < chars.count {
      var end = min(chars.count, start + Self.maxLength)
      if end < chars.count, let space = chars[start..<end].lastIndex(of: " "), space > start { end = space }
      let text = String(chars[start..<end]).trimmingCharacters(in: .whitespaces)
      if !text.isEmpty { out.append(Span(text: text, start: span.start + start, end: span.start + end)) }
      start = end
      while start < chars.count, chars[start] == " " { start += 1 }
    }
    return out
  }

  private func sentences(_ paragraph: String) -> [Span] {
    let chars = Array(paragraph)
    var spans: [Span] = []
    var start = 0
    var i = 0
    let closers: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "*"]
    while i < chars.count {
      let c = chars[i]
      if c == "." || c == "!" || c == "?" || c == "\u{2026}" {
        var j = i + 1
        while j < chars.count, chars[j] == "." || chars[j] == "!" || chars[j] == "?" { j += 1 }
        while j < chars.count, closers.contains(chars[j]) { j += 1 }
        if j >= chars.count {
          i = j
          continue
        }
        guard chars[j].isWhitespace else {
          i += 1
          continue
        }
        var k = j
        while k < chars.count, chars[k].isWhitespace { k += 1 }
        if k < chars.count, startsSentence(chars[k]), !(c == "." && isAbbreviation(chars, dotAt: i)) {
          append(&spans, chars, start, j)
          start = k
          i = k
          continue
        }
      }
      i += 1
    }
    append(&spans, chars, start, chars.count)
    return spans
  }

  private func startsSentence(_ c: Character) -> Bool {
    c.isUppercase || c.isNumber || "\"\u{201C}'\u{2018}([*$\u{00A3}\u{20AC}".contains(c)
  }

  private func isAbbreviation(_ chars: [Character], dotAt i: Int) -> Bool {
    var s = i
    while s > 0, !chars[s - 1].isWhitespace, chars[s - 1] != "(" { s -= 1 }
    let word = String(chars[s..<i]).lowercased()
    if word.count == 1, word.first!.isLetter { return true }  // an initial: "J. Smith"
    return Self.abbreviations.contains(word)
  }

  private func append(_ spans: inout [Span], _ chars: [Character], _ start: Int, _ end: Int) {
    var s = start
    var e = end
    while s < e, chars[s].isWhitespace { s += 1 }
    while e > s, chars[e - 1].isWhitespace { e -= 1 }
    guard s < e else { return }
    var text = String(chars[s..<e])
    // "(axios.com) Next sentence…": the source list belongs to the sentence before.
    if let last = spans.last, chars[s] == "(", let close = chars[s..<e].firstIndex(of: ")"),
      isSourceOnly(String(chars[s...close])), close + 2 < e, chars[close + 1] == " ", chars[close + 2].isUppercase
    {
      spans[spans.count - 1] = Span(text: String(chars[last.start...close]), start: last.start, end: close + 1)
      s = close + 2
      text = String(chars[s..<e])
    }
    if let last = spans.last, isSourceOnly(text) {
      spans[spans.count - 1] = Span(
        text: String(chars[last.start..<e]), start: last.start, end: e)
      return
    }
    spans.append(Span(text: text, start: s, end: e))
  }

  /// A parenthesised list with no sentence of its own, such as "(axios.com, theverge.com)".
  private func isSourceOnly(_ text: String) -> Bool {
    guard text.hasPrefix("("), text.count < 120 else { return false }
    var body = text.dropFirst()
    while let last = body.last, last == "." || last == ")" { body = body.dropLast() }
    return !body.contains("(") && body.split(separator: " ").count <= 8
  }
}
