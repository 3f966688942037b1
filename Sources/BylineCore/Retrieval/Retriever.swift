import Foundation

/// Finds the passages that best answer a question: FTS5 BM25 for candidates, then a rerank by
/// weighted term coverage (with paraphrases and neighbouring sentences), phrase and entity
/// matches, and the presence of an answer of the expected type.
public struct Retriever: Sendable {
  /// The store to search.
  public let store: any PassageIndex
  /// Share of a term's weight a passage gets for holding a WordNet synonym of it instead of the
  /// word (an exact word or a curated paraphrase counts 1 or 0.8): chosen below the curated
  /// paraphrases because WordNet's senses are broader than news usage.
  public static let synonymWeight = 0.6
  /// Share of a common question word's weight a passage gets for holding it only inside a name
  /// ("car" in "Laurence des Cars", "bank" in "Bank of England"): the word may be meant, but the
  /// name usually says something else. Halved by judgement; checked on the four corpora.
  public static let nameOnlyShare = 0.5
  /// Share of a name's weight a sentence gets toward holding the question's names when the name
  /// stands only in its article's lede (``PassageCache/ledeParagraphs``): "the ship" later in
  /// the story is the Dali the lede names, but less surely than a name in its own paragraph
  /// (half). Below half, so that a sentence must hold one name of the question itself, or in
  /// its paragraph, to be about it: with one name, the lede alone never suffices; the title's
  /// share (0.25), as the other place a story names its subject once.
  public static let ledeNameShare = 0.25
  /// ``ledeNameShare`` for a place the question names ("What did Thailand's prime minister
  /// say …?"): the country or city a lede names is where the whole story happens, so a later
  /// sentence ("Prime Minister Prayuth Chan-ocha told The Associated Press …") is about it as
  /// surely as one whose paragraph names it (half). A person or a company the lede names may not
  /// be what a later sentence is about, so theirs stays at a quarter.
  public static let ledePlaceShare = 0.5
  /// Share of a question word's weight a sentence gets when it holds the word only after "not"
  /// or "never" ("Not guilty: …" for "… guilty …?"): it says the opposite. As a word held only
  /// inside a name (half).
  public static let negatedShare = 0.5

  /// Whether `stems` hold `stem` only right after a word that denies it ("not", "never":
  /// ``Polarity/clauseNegators``).
  static func onlyNegated(_ stem: String, in stems: [String]) -> Bool {
    var seen = false
    for i in stems.indices where stems[i] == stem {
      guard i > 0, Polarity.clauseNegators.contains(stems[i - 1]) else { return false }
      seen = true
    }
    return seen
  }

  /// Share of a name's weight a sentence gets when the name stands anywhere else in its article
  /// and the sentence meets the question's source ("According to Reuters, how far did the
  /// debris tail tracked by Hubble stretch?" answered by "… the debris tail stretched more than
  /// 10,000 kilometres …, Reuters reported", in a story that names Hubble two paragraphs up) or
  /// holds another of the question's names ("How long a prison term did Davila hand the
  /// Theranos founder?" answered by "Elizabeth Holmes, the founder of … Theranos, was sentenced
  /// … to 135 months", the judge named in the next paragraph): the outlet or the other name
  /// picks the sentence out, this name only places the story. As much as a name of its
  /// paragraph (half). A sentence holding none of the question's names gets nothing more:
  /// "Who is the chief executive of Anthropic?" is not answered by a sentence about another
  /// company's executive in an article that names Anthropic once (measured on every question
  /// set: given to every sentence, the share lost two right refusals and a follow-up for four
  /// answers; given as here, it gains four answers and loses one refusal, "How many UBS shares
  /// did the Saudi National Bank end up receiving …?").
  public static let articleNameShare = 0.5
  /// Share of the topic a sentence meets, at least, when the person a "What did X say about …?"
  /// question names speaks in it: the quote names its subject in its own words ("the move" for
  /// "the decision"). Just above ``AnswerTuning/minimumTopicCoverage``, so that the speaker's
  /// sentence is not taken for one holding only the question's names.
  public static let speakerTopicShare = 0.25
  /// How many candidates FTS5 hands to the rerank.
  public var candidateLimit = 40
  /// Passages read before and what the rerank derived from them, kept across questions.
  let cache: PassageCache

  /// Creates a retriever over `store`.
  public init(store: any PassageIndex) {
    self.store = store
    self.cache = PassageCache(store: store)
  }

