import Foundation

extension RuleAnswerer {
  /// The lead sentence of an answer: the passage whole when it is short enough to read at once,
  /// else the clause that holds the answer, opening with a capital as a sentence does.
  func leadSentence(_ lead: ScoredPassage, question: Question, keep: [String], weights: [String: Double]) -> String {
    let kind = question.kind
    // Typographic spaces and hyphens as plain ones: "$15 billion", "open-source" (the citation
    // keeps the sentence verbatim).
    let text = TextNormalizer.plainSpacing(TextNormalizer.trimmed(lead.passage.text, where: TextNormalizer.isBlank))
    let limit = kind == .list ? tuning.listLeadMaxWords : tuning.leadMaxWords
    // "That is a small fraction of …; at the close on Friday the bank was valued at 7.4 billion
    // francs": a clause that opens on a word pointing back leads less well than the clause of its
    // own that holds the answer.
    if ["That ", "This ", "It "].contains(where: text.hasPrefix), let semicolon = text.range(of: "; ") {
      let own = String(text[semicolon.upperBound...])
      let pointing = String(text[..<semicolon.lowerBound])
      let holds = { (part: String, span: String) in
        TextNormalizer.has(TextNormalizer.fold(part).lowercased(), TextNormalizer.fold(span).lowercased())
      }
      let better =
        keep.first.map { holds(own, $0) && !holds(pointing, $0) }
        ?? (Self.weight(of: own, weights) > Self.weight(of: pointing, weights))
      if better, (5...limit).contains(ArticleStructurer.wordCount(own)) { return Self.sentenceCase(own) }
    }
    if ArticleStructurer.wordCount(text) <= limit { return Self.withoutOpeningConjunction(text) }
    // "Why …": the reason clause of "…, because X" reads as a sentence of its own. So it does
    // when only it holds the word the question weighs most ("What did she tell senators about
    // the camera?" and "…, because the single camera covering the balcony was aimed …").
    if let range = text.range(of: ", because ") {
      let reason = Self.sentenceCase(String(text[range.upperBound...]))
      // (By the question's own weights, which raise what follows "about"; then by rarity.)
      let own = Dictionary(
        question.terms.filter { !$0.isEntity }.map { ($0.stem, $0.weight * 100 + (weights[$0.stem] ?? 0)) },
        uniquingKeysWith: max)
      let heaviest = Self.heaviestStem(of: text, own, except: [])
      let onlyThere = heaviest.map { stem in
        Tokenizer.stems(reason).contains(stem) && !Tokenizer.stems(String(text[..<range.lowerBound])).contains(stem)
      }
      if kind == .reason || onlyThere == true,
        ArticleStructurer.wordCount(reason) <= tuning.leadMaxWords, ArticleStructurer.wordCount(reason) >= 5
      {
        return reason
      }
    }
    // A long sentence of coordinated clauses: the clause that holds the answer, whole.
    // The question's names say what the sentence is about, not which clause answers.
    let named = Set(question.terms.filter(\.isEntity).map(\.stem))
    if let clause = Self.bestClause(of: text, keep: keep, weights: weights.filter { !named.contains($0.key) }),
      ArticleStructurer.wordCount(clause) <= tuning.leadMaxWords
    {
      return clause
    }
    // News sentences put the main clause first: the longest opening run of clauses that fits
    // and keeps the answer ("…, the Paris prosecutor, Laure Beccuau, said on Tuesday").
    var opening = Self.openingClauses(of: text, keep: keep, maxWords: tuning.leadMaxWords)
    // An opening that leaves out most of what the question asks about is no answer to it.
    if let o = opening, keep.isEmpty, Self.weight(of: o.text, weights) * 2 < Self.weight(of: text, weights) {
      opening = nil
    }
    if let opening, opening.keeps { return opening.text }
    // No clean clause with the answer: a sentence that still fits the strict reading is better
    // whole than cut, and an opening clause better than a window.
    if ArticleStructurer.wordCount(text) <= tuning.listLeadMaxWords { return text }
    // Still too long: the sentence without the appositives that describe its names ("Philip
    // Koopman, a Carnegie Mellon professor who studies …, argued") says the same.
    let compressed = Self.withoutAppositives(text, maxWords: tuning.leadMaxWords)
    if ArticleStructurer.wordCount(compressed) <= tuning.leadMaxWords { return compressed }
    if let opening { return opening.text }
    // A main clause the strict reading still allows is a sentence; a window cut from the middle
    // ("A day after the corporation's two most senior executives quit") is not.
    if let wider = Self.openingClauses(of: text, keep: keep, maxWords: tuning.listLeadMaxWords) {
      return wider.text
    }
    var clause = ClauseTrimmer.trim(text, keep: keep, weights: weights, maxWords: tuning.trimmedLeadWords)
    // A lead reads as a sentence: no ellipsis where the trim cut, a capital first.
    clause = TextNormalizer.trimmed(clause) { $0 == "…" || $0 == " " || $0 == "," || $0 == ";" }
    // A clause cut after a conjunction does not open with it.
    return Self.sentenceCase(Self.withoutOpeningConjunction(clause, cut: true))
  }

