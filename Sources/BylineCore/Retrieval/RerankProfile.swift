/// What the rerank derives from a question once, before it scores any passage: each term's
/// weight and word sequences, its paraphrases, the phrases and names to look for.
struct RerankProfile {
  /// One search term, ready to be looked for in a passage.
  struct Term {
    /// The stem (stems joined by a space for a phrase).
    var stem: String
    /// The stems of a phrase, or nil for a single word.
    var parts: [String]?
    /// The term's weight times its inverse document frequency.
    var weight: Double
    /// Whether the term is part of a name.
    var isEntity: Bool
    /// Other forms of the same word (irregular verbs, spellings), as stem sequences.
    var sameWord: [[String]]
    /// Its paraphrases, as stem sequences.
    var paraphrases: [[String]]
    /// Words WordNet relates to it, as stem sequences.
    var related: [[String]]
    /// The kinds of the thing it names, as stem sequences (``QueryTerm/kinds``).
    var kinds: [[String]] = []
    /// Whether the question wrote it in lower case: a common word, which a passage's name
    /// ("car" in "Laurence des Cars") does not state.
    var isCommon = false
    /// Whether it is a word of a place's name the question gives ("Thailand"), which WordNet
    /// files as a location.
    var isPlace = false
  }

  /// The question.
  var question: Question
  /// Its terms.
  var terms: [Term]
  /// The stems of the question's own terms (weight 0.3 or more), in order: adjacent pairs
  /// that stand together in a sentence count.
  var pairs: [[String]]
  /// Quoted phrases and names of more than one word, as stem sequences.
  var phrases: [[String]]
  /// The last word of each name, when the question asks what someone says; else empty.
  var speakers: [String]
  /// For each forename of a person the question names in full, the stem of the surname: news
  /// names a person in full once, then by surname alone ("Davie said …"), so a sentence with
  /// the surname names the person.
  var surnameOf: [String: String] = [:]
  /// The outlets the question names.
  var outlets: Set<String>
  /// For each name's stem, the candidate articles that hold it somewhere (filled in before
  /// the candidates are scored with their contexts).
  var namedIn: [String: Set<String>] = [:]
  /// Sum of the terms' weights.
  var total: Double

  /// Verbs of speech ("What does Meta say …").
  static let speechVerbs: Set<String> = [
    "say", "says", "said", "claim", "claims", "claimed", "argue", "argues", "argued", "state",
    "states", "stated", "write", "writes", "wrote", "tell", "told", "insist", "insists",
  ]

  /// The profile of `question` with the inverse document frequencies `idf`.
  init(_ question: Question, idf: [String: Double]) {
    self.question = question
    // Words the question itself wrote in lower case (not an earlier turn's, not a name).
    let tokens = question.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).dropFirst()
    let capitalised = Set(tokens.filter { $0.first?.isUppercase == true }.flatMap { Tokenizer.stems(String($0)) })
    let lower = Set(tokens.filter { $0.first?.isLowercase == true }.flatMap { Tokenizer.stems(String($0)) })
    let placeStems = Set(question.entities.filter(SpanFinder.isPlace).flatMap { Tokenizer.stems($0) })
    terms = question.terms.map { term in
      Term(
        stem: term.stem,
        parts: term.stem.utf8.contains(0x20) ? term.stem.split(separator: " ").map(String.init) : nil,
        weight: term.weight * (idf[term.stem] ?? 1), isEntity: term.isEntity,
        // (A name's words take no other verb forms: "Ever Given" is not "gave".)
        sameWord: (term.isEntity ? [] : Paraphrases.sameWordSequences(of: term.stem))
          + term.variants.map { $0.split(separator: " ").map(String.init) },
        paraphrases: term.isEntity ? Paraphrases.nameSequences(of: term.stem) : Paraphrases.sequences(of: term.stem),
        related: term.related.map { $0.split(separator: " ").map(String.init) },
        kinds: term.kinds.map { $0.split(separator: " ").map(String.init) },
        isCommon: !term.isEntity && lower.contains(term.stem) && !capitalised.contains(term.stem),
        isPlace: term.isEntity && placeStems.contains(term.stem))
    }
    total = question.terms.reduce(0.0) { $0 + $1.weight * (idf[$1.stem] ?? 1) }
    let own = question.terms.filter { $0.weight >= 0.3 }.map(\.stem)
    pairs = own.indices.dropLast().map { [own[$0], own[$0 + 1]] }
    phrases = (question.quoted + question.entities).filter { $0.utf8.contains(0x20) }.map { Tokenizer.stems($0) }
    let words = Tokenizer.words(question.text)
    if words.contains(where: Self.speechVerbs.contains), !question.entities.isEmpty {
      speakers = question.entities.compactMap { Tokenizer.words($0).last }
    } else {
      speakers = []
    }
    outlets = Set(question.outlets)
    for name in question.entities where name.contains(" ") && SpanFinder.isPerson(name) {
      let stems = Tokenizer.stems(name)
      guard let surname = stems.last, stems.count >= 2 else { continue }
      for forename in stems.dropLast() where forename != surname { surnameOf[forename] = surname }
    }
    asksSource = !outlets.isEmpty && words.contains(where: Self.sourceWords.contains)
    asksWhether = question.kind == .yesNo || words.contains(where: Polarity.clauseNegators.contains)
  }

  /// Whether the question asks whether a thing holds, or itself denies one ("Who was not
  /// charged?"): a sentence denying a word of it is no further from it.
  var asksWhether = false

  /// Whether the question names an outlet as its source ("according to", "per", "reported",
  /// "told", "citing"), not as what it is about.
  var asksSource = false
  /// Words by which a question names its source.
  static let sourceWords: Set<String> = [
    "according", "per", "report", "reported", "reports", "reporting", "told", "cite", "cites", "cited", "citing",
    "wrote", "writes", "say", "says", "said",
  ]

  /// Whether a name of the question speaks in the sentence `text` (of `words`): as
  /// ``speakerMatches(_:)`` finds, or after an appositive ("Ines Marr, a senior strategist at
  /// Kestrel Bank, told Reuters").
  func speakerSpeaks(in text: String, words: [String]) -> Bool {
    if speakerMatches(words) { return true }
    let lower = TextNormalizer.fold(text).lowercased()
    for last in speakers {
      var from = lower.startIndex
      while let r = lower.range(of: last + ", ", range: from..<lower.endIndex) {
        from = r.upperBound
        let rest = lower[r.upperBound...]
        guard let close = rest.range(of: ", ") else { break }
        let aside = Tokenizer.words(String(rest[..<close.lowerBound]))
        let after = Tokenizer.words(String(rest[close.upperBound...])).prefix(2)
        if aside.count <= 12, after.contains(where: Self.speechVerbs.contains) { return true }
      }
    }
    return false
  }

  /// "What does Meta say …": a name of the question speaks in the sentence with `words`
  /// ("Meta still says", "according to Meta").
  func speakerMatches(_ words: [String]) -> Bool {
    for last in speakers {
      for (i, w) in words.enumerated() where w == last {
        let after = words[(i + 1)..<min(words.count, i + 3)]
        if after.contains(where: Self.speechVerbs.contains) { return true }
        if i >= 2, words[i - 2] == "according", words[i - 1] == "to" { return true }
      }
    }
    return false
  }
}
