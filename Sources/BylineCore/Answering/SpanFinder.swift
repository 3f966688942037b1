import Foundation

/// Finds spans of an expected type in a sentence: names, organisations, dates, amounts, numbers,
/// places, reason clauses.
public enum SpanFinder {
  /// Words that make a capitalised run an organisation or product rather than a person.
  static let orgWords: Set<String> = [
    "AI", "Labs", "Lab", "Inc", "Corp", "Corporation", "Group", "Capital", "Media", "News", "Times", "Post",
    "Journal", "Platforms", "App", "Store", "Series", "Family", "University", "Institute", "Foundation",
    "Council", "Board", "Agency", "Department", "Commission", "Editorial", "Bank", "Ministry", "Committee",
    "Association", "Authority", "Administration", "Office", "Party", "Club", "FC", "Motors", "Airlines",
    "Systems", "Technologies", "Holdings", "Company", "Co", "Ltd", "Plc", "PLC", "LLC", "Partners", "Fund",
    "Reserve", "Service", "Services", "Press", "Review", "Network", "Alliance", "Union", "Court", "Police",
    "Government", "Parliament", "Congress", "Senate", "Federation", "League", "Organization", "Organisation",
    "Industries", "Energy", "Pharmaceuticals", "Bancorp", "Exchange", "Center", "Centre", "Hospital",
    "Research", "Analytics", "Consulting", "Securities", "Ventures", "Studios", "Airways", "Insurance",
    "Investments", "Trust",
  ]
  /// Capitalised words that start sentences or name calendar things, never names.
  static let notNames: Set<String> = [
    "The", "A", "An", "In", "On", "At", "By", "For", "If", "It", "Its", "This", "That", "These",
    "Those", "But", "And", "Or", "As", "According", "While", "When", "Where", "Why", "How", "What",
    "Who", "Which", "Even", "Yet", "Still", "Once", "After", "Before", "Despite", "Without",
    "With", "Under", "Over", "From", "To", "Of", "Every", "Each", "No", "Not", "Some", "Several",
    "Multiple", "Many", "One", "Two", "Three", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "There", "Here", "Then",
    "Meanwhile", "However", "Together", "Industry", "Financial", "Market", "Corporate", "Open",
    "Key", "Report", "Sources", "Source", "U.S.", "US", "American", "Chinese", "European",
  ]
  /// Capitalised words that are never an answer on their own.
  static let genericNames: Set<String> = [
    "AI", "CEO", "CEOs", "API", "APIs", "PM", "PMs", "UK", "EU", "US", "U.S", "Industry", "Safety",
  ]

  /// Amounts of money: a currency sign or code before the figure ("$15bn", "US$3.2m", "CHF 3bn",
  /// "₹600 crore") or a currency word after it, a capitalised word or two between them ("3
  /// billion Swiss francs", "650-crore-rupee", "15 billion dollars").
  private static let money = try! NSRegularExpression(
    pattern:
      #"(?:(?:\b(?:US|HK|NZ|A|C|S|R)|\B)[$€£¥₹₩]\s?\d[\d,.]*(?:[\s\-]*(?:billion|million|trillion|thousand|crore|lakh|bn|tn|m|k)\b)?|\b(?:USD|EUR|GBP|CHF|JPY|CNY|INR|Rs\.?)\s?\d[\d,.]*(?:[\s\-]*(?:billion|million|trillion|crore|lakh|bn|m)\b)?|\b\d[\d,.]*(?:[\s\-]*(?:billion|million|trillion|thousand|crore|lakh|bn|m)\b)?[\s\-]*(?:(?-i:[A-Z][a-z]+)\s+){0,2}(?:dollars?|euros?|pounds?|sterling|francs?|yen|yuan|renminbi|rupees?|crore|lakh|pesos?|rand|roubles?|rubles?|lira|riyals?|dirhams?|kronor|kroner|krona|krone|zloty|shekels?|USD|EUR|GBP|CHF|JPY|CNY|INR)\b)"#,
    options: [.caseInsensitive])
  private static let number = try! NSRegularExpression(
    pattern:
      #"(?:[$€£]?\b\d[\d,.]*(?:[\s\-](?:%|percent|billion|million|trillion|thousand|hundred)\b)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|tens|hundreds?|thousands?|millions?|billions?)\b(?:\s+(?:billion|million|thousand|hundred))?)"#,
    options: [.caseInsensitive])
  /// Durations: "a month", "eight days", "two and a half years", "48 hours" (not an age: "a
  /// 50-year-old lawyer").
  static let duration = try! NSRegularExpression(
    pattern:
      #"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|\d[\d.,]*)(?:\s+and\s+a\s+half)?[\s\-]+(?:(?:full|more|extra|further)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b(?![\-\s]old\b)"#,
    options: [.caseInsensitive])
  private static let reason = try! NSRegularExpression(
    pattern:
      #"\b(?:because|since(?!\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December|then|last|early|late|its|their|his|her|at least|the (?:start|end|beginning|early|late|middle))\b))|due to|owing to|thanks to|on account of|on the grounds that|(?:which|that|this) is why|that's why|(?:helps? |which |that )?explains? why|(?:driven|prompted|triggered|fuell?ed) by|as a result(?: of)?|in response to|after|following|amid|given|so that|in order to|designed to|meant to|aimed at|to protect|to keep|to preserve|to regain|to capture|to win|to make sure|make sure|so as to|in a bid to|which suggests|as a way to|centers on|the logic|too (?:much|many|little|few|risky|great|high|early)|uncertaint(?:y|ies)|(?:concerns?|fears?|worries) (?:about|over|that)|over (?:concerns|fears|worries)|key factor|the reason|the problem|problems? with)\b"#,
    options: [.caseInsensitive])