  /// `text` without an opening conjunction that ties it to what came before, with a capital
  /// first: "But", "And", "Yet", "So" ("But Morocco has so far accepted …" → "Morocco has so
  /// far accepted …"), and for a clause `cut` from a longer sentence also "while" and "or"
  /// (which open a sentence of their own as subordinators: "While X, Y").
  static func withoutOpeningConjunction(_ text: String, cut: Bool = false) -> String {
    let words = cut ? ["and ", "but ", "yet ", "so ", "while ", "or "] : ["and ", "but ", "yet ", "so "]
    for conjunction in words where text.lowercased().hasPrefix(conjunction) {
      let rest = String(text.dropFirst(conjunction.count))
      guard let first = rest.first, first.isLetter else { return text }
      return first.uppercased() + rest.dropFirst()
    }
    return text
  }

  /// Words that open an appositive after a name ("Philip Koopman, a professor who …, said").
  static let appositiveOpeners = ["a ", "an ", "the ", "who ", "which ", "whose "]

  /// Whether `segment` opens like an appositive.
  static func opensAppositive(_ segment: String) -> Bool {
    let lower = segment.lowercased()
    return appositiveOpeners.contains { lower.hasPrefix($0) }
  }

  /// Whether `text` ends with a capitalised word that is not a month or weekday: a name.
  static func endsWithName(_ text: String) -> Bool {
    guard let last = text.split(separator: " ").last.map(String.init) else { return false }
    return last.first?.isUppercase == true && !QuestionAnalyzer.calendarWords.contains(last)
  }

  /// `text` without appositives after names (", a/an/the/who/which …," following a capitalised
  /// word), longest first, until it has at most `maxWords` words.
  static func withoutAppositives(_ text: String, maxWords: Int) -> String {
    var segments = text.components(separatedBy: ", ")
    // "the company had set aside …" opens like an appositive but is a clause of its own.
    func isClause(_ segment: String) -> Bool {
      !segment.lowercased().hasPrefix("wh")
        && Tokenizer.words(segment).contains(where: QuestionAnalyzer.auxiliaries.contains)
    }
    // What follows an appositive is its name's verb: not a new subject ("Under its chief
    // executive, Matthias Müller, who took over in September, the company had …") and not a
    // participle ("…, pushing it to a loss").
    func continuesName(_ segment: String) -> Bool {
      !opensAppositive(segment) && !(Tokenizer.words(segment).first?.hasSuffix("ing") ?? false)
    }
    func isAppositive(_ i: Int) -> Bool {
      i > 0 && i + 1 < segments.count && opensAppositive(segments[i]) && endsWithName(segments[i - 1])
        && continuesName(segments[run(from: i).upperBound + 1])
    }
    // "James Cameron, the director of Titanic, who has made 33 dives, told …": appositives in a
    // row go together, or the name's verb would follow the first of them.
    func run(from i: Int) -> ClosedRange<Int> {
      var end = i
      while end + 2 < segments.count, opensAppositive(segments[end + 1]), !isClause(segments[end + 1]) { end += 1 }
      return i...end
    }
    func words(_ r: ClosedRange<Int>) -> Int { r.reduce(0) { $0 + ArticleStructurer.wordCount(segments[$1]) } }
    while ArticleStructurer.wordCount(segments.joined(separator: ", ")) > maxWords {
      guard let longest = segments.indices.filter(isAppositive).map(run).max(by: { words($0) < words($1) })
      else { break }
      segments[longest.lowerBound - 1] += " " + segments[longest.upperBound + 1]
      segments.removeSubrange(longest.lowerBound...(longest.upperBound + 1))
    }
    return segments.joined(separator: ", ")
  }

