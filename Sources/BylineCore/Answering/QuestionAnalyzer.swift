import Foundation

/// Rule-based question analysis: expected answer type, search terms, names, quotes, outlets,
/// negation.
public struct QuestionAnalyzer: Sendable {
  /// Outlets to recognise in questions.
  public var directory: OutletDirectory

  /// Creates an analyzer that recognises the outlets in `directory`.
  public init(directory: OutletDirectory = .standard) {
    self.directory = directory
  }

  static let auxiliaries: Set<String> = [
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will", "would", "can",
    "could", "should", "shall", "may", "might", "must", "isn't", "aren't", "wasn't", "doesn't",
    "didn't", "won't", "hasn't", "haven't",
  ]
  static let moneyWords: Set<String> = [
    "cost", "pay", "paid", "worth", "price", "spend", "spent", "money", "dollars", "valuation",
    "deal", "package", "invest", "invested", "revenue", "budget", "salary", "fund", "funding",
  ]
  static let outletNouns: Set<String> = [
    "outlet", "outlets", "publication", "publications", "newspaper", "site", "website", "source",
    "sources", "media", "report", "news", "publisher",
    "wire", "paper", "magazine", "network", "channel", "blog", "newsletter", "journalists",
  ]
  /// Nouns that name an outlet only after "news" or "media" ("Which news agency …"; "Which
  /// organisation produced the estimate?" asks for any body).
  static let newsOrgNouns: Set<String> = ["organization", "organisation", "agency", "agencies", "group", "outlet"]
  static let orgNouns: Set<String> = [
    "company", "companies", "firm", "firms", "organization", "organisation", "lab", "labs",
    "startup", "startups", "rival", "rivals", "competitor", "competitors", "division", "unit",
    "team", "group", "agency", "agencies", "business", "businesses",
  ]
  static let personNouns: Set<String> = [
    "executive", "person", "ceo", "founder", "leader", "chief", "boss", "head", "man", "woman",
    "engineer", "analyst", "reporter", "journalist", "official",
  ]
  /// Nouns after "what" that ask for a name ("What operating system …", "What platform …").
  static let namedThingNouns: Set<String> = [
    "system", "platform", "company", "product", "products", "model", "models", "app", "apps",
    "service", "tool", "software", "program", "brand", "family", "division", "lab", "firm",
    "startup", "rival", "rivals", "competitor", "competitors", "browser", "chip", "network",
  ]
  /// Words that announce a change of topic ("Switching topics: …", "Turning to the recall: …").
  static let switchWords: Set<String> = [
    "switching", "switch", "turning", "turn", "moving", "move", "changing", "change", "topic", "topics",
    "subject", "new", "question", "separately", "different", "another", "unrelated", "note",
  ]

  /// The topic and the question of "Switching to TOPIC: QUESTION" (or "…, QUESTION"), or nil when
  /// the question does not open by announcing a new topic.
  public static func topicSwitch(_ text: String) -> (String, String)? {
    guard
      let colon = text.indices.first(where: { text[$0] == "," || text[$0] == ":" && !Self.isFigureColon(text, at: $0) })
    else { return nil }
    let head = text[..<colon]
    let words = Tokenizer.words(String(head))
    guard let first = words.first, switchWords.contains(first), words.count <= 8 else { return nil }
    let rest = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    guard Tokenizer.words(rest).count >= 2 else { return nil }
    return (String(head), rest.prefix(1).uppercased() + rest.dropFirst())
  }

  /// Nouns that name a sum of money in a "what" question.
  static let sumNouns: Set<String> = [
    "salary", "fee", "fees", "price", "valuation", "wage", "wages", "fine", "bonus", "cost", "costs",
    "compensation", "remuneration",
  ]

  /// Nouns that ask for a figure ("What number …", "What share …").
  static let countNouns: Set<String> = [
    "number", "count", "total", "figure", "share", "percentage", "proportion", "tally", "amount",
  ]
  static let dateNouns: Set<String> = ["year", "month", "date", "day", "time", "week", "quarter"]
  static let placeNouns: Set<String> = ["country", "city", "place", "location", "platform", "platforms", "where"]
  static let negations: Set<String> = [
    "not", "no", "never", "n't", "without", "isn't", "won't", "doesn't", "didn't", "aren't",
  ]

  /// WordNet's synonyms and derivations of a question word, stemmed, without the word's own stem
  /// or function words.
  static func related(_ word: String, stem: String) -> [String] {
    guard let wordNet = WordNet.shared, word.count > 3, !word.allSatisfy(\.isNumber) else { return [] }
    var out: [String] = []
    for w in wordNet.relatedWords(of: word) {
      let stems = Tokenizer.stems(w).filter { !Tokenizer.stopWords.contains($0) }
      guard !stems.isEmpty else { continue }
      let joined = stems.joined(separator: " ")
      if joined != stem, !out.contains(joined) { out.append(joined) }
    }
    return out
  }

  /// ``kinds(_:)`` already read, by word: a session asks about the same nouns again, and reading
  /// three levels of hyponyms costs about a millisecond.
  private static let kindsMemo = Memo<String, [String]>(limit: 4096)

  /// The kinds of the thing the noun `word` names, stemmed (see ``QueryTerm/kinds``).
  static func kinds(_ word: String) -> [String] {
    guard let wordNet = WordNet.shared else { return [] }
    if let known = kindsMemo.value(for: word) { return known }
    var out: [String] = []
    defer { kindsMemo.store(out, for: word) }
    for w in wordNet.kinds(of: word) {
      let stems = Tokenizer.stems(w).filter { !Tokenizer.stopWords.contains($0) }
      let joined = stems.joined(separator: " ")
      if !stems.isEmpty, !out.contains(joined) { out.append(joined) }
    }
    return out
  }

  /// The index in `words` of the noun a question asks for a member of: the last noun of the
  /// words after "which" or "what" ("Which Argentine player converted …" → "player"), or after
  /// "who is/was the" ("Who was the Coast Guard officer that …" → "officer"), or the noun "how
  /// many" counts ("How many vessels …"), before a function word; nil for other questions.
  static func headNoun(_ words: [String], kind: AnswerKind) -> Int? {
    guard [.person, .organisation, .place, .number].contains(kind), let wordNet = WordNet.shared else { return nil }
    var start: Int?
    if kind == .number {
      // "How many vessels were stuck …": the counted noun, met by its kinds ("369 ships").
      guard let many = words.indices.dropLast().first(where: { words[$0] == "how" && words[$0 + 1] == "many" })
      else { return nil }
      start = many + 2
    } else if let w = words.firstIndex(where: { $0 == "which" || $0 == "what" }) {
      start = w + 1
    } else if words.count > 3, words[0] == "who", ["is", "was", "are", "were"].contains(words[1]), words[2] == "the" {
      start = 3
    }
    guard let start, start < words.count else { return nil }
    var head: Int?
    for i in start..<min(words.count, start + 4) {
      if Tokenizer.stopWords.contains(words[i]) || auxiliaries.contains(words[i]) { break }
      if !wordNet.synsets(of: words[i], .noun, limit: 1).isEmpty { head = i }
    }
    return head
  }