  /// Words that make the duration after them the length of something ("for seven weeks",
  /// "lasted four minutes", "a stay of about eight months", "over the next 15 years"), not a
  /// modifier ("a six-month flight") or an offset ("a day after").
  static let durativeWords: Set<String> = [
    "for", "lasted", "lasts", "last", "lasting", "took", "take", "takes", "taking", "spent", "spend", "spending",
    "of", "over", "within", "in", "at", "during", "throughout", "up",
  ]
  /// Words between a durative word and its duration ("for about eight days", "over the next 15
  /// years", "in less than seven minutes").
  static let durationHedges: Set<String> = [
    "about", "around", "roughly", "nearly", "almost", "some", "just", "only", "more", "less", "than", "under",
    "a", "little", "the", "next", "past", "first", "another", "to", "least", "most",
  ]

  /// Whether a capitalised word is a compound adjective ("Georgia-based", "Texas-born",
  /// "state-owned"): it describes an organisation, it does not name one.
  static func isCompoundAdjective(_ name: String) -> Bool {
    guard !name.contains(" "), let last = name.split(separator: "-").last, name.contains("-") else { return false }
    return adjectiveEndings.contains(last.lowercased())
  }

  /// The second parts of compound adjectives, for ``isCompoundAdjective(_:)``.
  static let adjectiveEndings: Set<String> = [
    "based", "born", "led", "owned", "listed", "registered", "headquartered", "backed", "run", "funded", "made",
  ]

  /// Whether `span` is, or holds, a duration ("eight days", "a six-month flight").
  static func isDuration(_ span: String) -> Bool { !matches(duration, span).isEmpty }

  /// Whether the duration `span` of `text` is the length of something: a word of
  /// ``durativeWords`` stands before it, past any ``durationHedges``.
  static func isDurative(_ span: String, in text: String) -> Bool {
    let lower = TextNormalizer.fold(text).lowercased()
    guard let range = lower.range(of: span.lowercased()) else { return false }
    // "declared extinguished about 15 hours after it began": counted from the thing's own start,
    // the span is how long it lasted.
    let after = Tokenizer.words(String(lower[range.upperBound...])).prefix(startReach + 1)
    if let first = after.first, ["after", "since"].contains(first),
      after.dropFirst().contains(where: startVerbs.contains)
    {
      return true
    }
    let before = Tokenizer.words(String(lower[..<range.lowerBound])).reversed()
    for word in before {
      if durativeWords.contains(word) { return true }
      if !durationHedges.contains(word) { return false }
    }
    return false
  }

