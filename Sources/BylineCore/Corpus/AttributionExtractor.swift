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
    for word in OutletDirectory.mastheadWords { spellings.insert(word.lowercased()) }
    for word in ["site", "website", "outlet", "newspaper", "paper", "magazine", "publication", "blog", "broadcaster"] {
      spellings.insert(word)
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
    + "has reported|has confirmed|understands|reports that|published|calculated|estimated|found|identified|"
    + "obtained|put|quoted|added|claimed|claims|suggested|suggests|first reported|was first to report"

  /// Verbs an organisation uses about itself ("Thomson Reuters said in a statement"): with them an
  /// outlet the story is about is a speaker, not a source.
  static let speakerVerbs: Set<String> = [
    "says", "said", "confirmed", "confirms", "noted", "notes", "added", "claimed", "claims", "published", "put",
  ]

  private static let name = #"((?:The[ -])?[A-Z][\w'’&.-]*(?:[ -](?:[A-Z][\w'’&.-]*|of|and))*)"#
  private static let domain = #"((?:[a-z0-9-]+\.)+[a-z]{2,})"#
  private static let patterns: [NSRegularExpression] = [
    #"\baccording to (?:a |an |the )?"# + name,
    // ("The Wall Street Journal had reported hours before …": a perfect tense credits it too.)
    name + #"(?:,[^,]{1,40},)? (?:(?:has|had|have) )?("# + reportingVerbs + #")\b"#,
    #"\b(?:first published|published|reported|cited|broken|broke|report|reporting|scoop|files|quoted) by (?:the )?"#
      + name,
    name + #"(?: and (?:the )?"# + name + #")?, which (?:first )?(?:broke|reported|published|revealed)\b"#,
    #"\b(?:an? |the )"# + name + #" (?:report|article|story|analysis)\b"#,
    #"\b(?:Source|Sources|Via|Primary source)\s*[:•]\s*"# + name,
    #"\b(?:told|spoke to|speaking to|talking to|in an interview with|interviewed by|citing|quoted in|writing in|(?:said|admitted|speaking|appearing|acknowledged|insisted|confirmed|interview|interviewed) on) (?:the )?"#
      + name,
    name
      + #"['’]s (?:own )?(?:reporting|report|sources|story|investigation|analysis|coverage|reporters?|correspondents?|scoop)\b"#,
    #"\b(?:writes|wrote|writing) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} (?:in|on|for|at) (?:the )?(?:"# + domain + "|"
      + name + ")",
    #"\b(?:site|website|news site|outlet|newspaper|paper|daily|tabloid|broadsheet|broadcaster|news agency|wire service|magazine|channel) (?:"#
      + domain + "|" + name + ")",
    name
      + #", (?:a|an|the) (?:(?!after |before |since |of |when |that |who |which )[\w-]+ ){0,3}(?:site|website|outlet|news site|newspaper|paper|tabloid|broadsheet|magazine|publication|blog|broadcaster|news agency|wire service|channel)\b"#,
    // The same as the second, with a word between the name and the verb ("The BBC later reported",
    // "the PA news agency understands"): a pattern of its own so that the common case stays cheap.
    name
      + #"(?: news agency| newspaper| news service| wire service| website| broadcaster| later| also| first| earlier| then| previously| originally| separately| exclusively)(?:,[^,]{1,40},)? ("#
      + reportingVerbs + #")\b"#,
  ].map { try! NSRegularExpression(pattern: $0) }

  /// Patterns whose capture may be an outlet the directory does not list, when it looks like a
  /// masthead ("the Houston Chronicle") or is described as one ("X, a site that follows …").
  private static let describesOutlet: Set<Int> = [9, 10]

  /// "With files from X and Y", "Additional reporting by X": a list of contributing outlets.
  private static let contributors = try! NSRegularExpression(
    pattern:
      #"\b(?:[Ww]ith files from|[Aa]dditional reporting (?:by|from)|[Ww]ith reporting (?:by|from)|[Ww]ith additional reporting from)\s+([^.;()]+)"#
  )

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
    [
      "told ", "spoke to ", "speaking to ", "talking to ", "interview with ", "interviewed by ", "citing ",
      "quoted in ",
      "writing in ", "said on ", "admitted on ", "speaking on ", "appearing on ", "acknowledged on ", "insisted on ",
      "confirmed on ", "interview on ", "interviewed on ",
    ],
    Self.possessiveNouns.flatMap { ["'s " + $0, "’s " + $0] },
    ["writes ", "wrote ", "writing "],
    Self.outletNouns.map { $0 + " " },
    Self.outletNouns,
    [
      " news agency ", " newspaper ", " news service ", " wire service ", " website ", " broadcaster ", " later ",
      " also ", " first ", " earlier ", " then ", " previously ", " originally ", " separately ", " exclusively ",
    ],
  ]

  /// What an outlet's possessive is followed by when it is credited ("ESPN's sources").
  private static let possessiveNouns = [
    "own", "report", "sources", "story", "investigation", "analysis", "coverage", "reporter", "correspondent", "scoop",
  ]
  /// Words that describe a news outlet ("the Irish site breakingnews.ie", "X, a site that …").
  private static let outletNouns = [
    "site", "outlet", "paper", "daily", "tabloid", "broadsheet", "broadcaster", "agency", "service", "magazine",
    "channel", "publication", "blog",
  ]

  /// Cheap pre-check: a sentence without any of these credits no outlet.
  static let triggers = [
    "(", "accord", "report", "say", "said", "note", "wrote", "write", "confirm", "reveal", "cite",
    "broke", "publish", "source", "via", "point", "story", "article", "analysis", "news", "told", "spoke",
    "speaking", "talking", "interview", "citing", "'s ", "’s ", "files from", "reporting", "calculat", "estimat",
    "found", "identified", "obtained", "understands", "learned", "put ", "quoted", "added", "claim", "suggest",
    "site", "paper", "magazine", "agency", "broadcaster", "outlet", "blog", "admit", "appearing", "insisted",
    "acknowledged", "interview",
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

  /// The outlets `sentence` credits, in order of appearance, without duplicates. `subjects` are
  /// outlets the story is about: "X said" of one of them is the organisation speaking.
  public func outlets(in sentence: String, subjects: Set<String> = []) -> [String] {
    let ascii = TextNormalizer.isASCII(sentence)
    if ascii {
      guard Self.triggerSet.occurs(in: sentence) else { return [] }
    } else {
      let lower = sentence.lowercased()
      guard Self.triggers.contains(where: { TextNormalizer.has(lower, $0) }) else { return [] }
    }
    let text = TextNormalizer.fold(sentence)
    let ns = text as NSString
    let whole = NSRange(location: 0, length: ns.length)
    var found: [(Int, String)] = []
    for match in TextNormalizer.has(text, "(") ? Self.parenthetical.matches(in: text, range: whole) : [] {
      let inner = ns.substring(with: match.range(at: 1))
      for n in listedOutlets(inner) ?? [] { found.append((match.range.location, n)) }
    }
    let present =
      !ascii || mayNameOutlet(text)
      ? Self.patternWordSet.occurrences(in: text) : [Bool](repeating: false, count: Self.patternWordSet.count)
    for (index, (regex, words)) in zip(Self.patterns, Self.patternWordRanges).enumerated()
    where present[words].contains(true) {
      for match in regex.matches(in: text, range: whole) {
        let groups = index == 1 || index == 11 ? [1] : Array(1..<match.numberOfRanges)
        for group in groups where match.range(at: group).location != NSNotFound {
          let candidate = ns.substring(with: match.range(at: group))
          var outlets: [String] = []
          if OutletDirectory.isDomain(candidate) {
            // A site named by its domain in running text keeps that name when it is not known.
            let named = directory.outlet(forDomain: candidate)
            outlets = [directory.canonical(named) != nil || named.contains(" ") ? named : candidate.lowercased()]
          } else {
            // "TF1 and Le Parisien reported": each name of the list.
            let parts =
              TextNormalizer.has(candidate, " and ") ? candidate.components(separatedBy: " and ") : [candidate]
            for part in parts {
              if let o = resolve(part, allowUnknown: Self.describesOutlet.contains(index) ? .always : .masthead) {
                outlets.append(o)
              }
            }
            if parts.count > 1 && outlets.isEmpty, let o = resolve(candidate) { outlets = [o] }
          }
          for outlet in outlets {
            if index == 1 || index == 11, match.numberOfRanges > 2, match.range(at: 2).location != NSNotFound {
              // "Thomson Reuters said in a statement", "the BBC said" in a story about the BBC.
              let verb = ns.substring(with: match.range(at: 2))
              let after = ns.substring(from: match.range.location + match.range.length)
              if Self.speakerVerbs.contains(verb)
                && (subjects.contains(outlet) || after.hasPrefix(" in a statement") || after.hasPrefix(" in a filing")
                  || after.hasPrefix(" on its website") || after.hasPrefix(" in a post"))
              {
                continue
              }
            }
            found.append((match.range(at: group).location, outlet))
          }
        }
      }
    }
    if TextNormalizer.has(text, "files from") || TextNormalizer.has(text, "reporting ") {
      for match in Self.contributors.matches(in: text, range: whole) {
        let list = ns.substring(with: match.range(at: 1))
        for n in listedOutlets(list, separators: true) ?? [] { found.append((match.range(at: 1).location, n)) }
      }
    }
    var seen = Set<String>()
    return found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
  }

  /// The outlets a list names ("axios.com, theverge.com", "DPA - Yonhap", "The AP and Reuters"),
  /// or nil when an item is not an outlet.
  func listedOutlets(_ list: String, separators words: Bool = false) -> [String]? {
    var text = list
    if words {
      text = text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
    }
    let items = text.split { $0 == "," || $0 == ";" || $0 == "/" }.flatMap { piece in
      piece.components(separatedBy: " - ").flatMap { $0.components(separatedBy: " – ") }
    }.map { TextNormalizer.trimmed(Substring($0), where: TextNormalizer.isBlank) }.filter { !$0.isEmpty }
    guard !items.isEmpty else { return nil }
    var names: [String] = []
    for item in items {
      var item = item
      if item.lowercased().hasPrefix("the ") && directory.canonical(item) == nil { item = String(item.dropFirst(4)) }
      if OutletDirectory.isDomain(item) {
        names.append(directory.outlet(forDomain: item))
      } else if let known = directory.canonical(item) {
        names.append(known)
      } else {
        return nil
      }
    }
    return names
  }

  /// The outlets the directory knows among the capitalised names of `text` (a headline).
  public func mentioned(in text: String) -> Set<String> {
    let folded = TextNormalizer.fold(text)
    if TextNormalizer.isASCII(folded) && !names.occurs(in: folded) { return [] }
    let ns = folded as NSString
    var out = Set<String>()
    for m in Self.capitalisedRun.matches(in: folded, range: NSRange(location: 0, length: ns.length)) {
      if let outlet = resolve(ns.substring(with: m.range), allowUnknown: .never) { out.insert(outlet) }
    }
    return out
  }

  private static let capitalisedRun = try! NSRegularExpression(pattern: name)

  enum Unknown { case never, masthead, always }

  /// Words that may stand before an outlet's name inside a run of capitalised words without
  /// making it part of a longer name ("In May Reuters reported", but not "Thomson Reuters said").
  private static let leadWords: Set<String> = [
    "the", "in", "on", "at", "as", "but", "and", "then", "also", "earlier", "later", "meanwhile", "while", "when",
    "after", "before", "since", "yesterday", "today", "separately", "however", "so", "now", "both", "last", "this",
    "a", "an", "of", "by", "for", "from", "with", "to", "if", "because", "though", "although", "even", "once", "only",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "us", "u.s.", "uk",
    "british", "american", "german", "french", "broadcaster", "newspaper", "publisher",
  ]

  /// Maps a captured name to a known outlet, trying shorter runs of its words. A run inside a
  /// longer name ("Thomson Reuters") does not count; a name the directory does not know counts
  /// when `allowUnknown` says so.
  private func resolve(_ candidate: String, allowUnknown: Unknown = .never) -> String? {
    var possessive = Set<Int>()
    let words = candidate.split(separator: " ").map { word -> String in
      var w = TextNormalizer.trimmed(Substring(word)) { $0 == "." || $0 == "," || $0 == "'" || $0 == "’" }
      if w.hasSuffix("'s") || w.hasSuffix("’s") { w.removeLast(2) }
      return w
    }.filter { !$0.isEmpty }
    for (i, word) in candidate.split(separator: " ").enumerated() where word.hasSuffix("'s") || word.hasSuffix("’s") {
      possessive.insert(i + 1)
    }
    guard !words.isEmpty else { return nil }
    var first = 0
    while first < words.count - 1, words[first] != "The", Self.leadWords.contains(words[first].lowercased()) {
      first += 1
    }
    // "The Athletic" is a name; "The" before "BBC" is only an article.
    // Any lead word may also begin the name ("Sunday Times", "The Athletic").
    var starts = Array(0...first)
    if words[first] == "The" && first + 1 < words.count { starts.append(first + 1) }
    // "Brazil's O Globo": a name starts after a possessive.
    if let p = possessive.filter({ $0 < words.count && $0 > first }).min() { starts.append(p) }
    for length in stride(from: words.count, through: 1, by: -1) {
      for startIndex in 0...(words.count - length) {
        if startIndex < first && !starts.contains(startIndex) { continue }
        if !starts.contains(startIndex) && startIndex <= starts.max()! { continue }
        let phrase = words[startIndex..<(startIndex + length)].joined(separator: " ")
        let known =
          directory.canonical(phrase)
          ?? (phrase.contains(".") && OutletDirectory.isDomain(phrase) ? directory.outlet(forDomain: phrase) : nil)
        guard let known else { continue }
        // Part of a longer capitalised name: "Thomson Reuters", "BBC Studios".
        if !starts.contains(startIndex) { continue }
        if startIndex + length < words.count, !Self.leadWords.contains(words[startIndex + length].lowercased()) {
          continue
        }
        return known
      }
    }
    let base = possessive.contains(starts.last!) ? starts.last! : first
    let withThe = words[base...].joined(separator: " ")
    let rest = words[(words[base] == "The" && base + 1 < words.count ? base + 1 : base)...].joined(separator: " ")
    switch allowUnknown {
    case .never: return nil
    case .masthead: return OutletDirectory.looksLikeMasthead(rest) ? withThe : nil
    case .always:
      let lead = Self.leadWords.contains(words[first].lowercased())
      return words.count - base <= 5 && words[base].first?.isUppercase == true && !lead ? withThe : nil
    }
  }
}
