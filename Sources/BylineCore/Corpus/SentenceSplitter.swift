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
      let text = TextNormalizer.trimmed(String(chars[start..<end]), where: TextNormalizer.isBlank)
      if !text.isEmpty { out.append(Span(text: text, start: span.start + start, end: span.start + end)) }
      start = end
      while start < chars.count, chars[start] == " " { start += 1 }
    }
    return out
  }

  private func sentences(_ paragraph: String) -> [Span] {
    // ASCII text (no CR) has one character a byte: the same rules run on bytes, much faster
    // than on `Character`s.
    if TextNormalizer.isPlainASCII(paragraph) {
      return sentences(Array(paragraph.utf8))
    }
    return sentences(Array(paragraph))
  }

  private func sentences<U: SplitUnit>(_ chars: [U]) -> [Span] {
    var spans: [Span] = []
    var start = 0
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c.isStop {
        var j = i + 1
        while j < chars.count, chars[j].isRepeatedStop { j += 1 }
        while j < chars.count, chars[j].isCloser { j += 1 }
        if j >= chars.count {
          i = j
          continue
        }
        guard chars[j].isSpace else {
          i += 1
          continue
        }
        var k = j
        while k < chars.count, chars[k].isSpace { k += 1 }
        if k < chars.count, chars[k].startsSentence, !(c.isFullStop && isAbbreviation(chars, dotAt: i)) {
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

  private func isAbbreviation<U: SplitUnit>(_ chars: [U], dotAt i: Int) -> Bool {
    var s = i
    while s > 0, !chars[s - 1].isSpace, !chars[s - 1].isOpenParen { s -= 1 }
    let word = U.string(chars[s..<i]).lowercased()
    if word.count == 1, word.first!.isLetter { return true }  // an initial: "J. Smith"
    return Self.abbreviations.contains(word)
  }

  private func append<U: SplitUnit>(_ spans: inout [Span], _ chars: [U], _ start: Int, _ end: Int) {
    var s = start
    var e = end
    while s < e, chars[s].isSpace { s += 1 }
    while e > s, chars[e - 1].isSpace { e -= 1 }
    guard s < e else { return }
    var text = U.string(chars[s..<e])
    // "(axios.com) Next sentence…": the source list belongs to the sentence before.
    if let last = spans.last, chars[s].isOpenParen, let close = chars[s..<e].firstIndex(where: \.isCloseParen),
      isSourceOnly(U.string(chars[s...close])), close + 2 < e, chars[close + 1].isSingleSpace,
      chars[close + 2].isUpper
    {
      spans[spans.count - 1] = Span(text: U.string(chars[last.start...close]), start: last.start, end: close + 1)
      s = close + 2
      text = U.string(chars[s..<e])
    }
    if let last = spans.last, isSourceOnly(text) {
      spans[spans.count - 1] = Span(
        text: U.string(chars[last.start..<e]), start: last.start, end: e)
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

/// What the splitter asks of one character: a `Character`, or a byte of ASCII text (where the
/// answers are the same for the same character).
protocol SplitUnit {
  var isStop: Bool { get }
  var isFullStop: Bool { get }
  var isRepeatedStop: Bool { get }
  var isCloser: Bool { get }
  var isSpace: Bool { get }
  var isSingleSpace: Bool { get }
  var isUpper: Bool { get }
  var isOpenParen: Bool { get }
  var isCloseParen: Bool { get }
  var startsSentence: Bool { get }
  static func string(_ units: ArraySlice<Self>) -> String
}

extension Character: SplitUnit {
  var isStop: Bool { self == "." || self == "!" || self == "?" || self == "\u{2026}" }
  var isFullStop: Bool { self == "." }
  var isRepeatedStop: Bool { self == "." || self == "!" || self == "?" }
  var isCloser: Bool { "\"')]*\u{201D}\u{2019}".contains(self) }
  var isSpace: Bool { isWhitespace }
  var isSingleSpace: Bool { self == " " }
  var isUpper: Bool { isUppercase }
  var isOpenParen: Bool { self == "(" }
  var isCloseParen: Bool { self == ")" }
  var startsSentence: Bool {
    isUppercase || isNumber || "\"\u{201C}'\u{2018}([*$\u{00A3}\u{20AC}".contains(self)
  }
  static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: SplitUnit {
  var isStop: Bool { self == 0x2E || self == 0x21 || self == 0x3F }
  var isFullStop: Bool { self == 0x2E }
  var isRepeatedStop: Bool { isStop }
  // " ' ) ] *
  var isCloser: Bool { self == 0x22 || self == 0x27 || self == 0x29 || self == 0x5D || self == 0x2A }
  // Character.isWhitespace for ASCII: tab, newline, vertical tab, form feed, return, space.
  var isSpace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
  var isSingleSpace: Bool { self == 0x20 }
  var isUpper: Bool { self >= 0x41 && self <= 0x5A }
  var isOpenParen: Bool { self == 0x28 }
  var isCloseParen: Bool { self == 0x29 }
  // Upper-case letters, digits, and " ' ( [ * $
  var startsSentence: Bool {
    isUpper || (self >= 0x30 && self <= 0x39) || self == 0x22 || self == 0x27 || self == 0x28 || self == 0x5B
      || self == 0x2A || self == 0x24
  }
  static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}
