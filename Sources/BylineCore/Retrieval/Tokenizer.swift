/// Splits text into lower-case word tokens the way the FTS5 `unicode61` tokenizer does (letters
/// and digits; everything else separates), and knows which words carry no topic.
public enum Tokenizer {
  /// The lower-case word tokens of `text`, with typographic variants folded.
  public static func words(_ text: String) -> [String] {
    var text = text
    if let ascii = text.withUTF8(asciiWords) { return ascii }
    var out: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty {
        out.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 128 {
        if v >= 97 && v <= 122 || v >= 48 && v <= 57 {
          current.append(scalar)
        } else if v >= 65 && v <= 90 {
          current.append(Unicode.Scalar(v + 32)!)
        } else {
          flush()
        }
      } else if scalar.properties.generalCategory == .nonspacingMark {
        // A combining accent: FTS5's unicode61 (remove_diacritics) drops it, so do we.
        continue
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        // "á" → "a", as unicode61 folds it: the base letter of the canonical decomposition.
        let base =
          scalar.properties.canonicalCombiningClass == .notReordered && scalar.value >= 0xC0 && scalar.value < 0x250
          ? String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar : scalar
        for lower in base.properties.lowercaseMapping.unicodeScalars { current.append(lower) }
      } else {
        flush()
      }
    }
    flush()
    return out
  }

  /// ``words(_:)`` for ASCII text, on bytes (most article text): nil when `bytes` holds any
  /// other character. Each word is made once from its bytes, not a scalar at a time.
  private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var out: [String] = []
    var start = -1
    for i in 0...bytes.count {
      let byte: UInt8 = i < bytes.count ? bytes[i] : 0x20
      if byte >= 0x80 { return nil }
      if TextNormalizer.isWordByte(byte) {
        if start < 0 { start = i }
        continue
      }
      guard start >= 0 else { continue }
      let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
      out.append(
        String(unsafeUninitializedCapacity: word.count) { buffer in
          for (k, b) in word.enumerated() { buffer[k] = b >= 65 && b <= 90 ? b + 32 : b }
          return word.count
        })
      start = -1
    }
    return out
  }

  /// The Porter stems of the word tokens of `text`.
  public static func stems(_ text: String) -> [String] {
    words(text).map(PorterStemmer.stem)
  }

  /// Function words and question words: never search terms.
  public static let stopWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "about", "as", "into", "from", "up", "down", "over", "under", "than", "then", "so", "that",
    "this", "these", "those", "there", "here", "it", "its", "it's", "is", "are", "was", "were", "be",
    "been", "being", "am", "do", "does", "did", "doing", "done", "have", "has", "had", "having",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "what", "which",
    "who", "whom", "whose", "when", "where", "why", "how", "i", "you", "he", "she", "we", "they",
    "me", "him", "her", "us", "them", "my", "your", "his", "our", "their", "any", "some", "all",
    "each", "every", "both", "either", "neither", "such", "no", "nor", "not", "only", "own",
    "same", "too", "very", "just", "also", "s", "t", "d", "ll", "re", "ve", "m", "much", "many",
    "more", "most", "other", "another", "one", "ones", "get", "got", "according", "tell", "me", "please",
    "know", "anything", "something", "thing", "things", "kind", "sort", "really", "actually",
    "name", "list", "say", "before", "after", "during", "until", "above", "below", "between", "among", "within", "said",
    "says", "via", "per", "while", "whether", "yet",
    "still", "ever", "even", "well", "like", "mean", "means", "happen", "happened", "doe",
    "kinds", "types", "type", "sorts", "exactly", "precisely", "specifically", "approximately",
    "roughly", "currently", "now", "today's", "exist", "exists", "anyone", "someone", "does",
    "through", "across", "against", "toward", "towards", "upon", "onto", "around", "throughout", "along",
    "amid", "beyond", "else", "anybody", "somebody", "everybody", "everyone", "nobody", "since", "till",
  ]

  /// Words that carry little of the topic in a question: kept as search terms with low weight.
  public static let lightWords: Set<String> = [
    "report", "reported", "reports", "reporting", "write", "wrote", "written", "describe",
    "described", "call", "called", "note", "noted", "mention", "mentioned", "article",
    "articles", "outlet", "outlets", "news", "story", "claim", "claims", "state", "stated",
    "company", "new", "next", "make", "made", "use", "used", "want", "wants", "plan", "plans",
    "going", "go", "take", "work", "way", "ways", "people", "time", "year", "years",
    "bring", "brings", "give", "gives", "put", "come", "comes", "become", "becomes", "seem",
    "try", "need", "look", "feel", "struck", "strike", "happen", "per", "piece", "part",
    "credit", "credits", "credited", "cite", "cites", "cited", "attribute", "attributed",
    // (What a figure question asks for, not what it is about: "sbf forfeiture amt?")
    "amount", "amounts", "figure", "figures",
  ]
}
