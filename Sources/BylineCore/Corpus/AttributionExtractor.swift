import Foundation

/// Finds the outlets a sentence credits: "(axios.com, theverge.com)", "according to Axios",
/// "Reuters reported in June 2025", "The-Decoder reports", "first published by Axios",
/// "a SiliconANGLE report", and returns their canonical names.
public struct AttributionExtractor: Sendable {
  /// The outlet names to recognise.
  public let directory: OutletDirectory
  /// The directory's names, as whole words in any case, written as they are and without spaces:
  /// a name the patterns capture counts only when it holds one of them (or is a web domain).
  private let names: NeedleSet

  /// Creates an extractor over a directory of outlets.
  public init(directory: OutletDirectory = .standard) {
    self.directory = directory
    var spellings = Set<String>()
    for name in directory.spellings {
      let lower = TextNormalizer.fold(name).lowercased()
      spellings.insert(lower)
      spellings.insert(String(lower.unicodeScalars.filter { $0 != " " }))
    }
    names = NeedleSet(spellings.sorted(), foldingASCIICase: true, wholeWords: true)
  }

  /// Whether ASCII `text` may name an outlet the patterns can resolve: some name of the
  /// directory as whole words, or a dotted token like a web domain (``resolve(_:)`` accepts
  /// nothing else). Most sentences with a reporting verb quote people, not outlets.
  private func mayNameOutlet(_ text: String) -> Bool {
    if names.occurs(in: text) { return true }
    var text = text
    return text.withUTF8 { bytes in
      guard bytes.count > 2 else { return false }
      for i in 1..<(bytes.count - 1) where bytes[i] == 0x2E {
        if TextNormalizer.isWordByte(bytes[i - 1]) && TextNormalizer.isWordByte(bytes[i + 1]) { return true }
      }
      return false
    }
  }

  /// Verbs that follow an outlet credited as the source of a claim.
  static let reportingVerbs =
    "reports|reported|says|said|notes|noted|writes|wrote|points out|pointed out|"
    + "confirmed|confirms|first reported|broke the news|revealed|reveals|cites|cited|has learned|learned|"
    + "has reported|has confirmed|understands|reports that"

  private static let name = #"((?:The[ -])?[A-Z][\w'’&.-]*(?:[ -](?:[A-Z][\w'’&.-]*|of|and))*)"#
  private static let patterns: [NSRegularExpression] = [
    #"\baccording to (?:a |an |the )?"# + name,
    name + #"(?:,[^,]{1,40},)? (?:"# + reportingVerbs + #")\b"#,
    #"\b(?:first published|published|reported|cited|broken|broke|report|reporting|scoop) by "# + name,
    name + #", which (?:first )?(?:broke|reported|published|revealed)\b"#,
    #"\b(?:an? |the )"# + name + #" (?:report|article|story|analysis)\b"#,
    #"\b(?:Source|Sources|Via|Primary source)\s*[:•]\s*"# + name,
  ].map { try! NSRegularExpression(pattern: $0) }

  /// Words each pattern above needs, in the same order: a pattern runs only on a sentence that
  /// holds one of its words (the patterns are case-sensitive, so the test is exact).
  private static let patternWords: [[String]] = [
    ["according to "],
    reportingVerbs.split(separator: "|").map { " " + $0 },
    // The words the pattern puts before " by " ("first published by" holds "published by"):
    // " by " alone is common in any sentence.
    [
      "published by ", "reported by ", "cited by ", "broken by ", "broke by ", "report by ", "reporting by ",
      "scoop by ",
    ],
    [", which "],
    [" report", " article", " story", " analysis"],
    ["Source", "Via", "Primary source"],
  ]

  /// Cheap pre-check: a sentence without any of these credits no outlet.
  static let triggers = [
    "(", "accord", "report", "say", "said", "note", "wrote", "write", "confirm", "reveal", "cite",
    "broke", "publish", "source", "via", "point", "story", "article", "analysis", "news",
  ]

  /// ``triggers`` for one pass over a sentence, in any case.
  private static let triggerSet = NeedleSet(triggers, foldingASCIICase: true)
  /// Every pattern's words for one pass over a sentence, and which of them belong to each pattern.
  private static let patternWordSet = NeedleSet(patternWords.flatMap { $0 })
  private static let patternWordRanges: [Range<Int>] = {
    var start = 0
    return patternWords.map { words in
      defer { start += words.count }
      return start..<(start + words.count)
    }
  }()

  private static let parenthetical = try! NSRegularExpression(pattern: #"\(([^()]{2,200})\)"#)

  /// The outlets `sentence` credits, in order of appearance, without duplicates.
  public func outlets(in sentence: String) -> [String] {
    let ascii = TextNormalizer.isASCII(sentence)
    if ascii {
      guard Self.triggerSet.occurs(in: sentence) else { return [] }
    } else {
      let lower = sentence.lowercased()
      guard Self.triggers.contains(where: { TextNormalizer.has(lower, $0) }) else { return [] }
    }
    let text = TextNormalizer.fold(sentence)
    let ns = text as NSString
    var found: [(Int, String)] = []
    for match in TextNormalizer.has(text, "(")
      ? Self.parenthetical.matches(in: text, range: NSRange(location: 0, length: ns.length)) : []
    {
      let inner = ns.substring(with: match.range(at: 1))
      let items = inner.split(separator: ",").map { TextNormalizer.trimmed($0, where: TextNormalizer.isBlank) }
      var names: [String] = []
      for item in items {
        if OutletDirectory.isDomain(item) {
          names.append(directory.outlet(forDomain: item))
        } else if let known = directory.canonical(item) {
          names.append(known)
        } else {
          names = []
          break
        }
      }
      for n in names { found.append((match.range.location, n)) }
    }
    let present =
      !ascii || mayNameOutlet(text)
      ? Self.patternWordSet.occurrences(in: text) : [Bool](repeating: false, count: Self.patternWordSet.count)
    for (regex, words) in zip(Self.patterns, Self.patternWordRanges) where present[words].contains(true) {
      for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        let candidate = ns.substring(with: match.range(at: 1))
        if let outlet = resolve(candidate) { found.append((match.range(at: 1).location, outlet)) }
      }
    }
    var seen = Set<String>()
    return found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
  }

  /// Maps a captured name to a known outlet, trying shorter prefixes and suffixes.
  private func resolve(_ candidate: String) -> String? {
    let words = candidate.split(separator: " ").map(String.init)
    for length in stride(from: words.count, through: 1, by: -1) {
      for startIndex in 0...(words.count - length) {
        let phrase = words[startIndex..<(startIndex + length)].joined(separator: " ")
        let trimmed = TextNormalizer.trimmed(phrase) { $0 == "." || $0 == "," || $0 == "'" || $0 == "’" }
        if let known = directory.canonical(trimmed) { return known }
        if OutletDirectory.isDomain(trimmed) { return directory.outlet(forDomain: trimmed) }
      }
    }
    return nil
  }
}