  /// Inverse document frequencies of the question's terms.
  public func weights(for question: Question) throws -> [String: Double] {
    let n = Double(max(try store.passageCount(), 1))
    let single = question.terms.map(\.stem).filter { !$0.utf8.contains(0x20) }
    let df = try store.documentFrequencies(single)
    var out: [String: Double] = [:]
    // A word the corpus never uses weighs like a moderately rare one: it may be a paraphrase gap.
    let unseen = 0.5 * log((n + 0.5) / 0.5 + 1)
    for term in question.terms {
      let d = Double(df[term.stem] ?? 0)
      out[term.stem] = d == 0 ? unseen : log((n - d + 0.5) / (d + 0.5) + 1)
    }
    return out
  }

  /// Document frequency of each term (0 for terms the corpus never uses).
  public func frequencies(for question: Question) throws -> [String: Int] {
    try store.documentFrequencies(question.terms.map(\.stem))
  }

  /// The best passages for `question`, best first.
  public func retrieve(_ question: Question, limit: Int = 12, articleIds: [String]? = nil) throws
    -> [ScoredPassage]
  {
    guard let pattern = QueryBuilder.pattern(for: question.terms) else { return [] }
    let idf = try weights(for: question)
    var candidates = try self.candidates(pattern, in: articleIds, limit: candidateLimit)
    // "According to X …", "What does X say about …": only what X published or is credited with.
    if !question.outlets.isEmpty {
      if let named = QueryBuilder.pattern(forText: question.outlets.joined(separator: " ")) {
        let seen = Set(candidates.map(\.passage.rowID))
        candidates += try self.candidates(named, in: articleIds, limit: 20).filter { !seen.contains($0.passage.rowID) }
      }
      let filtered = candidates.filter { e in
        let p = e.passage
        return question.outlets.contains { o in p.outlet == o || p.credited.contains(o) || p.text.contains(o) }
      }
      if !filtered.isEmpty { candidates = filtered }
    }
    guard !candidates.isEmpty else { return [] }
    let maxBM25 = candidates.map(\.passage.score).max() ?? 1
    var profile = RerankProfile(question, idf: idf)
    try expandAcronyms(in: &profile, from: candidates)
    abbreviateNames(in: &profile, from: candidates)
    var scored = candidates.map { e in (e, score(e, context: nil, profile: profile, bm25Max: maxBM25)) }
    scored.sort { $0.1.score > $1.1.score }
    var top: [ScoredPassage] = []
    let kept = scored.prefix(max(limit + 2, 14))
    try cache.prefetchContexts(of: kept.map(\.0.passage))
    try findNamesInArticles(&profile, of: kept.map(\.0.passage))
    for (entry, _) in kept {
      top.append(score(entry, context: try cache.context(of: entry.passage), profile: profile, bm25Max: maxBM25))
    }
    top.sort { $0.score > $1.score }
    return Array(top.prefix(limit))
  }

  /// Which of the articles of `passages` hold each name of the question anywhere
  /// (``RerankProfile/namedIn``), for a question that names its source or more than one name
  /// (only there do they count: ``articleNameShare``): one search a name, limited to those
  /// articles.
  private func findNamesInArticles(_ profile: inout RerankProfile, of passages: [StoredPassage]) throws {
    let articleIds = Array(Set(passages.map(\.articleId))).sorted()
    let names = profile.terms.filter(\.isEntity)
    guard profile.asksSource || names.count > 1, !articleIds.isEmpty else { return }
    // (A name every candidate states itself needs no search: the share never applies to it.)
    for term in names where !passages.allSatisfy({ $0.stems.contains(term.stem) }) {
      let query = QueryTerm(stem: term.stem, surface: term.stem, weight: 1, isEntity: true)
      guard let pattern = QueryBuilder.pattern(for: [query], expand: false) else { continue }
      profile.namedIn[term.stem] = try store.articles(matching: pattern, among: articleIds)
    }
  }

  /// "UCL" in a question, for an article that writes "University College London": a name of
  /// the question that is an acronym no passage uses matches the name whose initials it spells,
  /// where a candidate passage holds one, as the same word.
  private func expandAcronyms(in profile: inout RerankProfile, from candidates: [PassageCache.Entry]) throws {
    let acronyms = profile.question.entities.filter(Acronym.isAcronym)
    let stems = acronyms.map { PorterStemmer.stem($0.lowercased()) }
    let df = try acronyms.isEmpty ? [:] : store.documentFrequencies(stems)
    var asked = zip(acronyms, stems).filter { (df[$0.1] ?? 0) == 0 }
    // "boe next rate decision date": a short lower-case word no dictionary knows may be a name's
    // initials typed in haste; a candidate that spells out the name ("Bank of England") holds it.
    // (Also when the word stands in the corpus as a stem of another word: "boe" of "Boeing".)
    if let wordNet = WordNet.shared {
      asked += profile.question.terms.filter {
        !$0.isEntity && $0.weight >= 0.5 && Acronym.mayBeTypedInitials($0.surface, known: wordNet.knows)
      }.map { ($0.surface.uppercased(), $0.stem) }
    }
    for (acronym, stem) in asked {
      guard let i = profile.terms.firstIndex(where: { $0.stem == stem }),
        let name = candidates.lazy.compactMap({ Acronym.expansion(of: acronym, in: $0.passage.text) }).first
      else { continue }
      profile.terms[i].sameWord.append(Tokenizer.stems(name))
    }
  }