  /// Verbs of starting that make a duration before "after …" or "since …" the length of what
  /// started ("15 hours after it began").
  static let startVerbs: Set<String> = ["began", "begun", "started", "erupted", "opened", "launched", "departed"]
  /// How many words after "after" may reach its verb of starting ("after the fire began"). By
  /// judgement: a subject of up to three words.
  static let startReach = 4

  /// Spans of `kind` in `text`, in order, leaving out those already in the question.
  public static func spans(of kind: AnswerKind, in text: String, question: Question? = nil, credited: [String] = [])
    -> [String]
  {
    let found = unfiltered(of: kind, in: text, credited: credited)
    guard let question else { return found }
    return filter(found, of: kind, for: question)
  }

  /// Spans of `kind` in `text`, in order, whatever the question (``spans(of:in:question:credited:)``
  /// before it leaves out what the question names): the same for every question, so callers may
  /// keep them per passage.
  static func unfiltered(of kind: AnswerKind, in text: String, credited: [String] = []) -> [String] {
    let folded = TextNormalizer.fold(text)
    var out: [String]
    switch kind {
    case .person: out = people(in: folded)
    case .organisation:
      out = names(in: folded).filter { !isPerson($0) && !isCompoundAdjective($0) && !isOpeningPlural($0, of: folded) }
    case .outlet:
      out = credited
      for name in names(in: folded) {
        if let outlet = OutletDirectory.standard.canonical(name), !out.contains(outlet) { out.append(outlet) }
      }
    case .date: out = DateFinder.dates(in: folded)
    case .money: out = matches(money, folded)
    case .number:
      let named = Set(matches(nameNumber, folded).compactMap { $0.split(separator: " ").last.map(String.init) })
      let durations = matches(duration, folded)
      out =
        durations
        + matches(number, folded).filter { n in
          !DateFinder.isYear(n) && !named.contains(n.trimmingCharacters(in: .punctuationCharacters))
            && !durations.contains { $0.contains(n) }
        }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;: ")) }
    case .place:
      // Names after a preposition of place first ("under Meta Superintelligence Labs"), then
      // phrases like "near the primary school", then any name.
      out = matches(placeName, folded).map { stripPreposition($0) }
      out += matches(placePhrase, folded).filter { p in !out.contains { p.contains($0) } }
      out += names(in: folded).filter { n in !out.contains { $0.contains(n) } }
    case .reason: out = matches(reason, folded)
    default: out = []
    }
    return out
  }

  /// `spans` without those `question` already names: the whole span, or a name whose last word
  /// (a surname, a head noun) the question uses. Reason clauses are kept.
  static func filter(_ spans: [String], of kind: AnswerKind, for question: Question) -> [String] {
    guard kind != .reason, !spans.isEmpty else { return spans }
    let q = TextNormalizer.fold(question.text).lowercased()
    let qWords = Set(Tokenizer.words(q))
    return spans.filter { span in
      let lower = span.lowercased()
      if TextNormalizer.has(q, lower) { return false }
      if [.person, .organisation, .place].contains(kind), let last = Tokenizer.words(lower).last,
        qWords.contains(last)
      {
        return false
      }
      return true
    }
  }

