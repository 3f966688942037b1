import Foundation

/// Cuts a long sentence down to the clauses that carry the answer: the window of clauses that
/// holds the most question terms and the answer span, within a word budget.
public enum ClauseTrimmer {
  private static let boundary = try! NSRegularExpression(
    pattern:
      #"(?:[,;:]\s+|\s*[—–]\s*|\s+-\s+|\s+(?=\()|\s+(?=(?:and|but|while|which|because|although|whereas|so that|even if|even as) ))"#
  )
  private static let auxiliary = try! NSRegularExpression(
    pattern:
      #"^(?:will|would|is|are|was|were|has|have|had|could|can|should|may|might|must|do|does|did|remains?|stays?)\b"#)
  private static let trailingCredit = try! NSRegularExpression(
    pattern: #"\s*\([^()]*\)\s*[.!?]?\s*$"#)
  private static let subordinateEnd = try! NSRegularExpression(
    pattern: #"\b(by the time|if|when|unless|once|as soon as|until)\b[^,;]*[,;]?\s*$"#, options: [.caseInsensitive])

  /// The part of `sentence` to lead an answer with.
  ///
  /// - Parameters:
  ///   - keep: spans that should be inside the result (the answer), in order of preference.
  ///   - weights: stems of question terms and how much each matters.
  ///   - maxWords: the word budget.
  public static func trim(_ sentence: String, keep: [String], weights: [String: Double], maxWords: Int = 30)
    -> String
  {
    var text = TextNormalizer.trimmed(TextNormalizer.fold(sentence), where: TextNormalizer.isBlank)
    let ns0 = text as NSString
    if text.utf8.contains(0x28),
      let m = trailingCredit.firstMatch(in: text, range: NSRange(location: 0, length: ns0.length)),
      isCredit(ns0.substring(with: m.range))
    {
      text = ns0.substring(to: m.range.location)
    }
    text = TextNormalizer.trimmed(text) { $0 == " " || $0 == "." || $0 == ";" || $0 == ":" || $0 == "," }
    let words = text.split(whereSeparator: \.isWhitespace)
    if words.count <= maxWords { return text }

    let ns = text as NSString
    var cuts = [0]
    for m in boundary.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      cuts.append(m.range.location + m.range.length)
    }
    cuts.append(ns.length)
    var segments: [String] = []
    for i in 0..<(cuts.count - 1) where cuts[i] < cuts[i + 1] {
      segments.append(ns.substring(with: NSRange(location: cuts[i], length: cuts[i + 1] - cuts[i])))
    }
    // Every cut follows a space or a dash, so no word spans two segments: a window's stems are
    // its segments' stems, and its word count their counts, less one where a word runs on.
    let segmentStems = segments.map { Set(Tokenizer.stems($0)) }
    let segmentWords = segments.map(wordCount)
    let runsOn = segments.indices.map { i in
      i + 1 < segments.count && segments[i].last.map { !$0.isWhitespace } == true
        && segments[i + 1].first.map { !$0.isWhitespace } == true
    }
    let lowerSegments = segments.map { $0.lowercased() }
    let lowerKeep = keep.map { $0.lowercased() }
    // Holding a kept span outweighs any mix of question words.
    let keepBonus = 1 + Set(Tokenizer.stems(text)).reduce(0.0) { $0 + (weights[$1] ?? 0) }
    var best = (score: -Double.infinity, text: String(words.prefix(maxWords).joined(separator: " ")))
    var bestStart = 0
    for i in segments.indices {
      var window = ""
      var lower = ""
      var stems = Set<String>()
      var count = 0
      for j in i..<segments.count {
        window += segments[j]
        lower += lowerSegments[j]
        count += segmentWords[j] - (j > i && runsOn[j - 1] ? 1 : 0)
        if count > maxWords { break }
        stems.formUnion(segmentStems[j])
        var score = weights.reduce(0.0) { $0 + (stems.contains($1.key) ? $1.value : 0) }
        if let k = lowerKeep.firstIndex(where: { TextNormalizer.has(lower, $0) }) {
          score += keepBonus - Double(k) * 0.1
        }
        score += 0.4 * Double(lowerKeep.dropFirst().filter { TextNormalizer.has(lower, $0) }.count)
        score -= 0.01 * Double(count)
        if i == 0 { score += 0.05 }
        if score > best.score {
          best = (score, window)
          bestStart = i
        }
      }
    }
    // A window that stops inside an enumeration ("the Meta AI app, ad tools, and smart glasses")
    // takes the rest of it.
    var extended = best.text
    var next = Self.segmentIndex(after: best.text, in: segments, from: bestStart)
    var closed = false
    while next < segments.count, !closed {
      let seg = segments[next]
      let words = seg.split(whereSeparator: \.isWhitespace)
      guard words.count <= 4, wordCount(extended + seg) <= maxWords + 6,
        extended.hasSuffix(", ") || extended.hasSuffix(",")
      else { break }
      extended += seg
      closed = words.first.map { $0 == "and" || $0 == "or" } ?? false
      next += 1
    }
    if closed { best.text = extended }
    // A window that ends in a subordinate clause ("by the time open models arrive") has lost the
    // main clause after it: take the next clause too.
    let after = Self.segmentIndex(after: best.text, in: segments, from: bestStart)
    if after < segments.count,
      subordinateEnd.firstMatch(in: best.text, range: NSRange(location: 0, length: (best.text as NSString).length))
        != nil,
      wordCount(best.text + segments[after]) <= maxWords + 10
    {
      best.text += segments[after]
    }
    // A window that starts at a verb has lost its subject: take the clause before it too.
    let head = TextNormalizer.trimmed(best.text, where: TextNormalizer.isBlank)
    if bestStart > 0,
      auxiliary.firstMatch(in: head, range: NSRange(location: 0, length: (head as NSString).length)) != nil
    {
      let widened = segments[bestStart - 1] + best.text
      if wordCount(widened) <= maxWords + 8 { best.text = widened }
    }
    do {
      // A window of words (not clauses) may hold more of the answer than any clause that fits.
      var bestWords = (score: -Double.infinity, start: 0)
      let stems = words.map { Tokenizer.stems(String($0)) }
      // A window's text is a stretch of the lower-cased words joined by spaces: a kept span is in
      // the window when one of its occurrences in the whole lies within the window's bytes.
      let lowerWords = words.map { $0.lowercased() }
      var starts: [Int] = []
      var offset = 0
      for w in lowerWords {
        starts.append(offset)
        offset += w.utf8.count + 1
      }
      let keepsEmpty = lowerKeep.contains(where: \.isEmpty)
      let occurrences = lowerKeep.isEmpty ? [] : Self.occurrences(of: lowerKeep, in: lowerWords.joined(separator: " "))
      var seen = Set<String>()
      for start in 0...max(0, words.count - maxWords) {
        let range = start..<min(words.count, start + maxWords)
        var score = 0.0
        seen.removeAll(keepingCapacity: true)
        for i in range { for s in stems[i] where seen.insert(s).inserted { score += weights[s] ?? 0 } }
        if keepsEmpty {
          score += keepBonus
        } else if !occurrences.isEmpty {
          let from = starts[range.lowerBound]
          let to = starts[range.upperBound - 1] + lowerWords[range.upperBound - 1].utf8.count
          if occurrences.contains(where: { $0.lowerBound >= from && $0.upperBound <= to }) { score += keepBonus }
        }
        if score > bestWords.score { bestWords = (score, start) }
      }
      let clauseScore = Self.plainScore(best.text, weights: weights, keep: lowerKeep, bonus: keepBonus)
      if best.score == -Double.infinity || bestWords.score > clauseScore * 1.25 + 0.5 {
        let range = bestWords.start..<min(words.count, bestWords.start + maxWords)
        let text = words[range].joined(separator: " ")
        return (bestWords.start > 0 ? "…" : "") + text + (range.upperBound < words.count ? "…" : "")
      }
      if best.score == -Double.infinity { return String(words.prefix(maxWords).joined(separator: " ")) }
    }
    return TextNormalizer.trimmed(best.text) {
      $0 == " " || $0 == "," || $0 == ";" || $0 == ":" || $0 == "—" || $0 == "–" || $0 == "-" || $0 == "("
    }
  }

  /// The byte ranges of every occurrence of each of `needles` in `text` (compared byte for byte,
  /// as `TextNormalizer.has` does; empty needles have none).
  static func occurrences(of needles: [String], in text: String) -> [Range<Int>] {
    let hay = Array(text.utf8)
    var out: [Range<Int>] = []
    for needle in needles {
      let n = Array(needle.utf8)
      guard !n.isEmpty, n.count <= hay.count else { continue }
      for i in 0...(hay.count - n.count) where hay[i] == n[0] {
        var j = 1
        while j < n.count && hay[i + j] == n[j] { j += 1 }
        if j == n.count { out.append(i..<(i + n.count)) }
      }
    }
    return out
  }

  /// How many words `text` has (runs of characters that are not white space), as
  /// `split(whereSeparator: \.isWhitespace).count` counts them, on bytes for ASCII text.
  static func wordCount<S: StringProtocol>(_ text: S) -> Int {
    var count = 0
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
      // The runs of characters, counted without making them.
      var inWord = false
      for character in text {
        let space = character.isWhitespace
        if !space && !inWord { count += 1 }
        inWord = !space
      }
      return count
    }
    var inWord = false
    for byte in text.utf8 {
      // ASCII white space as Character has it: tab, line feed, vertical tab, form feed, carriage return, space.
      let space = byte == 0x20 || byte >= 0x09 && byte <= 0x0D
      if !space && !inWord { count += 1 }
      inWord = !space
    }
    return count
  }

  /// Term weight and kept spans in `text`, counted as the word windows count them.
  static func plainScore(_ text: String, weights: [String: Double], keep: [String], bonus: Double) -> Double {
    var score = Set(Tokenizer.stems(text)).reduce(0.0) { $0 + (weights[$1] ?? 0) }
    let lower = text.lowercased()
    if keep.contains(where: { lower.contains($0) }) { score += bonus }
    return score
  }

  /// The index of the segment after the window `text` that starts at segment `start`.
  static func segmentIndex(after text: String, in segments: [String], from start: Int) -> Int {
    var covered = 0
    var i = start
    let length = text.utf8.count
    while i < segments.count && covered < length {
      covered += segments[i].utf8.count
      i += 1
    }
    return i
  }

  private static func isCredit(_ parenthetical: String) -> Bool {
    let inner = parenthetical.trimmingCharacters(in: CharacterSet(charactersIn: " ().!?"))
    return inner.split(separator: ",").allSatisfy {
      let item = $0.trimmingCharacters(in: .whitespaces)
      return OutletDirectory.isDomain(item) || OutletDirectory.standard.canonical(item) != nil
    }
  }
}