  /// "SVB" in an article for "Silicon Valley Bank" in the question: news spells a name out once
  /// and writes its initials after that, so where a candidate passage writes a name's initials
  /// (three letters or more, in capitals), a passage holding them holds each word of the name.
  private func abbreviateNames(in profile: inout RerankProfile, from candidates: [PassageCache.Entry]) {
    for entity in profile.question.entities {
      guard let initials = Acronym.initials(of: entity), initials.count >= 3 else { continue }
      let stem = PorterStemmer.stem(initials.lowercased())
      guard candidates.contains(where: { $0.stemSet.contains(stem) && $0.passage.text.contains(initials) }) else {
        continue
      }
      let words = Set(Tokenizer.stems(entity))
      for i in profile.terms.indices where profile.terms[i].isEntity && words.contains(profile.terms[i].stem) {
        profile.terms[i].sameWord.append([stem])
      }
    }
  }

  /// The candidates FTS5 ranks best for `pattern`, with their stem sets: from the passage cache,
  /// or straight from the store when limited to some articles.
  private func candidates(_ pattern: MatchQuery, in articleIds: [String]?, limit: Int) throws -> [PassageCache.Entry] {
    guard let articleIds else { return try cache.passages(matching: pattern, limit: limit) }
    return try store.passages(matching: pattern, in: articleIds, limit: limit).map {
      PassageCache.Entry(passage: $0, stemSet: Set($0.stems))
    }
  }

  /// Whether `text` has a span of the answer type of `question` (always false for types without
  /// one), with the passage's spans kept in the cache.
  func hasSpan(_ question: Question, in p: StoredPassage) -> Bool {
    switch question.kind {
    case .person, .organisation, .date, .money, .number, .place, .reason:
      let found = cache.spans(of: question.kind, rowID: p.rowID) {
        SpanFinder.unfiltered(of: question.kind, in: p.text)
      }
      let spans = SpanFinder.filter(found, of: question.kind, for: question)
      // "How long …": only a duration is an answer of the type ("21 months", not "two astronauts").
      if question.kind == .number, question.asksDuration {
        return spans.contains(where: SpanFinder.isDuration)
      }
      return !spans.isEmpty
    default: return false
    }
  }

  /// Whether `text` reads as a sentence of its own: three words or more, a capital first, a full
  /// stop (or ? or !) last.
  static func isWholeSentence(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let first = trimmed.first, first.isUppercase, let last = trimmed.last, ".!?".contains(last) else {
      return false
    }
    return trimmed.split(separator: " ").count >= 3
  }

  /// A stem of `stems` that shares a root of at least six letters with `stem`, if any.
  static func sharesRoot(_ stem: String, _ stems: [String]) -> String? {
    guard stem.utf8.count >= 6, !stem.utf8.contains(0x20) else { return nil }
    for s in stems where s.utf8.count >= 6 && s != stem {
      if s.hasPrefix(stem) || stem.hasPrefix(s) { return s }
    }
    return nil
  }

  /// Whether `run` occurs as consecutive items of `list`.
  static func containsRun(_ run: [String], in list: [String]) -> Bool {
    guard !run.isEmpty, run.count <= list.count else { return false }
    for start in 0...(list.count - run.count) where list[start] == run[0] {
      var k = 1
      while k < run.count && list[start + k] == run[k] { k += 1 }
      if k == run.count { return true }
    }
    return false
  }