  /// Weight of a common word in a closing "according to …" clause (the source, not the topic):
  /// that of a light word.
  static let sourceClauseWeight = 0.35

  /// Verbs by which a question asks what someone reported ("What did Reuters report about …").
  static let reportingVerbs: Set<String> = [
    "report", "reported", "say", "said", "tell", "told", "write", "wrote", "claim", "claimed", "note", "noted",
    "reveal", "revealed", "disclose", "disclosed",
  ]

  /// Adjectives that make "how ADJ" ask for a measure ("how long", "how far").
  static let measureAdjectives: Set<String> = [
    "old", "big", "large", "long", "far", "tall", "fast", "wide", "deep", "high", "heavy", "strong", "powerful",
  ]

  /// Nouns that name a measured quantity: the head of a question typed without a question word
  /// ("rover speed").
  static let measureNouns: Set<String> = [
    "speed", "age", "toll", "distance", "height", "length", "depth", "weight", "size", "population", "magnitude",
    "mass", "width", "diameter", "area", "volume", "temperature", "altitude", "duration",
  ]

  /// The units a duration counts in ("How many days …").
  static let timeUnits: Set<String> = [
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries",
  ]

  /// Whether a question of `words` asks for a duration: "how long" ("how long ago" too: "three
  /// years ago" answers it), "how many days …", "how much time".
  static func asksDuration(_ words: [String]) -> Bool {
    // "airport detention hrs" (typed without a question word, a plural unit of time last).
    if let last = words.last, timeUnits.contains(last), !words.contains(where: interrogatives.contains) { return true }
    for i in words.indices.dropLast() where words[i] == "how" {
      let next = words[i + 1]
      let after = i + 2 < words.count ? words[i + 2] : ""
      if next == "long" { return true }
      if next == "many", timeUnits.contains(after) { return true }
      if next == "much", after == "time" { return true }
    }
    return false
  }

  /// Words that open a clause's subject, after a conjunction such as "once".
  static let clauseSubjects: Set<String> = [
    "it", "he", "she", "they", "we", "you", "i", "the", "its", "their", "his", "her",
  ]

  /// Nouns that ask for the part a named person plays (see the term weights of ``analyze(_:)``).
  static let roleNouns: Set<String> = ["role", "job", "position"]

  /// Verbs of causing that make "What VERB … ?" ask for a cause ("What started the fire?").
  static let causingVerbs: Set<String> = [
    "cause", "caused", "causes", "start", "started", "starts", "trigger", "triggered", "triggers", "spark",
    "sparked", "sparks", "prompt", "prompted", "prompts",
  ]

  /// Whether a question of `words` and `kind` asks for a cause (see ``Question/asksCause``):
  /// "why …", or "what" followed by a verb of causing, or by "led to" / "brought about".
  static func asksCause(_ words: [String], kind: AnswerKind) -> Bool {
    if kind == .reason { return true }
    guard words.count > 2, words[0] == "what" else { return false }
    return causingVerbs.contains(words[1]) || (["led", "lead", "leads"].contains(words[1]) && words[2] == "to")
      || (["brought", "bring", "brings"].contains(words[1]) && words[2] == "about")
  }

  /// Verbs that only restate a duration question ("How long did the raid last?", "… end up
  /// spending in orbit?"): the answering sentence gives the span in other words ("a mission of
  /// about eight days"), so they weigh as light words and are not expanded ("spend" into
  /// money, "last" into "final").
  static let durationVerbs: Set<String> = [
    "last", "lasted", "lasts", "lasting", "take", "takes", "took", "taken", "taking", "spend", "spends", "spent",
    "spending", "stay", "stayed", "stays", "remain", "remained", "remains", "wait", "waited", "continue",
    "continued", "run", "ran", "runs", "keep", "kept", "hold", "held", "serve", "served", "go", "went",
  ]

  /// Weight of the time units a duration question adds to its terms ("days", "months", …, one
  /// term): what every answering sentence holds, so a light term; set with ``durationVerbs``'
  /// 0.35, the light-word weight, as the floor it must clear to reorder candidates.
  static let durationUnitWeight = 0.5

  /// The word with the prefix "un" that denies `word`, when WordNet knows it as an adjective
  /// ("insured": "uninsured", "affected": "unaffected"): the same word, negated. Nil for words
  /// that already open with "un" and for short ones.
  static func negatedForm(of word: String) -> String? {
    guard word.count >= 5, !word.hasPrefix("un"), word.allSatisfy(\.isLetter), let wordNet = WordNet.shared else {
      return nil
    }
    let negated = "un" + word
    return wordNet.synsets(of: negated, .adj, limit: 1).isEmpty ? nil : negated
  }

  /// Verbs that, before "up", frame the verb after them ("end up testifying", "wound up
  /// paying"): the answering sentence says what happened, not that it happened in the end.
  static let framingBeforeUp: Set<String> = ["end", "ended", "ends", "ending", "wind", "winds", "wound", "winding"]

  /// Verbs of a change in a figure: "How much did the shares fall?" asks by how much.
  static let changeVerbs: Set<String> = [
    "fall", "fell", "fallen", "drop", "dropped", "rise", "rose", "risen", "climb", "climbed", "jump", "jumped",
    "gain", "gained", "slide", "slid", "slump", "slumped", "plunge", "plunged", "sink", "sank", "increase",
    "increased", "decrease", "decreased", "decline", "declined", "grow", "grew", "shrink", "shrank", "surge",
    "surged", "tumble", "tumbled",
  ]

  /// Words that tie a question to the one before without changing what it asks.
  static let openingConjunctions: Set<String> = ["and", "but", "so", "also", "then", "plus"]

  /// Words that make a question of a phrase, wherever they stand.
  static let interrogatives: Set<String> = ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"]