  private static let placeName = try! NSRegularExpression(
    pattern:
      #"\b(?:in|at|near|under|inside|outside|across|throughout|from|on)\s+(?:the\s+)?[A-Z][\p{L}'’\-]+(?:\s+(?:[A-Z][\p{L}'’\-]+|of))*"#
  )
  private static let placePhrase = try! NSRegularExpression(
    pattern: #"\b(?:near|at|outside|inside|behind|beside|across from)\s+the\s+[a-z]+(?:\s+[a-z]+)?"#)

  static func stripPreposition(_ s: String) -> String {
    var words = s.split(separator: " ").map(String.init)
    if words.count > 1 { words.removeFirst() }
    if words.first == "the", words.count > 1 { words.removeFirst() }
    return words.joined(separator: " ")
  }

  private static let nameNumber = try! NSRegularExpression(pattern: #"\b[A-Z][\w-]* \d+(?:\.\d+)?\b"#)
  private static let group = try! NSRegularExpression(
    pattern:
      #"\b(board|team|committee|editors|staff|agency|regulators|council|panel|jury|court|actors|analysts|observers|critics|researchers|startups|rivals|investors|officials|executives)\b"#,
    options: [.caseInsensitive])

  /// Whether `text` names a group that can answer "who" (a board, a team, the editors).
  public static func hasGroup(_ text: String) -> Bool {
    group.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
  }

  /// Orders spans by how close they stand to words whose stems are in `near`.
  public static func rank(_ spans: [String], in text: String, near: Set<String>) -> [String] {
    guard spans.count > 1, !near.isEmpty else { return spans }
    let folded = TextNormalizer.fold(text)
    let lower = folded.lowercased()
    var positions: [Int] = []
    var offset = 0
    for word in folded.split(separator: " ", omittingEmptySubsequences: false) {
      let stems = Tokenizer.stems(String(word))
      if stems.contains(where: { near.contains($0) || Paraphrases.alternatives(of: $0).contains(where: near.contains) })
      {
        positions.append(offset)
      }
      offset += word.count + 1
    }
    guard !positions.isEmpty else { return spans }
    func distance(_ span: String) -> Int {
      guard let r = lower.range(of: span.lowercased()) else { return Int.max }
      let at = lower.distance(from: lower.startIndex, to: r.lowerBound)
      return positions.map { abs($0 - at) }.min() ?? Int.max
    }
    return spans.enumerated().sorted { (a, b) in
      let (da, db) = (distance(a.element), distance(b.element))
      return da != db ? da < db : a.offset < b.offset
    }.map(\.element)
  }

  /// Whether `text` holds a span of `kind` (always true for kinds without a span type).
  public static func hasSpan(of kind: AnswerKind, in text: String, question: Question? = nil) -> Bool {
    switch kind {
    case .person, .organisation, .date, .money, .number, .place, .reason:
      return !spans(of: kind, in: text, question: question).isEmpty
    default: return false
    }
  }

  /// Capitalised runs that are not sentence furniture.
  static func names(in text: String) -> [String] {
    var out: [String] = []
    var run: [String] = []
    func flush() {
      defer { run.removeAll() }
      var words = run
      while let first = words.first, notNames.contains(first) { words.removeFirst() }
      while let last = words.last, notNames.contains(last) || last.allSatisfy(\.isNumber) && words.count == 1 {
        words.removeLast()
      }
      let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "'’-"))
      let clean = name.hasSuffix("'s") || name.hasSuffix("’s") ? String(name.dropLast(2)) : name
      if !clean.isEmpty, !genericNames.contains(clean), !out.contains(clean) { out.append(clean) }
    }
    // Runs of capitalised words (and numbers after them, "Llama 4"), broken by punctuation.
    // Scans Unicode scalars: much cheaper than regular expressions or Characters here.
    var word = String.UnicodeScalarView()
    var wordIsName = false
    var wordIsNumber = true
    var wordOK = true
    func endWord(closing: Bool) {
      if !word.isEmpty {
        let core = String(word)
        if wordIsName, wordOK, word.count >= 2 {
          run.append(core)
        } else if !run.isEmpty, wordIsNumber {
          run.append(core)
        } else {
          flush()
        }
      }
      if closing { flush() }
      word = String.UnicodeScalarView()
      wordIsName = false
      wordIsNumber = true
      wordOK = true
    }
    for scalar in text.unicodeScalars {
      // The Unicode properties used, read straight off the value for ASCII.
      let v = scalar.value
      let isSpace: Bool
      let isAlphabetic: Bool
      let isNumeric: Bool
      let isUppercase: Bool
      if v < 0x80 {
        isSpace = v == 0x20 || v >= 0x09 && v <= 0x0D
        isUppercase = v >= 0x41 && v <= 0x5A
        isAlphabetic = isUppercase || v >= 0x61 && v <= 0x7A
        isNumeric = v >= 0x30 && v <= 0x39
      } else {
        let props = scalar.properties
        isSpace = props.isWhitespace
        isAlphabetic = props.isAlphabetic
        isNumeric = props.numericType != nil
        isUppercase = props.isUppercase
      }
      if isSpace {
        endWord(closing: false)
      } else if isAlphabetic || isNumeric {
        if word.isEmpty { wordIsName = isUppercase }
        if !isNumeric { wordIsNumber = false } else if isAlphabetic { wordIsNumber = false }
        if isNumeric && !isAlphabetic && !wordIsNumber { wordOK = false }
        word.append(scalar)
      } else if !word.isEmpty, scalar == "'" || scalar == "\u{2019}" || scalar == "-" || scalar == "\u{2011}" {
        word.append(scalar)
        wordIsNumber = false
      } else {
        // Punctuation ends the word and the run; at the start of a word it only ends the run.
        if word.isEmpty { flush() } else { endWord(closing: true) }
      }
    }
    endWord(closing: false)
    flush()
    return out
  }