  /// Scores one passage for the question of `profile`: a quick score (the sentence alone) when
  /// `context` is nil, else with its neighbours, heading, title and paragraph.
  func score(_ entry: PassageCache.Entry, context: PassageCache.Context?, profile: RerankProfile, bm25Max: Double)
    -> ScoredPassage
  {
    let p = entry.passage
    let quick = context == nil
    // "He spent 17 years as a journalist" after a sentence naming Michael Prescott: his name
    // is the sentence's too.
    let referent = context?.referent ?? []
    let stems = p.stems
    let stemSet = referent.isEmpty ? entry.stemSet : entry.stemSet.union(referent)
    let contextList = context?.lists ?? []
    let contextStems = context?.stems ?? []
    let titleStems = context?.titleStems ?? []
    let scope = profile.question.terms.contains(where: \.isEntity) ? context?.scope ?? [] : []
    let lede = context?.lede ?? []
    // (The sentence is from the source the question names: published by it, or crediting it.)
    let meetsSource =
      profile.asksSource && (profile.outlets.contains(p.outlet) || p.credited.contains(where: profile.outlets.contains))
    func holds(_ sequence: [String], _ set: Set<String>, _ lists: [[String]]) -> Bool {
      guard sequence.count > 1 else { return sequence.first.map(set.contains) ?? false }
      guard sequence.allSatisfy(set.contains) else { return false }
      return lists.contains { Self.containsRun(sequence, in: $0) }
    }
    func contains(_ term: RerankProfile.Term, _ set: Set<String>, _ lists: [[String]]) -> Bool {
      if let parts = term.parts { return holds(parts, set, lists) }
      return set.contains(term.stem)
    }
    let own = referent.isEmpty ? [stems] : [stems, referent]
    var found = 0.0
    var inSentence = 0.0
    var topicFound = 0.0
    var topicTotal = 0.0
    var entityFound = 0.0
    var entityInSentence = 0.0
    var entityTotal = 0.0
    var matched = Set<String>()
    var loosely = Set<String>()
    // (The names of the question the sentence itself holds.)
    let sentenceNames = Set(profile.terms.filter { $0.isEntity && contains($0, stemSet, own) }.map(\.stem))
    func holdsAnotherName(_ term: RerankProfile.Term) -> Bool { !sentenceNames.subtracting([term.stem]).isEmpty }
    for term in profile.terms {
      let w = term.weight
      var got = 0.0
      // ("Davie said …" names Tim Davie: a forename counts where its surname stands.)
      let surname = term.isEntity ? profile.surnameOf[term.stem] : nil
      // ("Which hotel …?" is met by "the Park Hotel": the noun asked for, the one with kinds,
      // names a member of itself inside a name.)
      if term.isCommon, term.parts == nil, term.kinds.isEmpty, entry.nameOnly.contains(term.stem) {
        // A common word of the question that the sentence holds only inside a name.
        got = Self.nameOnlyShare * w
      } else if !quick, !profile.asksWhether, !term.isEntity, term.parts == nil, Self.onlyNegated(term.stem, in: stems)
      {
        // "holmes guilty how many counts" is not met by "Not guilty: conspiracy to defraud …":
        // a word the sentence denies says the opposite. (A yes-or-no question's No comes from it.)
        got = Self.negatedShare * w
      } else if contains(term, stemSet, own) || term.sameWord.contains(where: { holds($0, stemSet, own) })
        || surname.map(stemSet.contains) == true
      {
        got = w
        inSentence += w
        matched.insert(term.stem)
      } else if term.paraphrases.contains(where: { holds($0, stemSet, own) }) {
        got = 0.8 * w
        inSentence += got
        matched.insert(term.stem)
      } else if term.related.contains(where: { holds($0, stemSet, own) })
        // "Which spacecraft …?" met by "its Dragon capsule": a kind of the thing asked for.
        || term.kinds.contains(where: { holds($0, stemSet, own) })
      {
        // A WordNet synonym or derivation: the same meaning, less surely than the same word.
        got = Self.synonymWeight * w
        inSentence += got
        matched.insert(term.stem)
        loosely.insert(term.stem)
      } else if Self.sharesRoot(term.stem, stems) != nil {
        // "strategy" / "strategic", "compete" / "competitive": the same root, stemmed apart.
        got = 0.8 * w
        inSentence += got
        matched.insert(term.stem)
      } else if contains(term, contextStems, contextList) || surname.map(contextStems.contains) == true {
        got = 0.45 * w
      } else if titleStems.contains(term.stem) {
        got = 0.25 * w
      }
      found += got
      if term.isEntity {
        // A name stated elsewhere in the paragraph or the title ("the company", "it").
        if got < 0.5 * w, (term.parts ?? [term.stem]).allSatisfy(scope.contains) || surname.map(scope.contains) == true
        {
          entityFound += 0.5 * w
          entityTotal += w
          continue
        }
        // (A sentence from the source the question names, or one holding another of its names,
        // in an article that names the name.)
        if got < Self.articleNameShare * w,
          meetsSource || holdsAnotherName(term),
          profile.namedIn[term.stem]?.contains(p.articleId) == true
        {
          entityFound += Self.articleNameShare * w
          entityTotal += w
          continue
        }
        // ("The ship lost power four times" in a story whose lede names the Dali.)
        let ledeShare = term.isPlace ? Self.ledePlaceShare : Self.ledeNameShare
        if got < ledeShare * w, (term.parts ?? [term.stem]).allSatisfy(lede.contains) {
          entityFound += ledeShare * w
          entityTotal += w
          continue
        }
        entityFound += min(got, w)
        entityTotal += w
        if got >= w { entityInSentence += w }
      } else {
        topicFound += got
        topicTotal += w
      }
    }
    // "What did Teeuwe Mevissen tell Reuters about the decision?": the sentence in which a name
    // of the question speaks holds what was said.
    if let context, topicTotal > 0, entityInSentence > 0,
      !profile.speakers.isEmpty, profile.speakerSpeaks(in: p.text, words: context.words)
    {
      topicFound = max(topicFound, Self.speakerTopicShare * topicTotal)
    }
    var total = profile.total
    // "According to AFP, …": a passage AFP published or that credits AFP meets part of the
    // question, as much as its weightiest word. (Not "Does the BBC …?": there the outlet is
    // what the question is about.)
    // The outlet is part of what is asked ("What did the Journal report about the blackout?"
    // asks for the Journal's words), so a sentence that names it as its source meets part of
    // the topic too.
    if profile.asksSource, let heaviest = profile.terms.map(\.weight).max() {
      total += heaviest
      topicTotal += heaviest
      if meetsSource {
        found += heaviest
        inSentence += heaviest
        if p.cites.contains(where: profile.outlets.contains) { topicFound += heaviest }
      }
    }
    let coverage = total > 0 ? found / total : 0
    let sentenceCoverage = total > 0 ? inSentence / total : 0
    var score = coverage + 0.15 * sentenceCoverage
    // Adjacent question terms that stand together in the sentence.
    // (Only the question's own words: an earlier turn's words frame a follow-up, they do not pin it.)
    for pair in profile.pairs where holds(pair, stemSet, own) {
      score += 0.06
    }
    if !quick {
      for phrase in profile.phrases where holds(phrase, stemSet, own) { score += 0.08 }
    }
    // A name stated in the sentence (or spelled out, as WordNet knows it: "the World
    // Meteorological Organization" for "WMO"; a related word alone, "one" for the "1" of
    // "Voyager 1", is no name; nor initials, "SVB", each word of "Silicon Valley Bank" would
    // count again), or an organisation of its paragraph called "the company" there.
    let callsItTheCompany = stemSet.contains("compani") || stemSet.contains("firm")
    for term in profile.terms where term.isEntity {
      if stemSet.contains(term.stem)
        || (term.paraphrases + term.related.filter { $0.count > 1 }).contains(where: {
          holds($0, stemSet, own)
        })
        || callsItTheCompany && scope.contains(term.stem)
      {
        score += 0.12
      }
    }
    if let context, !profile.speakers.isEmpty, profile.speakerMatches(context.words) { score += 0.15 }
    // (Only when the outlet is the question's source: in "By what date must the BBC respond?"
    // the BBC is what the question is about, and every passage crediting it is not closer.)
    if profile.asksSource {
      if meetsSource { score += 0.35 }
      // A sentence that names the outlet as its own source says what the outlet reported.
      if p.cites.contains(where: profile.outlets.contains) { score += 0.15 }
    }
    if !quick, hasSpan(profile.question, in: p) { score += 0.12 }
    let length = stems.count
    if length > 45 { score -= 0.04 * Double(length - 45) / 20 }
    // A fragment ("Photo: AP", a heading) is no answer; a short whole sentence ("The club did
    // not disclose the fee.", "Nobody was injured.") may be.
    if length < 6 && !Self.isWholeSentence(p.text) { score -= 0.1 }
    score += 0.05 * (p.score / max(bm25Max, 0.0001))
    return ScoredPassage(
      passage: p, score: score, coverage: coverage, sentenceCoverage: sentenceCoverage,
      topicCoverage: topicTotal > 0 ? topicFound / topicTotal : coverage,
      entitiesFound: entityTotal == 0 || entityFound >= 0.5 * entityTotal,
      nameShare: total > 0 ? entityInSentence / total : 0, matched: matched, loosely: loosely,
      neighbours: context?.neighbours ?? [], before: context?.before)
  }
}