  /// Whether the question's `words` use `name` to describe a company by what it makes or owns
  /// ("the Photoshop maker", "the ChatGPT developer"): the articles may name the company
  /// instead, so the name weighs like one but need not stand in the sentence.
  static func namesByProduct(_ name: String, in words: [String]) -> Bool {
    guard !name.contains(" ") else { return false }
    let lower = name.lowercased()
    return words.indices.contains { i in
      words[i] == lower && i > 0 && words[i - 1] == "the" && i + 1 < words.count && productAgents.contains(words[i + 1])
    }
  }

  /// Nouns that make "the NAME …" a description of a company by its product.
  static let productAgents: Set<String> = [
    "maker", "makers", "owner", "owners", "developer", "developers", "creator", "creators", "operator",
    "manufacturer", "producer", "publisher", "parent",
  ]

  /// Whether `name` is one word that WordNet knows as an adjective of a place or people
  /// ("British", "Moroccan", "Americans").
  static func isDemonym(_ name: String) -> Bool {
    guard let wordNet = WordNet.shared, !name.contains(" "), name.count > 3 else { return false }
    let lower = name.lowercased()
    return ([lower] + wordNet.baseForms(of: lower, .noun)).contains { word in
      wordNet.synsets(of: word, .adj, limit: 2).contains { synset in
        synset.derivations.contains { d in
          guard d.pos == .noun, let place = wordNet.synset(at: d.offset, .noun) else { return false }
          return place.isProperName && place.lexicalFile == WordNet.NounFile.location
        }
      }
    }
  }

  /// WordNet's other names for a place or organisation, and the place a demonym names,
  /// stemmed.
  static func placeNames(_ word: String, stem: String) -> [String] {
    guard let wordNet = WordNet.shared, word.count > 2 else { return [] }
    var out: [String] = []
    for w in wordNet.placeNames(of: word) {
      let joined = Tokenizer.stems(w).filter { !Tokenizer.stopWords.contains($0) }.joined(separator: " ")
      if !joined.isEmpty, joined != stem, !out.contains(joined) { out.append(joined) }
    }
    return out
  }