  /// The question weight the distinct stems of `text` hold.
  static func weight(of text: String, _ weights: [String: Double]) -> Double {
    Set(Tokenizer.stems(text)).reduce(0.0) { $0 + (weights[$1] ?? 0) }
  }

  /// How a sentence names the outlet of the sentence before it ("The newspaper reported that
  /// …"): a lead opening so names it instead, when the sentence credits one outlet (or one of
  /// those the question asks about).
  static let outletReferences = [
    "The news agency", "The newspaper", "The paper", "The agency", "The broadcaster", "The magazine",
    "The wire service", "The outlet", "The website", "The network",
  ]

  /// `clause` with an opening reference to an outlet (``outletReferences``) replaced by the
  /// outlet's name: "The newspaper reported that contaminated fuel may have been to blame" →
  /// "The Wall Street Journal reported that …".
  /// A short form of a credited outlet's name ("The Post" for "The Washington Post", "The
  /// Journal") is named in full too.
  static func namingTheOutlet(_ clause: String, cites: [String], asked: [String]) -> String {
    let candidates = cites.filter(asked.contains)
    let outlets = candidates.isEmpty ? cites : candidates
    if let reference = outletReferences.first(where: { clause.hasPrefix($0 + " ") }) {
      guard outlets.count == 1, let outlet = outlets.first else { return clause }
      return outlet + clause.dropFirst(reference.count)
    }
    let words = clause.split(separator: " ", maxSplits: 2)
    guard words.count == 3, words[0] == "The" else { return clause }
    let short = String(words[1])
    // ("The BBC reported …" already names the BBC: only a longer name is put in.)
    let named = outlets.filter {
      $0 != short && $0 != "The " + short && $0.split(separator: " ").last.map(String.init) == short
    }
    guard named.count == 1, let outlet = named.first else { return clause }
    return outlet + " " + words[2]
  }

  /// `clause` with an opening "He" or "She" replaced by the one person the sentence before it
  /// names ("He also gave a name to the spot …" → "Narendra Modi also gave a name …"); unchanged
  /// when that sentence names no one person.
  /// So is an opening surname of the one person of that sentence who has it ("Rush, 61, founded
  /// …" after "its chief executive, Stockton Rush" → "Stockton Rush, 61, founded …").
  static func namingThePerson(_ clause: String, previous: String) -> String {
    let words = clause.split(separator: " ", maxSplits: 1)
    guard words.count == 2 else { return clause }
    let people = SpanFinder.people(in: previous)
    if words[0] == "He" || words[0] == "She" {
      guard Set(people).count == 1, let person = people.first else { return clause }
      return person + " " + words[1]
    }
    let surname = words[0].hasSuffix(",") ? String(words[0].dropLast()) : String(words[0])
    guard surname.first?.isUppercase == true else { return clause }
    let full = Set(people.filter { $0 != surname && $0.split(separator: " ").last.map(String.init) == surname })
    guard full.count == 1, let person = full.first else { return clause }
    return person + clause.dropFirst(surname.count)
  }

  /// The stem of `text` that `weights` weighs most, leaving out `except` (the question's names).
  static func heaviestStem(of text: String, _ weights: [String: Double], except: Set<String>) -> String? {
    Set(Tokenizer.stems(text)).subtracting(except).filter { weights[$0] != nil }.max {
      (weights[$0] ?? 0, $1) < (weights[$1] ?? 0, $0)
    }
  }

  /// `text` with a capital first and no closing full stop.
  static func sentenceCase(_ text: String) -> String {
    var t = TextNormalizer.trimmed(text, where: TextNormalizer.isBlank)
    if t.hasSuffix(".") { t.removeLast() }
    guard let first = t.first, first.isLowercase else { return t }
    return first.uppercased() + t.dropFirst()
  }

