/// The curated paraphrase table: ways a question may say what an article says in other words.
///
/// Each group lists interchangeable words and phrases. A question that uses one of them also
/// searches for the others (with a little less weight than the words it used). Data only, kept in
/// this one place; add groups here, not literals in code.
public enum Paraphrases {
  /// Groups of interchangeable expressions.
  public static let groups: [[String]] = [
    [
      "in charge of", "lead", "leading", "led", "leader", "leadership", "head", "heading", "heads",
      "run", "running", "runs", "direct", "directing", "spearhead", "spearheading", "spearheaded",
      "oversee", "overseeing", "helm", "charge", "behind",
    ],
    [
      "cost", "costs", "price tag", "pay", "paid", "worth", "deal", "package", "spend", "spent",
      "investment", "invested", "valued", "billion", "million",
    ],
    [
      "broke the story", "break the story", "broke the news", "scoop", "first reported",
      "first published", "primary report", "original report", "break", "broke",
    ],
    [
      "differ", "differs", "different", "difference", "contrast", "compared", "departure",
      "unlike", "change", "shift",
    ],
    [
      "produce", "produced", "made", "written", "create", "created", "creating", "researched",
      "generated", "editors", "authored",
    ],
    [
      "confirm", "confirmed", "confirmation", "verified", "official", "on-the-record", "statement",
      "announce", "announced",
    ],
    [
      "release", "released", "launch", "launched", "ship", "shipped", "publish", "roll out",
      "rollout", "distribute", "distribution", "arrive", "drop", "available",
    ],
    ["open source", "open-source", "openness", "open-weight", "weights"],
    ["apologise", "apologize", "apology", "apologies", "say sorry", "said sorry", "sorry"],
    [
      "hire", "hired", "recruit", "recruited", "recruitment", "bring in", "brought in", "joined",
      "join", "appointment", "appointed", "poach",
    ],
    [
      "risk", "risks", "danger", "dangers", "dangerous", "worry", "worries", "concern",
      "concerns", "misuse", "threat", "harm", "weaponize",
    ],
    [
      "rival", "rivals", "competitor", "competitors", "competition", "compete", "competing",
      "competitive",
    ],
    [
      "keep", "withhold", "withheld", "hold back", "held back", "retain", "retaining",
      "proprietary", "private", "closed", "firewall", "guarded",
    ],
    ["ceo", "chief", "executive", "boss", "head"],
    [
      "weak", "poor", "underperform", "underperformed", "underperformance", "flop", "disappoint",
      "disappointing", "weak reception", "struggle", "struggled",
    ],
    [
      "reorganize", "reorganized", "reorganization", "restructure", "restructured",
      "restructuring", "shake-up", "overhaul", "recalibration",
    ],
    ["staff", "employees", "workers", "talent", "departures", "people"],
    ["liken", "likened", "compare", "compared", "similar", "analogy"],
    [
      "plan", "plans", "intend", "intends", "expect", "expects", "envision", "envisions",
      "slated", "preparing", "aims", "hope", "hopes",
    ],
    ["say", "said", "says", "state", "stated", "claim", "argue", "argued", "write", "wrote"],
    ["government", "governments", "state", "authorities", "officials"],
    [
      "uncertain", "unknown", "unclear", "not disclosed", "undisclosed", "unconfirmed",
      "remains unclear", "not finalized",
    ],
    ["timing", "timeline", "when", "roadmap", "schedule", "date"],
    ["license", "licence", "licensing", "licenses", "terms"],
    ["money", "revenue", "monetization", "monetize", "commercial", "profit"],
    ["reason", "because", "why", "motivation", "logic", "rationale"],
    ["free", "freely"],
    ["ai", "artificial intelligence"],
    ["us", "u.s.", "american", "domestic", "united states"],
    ["benefit", "benefits", "help", "helps", "advantage", "advantages", "value", "gain", "gains"],
    ["business", "businesses", "companies", "firms", "enterprises"],
    ["position", "role", "title", "job", "served as", "post"],
    ["hold", "held", "serve", "served", "occupy"],
    ["organisation", "organization", "division", "unit", "lab", "labs"],
    ["create", "creation", "formed", "form", "set up", "established", "founded"],
    ["recent", "latest", "newest", "most recent"],
    ["previous", "prior", "earlier", "former", "past"],
    ["sequence", "sequencing", "order", "phased", "staggered", "phase"],
    ["warn", "warned", "caution", "cautioned", "cautions"],
    ["wait", "waits", "waiting", "delay", "delays", "lag", "late", "later"],
    ["lower", "below", "beneath", "less than", "cheaper"],
    ["higher", "above", "more than", "exceed", "exceeds"],
    ["made public", "make public", "disclose", "disclosed", "reveal", "revealed", "publish", "published"],
    ["challenge the ruling", "challenge the decision", "appeal", "appealed", "contest the ruling"],
    [
      "walk away", "walked away", "abandon", "abandoned", "call off", "called off", "scrap", "scrapped",
      "pull out", "pulled out", "terminate", "terminated",
    ],
    ["tie-up", "merger", "takeover", "acquisition", "combination", "deal"],
  ]