  /// Scale words and their abbreviations as news writes them ("$15bn", "£86.4m", "5k").
  static let scales: [(word: String, short: [String])] = [
    ("billion", ["bn", "b"]), ("million", ["m", "mn"]), ("thousand", ["k"]), ("trillion", ["tn", "trn"]),
  ]
  /// Number words a question may spell out where an article writes digits, and the reverse.
  static let numberWords = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  ]

  /// Other ways of writing the amount or number `word` starts ("15bn" = "15 billion", "15" before
  /// "billion" = "15bn", "two" = "2"), as FTS5 tokens.
  static func amountForms(_ word: String, next: String?) -> [String] {
    var out: [String] = []
    let digits = word.prefix { $0.isNumber }
    if !digits.isEmpty {
      let suffix = word.dropFirst(digits.count)
      if suffix.isEmpty {
        if let next, let scale = scales.first(where: { $0.word == next || $0.word + "s" == next }) {
          out += scale.short.map { String(digits) + $0 }
        }
        if let n = Int(digits), n >= 1, n <= numberWords.count { out.append(numberWords[n - 1]) }
      } else if let scale = scales.first(where: { $0.short.contains(String(suffix)) }) {
        out.append(String(digits) + " " + scale.word)
      }
    } else if let n = numberWords.firstIndex(of: word) {
      out.append(String(n + 1))
    }
    return out
  }

  /// The answer kind the noun after "which"/"what" names, from the lexicographer file of its
  /// most frequent WordNet sense (a person, a group, a place, a time, a sum, a quantity), or nil.
  static func headNounKind(_ words: [String]) -> AnswerKind? {
    guard let wordNet = WordNet.shared else { return nil }
    var run: [String] = []
    for (i, w) in words.enumerated().dropFirst() {
      if auxiliaries.contains(w) || Tokenizer.stopWords.contains(w) || run.count == 2 { break }
      // "Which judge wound up Evergrande?": a word after the noun that is a verb's inflected
      // form ("wound" of "wind", "owns", "ruled") is the question's verb, not part of its noun,
      // unless an auxiliary follows it ("Which Tesla models are …", "Which rivals does …").
      if !run.isEmpty, i + 1 < words.count, !auxiliaries.contains(words[i + 1]),
        wordNet.baseForms(of: w, .verb).contains(where: { $0 != w })
      {
        break
      }
      run.append(w)
    }
    // "What precise number of …", "What share of …": a count, whatever WordNet files it under.
    if run.contains(where: Self.countNouns.contains) { return .number }
    // A number in the run is part of a name ("Llama 4 models"), not the head noun.
    for w in run.reversed() where !w.contains(where: \.isNumber) {
      guard let file = wordNet.nounFiles(of: w).first else { continue }
      switch file {
      case WordNet.NounFile.person: return .person
      case WordNet.NounFile.group: return .organisation
      case WordNet.NounFile.location: return .place
      case WordNet.NounFile.time: return .date
      case WordNet.NounFile.quantity: return .number
      default: return nil
      }
    }
    return nil
  }

  /// Phrases that set something aside from what is asked ("as opposed to", "rather than").
  static let setAsideOpeners: [[String]] = [
    ["as", "opposed", "to"], ["rather", "than"], ["instead", "of"], ["other", "than"], ["apart", "from"],
    ["not", "counting"], ["excluding"],
  ]

  /// The words a question sets aside ("How big was the criminal fine, as opposed to the civil
  /// penalties, …?" → "the", "civil", "penalties"): from a ``setAsideOpeners`` phrase to the next
  /// comma or the end.
  static func setAsideWords(_ text: String) -> Set<String> {
    var out = Set<String>()
    for clause in text.split(separator: ",") {
      let words = Tokenizer.words(String(clause))
      for i in words.indices {
        guard setAsideOpeners.contains(where: { Array(words[i...].prefix($0.count)) == $0 }) else { continue }
        out.formUnion(words[i...])
        break
      }
    }
    return out
  }

  /// Words that open a clause placing the event asked about after or before another.
  static let referenceOpeners: Set<String> = ["after", "before", "following", "once", "when", "until"]

  /// Where a wh-question's trailing clause of reference begins ("Who took over … after its chief
  /// quit …?"): the index of its opener, at least three words in so that the main clause comes
  /// first. Nil for yes-or-no questions (their claim may be the sequence), questions that ask
  /// when (the clause is what the date is asked of) and why (the clause may be the cause: "Why
  /// did Meta feel pressure … after its previous model family?").
  static func referenceClauseStart(_ words: [String], kind: AnswerKind) -> Int? {
    guard ![.yesNo, .date, .reason].contains(kind), let first = words.first, interrogatives.contains(first) else {
      return nil
    }
    return words.indices.dropFirst(3).first { referenceOpeners.contains(words[$0]) }
  }

  /// Analyses `text`.
  public func analyze(_ text: String) -> Question {
    // "ftx jury deliberation hrs?": typed shorthand is read written out.
    let written = Shorthand.expanded(text)
    if written != text { return analyze(written) }
    // "Switching to the Tesla recall: when …": the question is what follows; the words of the
    // new topic join it with less weight, the words announcing the switch not at all.
    if let (topic, rest) = Self.topicSwitch(text) {
      var question = analyze(rest)
      question.text = text
      let have = Set(question.terms.map(\.stem))
      for word in Tokenizer.words(topic) where !Tokenizer.stopWords.contains(word) && !Self.switchWords.contains(word) {
        let stem = PorterStemmer.stem(word)
        if !have.contains(stem) {
          question.terms.append(QueryTerm(stem: stem, surface: word, weight: TermWeight.switchedTopic, isEntity: false))
        }
      }
      return question
    }
    let folded = TextNormalizer.fold(text).trimmingCharacters(in: .whitespacesAndNewlines)
    let words = Tokenizer.words(folded)
    let rawWords = folded.split(whereSeparator: { $0.isWhitespace }).map { Self.trimmingPunctuation(String($0)) }
    let lowerRaw = rawWords.map { $0.lowercased() }
    let asked = Self.withoutLeadingSource(folded)
    let kind =
      asked == folded
      ? classify(words: words, lowerRaw: lowerRaw)
      : classify(
        words: Tokenizer.words(asked),
        lowerRaw: asked.split(whereSeparator: { $0.isWhitespace }).map {
          Self.trimmingPunctuation(String($0)).lowercased()
        })
    let quoted = Self.quotedPhrases(folded)
    let asksDuration = Self.asksDuration(words)
    // "British", "French": a word of a people or place that WordNet knows as an adjective is a
    // topic word, not a name the articles must hold (they may say "UK").
    var entities: [String] = []
    var demonyms = Set<String>()
    // ("Judge Mehta's decision": the judge is Mehta; "judge" is a word, not part of the name.)
    for name in Self.entities(rawWords).map(Self.withoutTitle) {
      if Self.isDemonym(name) || Self.namesByProduct(name, in: words) {
        demonyms.insert(name.lowercased())
      } else {
        entities.append(name)
      }
    }
    let outlets = findOutlets(folded, entities: entities)
    let negated = lowerRaw.dropFirst().contains { Self.negations.contains($0) || $0.hasSuffix("n't") }

    var terms: [QueryTerm] = []
    var seen = Set<String>()
    let entityWords = Set(entities.flatMap { Tokenizer.words($0) })
    let singleNames = Set(entities.filter { !$0.contains(" ") }.flatMap { Tokenizer.words($0) })
    let outletWords = Set(outlets.flatMap { Tokenizer.words($0) })
    // Multi-word expressions of the paraphrase table ("in charge of", "hold back").
    let allStems = words.map(PorterStemmer.stem)
    var consumed = Set<Int>()
    for phrase in Paraphrases.phrases where phrase.count <= allStems.count {
      for start in 0...(allStems.count - phrase.count) where Array(allStems[start..<(start + phrase.count)]) == phrase {
        let range = start..<(start + phrase.count)
        guard !range.contains(where: consumed.contains) else { continue }
        consumed.formUnion(range)
        let stem = phrase.joined(separator: " ")
        if seen.insert(stem).inserted {
          terms.append(
            QueryTerm(
              stem: stem, surface: words[range].joined(separator: " "), weight: TermWeight.phrase, isEntity: false))
        }
      }
    }
    // "May" written as a month ("its May forecast") is a search word, though "may" is not.
    let writtenMonths = Set(rawWords.dropFirst().filter(Self.monthWords.contains).map { $0.lowercased() })
    let head = Self.headNoun(words, kind: kind)
    let reference = Self.referenceClauseStart(words, kind: kind)
    let setAside = Self.setAsideWords(folded)
    for (i, word) in words.enumerated()
    where (!Tokenizer.stopWords.contains(word) || writtenMonths.contains(word)) && !outletWords.contains(word) {
      let stem = PorterStemmer.stem(word)
      guard seen.insert(stem).inserted else { continue }
      if consumed.contains(i) {
        terms.append(QueryTerm(stem: stem, surface: word, weight: TermWeight.phraseWord, isEntity: false))
        continue
      }
      var weight = 1.0
      let isEntity = entityWords.contains(word)
      // A demonym is no name the sentence must hold, but it pins the topic as firmly as one.
      if isEntity || demonyms.contains(word) { weight = TermWeight.name }
      // ("How many people were aboard?": the counted noun is what the figure counts, not scaffolding.)
      if Tokenizer.lightWords.contains(word), !(i >= 2 && words[i - 1] == "many" && words[i - 2] == "how") {
        weight = TermWeight.light
      }
      if kind == .outlet && (Self.outletNouns.contains(word) || Self.newsOrgNouns.contains(word)) {
        weight = TermWeight.scaffold
      }
      if kind == .organisation && Self.orgNouns.contains(word) { weight = TermWeight.answerType }
      // "Which executive wrote …": the noun only names the answer type.
      if kind == .person && Self.personNouns.contains(word) && i > 0 && ["which", "what"].contains(words[i - 1]) {
        weight = TermWeight.answerType
      }
      if kind == .date && Self.dateNouns.contains(word) { weight = TermWeight.scaffold }
      // "What was Bret Taylor's role at Twitter?": news gives a role as a title or an
      // apposition ("Bret Taylor, Twitter's independent chair"), rarely with the word. ("What
      // sentence did she receive for her role …?" asks for something else.)
      if kind == .description, Self.roleNouns.contains(word), !entities.isEmpty, words.first == "what",
        words.count > 1, ["is", "was", "are", "were"].contains(words[1])
      {
        weight = TermWeight.scaffold
      }
      // "How long …", "How far …": the adjective asks for a measure; the answer rarely says it.
      if i > 0, words[i - 1] == "how", Self.measureAdjectives.contains(word) { weight = TermWeight.scaffold }
      if kind == .money && Self.moneyWords.contains(word) { weight = TermWeight.moneyWord }
      if kind == .number && asksDuration && Self.durationVerbs.contains(word) { weight = TermWeight.light }
      // "Did he end up testifying?" asks whether he testified: the verb before "up" only frames it.
      if i + 1 < words.count, words[i + 1] == "up", Self.framingBeforeUp.contains(word) { weight = TermWeight.scaffold }
      // "Why couldn't relief planes land?": a contracted negative auxiliary is a function word.
      if Polarity.contractedNegatives.contains(word) { weight = TermWeight.scaffold }
      // "… once it was refloated?": "once" before a subject is a conjunction ("after"), not a word
      // of the topic.
      if word == "once", i + 1 < words.count, Self.clauseSubjects.contains(words[i + 1]) {
        weight = TermWeight.scaffold
      }
      let unlowered = weight
      if let reference, i > reference, !isEntity, !demonyms.contains(word), weight > TermWeight.referenceClause {
        weight = TermWeight.referenceClause
      }
      if setAside.contains(word), !isEntity { weight = min(weight, TermWeight.setAside) }
      // A one-word name of a place or a people ("Britain", "British") may stand in the
      // articles under its other names ("UK", "Great Britain").
      // A number word is a count, not a sense to look up ("four" is not "tetrad").
      let isNumber = Self.numberWords.contains(word) || word.allSatisfy(\.isNumber)
      let otherNames =
        isEntity && singleNames.contains(word) || demonyms.contains(word) ? Self.placeNames(word, stem: stem) : []
      let related =
        (!otherNames.isEmpty
          ? otherNames : weight >= 0.5 && !isEntity && !isNumber ? Self.related(word, stem: stem) : [])
        + Self.amountForms(word, next: i + 1 < words.count ? words[i + 1] : nil).map {
          Tokenizer.stems($0).joined(separator: " ")
        }
      var term = QueryTerm(stem: stem, surface: word, weight: weight, isEntity: isEntity, related: related)
      if weight < unlowered { term.topicWeight = unlowered }
      if !isEntity {
        // (A unit of two words, "cubic metres", is a phrase of stems.)
        term.variants = (SpellingVariants.of(word) + Measure.spellings(of: word)).map {
          $0.contains(" ") ? Tokenizer.stems($0).joined(separator: " ") : PorterStemmer.stem($0)
        }.filter { $0 != stem }
        term.variants = term.variants.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
      }
      // "Were the jewels insured?" is answered by "the collection was uninsured".
      if !isEntity, weight >= 0.5, !isNumber, let negated = Self.negatedForm(of: word) {
        term.variants.append(PorterStemmer.stem(negated))
      }
      // "How heavy …" is answered by "it weighed …", "How deep …" by "a depth of …": searched
      // and matched as the adjective itself (a light term, weighted low).
      if i > 0, words[i - 1] == "how" { term.variants += Measure.nounsFor(adjective: word).map(PorterStemmer.stem) }
      if i == head { term.kinds = Self.kinds(word) }
      terms.append(term)
    }
    // "How many people were aboard, according to the safety board's chair?": a closing
    // "according to" clause names whose account is asked for (the outlets among it constrain
    // the source); its other words frame the question and are not its topic.
    if let according = words.lastIndex(of: "according"), according > 2, according + 1 < words.count,
      words[according + 1] == "to"
    {
      let source = Set(words[(according + 2)...].map(PorterStemmer.stem))
      for k in terms.indices where source.contains(terms[k].stem) && !terms[k].isEntity {
        terms[k].weight = min(terms[k].weight, Self.sourceClauseWeight)
      }
    }
    // "What did she tell senators about the camera?": what follows "about" is what is asked;
    // the words before it frame the question.
    if let about = words.lastIndex(of: "about"), about > 1, about + 1 < words.count,
      ["say", "said", "tell", "told", "report", "reported", "write", "wrote", "note", "warn", "claim"].contains(
        where: words[..<about].contains)
    {
      let focus = Set(words[(about + 1)...].map(PorterStemmer.stem))
      for k in terms.indices where focus.contains(terms[k].stem) && !terms[k].isEntity {
        terms[k].weight *= TermWeight.aboutFocus
      }
    }
    // "What smartphone platform does …": the head noun names the answer type, not the topic.
    if ["what", "which"].contains(words.first ?? "") {
      var run: [String] = []
      for w in words.dropFirst() {
        if Self.auxiliaries.contains(w) || Tokenizer.stopWords.contains(w) || run.count == 3 { break }
        run.append(w)
      }
      let typeNouns = Self.namedThingNouns.union(Self.placeNouns).union(Self.dateNouns).union(Self.personNouns)
        .union(Self.orgNouns)
      if run.count >= 2, let head = run.last, typeNouns.contains(head),
        let k = terms.firstIndex(where: { $0.surface == head && !$0.isEntity })
      {
        terms[k].weight = min(terms[k].weight, TermWeight.typeHead)
      }
    }
    // "How long did the raid last?": the answering sentence counts in some unit of time.
    if kind == .number && asksDuration {
      let units = Self.timeUnits.map { PorterStemmer.stem($0) }.sorted()
      if let first = units.first, !units.contains(where: seen.contains) {
        var term = QueryTerm(stem: first, surface: "duration", weight: Self.durationUnitWeight, isEntity: false)
        term.variants = Array(units.dropFirst())
        terms.append(term)
      }
    }
    // "What started the fire?": the articles may answer with what they say about the cause.
    let asksCause = Self.asksCause(words, kind: kind)
    if kind != .reason, asksCause, !seen.contains("caus") {
      var term = QueryTerm(stem: "caus", surface: "cause", weight: TermWeight.cause, isEntity: false)
      term.variants = ["reason"]
      terms.append(term)
    }
    // "When will …": the articles may answer with what they say about the timing.
    if kind == .date, words.contains("will") || words.contains("expected"), !seen.contains("time") {
      terms.append(QueryTerm(stem: "time", surface: "timing", weight: TermWeight.timing, isEntity: false))
    }
    var topic: String?
    if kind == .corpus {
      topic =
        words.contains { $0.hasPrefix("outlet") || $0.hasPrefix("source") || $0.hasPrefix("publication") }
        ? "outlets" : "articles"
    }
    var question = Question(
      text: text, kind: kind, terms: terms, entities: entities, quoted: quoted, outlets: outlets,
      negated: negated, corpusTopic: topic)
    question.asksDuration = asksDuration
    question.asksCause = asksCause
    return question
  }

  /// The phrasings `classify` looks for: each regular expression (matched between word
  /// boundaries in the question's words joined by spaces) with the same pattern over the words,
  /// which is what runs when the words are ASCII.
  static let phrasings: [String: WordPattern] = [
    "(list|show|which|what) (all )?(the )?(articles|stories)": WordPattern(
      "(list|show|which|what) all? the? (articles|stories)"),
    "articles? (say|report|claim|describe|mention)": WordPattern(
      "(article|articles) (say|report|claim|describe|mention)"),
    "how many articles": WordPattern("how many articles"),
    "(which|what) (outlets|sources|publications) (are|were|is|get|got)? ?(cited|credited|quoted|mentioned|referenced)":
      WordPattern(
        "(which|what) (outlets|sources|publications) (are|were|is|get|got)? (cited|credited|quoted|mentioned|referenced)"
      ),
    "who (is|are) (cited|credited)": WordPattern("who (is|are) (cited|credited)"),
    "who (first )?(reported|broke|published|scooped|revealed|wrote about)": WordPattern(
      "who first? (reported|broke|published|scooped|revealed|wrote_about)"),
    "what (is|was|were|are) the reason": WordPattern("what (is|was|were|are) the reason"),
    "what (prompted|drove|motivated|caused|led to)": WordPattern("what (prompted|drove|motivated|caused|led_to)"),
    "what (made|tipped|pushed|persuaded|convinced|forced|sparked|triggered)": WordPattern(
      "what (made|tipped|pushed|persuaded|convinced|forced|sparked|triggered)"),
    "for what reason": WordPattern("for what reason"),
    "what (is|was) behind": WordPattern("what (is|was) behind"),
    "in (what|which) (year|month)": WordPattern("in (what|which) (year|month)"),
    "what (is|was|are|were) (the )?names? of": WordPattern("what (is|was|are|were) the? (name|names) of"),
    "what (is|was|are|were) .{1,40} called": WordPattern("what (is|was|are|were) *40 called"),
    "what are (the|some)": WordPattern("what are (the|some)"),
    "(risks|reasons|concerns|details|options|products|models|companies|outlets|pieces|layers|examples)": WordPattern(
      "(risks|reasons|concerns|details|options|products|models|companies|outlets|pieces|layers|examples)"),
  ]

  private func classify(words: [String], lowerRaw: [String]) -> AnswerKind {
    guard let first = words.first else { return .description }
    let ascii = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    let has: (String) -> Bool = { regex in
      if ascii, let pattern = Self.phrasings[regex] { return pattern.matches(words) }
      let joined = words.joined(separator: " ")
      return joined.range(of: "\\b" + regex + "\\b", options: .regularExpression) != nil
    }
    if has("(list|show|which|what) (all )?(the )?(articles|stories)")
      && !has("articles? (say|report|claim|describe|mention)")
      || has("how many articles")
      || has(
        "(which|what) (outlets|sources|publications) (are|were|is|get|got)? ?(cited|credited|quoted|mentioned|referenced)"
      )
      || has("who (is|are) (cited|credited)")
    {
      return .corpus
    }
    // "And how many flights …?", "But why …?": the question after the conjunction.
    if Self.openingConjunctions.contains(first), words.count > 2 {
      return classify(words: Array(words.dropFirst()), lowerRaw: Array(lowerRaw.dropFirst()))
    }
    let second = words.count > 1 ? words[1] : ""
    let third = words.count > 2 ? words[2] : ""
    switch first {
    case "who", "whom", "whose":
      if has("who (first )?(reported|broke|published|scooped|revealed|wrote about)") { return .outlet }
      return .person
    case "when":
      return .date
    case "where":
      return .place
    case "why":
      return .reason
    case "how":
      if second == "many" || second == "much" {
        // "How much did it cost", "How many dollars": an amount; "How many years": a count.
        let currency = words.contains { ["dollars", "euros", "pounds", "yen", "yuan"].contains($0) }
        if currency || second == "much" && words.contains(where: Self.moneyWords.contains) { return .money }
        // "How much did the shares fall?": a change, most often a percentage, not a sum.
        if second == "much", words.contains(where: Self.changeVerbs.contains) { return .number }
        // "How much capacity …" is an amount of something else; WordNet says what the noun names.
        if second == "much", !Self.auxiliaries.contains(third), !Tokenizer.stopWords.contains(third),
          let noun = words.dropFirst(2).prefix(2).first(where: {
            !Tokenizer.stopWords.contains($0) && !(WordNet.shared?.nounFiles(of: $0).isEmpty ?? true)
          }), let file = WordNet.shared?.nounFiles(of: noun).first, file != WordNet.NounFile.possession,
          !words.dropFirst(2).prefix(2).contains(where: Self.moneyWords.contains)
        {
          return .number
        }
        if second == "much" && !words.contains(where: { ["data", "time", "of"].contains($0) }) { return .money }
        return .number
      }
      if second == "soon" { return .date }
      if Self.measureAdjectives.contains(second) { return .number }
      if second == "come" { return .reason }
      return .description
    case "which", "what":
      if has("what (is|was|were|are) the reason") || has("what (prompted|drove|motivated|caused|led to)")
        || has("what (made|tipped|pushed|persuaded|convinced|forced|sparked|triggered)")
        || has("for what reason") || has("what (is|was) behind")
      {
        return .reason
      }
      if Self.dateNouns.contains(second) || (has("in (what|which) (year|month)")) { return .date }
      if has("what (is|was|are|were) (the )?names? of") || has("what (is|was|are|were) .{1,40} called") {
        // "What is the name of the army doctor who …?" asks for a person: the noun after "of"
        // says so, as the noun after "which" would.
        if let of = words.firstIndex(of: "of"), of + 1 < words.count,
          Self.headNounKind(["what"] + words[(of + 1)...].drop { ["the", "a", "an", "this", "that"].contains($0) })
            == .person
        {
          return .person
        }
        return .organisation
      }
      if Self.outletNouns.contains(second)
        || Self.outletNouns.union(Self.newsOrgNouns).contains(third) && (second == "news" || second == "media")
      {
        return .outlet
      }
      if Self.personNouns.contains(second) || Self.personNouns.contains(third) && second.hasSuffix("ai") {
        return .person
      }
      if Self.orgNouns.contains(second) { return .organisation }
      if Self.placeNouns.contains(second) { return .place }
      if ["amount", "price", "sum", "fee", "fees", "cost", "salary", "fine", "bill", "valuation", "pay"].contains(
        second)
      {
        return .money
      }
      if second == "number" || second == "percentage" || second == "share" && third == "of" { return .number }
      // "What is the measured mass of …", "What wind speed …": a measured quantity.
      let head = words.dropFirst().drop { Self.auxiliaries.contains($0) || ["the", "a", "an"].contains($0) }
        .prefix { !Tokenizer.stopWords.contains($0) && !Self.auxiliaries.contains($0) }.prefix(3)
      if head.contains(where: Self.measureNouns.contains) { return .number }
      if has("what are (the|some)")
        && (has("(risks|reasons|concerns|details|options|products|models|companies|outlets|pieces|layers|examples)"))
      {
        return .list
      }
      if first == "what",
        Self.namedThingNouns.contains(second)
          || Self.namedThingNouns.contains(third) && !Self.auxiliaries.contains(second)
      {
        return .organisation
      }
      // "What did Reuters report about the fall in the share price?": what the outlet said is
      // asked, whatever it is about.
      if first == "what", Self.auxiliaries.contains(second),
        let verb = words.prefix(8).firstIndex(where: Self.reportingVerbs.contains), verb + 1 < words.count,
        words[verb + 1] == "about"
      {
        return .description
      }
      // "What was Tim Davie's salary …": a sum of money, wherever the noun stands.
      if first == "what", words.contains(where: Self.sumNouns.contains) { return .money }
      // "Which rate-setter …", "What fee …": the kind of thing the head noun names, from WordNet.
      if let kind = Self.headNounKind(words) { return kind }
      // "Which model …", "Which rivals …": a named thing.
      if first == "which", !Tokenizer.stopWords.contains(second), !second.isEmpty { return .organisation }
      return .description
    case "list", "name":
      return .list
    case "for" where ["how", "what", "which"].contains(second) && words.count > 2:
      // "For how many years …", "For how long …" ask what the rest asks; "For what reason …" why.
      if ["what", "which"].contains(second), third == "reason" || third == "reasons" { return .reason }
      return classify(words: Array(words.dropFirst()), lowerRaw: Array(lowerRaw.dropFirst()))
    case "by", "since", "until", "till", "from", "before", "after":
      // (A `where` clause binds only the pattern it follows: each case is spelt out here.)
      // "By when …", "Since when …".
      if second == "when" { return .date }
      // "Until what date …", "Since which year …"; "By what margin …", "By how much …" ask
      // what the rest asks.
      if ["what", "which"].contains(second) && Self.dateNouns.contains(third) { return .date }
      if ["what", "which", "how"].contains(second), words.count > 2 {
        return classify(words: Array(words.dropFirst()), lowerRaw: Array(lowerRaw.dropFirst()))
      }
      return ["by", "since", "until", "till"].contains(first) && second != "the" ? .date : .description
    case "in", "on", "at", "during":
      if second == "what" || second == "which" {
        // "At what price …", "In what year …" ask what "what price …", "what year …" ask; any
        // other noun after the preposition is where ("In which city …", "At which hospital …").
        let rest = classify(words: Array(words.dropFirst()), lowerRaw: Array(lowerRaw.dropFirst()))
        return [.money, .number, .date, .person].contains(rest) ? rest : .place
      }
      return .description
    default:
      if Self.auxiliaries.contains(first) { return .yesNo }
      // "trump bbc lawsuit threat how much", "share drop on monday, how much": typed with the
      // question words last, which say what is asked.
      if let how = words.firstIndex(of: "how"), how > 0, how + 1 < words.count,
        ["much", "many", "long"].contains(words[how + 1])
      {
        return classify(
          words: Array(words[how...] + words[..<how]), lowerRaw: lowerRaw)
      }
      // "UBS Credit Suisse deal price?", "pragyan rover speed": typed without a question word,
      // the last noun says what is asked.
      if let last = words.last, !words.contains(where: Self.interrogatives.contains) {
        // "recall canada number of vehicles": a count, wherever "number of" stands.
        if Retriever.containsRun(["number", "of"], in: words) { return .number }
        if Self.sumNouns.contains(last) || last == "worth" || last == "value" { return .money }
        // "airport detention hrs": a unit of time in the plural asks how long.
        if Self.timeUnits.contains(last) { return .number }
        if Self.dateNouns.contains(last) { return .date }
        if Self.countNouns.contains(last) || Self.measureNouns.contains(last) { return .number }
      }
      return .description
    }
  }

  /// Words that open a scene-setting clause before the question proper ("By the time …,",
  /// "After the ruling …,", "Once …,").
  static let sceneOpeners: Set<String> = [
    "by", "after", "before", "once", "since", "while", "given", "despite", "following", "with", "in", "at", "on",
    "during", "as", "if", "now", "until", "amid", "beyond", "besides", "apart",
  ]
  /// The longest such clause, in words: beyond it the comma more likely parts a list.
  static let maxSceneClauseWords = 16

  /// The first colon of `text` that parts two clauses, not one inside a figure (a time
  /// "1:59:40", a score "3:1").
  static func clauseColon(in text: String) -> String.Index? {
    text.indices.first { text[$0] == ":" && !isFigureColon(text, at: $0) }
  }

  /// Whether the colon at `i` stands between two digits.
  static func isFigureColon(_ text: String, at i: String.Index) -> Bool {
    guard i > text.startIndex, text.index(after: i) < text.endIndex else { return false }
    return text[text.index(before: i)].isNumber && text[text.index(after: i)].isNumber
  }

  /// The question without a leading "According to X," clause: the clause names whose account
  /// is asked for; what follows says what kind of answer is wanted.
  static func withoutLeadingSource(_ folded: String) -> String {
    // "Switching to the Tesla recall: when …": the part after a short leading clause asks.
    if let colon = Self.clauseColon(in: folded), folded[..<colon].split(separator: " ").count <= 8 {
      let rest = folded[folded.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if Tokenizer.words(rest).count >= 2 { return rest }
    }
    guard let comma = folded.firstIndex(of: ",") else { return folded }
    let rest = folded[folded.index(after: comma)...].trimmingCharacters(in: .whitespaces)
    if folded.lowercased().hasPrefix("according to ") { return rest.isEmpty ? folded : rest }
    // "At his sentencing hearing, did he …?", "In the end, how many …?": a short scene-setting
    // clause before the question proper, which says what is asked.
    let lead = Tokenizer.words(String(folded[..<comma]))
    let restWords = Tokenizer.words(rest)
    // ("By the time the wreckage was landed in St. John's, had …?": a longer clause when it opens
    // with a preposition or a conjunction of time or condition.)
    // ("What about its share price on the day, how far did it fall?": "what about" or "how
    // about" names the topic, not the answer.)
    let topicOpener = lead.count > 2 && ["what", "how"].contains(lead[0]) && lead[1] == "about"
    if let first = lead.first, let asking = restWords.first,
      lead.count <= 8 || lead.count <= maxSceneClauseWords && (sceneOpeners.contains(first) || topicOpener),
      restWords.count >= 3,
      topicOpener || !interrogatives.contains(first) && !auxiliaries.contains(first),
      interrogatives.contains(asking) || auxiliaries.contains(asking)
    {
      return rest
    }
    return folded
  }

  /// `word` without leading and trailing punctuation (Unicode category P), apostrophes and
  /// hyphens kept: `trimmingCharacters(in:)` with that set, without bridging to `NSString`.
  static func trimmingPunctuation(_ word: String) -> String {
    TextNormalizer.trimmed(word) { $0 != "'" && $0 != "-" && TextNormalizer.isPunctuation($0) }
  }

  /// Phrases the question put in double quotes.
  static func quotedPhrases(_ text: String) -> [String] {
    let parts = text.components(separatedBy: "\"")
    guard parts.count >= 3 else { return [] }
    return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0] }.filter { !$0.isEmpty }
  }

  /// `name` without the title it opens with ("Prime Minister Narendra Modi" → "Narendra Modi",
  /// "US District Judge Lewis Kaplan" → "Lewis Kaplan", "Judge Mehta" → "Mehta"): the words up
  /// to the last one before the final word that WordNet files as a common noun for people, when
  /// two words follow it or one word after it is no common noun ("General Motors" stays).
  static func withoutTitle(_ name: String) -> String {
    let words = name.split(separator: " ").map(String.init)
    guard words.count >= 2, let wordNet = WordNet.shared,
      let title = words.indices.dropLast().last(where: { Self.isTitle(words[$0].lowercased(), in: wordNet) })
    else { return name }
    let rest = words[(title + 1)...]
    // (The rest is a name when it has two words, "Bill Nelson" after "NASA Administrator", or
    // one of its words is no common noun: "Mehta" after "Judge"; not "Motors".)
    guard rest.count >= 2 || rest.contains(where: { wordNet.synsets(of: $0.lowercased(), .noun, limit: 1).isEmpty })
    else {
      return name
    }
    return rest.joined(separator: " ")
  }

  /// Whether WordNet's commonest sense of `word` (lower-cased) is a common noun for a person:
  /// a title ("judge", "admiral"), not a name ("Kelly" is a clown's name in WordNet).
  static func isTitle(_ word: String, in wordNet: WordNet) -> Bool {
    let sense = wordNet.synsets(of: word, .noun, limit: 1).first
    return sense?.lexicalFile == WordNet.NounFile.person && sense?.isProperName == false
  }

  /// The titles inside `name`, lower-cased: the words before the person's own name that WordNet
  /// files as common nouns for people ("U.S. District Judge Amit Mehta" → "judge", "Defence
  /// Minister Margarita Robles" → "minister"); none when one word follows the last of them and
  /// it is a common noun ("General Motors"). A title says what the person is, as the lower-case
  /// word does.
  static func titleWords(of name: String) -> [String] {
    let words = name.split(separator: " ").map { $0.lowercased() }
    guard words.count >= 2, let wordNet = WordNet.shared else { return [] }
    let isTitle = { (word: String) in Self.isTitle(word, in: wordNet) }
    guard
      let last = words.indices.dropLast().last(where: { i in
        isTitle(words[i])
          && (i + 2 < words.count || wordNet.synsets(of: words[i + 1], .noun, limit: 1).isEmpty)
      })
    else { return [] }
    return words[...last].filter(isTitle)
  }

  /// Runs of capitalised words (names), ignoring the question's first word.
  static func entities(_ raw: [String]) -> [String] {
    var out: [String] = []
    var current: [String] = []
    func flush() {
      if !current.isEmpty { out.append(current.joined(separator: " ")) }
      current = []
    }
    for (i, word) in raw.enumerated() {
      let clean = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
      let isCap = clean.first.map { $0.isUppercase || $0.isNumber && !current.isEmpty } ?? false
      // Months, weekdays and years date a question; they name nothing it is about.
      let isCalendar = calendarWords.contains(clean) || DateFinder.isYear(clean)
      // Titles and abbreviations ("Boeing CEO") end a name rather than join it.
      if genericCapitals.contains(clean) {
        flush()
        continue
      }
      if isCap && !isCalendar && !(i == 0) && !(clean.count == 1 && clean == "I") {
        current.append(clean)
        if clean != word { flush() }
      } else {
        flush()
      }
    }
    flush()
    return out.filter { !genericCapitals.contains($0) }
  }

  /// Month and weekday names: capitalised, never part of a name a question asks about.
  static let calendarWords = monthWords.union([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ])
  /// Month names and their abbreviations.
  static let monthWords: Set<String> = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec",
  ]

  /// Capitalised words that are titles or common abbreviations, not names.
  static let genericCapitals: Set<String> = [
    "U.S", "U.S.", "AI", "US", "UK", "EU", "UN", "CEO", "CEOs", "CFO", "CTO", "COO", "CIO", "API",
    "APIs", "PM", "PMs", "LLM", "LLMs", "IPO", "Mr", "Mrs", "Ms", "Dr",
  ]

  /// Nouns that, after an outlet's name, make the name a modifier: its people and its parts.
  static let modifiedNouns: Set<String> = [
    "chairman", "chair", "chairwoman", "chief", "boss", "director", "editor", "executive", "executives",
    "staff", "journalist", "journalists", "reporter", "reporters", "correspondent", "presenter", "board",
    "headquarters", "building", "owner", "owners", "employees", "workers", "union", "licence", "license",
    "fee", "programme", "program", "documentary", "show",
  ]

  private func findOutlets(_ text: String, entities: [String]) -> [String] {
    var found: [String] = []
    let rawWords = text.split(whereSeparator: { $0.isWhitespace }).map { Self.trimmingPunctuation(String($0)) }
    for entity in entities {
      // "the BBC chairman", "an Axios reporter": the outlet names whose person or part the
      // question asks about, not its source.
      if let last = entity.split(separator: " ").last.map(String.init),
        let at = rawWords.firstIndex(where: { $0 == last || $0 == last + "'s" }), at + 1 < rawWords.count,
        rawWords[at].hasSuffix("'s") == false, Self.modifiedNouns.contains(rawWords[at + 1].lowercased())
      {
        continue
      }
      let words = entity.split(separator: " ").map(String.init)
      for length in stride(from: words.count, through: 1, by: -1) {
        for start in 0...(words.count - length) {
          let phrase = words[start..<(start + length)].joined(separator: " ")
          if let outlet = directory.canonical(phrase), !found.contains(outlet) { found.append(outlet) }
        }
      }
    }
    return found
  }
}