  static func isPerson(_ name: String) -> Bool {
    let words = name.split(separator: " ").map(String.init)
    guard (2...3).contains(words.count) else { return false }
    // ("BBC Studios": a word that is an outlet's name makes the name an organisation's.)
    return !words.contains { orgWords.contains($0) || $0.contains(where: \.isNumber) || isCamel($0) }
      && OutletDirectory.standard.canonical(name) == nil
      && !words.contains { $0.allSatisfy(\.isUppercase) && OutletDirectory.standard.canonical($0) != nil }
      && !isPlace(name)
  }

  /// Whether `name` is one word that opens `text` and is the plural of a common noun
  /// ("Officials spent the weekend …", "Regulators closed …"): capitalised only as the first
  /// word of a sentence, no organisation's name. (A company named by a common word, "Apple
  /// said …", is singular.)
  static func isOpeningPlural(_ name: String, of text: String) -> Bool {
    guard !name.contains(" "), text.hasPrefix(name), name.hasSuffix("s"), let wordNet = WordNet.shared else {
      return false
    }
    let lower = name.lowercased()
    let bases = wordNet.baseForms(of: lower, .noun).filter { $0 != lower }
    return bases.contains { base in
      let senses = wordNet.synsets(of: base, .noun, limit: 8)
      return !senses.isEmpty && !senses.contains(where: \.isProperName)
    }
  }

  /// Whether WordNet knows `name` as a place or an organisation ("South Africa", "New York").
  /// (A name is looked up as it stands: one binary search, no dictionary forms.)
  static func isPlace(_ name: String) -> Bool {
    guard let wordNet = WordNet.shared, let offset = wordNet.offsets(of: name, .noun).first,
      let sense = wordNet.synset(at: offset, .noun), sense.isProperName
    else { return false }
    return sense.lexicalFile == WordNet.NounFile.location || sense.lexicalFile == WordNet.NounFile.group
  }

  /// The people `text` names, without their titles ("Rear Admiral John Mauger" is John Mauger;
  /// a title that leaves one word, "Judge Mehta", stays).
  /// Whether `text` writes `name` after "the" ("inside the Tham Luang cave", "the Ever Given"):
  /// a person is not named so.
  static func followsThe(_ name: String, in text: String) -> Bool {
    text.contains("the " + name) || text.contains("The " + name)
  }

  /// (A name after "the" is no person's: see ``followsThe(_:in:)``.)
  static func people(in text: String) -> [String] {
    let folded = TextNormalizer.fold(text)
    return names(in: folded).filter { !followsThe($0, in: folded) }.map { name in
      let untitled = QuestionAnalyzer.withoutTitle(name)
      return untitled.contains(" ") ? untitled : name
    }.filter(isPerson)
  }

  /// "OpenAI", "DeepSeek": a capital inside a word, as product and company names have. Not a
  /// capital after a hyphen or an apostrophe ("Jan-Christian", "O'Brien") or after "Mc"
  /// ("McGuire"), as people's names have.
  private static func isCamel(_ word: String) -> Bool {
    guard !word.allSatisfy({ $0.isUppercase }) else { return false }
    let letters = Array(word)
    for i in letters.indices.dropFirst() where letters[i].isUppercase {
      if "-'’".contains(letters[i - 1]) { continue }
      if i == 2, word.hasPrefix("Mc") { continue }
      return true
    }
    return false
  }

  static func matches(_ regex: NSRegularExpression, _ text: String) -> [String] {
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
      ns.substring(with: $0.range).trimmingCharacters(in: .whitespaces)
    }
  }
}