  /// Irregular and variant word forms that stemming does not join; matched at full weight.
  public static let inflections: [[String]] = [
    ["give", "gave", "given"], ["write", "wrote", "written"], ["lead", "led"],
    ["bring", "brought"], ["buy", "bought"], ["pay", "paid"], ["say", "said"], ["make", "made"],
    ["take", "took", "taken"], ["begin", "began", "begun"], ["choose", "chose", "chosen"],
    ["know", "knew", "known"], ["build", "built"], ["spend", "spent"], ["hold", "held"],
    ["keep", "kept"], ["sell", "sold"], ["tell", "told"], ["think", "thought"], ["win", "won"],
    ["see", "saw", "seen"], ["come", "came"], ["go", "went", "gone"], ["run", "ran"],
    ["find", "found"], ["break", "broke", "broken"], ["rise", "rose", "risen"],
    ["fall", "fell", "fallen"], ["grow", "grew", "grown"], ["leave", "left"], ["lose", "lost"],
    ["meet", "met"], ["send", "sent"], ["speak", "spoke", "spoken"], ["stand", "stood"],
    ["teach", "taught"], ["understand", "understood"], ["draw", "drew", "drawn"],
    ["drive", "drove", "driven"], ["eat", "ate", "eaten"], ["fly", "flew", "flown"],
    ["hide", "hid", "hidden"], ["ride", "rode"], ["shake", "shook"], ["sing", "sang"],
    ["steal", "stole"], ["strike", "struck"], ["swear", "swore"], ["tear", "tore"],
    ["throw", "threw", "thrown"], ["wake", "woke"], ["wear", "wore"], ["bear", "bore", "born"],
    ["bet", "bet"], ["seek", "sought"], ["catch", "caught"], ["fight", "fought"],
    ["feel", "felt"], ["lay", "laid"], ["lend", "lent"], ["mean", "meant"], ["sit", "sat"],
    ["sleep", "slept"], ["spin", "spun"], ["stick", "stuck"], ["swing", "swung"],
    ["organisation", "organization"], ["organise", "organize"], ["licence", "license"],
    ["us", "u s"],
  ]

  /// Every group of `groups`, then of `inflections`, each expression stemmed (the stems of a
  /// phrase joined by a space). Stemmed once; the lookups below are derived from it.
  static let stemmedGroups: [[String]] = (groups + inflections).map { group in
    group.map { Tokenizer.stems($0).joined(separator: " ") }
  }

  /// For each stemmed expression, the positions in `stemmedGroups` of the groups that hold it.
  private static let groupsByStem: [String: [Int]] = {
    var out: [String: [Int]] = [:]
    for (i, group) in stemmedGroups.enumerated() {
      for s in group where out[s]?.last != i { out[s, default: []].append(i) }
    }
    return out
  }()

  /// The alternatives of each stem asked for so far.
  private static let alternativesMemo = Memo<String, Set<String>>(limit: 50_000)
  /// The same-word forms of each stem asked for so far.
  private static let sameWordMemo = Memo<String, Set<String>>(limit: 50_000)

  /// Which of the table's groups a lookup reads.
  private enum Scope {
    /// `groups` and `inflections`.
    case all
    /// `inflections` only: the same word.
    case inflections
    /// `groups` only: other words of the same meaning.
    case meanings
  }

  /// The other expressions of the groups of `scope` holding `stem`.
  private static func others(of stem: String, in scope: Scope) -> Set<String> {
    var out = Set<String>()
    for i in groupsByStem[stem] ?? [] {
      switch scope {
      case .all: break
      case .inflections: if i < groups.count { continue }
      case .meanings: if i >= groups.count { continue }
      }
      for s in stemmedGroups[i] where s != stem { out.insert(s) }
    }
    return out
  }

  /// The stemmed alternatives of a stemmed term or phrase.
  public static func alternatives(of stem: String) -> Set<String> {
    if let known = alternativesMemo.value(for: stem) { return known }
    let made = others(of: stem, in: .all)
    alternativesMemo.store(made, for: stem)
    return made
  }

  /// The alternatives of a word of a name ("Ever Given"): the paraphrase groups' ("CEO" is a
  /// chief executive), not other forms of a verb, which a name does not take ("Given" is not
  /// "gave").
  public static func nameAlternatives(of stem: String) -> Set<String> {
    others(of: stem, in: .meanings)
  }

  /// Stemmed word forms that mean the same word as `stem` (irregular verbs, spelling variants).
  public static func sameWord(as stem: String) -> Set<String> {
    if let known = sameWordMemo.value(for: stem) { return known }
    let made = others(of: stem, in: .inflections)
    sameWordMemo.store(made, for: stem)
    return made
  }

  /// Multi-word expressions of the table, as stem sequences, longest first (in table order
  /// among those of one length).
  public static let phrases: [[String]] = {
    var seen = Set<String>()
    var out: [[String]] = []
    for (group, stemmed) in zip((groups + inflections), stemmedGroups) {
      for (text, stems) in zip(group, stemmed) where text.utf8.contains(0x20) || text.utf8.contains(0x2D) {
        let words = stems.split(separator: " ").map(String.init)
        if words.count > 1, seen.insert(stems).inserted { out.append(words) }
      }
    }
    return out.enumerated().sorted { a, b in
      a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
    }.map(\.element)
  }()

  /// The alternatives of a stemmed term or phrase, in order, each split into its stems.
  public static func sequences(of stem: String) -> [[String]] {
    alternatives(of: stem).sorted().map { $0.split(separator: " ").map(String.init) }
  }

  /// The ``nameAlternatives(of:)`` of a stem, in order, each split into its stems.
  public static func nameSequences(of stem: String) -> [[String]] {
    nameAlternatives(of: stem).sorted().map { $0.split(separator: " ").map(String.init) }
  }

  /// Same-word forms of a stem, in order, each split into its stems.
  public static func sameWordSequences(of stem: String) -> [[String]] {
    sameWord(as: stem).sorted().map { $0.split(separator: " ").map(String.init) }
  }
}
