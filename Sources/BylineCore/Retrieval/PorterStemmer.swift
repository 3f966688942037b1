/// The Porter (1980) stemmer, the same algorithm as SQLite's `porter` tokenizer, so that terms
/// stemmed here can be looked up in the FTS5 vocabulary and compared with indexed text.
public enum PorterStemmer {
  /// The stem of a lower-case ASCII word; other words are returned unchanged.
  public static func stem(_ word: String) -> String {
    guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
    if let cached = cache.value(for: word) { return cached }
    var w = Array(word.utf8)
    step1a(&w); step1b(&w); step1c(&w); step2(&w); step3(&w); step4(&w); step5(&w)
    let stem = String(decoding: w, as: UTF8.self)
    cache.store(stem, for: word)
    return stem
  }

  /// Stems already computed: questions and passages repeat the same words.
  private static let cache = Memo<String, String>(limit: 200_000)

  private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
    switch w[i] {
    case 97, 101, 105, 111, 117: return false
    case 121: return i == 0 ? true : !isConsonant(w, i - 1)
    default: return true
    }
  }

  /// The measure m of w[0..<end]: the number of VC sequences.
  private static func measure(_ w: [UInt8], _ end: Int) -> Int {
    var n = 0
    var i = 0
    while i < end && isConsonant(w, i) { i += 1 }
    while i < end {
      while i < end && !isConsonant(w, i) { i += 1 }
      if i >= end { break }
      while i < end && isConsonant(w, i) { i += 1 }
      n += 1
    }
    return n
  }

  private static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool {
    (0..<end).contains { !isConsonant(w, $0) }
  }

  private static func endsDoubleConsonant(_ w: [UInt8]) -> Bool {
    let n = w.count
    return n >= 2 && w[n - 1] == w[n - 2] && isConsonant(w, n - 1)
  }

  /// cvc where the last c is not w, x or y.
  private static func cvc(_ w: [UInt8], _ end: Int) -> Bool {
    guard end >= 3, isConsonant(w, end - 1), !isConsonant(w, end - 2), isConsonant(w, end - 3) else {
      return false
    }
    let c = w[end - 1]
    return c != 119 && c != 120 && c != 121
  }

  private static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
    // Suffixes are ASCII literals: compared as contiguous bytes, last byte first (most words
    // differ there).
    var suffix = suffix
    return suffix.withUTF8 { s in
      let n = s.count
      guard w.count >= n else { return false }
      let base = w.count - n
      var i = n - 1
      while i >= 0 {
        if w[base + i] != s[i] { return false }
        i -= 1
      }
      return true
    }
  }

  private static func replace(_ w: inout [UInt8], _ suffix: String, _ with: String) {
    w.removeLast(suffix.utf8.count)
    w.append(contentsOf: Array(with.utf8))
  }

  /// Replaces `suffix` with `with` when the stem before it has measure > `minMeasure`.
  @discardableResult
  private static func rule(_ w: inout [UInt8], _ suffix: String, _ with: String, _ minMeasure: Int) -> Bool {
    guard ends(w, suffix) else { return false }
    if measure(w, w.count - suffix.utf8.count) > minMeasure { replace(&w, suffix, with) }
    return true
  }

  private static func step1a(_ w: inout [UInt8]) {
    if ends(w, "sses") {
      replace(&w, "sses", "ss")
    } else if ends(w, "ies") {
      replace(&w, "ies", "i")
    } else if ends(w, "ss") {
    } else if ends(w, "s") {
      w.removeLast()
    }
  }

  private static func step1b(_ w: inout [UInt8]) {
    if ends(w, "eed") {
      if measure(w, w.count - 3) > 0 { w.removeLast() }
      return
    }
    var stripped = false
    if ends(w, "ed"), hasVowel(w, w.count - 2) {
      w.removeLast(2)
      stripped = true
    } else if ends(w, "ing"), hasVowel(w, w.count - 3) {
      w.removeLast(3)
      stripped = true
    }
    guard stripped else { return }
    if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
      w.append(101)
    } else if endsDoubleConsonant(w), ![108, 115, 122].contains(w.last!) {
      w.removeLast()
    } else if measure(w, w.count) == 1 && cvc(w, w.count) {
      w.append(101)
    }
  }

  private static func step1c(_ w: inout [UInt8]) {
    if ends(w, "y"), hasVowel(w, w.count - 1) { w[w.count - 1] = 105 }
  }

  private static let step2Rules: [(String, String)] = [
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ("logi", "log"),
  ]

  /// The rules of a step that can apply to a word ending in each ASCII byte, in their order.
  private static func byLastByte<T>(_ rules: [T], _ suffix: (T) -> String) -> [[T]] {
    var out = [[T]](repeating: [], count: 128)
    for rule in rules {
      if let last = suffix(rule).utf8.last { out[Int(last)].append(rule) }
    }
    return out
  }

  private static let step2ByLast = byLastByte(step2Rules) { $0.0 }

  private static func step2(_ w: inout [UInt8]) {
    guard let last = w.last, last < 128 else { return }
    for (s, r) in step2ByLast[Int(last)] where rule(&w, s, r, 0) { return }
  }

  private static let step3Rules: [(String, String)] = [
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
    ("ness", ""),
  ]

  private static let step3ByLast = byLastByte(step3Rules) { $0.0 }

  private static func step3(_ w: inout [UInt8]) {
    guard let last = w.last, last < 128 else { return }
    for (s, r) in step3ByLast[Int(last)] where rule(&w, s, r, 0) { return }
  }

  private static let step4Suffixes = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
  ].sorted { $0.count > $1.count }

  private static let step4ByLast = byLastByte(step4Suffixes) { $0 }

  private static func step4(_ w: inout [UInt8]) {
    guard let last = w.last, last < 128 else { return }
    for s in step4ByLast[Int(last)] where ends(w, s) {
      let stemEnd = w.count - s.utf8.count
      if s == "ion" {
        guard stemEnd > 0, w[stemEnd - 1] == 115 || w[stemEnd - 1] == 116 else { return }
      }
      if measure(w, stemEnd) > 1 { w.removeLast(s.utf8.count) }
      return
    }
  }

  private static func step5(_ w: inout [UInt8]) {
    if ends(w, "e") {
      let m = measure(w, w.count - 1)
      if m > 1 || (m == 1 && !cvc(w, w.count - 1)) { w.removeLast() }
    }
    if measure(w, w.count) > 1, endsDoubleConsonant(w), w.last == 108 { w.removeLast() }
  }
}
