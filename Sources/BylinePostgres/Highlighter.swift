import BylineCore

/// Marks the instances of query phrases in a passage's text, as FTS5's `highlight()` does for
/// `byline search`: each instance's words (and what lies between them) between `open` and
/// `close`, overlapping instances merged.
enum Highlighter {
  /// `text` with every instance of `phrases` (stems) marked.
  static func mark(_ text: String, phrases: [[String]], open: String, close: String) -> String {
    let tokens = words(text)
    let stems = tokens.map { Tokenizer.stems(String(text.unicodeScalars[$0])).first ?? "" }
    var marked = [Bool](repeating: false, count: tokens.count)
    for phrase in phrases where !phrase.isEmpty && phrase.count <= stems.count {
      for start in 0...(stems.count - phrase.count) where Array(stems[start..<start + phrase.count]) == phrase {
        for k in start..<start + phrase.count { marked[k] = true }
      }
    }
    var out = ""
    var cursor = text.unicodeScalars.startIndex
    var i = 0
    while i < tokens.count {
      guard marked[i] else {
        i += 1
        continue
      }
      var j = i
      while j + 1 < tokens.count && marked[j + 1] { j += 1 }
      out += String(text.unicodeScalars[cursor..<tokens[i].lowerBound]) + open
      out += String(text.unicodeScalars[tokens[i].lowerBound..<tokens[j].upperBound]) + close
      cursor = tokens[j].upperBound
      i = j + 1
    }
    return out + String(text.unicodeScalars[cursor...])
  }

  /// The ranges of the word tokens of `text` (letters, digits and combining marks, as
  /// ``Tokenizer/words(_:)`` splits), lower-cased when stemmed.
  static func words(_ text: String) -> [Range<String.UnicodeScalarView.Index>] {
    var out: [Range<String.UnicodeScalarView.Index>] = []
    var start: String.UnicodeScalarView.Index?
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let s = scalars[index]
      let isWord =
        s.isASCII
        ? (s.properties.isAlphabetic || ("0"..."9").contains(s))
        : (s.properties.isAlphabetic || s.properties.numericType != nil
          || s.properties.generalCategory == .nonspacingMark)
      if isWord {
        if start == nil { start = index }
      } else if let begun = start {
        out.append(begun..<index)
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let begun = start { out.append(begun..<scalars.endIndex) }
    return out
  }
}