  /// The longest opening of `text` that ends at a comma or semicolon, has at most `maxWords`
  /// words and at least half of them, and holds the first kept span (when there is one).
  static func openingClauses(of text: String, keep: [String], maxWords: Int) -> (text: String, keeps: Bool)? {
    var best: String?
    var unkept: String?
    var searchFrom = text.startIndex
    while let r = text.range(of: ", ", range: searchFrom..<text.endIndex)
      ?? text.range(of: "; ", range: searchFrom..<text.endIndex)
    {
      let prefix = String(text[..<r.lowerBound])
      let words = ArticleStructurer.wordCount(prefix)
      if words > maxWords { break }
      // Not inside a list ("fine-tune, distill, and run"): neither side of the comma a short item.
      // A list is short items closed by "and" or "or": "X, Y, and Z".
      let before = prefix.components(separatedBy: ", ").last ?? prefix
      let rest = text[r.upperBound...].components(separatedBy: ", ")
      let next = rest.first ?? ""
      let closes = { (s: String) in s.hasPrefix("and ") || s.hasPrefix("or ") }
      let inList =
        closes(next) && ArticleStructurer.wordCount(before) <= 3
        || ArticleStructurer.wordCount(next) <= 3 && rest.count > 1 && closes(rest[1])
      // Nor inside "NAME, an appositive, VERB": the opening would end before its verb. (A
      // closing "…, the head of the safety board said." is the attribution, not an appositive:
      // no comma closes it.)
      let segments = prefix.components(separatedBy: ", ")
      let inAppositive =
        segments.count >= 2 && opensAppositive(before) && endsWithName(segments[segments.count - 2])
        || opensAppositive(next) && endsWithName(prefix) && rest.count > 1
      if inList || inAppositive {
        searchFrom = r.upperBound
        continue
      }
      let keeps =
        keep.first.map {
          TextNormalizer.has(TextNormalizer.fold(prefix).lowercased(), TextNormalizer.fold($0).lowercased())
        } ?? true
      if words * 2 >= maxWords {
        if keeps { best = prefix } else { unkept = prefix }
      }
      searchFrom = r.upperBound
    }
    // An opening without the span is still a whole clause: better than a cut window.
    if let best { return (best, true) }
    return unkept.map { ($0, false) }
  }

  /// Where coordinated clauses meet: each part after one reads as a sentence of its own.
  static let clauseBreaks = ["; ", ", and ", ", but ", ", while ", ", whereas ", ", although ", ", because "]

  /// The coordinated clause of `text` that holds a kept span (else the most of the question's
  /// weight), opening with a capital; nil when the sentence has one clause.
  static func bestClause(of text: String, keep: [String], weights: [String: Double]) -> String? {
    var parts = [text]
    for mark in clauseBreaks {
      parts = parts.flatMap { splitClauses($0, at: mark) }
    }
    parts = parts.map { TextNormalizer.trimmed($0, where: TextNormalizer.isBlank) }.filter {
      ArticleStructurer.wordCount($0) >= 5
    }
    guard parts.count > 1 else { return nil }
    let lowerKeep = keep.map { $0.lowercased() }
    let top = weights.values.max() ?? 1
    func score(_ part: String) -> Double {
      let lower = TextNormalizer.fold(part).lowercased()
      // The best-ranked span decides; the other spans a clause keeps count a little.
      var kept = 0.0
      for (i, span) in lowerKeep.enumerated() where TextNormalizer.has(lower, TextNormalizer.fold(span)) {
        kept += i == 0 ? 1.5 * top : 0.3 * top
      }
      return kept + weight(of: part, weights)
    }
    guard let best = parts.max(by: { score($0) < score($1) }), score(best) > 0 else { return nil }
    return sentenceCase(best)
  }

  /// Words that open a clause with its own subject ("…, and the club said …").
  static let subjectOpeners: Set<String> = [
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "he", "she",
    "it", "they", "we", "i", "you", "there", "some", "many", "most", "all", "both", "each", "one", "two",
    "three", "four", "five", "no", "none", "several", "other", "others", "another",
  ]

  /// `text` split at each `mark`, except where the mark closes a list ("OpenAI, Google, and
  /// DeepSeek": the item before it is short and follows a comma).
  static func splitClauses(_ text: String, at mark: String) -> [String] {
    let pieces = text.components(separatedBy: mark)
    guard pieces.count > 1 else { return pieces }
    var out = [pieces[0]]
    for piece in pieces.dropFirst() {
      let before = out[out.count - 1]
      let items = before.components(separatedBy: ", ")
      let isList = mark.hasPrefix(", ") && items.count >= 2 && ArticleStructurer.wordCount(items.last ?? "") <= 3
      // "…, and got away with …": a clause without its own subject is no sentence.
      let firstWord = piece.split(separator: " ").first.map(String.init) ?? ""
      let hasSubject =
        mark == "; " || firstWord.first?.isUppercase == true
        || Self.subjectOpeners.contains(firstWord.lowercased())
      if isList || !hasSubject {
        out[out.count - 1] = before + mark + piece
      } else {
        out.append(piece)
      }
    }
    return out
  }

