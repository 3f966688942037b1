/// Knows the names of news outlets: canonical spellings, aliases and web domains.
///
/// The tables are data: add an outlet here and every stage (attribution, outlet filters,
/// citations) recognises it.
public struct OutletDirectory: Sendable {
  /// Canonical outlet names keyed by lower-cased alias.
  private var aliases: [String: String]
  /// Canonical outlet names keyed by web domain (without `www.`).
  private var domains: [String: String]
  /// Every name and alias as written.
  public private(set) var spellings: [String] = []

  /// The built-in directory.
  public static let standard = OutletDirectory()

  /// Creates the directory from the built-in tables plus extra canonical names.
  public init(extra: [String] = []) {
    var aliases: [String: String] = [:]
    var spellings: [String] = []
    for (canonical, more) in Self.known {
      aliases[Self.key(canonical)] = canonical
      for alias in more { aliases[Self.key(alias)] = canonical }
      spellings += [canonical] + more
    }
    for name in extra where !name.isEmpty && aliases[Self.key(name)] == nil {
      aliases[Self.key(name)] = name
      spellings.append(name)
    }
    self.spellings = spellings
    self.aliases = aliases
    self.domains = Self.domainTable
  }

  /// The canonical name for an outlet name or alias, or nil when the name is not a known outlet.
  public func canonical(_ name: String) -> String? {
    aliases[Self.key(name)]
  }

  /// The outlet behind a web domain ("axios.com" → "Axios"); unknown domains are named after
  /// their main label ("example-news.com" → "Example-News").
  public func outlet(forDomain raw: String) -> String {
    var domain = raw.lowercased()
    if domain.hasPrefix("www.") { domain.removeFirst(4) }
    if let name = domains[domain] { return name }
    let labels = domain.split(separator: ".")
    for i in labels.indices.dropLast() {
      let suffix = labels[i...].joined(separator: ".")
      if let name = domains[suffix] { return name }
    }
    let main = labels.count >= 2 ? String(labels[labels.count - 2]) : domain
    if let name = canonical(main) { return name }
    return main.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(
      separator: "-")
  }

  /// Whether a token looks like a web domain ("axios.com", "about.fb.com").
  public static func isDomain(_ token: String) -> Bool {
    let parts = token.lowercased().split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, let tld = parts.last, tldSet.contains(String(tld)) else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
  }

  static func key(_ name: String) -> String {
    String(TextNormalizer.fold(name).lowercased().unicodeScalars.filter { $0 != " " })
  }

  private static let tldSet: Set<String> = [
    "com", "org", "net", "io", "ai", "co", "news", "uk", "de", "fr", "tv", "info", "eu", "us", "ca",
    "au", "in", "jp", "tech", "media",
  ]

  /// Canonical names and their aliases.
  static let known: [(String, [String])] = [
    ("Axios", []), ("Reuters", []), ("The Verge", ["Verge"]), ("Bloomberg", []),
    ("The-Decoder", ["The Decoder", "Decoder"]), ("SiliconANGLE", ["Silicon Angle"]),
    ("OpenTools", ["Open Tools"]), ("TechCrunch", []), ("The Information", []),
    ("CNBC", []), ("CNN", []), ("BBC", ["BBC News"]), ("Associated Press", ["AP"]),
    ("The Wall Street Journal", ["Wall Street Journal", "WSJ"]),
    ("The New York Times", ["New York Times", "NYT"]), ("Financial Times", ["FT"]),
    ("The Washington Post", ["Washington Post"]), ("The Guardian", ["Guardian"]),
    ("Wired", []), ("Engadget", []), ("VentureBeat", []), ("Business Insider", []),
    ("Forbes", []), ("Fortune", []), ("Ars Technica", []), ("ZDNet", []),
    ("MarketWatch", []), ("Yahoo Finance", []), ("Seeking Alpha", []), ("Benzinga", []),
    ("The Motley Fool", ["Motley Fool"]), ("Barron's", ["Barrons"]), ("Investopedia", []),
    ("Morning Overview", []), ("Scout", []), ("SectorHQ", ["Sector HQ", "SectorHQ Editorial"]),
    ("Semafor", []), ("Politico", []), ("The Atlantic", []), ("Vox", []), ("Platformer", []),
    ("404 Media", []), ("Gizmodo", []), ("Mashable", []), ("The Register", []), ("Quartz", []),
  ]

  /// Domains of known outlets and of company newsrooms.
  static let domainTable: [String: String] = [
    "axios.com": "Axios", "reuters.com": "Reuters", "theverge.com": "The Verge",
    "bloomberg.com": "Bloomberg", "the-decoder.com": "The-Decoder",
    "siliconangle.com": "SiliconANGLE", "techcrunch.com": "TechCrunch",
    "theinformation.com": "The Information", "cnbc.com": "CNBC", "cnn.com": "CNN",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "apnews.com": "Associated Press",
    "wsj.com": "The Wall Street Journal", "nytimes.com": "The New York Times",
    "ft.com": "Financial Times", "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian", "wired.com": "Wired", "engadget.com": "Engadget",
    "venturebeat.com": "VentureBeat", "businessinsider.com": "Business Insider",
    "forbes.com": "Forbes", "fortune.com": "Fortune", "arstechnica.com": "Ars Technica",
    "zdnet.com": "ZDNet", "marketwatch.com": "MarketWatch", "finance.yahoo.com": "Yahoo Finance",
    "seekingalpha.com": "Seeking Alpha", "benzinga.com": "Benzinga", "fool.com": "The Motley Fool",
    "about.fb.com": "Meta", "ai.meta.com": "Meta", "meta.com": "Meta", "fb.com": "Meta",
    "blog.google": "Google", "openai.com": "OpenAI", "anthropic.com": "Anthropic",
    "opentools.ai": "OpenTools", "semafor.com": "Semafor", "politico.com": "Politico",
  ]
}
