/// Small text normalisations shared by every stage.
public enum TextNormalizer {
  /// Folds typographic variants to ASCII: curly quotes, non-breaking and figure hyphens, dashes
  /// used inside words, non-breaking spaces.
  public static func fold(_ text: String) -> String {
    if TextNormalizer.isASCII(text) { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2018, 0x2019, 0x201B, 0x2032: out.append("'")
      case 0x201C, 0x201D, 0x201F, 0x2033: out.append("\"")
      case 0x2010, 0x2011, 0x2012: out.append("-")
      case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200A: out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Removes terminal control characters and escape sequences (CSI, OSC and lone ESC), keeping
  /// tabs and newlines. Article text is data and must never drive the terminal.
  public static func stripControls(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let s = scalars.next() {
      switch s.value {
      case 0x1B:
        // Skip an escape sequence: CSI (ESC [ ... final byte) or OSC (ESC ] ... BEL or ST).
        guard let next = scalars.next() else { break }
        if next == "[" {
          while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
        } else if next == "]" {
          var prevEsc = false
          while let c = scalars.next() {
            if c.value == 0x07 || (prevEsc && c == "\\") { break }
            prevEsc = c.value == 0x1B
          }
        }
      case 0x09, 0x0A: out.append(s)
      case 0x00..<0x20, 0x7F, 0x80..<0xA0: continue
      case 0x202A...0x202E, 0x2066...0x2069: continue  // bidi overrides
      default: out.append(s)
      }
    }
    return String(out)
  }

  /// Whether `text` is all ASCII (read as bytes, without a generic walk of the UTF-8 view).
  public static func isASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte >= 0x80 { return false }
      return true
    }
  }

  /// Whether `text` is ASCII without carriage returns: one `Character` a byte, so that rules on
  /// characters can run on bytes.
  public static func isPlainASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
      return true
    }
  }

  /// Whether `byte` is an ASCII letter or digit (a word character to FTS5's tokenizer).
  public static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 48 && byte <= 57 || byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122
  }

  /// `text` without the leading and trailing scalars for which `trim` holds: what
  /// `trimmingCharacters(in:)` does, without Foundation's cost on Linux.
  public static func trimmed<S: StringProtocol>(_ text: S, where trim: (Unicode.Scalar) -> Bool) -> String {
    var scalars = Substring(text).unicodeScalars
    while let first = scalars.first, trim(first) { scalars.removeFirst() }
    while let last = scalars.last, trim(last) { scalars.removeLast() }
    return String(scalars)
  }

  /// What `CharacterSet.whitespaces` holds: tab and the space separators (Zs).
  public static func isBlank(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "\t" || (s.value >= 0x80 && s.properties.generalCategory == .spaceSeparator)
  }

  /// What `CharacterSet.punctuationCharacters` holds: the punctuation categories (P*).
  public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  /// Whether `needle` occurs in `haystack`, compared byte for byte (no locale rules): much
  /// cheaper than Foundation's `contains` on Linux, for text already folded and lower-cased.
  public static func has(_ haystack: String, _ needle: String) -> Bool {
    if needle.isEmpty { return true }
    var h = haystack
    var n = needle
    return h.withUTF8 { hb in
      n.withUTF8 { nb in
        guard nb.count <= hb.count, let first = nb.first else { return false }
        var i = 0
        let last = hb.count - nb.count
        while i <= last {
          if hb[i] == first {
            var j = 1
            while j < nb.count && hb[i + j] == nb[j] { j += 1 }
            if j == nb.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// `text` with no-break, narrow and thin spaces as spaces and non-breaking hyphens as hyphens,
  /// other characters kept (``fold(_:)`` also straightens quotes): how an answer quotes "$15 billion".
  public static func plainSpacing(_ text: String) -> String {
    if isASCII(text) { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x00A0, 0x2007, 0x2009, 0x200A, 0x202F: out.append(" ")
      case 0x2010, 0x2011: out.append("-")
      default: out.append(scalar)
      }
    }
    return String(out)
  }
}