  /// Abbreviations whose full stop would end the lead's first sentence for a reader (and for
  /// a sentence splitter): "Sept. 18" → "Sept 18", "Mr. Levy" → "Mr Levy".
  static let abbreviations: Set<String> = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr",
    "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr", "No", "vs", "approx", "Inc",
    "Corp", "Co", "Ltd", "Bros", "Mt", "Ft", "Ave",
  ]

  /// `text` with the full stops of ``abbreviations`` and initialisms ("U.S.") removed where the
  /// sentence goes on: a lead must not look like two sentences.
  static func undotted(_ text: String) -> String {
    undotWords(undotAbbreviations(text))
  }

  /// `text` with the full stops of ``abbreviations`` removed where the sentence goes on.
  static func undotWords(_ text: String) -> String {
    guard text.contains(". ") else { return text }
    var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    for i in words.indices.dropLast() where words[i].hasSuffix(".") {
      let bare = String(words[i].dropLast())
      let core = bare.drop { !$0.isLetter }
      if abbreviations.contains(String(core)) { words[i] = bare }
    }
    return words.joined(separator: " ")
  }

  /// The share of a yes-or-no question's claim words (its non-name, non-light terms) that the
  /// passage holds as words, paraphrases or synonyms; nil when the question has none.
  /// A verb that introduces the claim ("Did Bayern announce that Kane had signed?") frames it:
  /// the claim is the clause after "that", and a sentence that states it need not repeat the verb.
  /// With `idf`, each word counts by its rarity too: of "Was anybody injured during the
  /// robbery?", "injured" says more than "robbery", which every sentence of the story holds.
  func claimShare(_ question: Question, _ p: ScoredPassage, idf: [String: Double] = [:]) -> Double? {
    let words = Tokenizer.words(question.text)
    let framing = Set(words.indices.dropLast().filter { words[$0 + 1] == "that" }.map { words[$0] })
    let claim = question.terms.filter {
      !$0.isEntity && $0.weight >= 0.5 && !Tokenizer.lightWords.contains($0.surface)
        && !framing.contains($0.surface.lowercased())
    }
    let weight = { (t: QueryTerm) in t.weight * (idf[t.stem] ?? 1) }
    let total = claim.reduce(0.0) { $0 + weight($1) }
    guard total > 0 else { return nil }
    return claim.filter { p.matched.contains($0.stem) }.reduce(0.0) { $0 + weight($1) } / total
  }

  /// The verdict a yes-or-no question gets from its lead sentence: "Yes", "No", "Not known",
  /// or, for an either-or question, the option the sentence supports.
  /// Nil for an either-or question whose options the sentence does not settle.
  func verdict(_ question: Question, lead: ScoredPassage, sentence: String) -> String? {
    if let options = Self.options(in: question.text) {
      let held = Self.optionsHeld(options, in: sentence)
      guard held.count == 1, var option = held.first else { return nil }
      if let flipped = Self.sequenceSeenFromReference(option, question: question.text, sentence: sentence) {
        option = flipped
      }
      return option.prefix(1).uppercased() + option.dropFirst()
    }
    // "Has the NTSB confirmed …?" answered by "the board could not yet confirm …": not made
    // known is a No to a question whether it was; to any other question it is "Not known".
    if Uncertainty.isUncertain(sentence) { return Self.asksIfDisclosed(question) ? "No" : "Not known" }
    if Polarity.defers(sentence, question: question.text) { return "No" }
    if Self.contradictsOrdinal(question: question.text, sentence: sentence) { return "No" }
    if Self.contradictsDuration(question: question.text, sentence: sentence) { return "No" }
    // "Was it paid for entirely in cash?" answered by "… in cash and stock".
    if let word = Self.exclusiveWord(question.text), Self.pairs(word, in: sentence) { return "No" }
    // The claim: a sentence that does not hold what the question asserts does not confirm it.
    if let share = claimShare(question, lead), share < tuning.yesClaimShare { return "No" }
    let near = lead.matched.union(lead.matched.flatMap { Paraphrases.alternatives(of: $0) })
    let yes = Polarity.isNegative(sentence, near: near) == Polarity.questionIsNegative(question.text)
    return yes ? "Yes" : "No"
  }

  /// Whether `sentence` gives another ordinal where the question gives one ("Was Japan the
  /// fourth nation …?" answered by "Japan became the fifth country …"): the claim does not hold.
  static func contradictsOrdinal(question: String, sentence: String) -> Bool {
    let asked = Set(Tokenizer.words(question).filter(isOrdinal))
    guard !asked.isEmpty else { return false }
    let told = Set(Tokenizer.words(TextNormalizer.fold(sentence)).filter(isOrdinal))
    return !told.isEmpty && told.isDisjoint(with: asked)
  }

  /// Whether `sentence` gives only other lengths of time where the question gives one: "Did
  /// Zhao get the three-year term prosecutors asked for?" answered by "… sentenced him to four
  /// months", "Did NASA need the orbit to shrink by at least ten minutes?" by "… if the orbit
  /// shrank by at least 73 seconds". A question that bounds its figure ("more than ten days",
  /// "within a week") holds when the sentence's figure is inside the bound.
  static func contradictsDuration(question: String, sentence: String) -> Bool {
    let asked = lengths(in: question)
    guard let figure = asked.first, asked.count == 1 else { return false }
    let told = lengths(in: TextNormalizer.fold(sentence))
    guard !told.isEmpty else { return false }
    let before = question.lowercased()[..<figure.range.lowerBound]
    let phrase = Tokenizer.words(String(before)).suffix(2).joined(separator: " ")
    let holds: (Double) -> Bool
    if ["more than", "longer than", "over", "exceed", "beyond"].contains(where: phrase.hasSuffix) {
      holds = { $0 > figure.seconds * 0.99 }
    } else if ["less than", "shorter than", "under", "within", "fewer than"].contains(where: phrase.hasSuffix) {
      holds = { $0 < figure.seconds * 1.01 }
    } else {
      holds = { abs($0 - figure.seconds) <= figure.seconds * 0.01 }
    }
    return !told.contains { holds($0.seconds) }
  }

  /// The lengths of time `text` gives, in seconds, with where each stands (in lower case),
  /// and the sums of two joined by "and" ("11 years and three months" is also 135 months).
  /// Vague ones ("several minutes") are left out.
  static func lengths(in text: String) -> [(seconds: Double, range: Range<String.Index>)] {
    let lower = text.lowercased()
    let ns = lower as NSString
    var out: [(seconds: Double, range: Range<String.Index>)] = []
    for match in SpanFinder.duration.matches(in: lower, range: NSRange(location: 0, length: ns.length)) {
      guard let range = Range(match.range, in: lower) else { continue }
      let words = lower[range].split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
      guard let first = words.first, let last = words.last else { continue }
      let count: Double
      if let n = Double(first.replacingOccurrences(of: ",", with: "")) {
        count = n
      } else if let i = QuestionAnalyzer.numberWords.firstIndex(of: first) {
        count = Double(i + 1)
      } else if first == "a" || first == "an" {
        count = 1
      } else {
        continue
      }
      let unit = last.hasSuffix("s") ? String(last.dropLast()) : last
      guard let size = unitSeconds[unit] else { continue }
      let half = words.contains("half") ? 0.5 : 0
      let length = (count + half) * size
      if let previous = out.last,
        lower[previous.range.upperBound..<range.lowerBound].trimmingCharacters(in: .whitespaces) == "and"
      {
        out.append((previous.seconds + length, previous.range.lowerBound..<range.upperBound))
      }
      out.append((length, range))
    }
    return out
  }

  /// Seconds in each unit of ``SpanFinder/duration`` (a month and a year on average).
  static let unitSeconds: [String: Double] = [
    "second": 1, "minute": 60, "hour": 3_600, "day": 86_400, "week": 604_800, "month": 2_629_746,
    "year": 31_556_952, "decade": 315_569_520,
  ]

  /// Whether `word` (lower case) is an ordinal: "fourth", "21st".
  static func isOrdinal(_ word: String) -> Bool {
    if ordinalWords.contains(word) { return true }
    let digits = word.prefix(while: \.isNumber)
    return !digits.isEmpty && ["st", "nd", "rd", "th"].contains(String(word.dropFirst(digits.count)))
  }

  /// Ordinal words ("second" is left out: it is as often a unit of time).
  static let ordinalWords: Set<String> = [
    "first", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "twentieth",
  ]

  /// "Did A come before or after B?" answered by "Long before that, when B …": the sentence
  /// places B, not A, so its "before" means A came after. Returns the opposite option when the
  /// sentence's "before" or "after" does not stand before B's words but the sentence tells of B;
  /// nil when the option reads as it stands.
  static func sequenceSeenFromReference(_ option: String, question: String, sentence: String) -> String? {
    let opposite = ["before": "after", "after": "before"]
    guard let flipped = opposite[option.lowercased()] else { return nil }
    let words = Tokenizer.words(question)
    guard let or = words.firstIndex(of: "or"), or + 1 < words.count, opposite[words[or + 1]] != nil else {
      return nil
    }
    // B: what the question puts after "before or after".
    let reference = words[(or + 2)...].filter { !Tokenizer.stopWords.contains($0) }.map(PorterStemmer.stem)
    guard reference.count >= 2 else { return nil }
    let stems = Set(Tokenizer.stems(sentence))
    let told = reference.filter(stems.contains).count
    let lower = TextNormalizer.fold(sentence).lowercased()
    guard let at = lower.range(of: #"\b"# + option.lowercased() + #"\b"#, options: .regularExpression) else {
      return nil
    }
    let clause = Tokenizer.stems(String(lower[at.upperBound...].prefix { $0 != "," && $0 != ";" && $0 != "." }))
    // "B was agreed, two days before A was announced": the option leads into A, the event
    // asked about, so A came after. (Most of A's words, at least two, and none of B's.)
    let event = Set(words[..<or].dropLast().filter { !Tokenizer.stopWords.contains($0) }.map(PorterStemmer.stem))
      .subtracting(reference)
    let toldOfEvent = event.filter(clause.contains).count
    if toldOfEvent >= 2, toldOfEvent * 2 >= event.count, !clause.contains(where: reference.contains) {
      return flipped
    }
    guard told * 3 >= reference.count * 2 else { return nil }
    // "… before Meta launched Llama 2": the option leads into B (in the same clause) and reads
    // as it stands; "Long before that, when B …" does not.
    return clause.contains(where: reference.contains) ? nil : flipped
  }

  /// The options that `sentence` names: as words, in their other forms, or, for a lower-case
  /// option, not inside a name ("car" is not in "Laurence des Cars").
  static func optionsHeld(_ options: [String], in sentence: String) -> [String] {
    let raw = TextNormalizer.fold(sentence).split(whereSeparator: { $0 == " " })
    let lowerWords = raw.enumerated().filter { i, w in i == 0 || !(w.first?.isUppercase ?? false) }.map { String($0.1) }
    let common = Set(lowerWords.flatMap { Tokenizer.stems($0) })
    let all = Set(Tokenizer.stems(sentence))
    return options.filter { option in
      let own = Tokenizer.stems(option)
      let pool = option.first?.isUppercase == true ? all : common
      return !own.isEmpty
        && own.allSatisfy { stem in
          pool.contains(stem) || Paraphrases.sameWord(as: stem).contains(where: pool.contains)
        }
    }
  }

  /// The two options of an either-or question ("Did it rise or fall?", "… before or after …?"),
  /// or nil when the question offers none.
  static func options(in question: String) -> [String]? {
    let words = TextNormalizer.fold(question).split(whereSeparator: { $0 == " " }).map {
      QuestionAnalyzer.trimmingPunctuation(String($0))
    }
    guard let or = words.firstIndex(where: { $0.lowercased() == "or" }), or > 0, or + 1 < words.count else {
      return nil
    }
    // "by car or on scooters": the options are the words around "or", past their prepositions.
    let isFunction = { (w: String) in
      let l = w.lowercased()
      return Tokenizer.stopWords.contains(l) && !["before", "after", "more", "less", "up", "down"].contains(l)
    }
    // "the Trump administration or the Biden administration": the words both sides share at
    // their ends frame the options; the ones before them differ.
    let tail = Array(words[(or + 1)...].drop(while: isFunction))
    let head = Array(words[..<or])
    var shared = 0
    while shared + 1 < tail.count, shared < head.count - 1,
      tail[tail.count - 1 - shared].lowercased() == head[head.count - 1 - shared].lowercased()
    {
      shared += 1
    }
    if shared > 0 { return [head[head.count - 1 - shared], tail[tail.count - 1 - shared]] }
    guard let after = tail.first, let before = head.last, !before.isEmpty, !after.isEmpty, !isFunction(before)
    else { return nil }
    return [before, after]
  }
}
