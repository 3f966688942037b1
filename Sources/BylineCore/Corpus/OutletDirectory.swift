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
      // "The Alder Review" is "the Alder Review" in a question, whose name finder leaves the
      // article out: the name without it is the outlet too.
      if name.hasPrefix("The "), name.split(separator: " ").count > 2 {
        let bare = String(name.dropFirst(4))
        if aliases[Self.key(bare)] == nil {
          aliases[Self.key(bare)] = name
          spellings.append(bare)
        }
      }
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
    // "thesundaytimes.co.uk": the main label sits before a second-level suffix ("co.uk",
    // "com.au", "co.jp"), never the suffix itself.
    var mainIndex = labels.count - 2
    if labels.count >= 3, labels[labels.count - 1].count == 2, Self.secondLevel.contains(String(labels[mainIndex])) {
      mainIndex -= 1
    }
    let main = mainIndex >= 0 ? String(labels[mainIndex]) : domain
    if let name = canonical(main) { return name }
    return Self.readable(label: main)
  }

  /// A domain label as a name: "example-news" → "Example-News", "thesundaytimes" → "Thesundaytimes".
  public static func readable(label: String) -> String {
    label.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
  }

  /// Whether a token looks like a web domain ("axios.com", "about.fb.com").
  public static func isDomain(_ token: String) -> Bool {
    let parts = token.lowercased().split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, let tld = parts.last, tldSet.contains(String(tld)) else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
  }

  static func key(_ name: String) -> String {
    if TextNormalizer.isPlainASCII(name) {
      // Lower-cased bytes without spaces: what the general path gives for ASCII, without its cost.
      var bytes: [UInt8] = []
      bytes.reserveCapacity(name.utf8.count)
      for b in name.utf8 where b != 0x20 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(TextNormalizer.fold(name).lowercased().unicodeScalars.filter { $0 != " " })
  }

  private static let tldSet: Set<String> = [
    "com", "org", "net", "io", "ai", "co", "news", "uk", "de", "fr", "tv", "info", "eu", "us", "ca",
    "au", "in", "jp", "tech", "media", "es", "it", "nl", "ie", "nz", "za", "ch", "at", "be", "se",
    "no", "dk", "fi", "pl", "pt", "br", "mx", "ar", "kr", "cn", "hk", "sg", "ru", "il", "gr", "tr",
  ]

  /// Labels that stand between a country code and the main label: "co.uk", "com.au", "ne.jp".
  private static let secondLevel: Set<String> = [
    "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv", "go", "nic",
  ]

  /// Canonical names and their aliases.
  static let known: [(String, [String])] = [
    ("Axios", []), ("Reuters", []), ("The Verge", ["Verge"]), ("Bloomberg", ["Bloomberg News"]),
    ("The-Decoder", ["The Decoder", "Decoder"]), ("SiliconANGLE", ["Silicon Angle"]),
    ("OpenTools", ["Open Tools"]), ("TechCrunch", []), ("The Information", []),
    ("CNBC", []), ("CNN", []), ("BBC", ["BBC News", "BBC Sport", "BBC Radio"]),
    ("Associated Press", ["AP", "The Associated Press", "AP News"]),
    ("The Wall Street Journal", ["Wall Street Journal", "WSJ"]),
    ("The New York Times", ["New York Times", "NYT"]), ("Financial Times", ["FT", "The Financial Times"]),
    ("The Washington Post", ["Washington Post"]), ("The Guardian", ["Guardian"]),
    ("Wired", []), ("Engadget", []), ("VentureBeat", []), ("Business Insider", []),
    ("Forbes", []), ("Fortune", []), ("Ars Technica", []), ("ZDNet", []),
    ("MarketWatch", []), ("Yahoo Finance", []), ("Seeking Alpha", []), ("Benzinga", []),
    ("The Motley Fool", ["Motley Fool"]), ("Barron's", ["Barrons"]), ("Investopedia", []),
    ("Morning Overview", []), ("Scout", []), ("SectorHQ", ["Sector HQ", "SectorHQ Editorial"]),
    ("Semafor", []), ("Politico", []), ("The Atlantic", []), ("Vox", []), ("Platformer", []),
    ("404 Media", []), ("Gizmodo", []), ("Mashable", []), ("The Register", []), ("Quartz", []),
    // News agencies.
    ("PA Media", ["PA", "Press Association", "PA news agency", "PA Wire"]),
    ("DPA", ["Deutsche Presse-Agentur"]), ("AFP", ["Agence France-Presse", "Agence France Presse"]),
    ("Yonhap", ["Yonhap News Agency"]), ("Kyodo", ["Kyodo News"]), ("ANSA", []), ("EFE", []),
    ("Xinhua", ["Xinhua News Agency"]), ("The Canadian Press", ["Canadian Press"]),
    ("UPI", ["United Press International"]), ("ANI", []), ("PTI", ["Press Trust of India"]),
    ("Interfax", []), ("TASS", []), ("Anadolu", ["Anadolu Agency"]), ("Jiji", ["Jiji Press"]),
    ("AAP", ["Australian Associated Press"]),
    // Broadcasters.
    ("Sky News", []), ("Sky Sports", ["Sky Sports News"]), ("ESPN", []), ("NPR", []), ("ABC News", ["ABC"]),
    ("CBS News", ["CBS"]), ("NBC News", ["NBC"]), ("Fox News", []), ("Al Jazeera", []), ("ITV News", ["ITV"]),
    ("Channel 4 News", []), ("France 24", []), ("Deutsche Welle", ["DW"]), ("CBC", ["CBC News"]),
    ("PBS", []), ("MSNBC", []), ("Euronews", []), ("talkSPORT", []), ("RMC Sport", []),
    // Newspapers and magazines.
    ("The Times", []), ("The Sunday Times", ["Sunday Times"]),
    ("The Telegraph", ["Daily Telegraph", "The Daily Telegraph"]),
    ("The Independent", []), ("Daily Mail", ["The Daily Mail", "Mail Online", "MailOnline"]),
    ("The Observer", []), ("The Economist", ["Economist"]), ("The Athletic", []),
    ("Le Monde", []), ("Le Figaro", []), ("Der Spiegel", ["Spiegel"]), ("Bild", []),
    ("Kicker", []), ("Handelsblatt", []), ("Frankfurter Allgemeine Zeitung", ["FAZ"]), ("Sueddeutsche Zeitung", []),
    ("L'Equipe", []), ("Marca", []), ("El País", ["El Pais"]), ("El Mundo", []), ("La Repubblica", []),
    ("Corriere della Sera", []), ("Gazzetta dello Sport", ["La Gazzetta dello Sport"]), ("Nikkei", ["Nikkei Asia"]),
    ("The Japan Times", []), ("South China Morning Post", ["SCMP"]), ("The Hindu", []),
    ("The Times of India", ["Times of India"]),
    ("Politico Europe", []), ("The Hill", []), ("Los Angeles Times", ["LA Times"]),
    ("USA Today", []), ("Chicago Tribune", []), ("The Boston Globe", ["Boston Globe"]),
    ("Houston Chronicle", []), ("San Francisco Chronicle", []), ("Florida Today", []), ("Orlando Sentinel", []),
    ("Toronto Star", []), ("The Globe and Mail", ["Globe and Mail"]), ("National Post", []),
    ("The Sydney Morning Herald", ["Sydney Morning Herald"]), ("The Irish Times", ["Irish Times"]),
    ("Evening Standard", []), ("Daily Mirror", ["The Mirror"]), ("The Sun", []),
    ("Scientific American", []), ("Space.com", []), ("SpaceNews", ["Space News"]), ("New Scientist", []),
    ("Electrek", []), ("Automotive News", []), ("Car and Driver", []),
    ("The Hollywood Reporter", ["Hollywood Reporter"]), ("Newsweek", []),
    ("The New Yorker", ["New Yorker"]), ("ProPublica", []), ("The Intercept", []),
    ("Le Parisien", []), ("France Inter", []), ("RTL", []), ("TF1", []), ("France 2", []), ("BFMTV", ["BFM TV"]),
    ("Hyperallergic", []), ("The Art Newspaper", []), ("ARTnews", []), ("Público", ["Publico"]), ("Lusa", []),
    ("O Globo", []), ("Ara", []), ("CNN Portugal", []), ("RTP", []), ("Expresso", []), ("China Daily", []),
    ("Global Times", []), ("The Irish Independent", ["Irish Independent"]), ("RTÉ", ["RTE"]), ("breakingnews.ie", []),
    ("Radio France", []), ("franceinfo", ["France Info"]), ("El Confidencial", []),
    ("RTVE", []), ("La Vanguardia", []),
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
    "thetimes.co.uk": "The Times", "thetimes.com": "The Times", "thesundaytimes.co.uk": "The Sunday Times",
    "telegraph.co.uk": "The Telegraph", "independent.co.uk": "The Independent", "dailymail.co.uk": "Daily Mail",
    "guardian.co.uk": "The Guardian", "economist.com": "The Economist", "theathletic.com": "The Athletic",
    "nytimes.com/athletic": "The Athletic", "skynews.com": "Sky News", "news.sky.com": "Sky News",
    "skysports.com": "Sky Sports", "espn.com": "ESPN", "espn.co.uk": "ESPN", "npr.org": "NPR",
    "abcnews.go.com": "ABC News", "cbsnews.com": "CBS News", "nbcnews.com": "NBC News", "foxnews.com": "Fox News",
    "aljazeera.com": "Al Jazeera", "afp.com": "AFP", "dpa.com": "DPA", "ap.org": "Associated Press",
    "pa.media": "PA Media", "yna.co.kr": "Yonhap", "en.yna.co.kr": "Yonhap", "kyodonews.net": "Kyodo",
    "ansa.it": "ANSA", "efe.com": "EFE", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
    "thecanadianpress.com": "The Canadian Press", "cbc.ca": "CBC", "lemonde.fr": "Le Monde",
    "lefigaro.fr": "Le Figaro", "spiegel.de": "Der Spiegel", "bild.de": "Bild", "kicker.de": "Kicker",
    "handelsblatt.com": "Handelsblatt", "faz.net": "Frankfurter Allgemeine Zeitung", "nikkei.com": "Nikkei",
    "asia.nikkei.com": "Nikkei", "scmp.com": "South China Morning Post", "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today", "houstonchronicle.com": "Houston Chronicle", "floridatoday.com": "Florida Today",
    "scientificamerican.com": "Scientific American", "space.com": "Space.com", "spacenews.com": "SpaceNews",
    "newscientist.com": "New Scientist", "irishtimes.com": "The Irish Times",
    "theglobeandmail.com": "The Globe and Mail",
    "smh.com.au": "The Sydney Morning Herald", "abc.net.au": "ABC News", "lequipe.fr": "L'Equipe",
    "marca.com": "Marca", "elpais.com": "El País", "publico.pt": "Público", "lusa.pt": "Lusa",
    "france24.com": "France 24", "dw.com": "Deutsche Welle",
    "euronews.com": "Euronews", "newsweek.com": "Newsweek", "thehill.com": "The Hill",
    "politico.eu": "Politico Europe", "leparisien.fr": "Le Parisien", "electrek.co": "Electrek",
    "itv.com": "ITV News", "standard.co.uk": "Evening Standard", "mirror.co.uk": "Daily Mirror",
    "thesun.co.uk": "The Sun",
  ]

  /// Last words that mark a name as a news outlet even when the directory does not list it
  /// ("the Houston Chronicle", "The Western Standard"): mastheads, not organisations.
  static let mastheadWords: Set<String> = [
    "Times", "Post", "Journal", "Herald", "Standard", "Tribune", "Chronicle", "Gazette", "Telegraph",
    "Observer", "Mirror", "Express", "Courier", "Examiner", "Inquirer", "Globe", "Mail", "Monitor",
    "Bulletin", "Dispatch", "Sentinel", "Ledger", "Enquirer", "Advertiser", "Argus", "Clarion",
    "Daily", "Today", "Press", "Wire", "Digest", "Newsletter", "Magazine", "News",
  ]

  /// Whether `name` (two or more words, or a compound like "SpaceNews") ends with a masthead word.
  public static func looksLikeMasthead(_ name: String) -> Bool {
    let words = name.split(separator: " ")
    guard let last = words.last.map(String.init) else { return false }
    if words.count >= 2 { return mastheadWords.contains(last) }
    // One word: a compound whose last capitalised part is a masthead word ("SpaceNews").
    guard let cut = last.dropFirst().lastIndex(where: \.isUppercase) else { return false }
    return mastheadWords.contains(String(last[cut...]))
  }
}
