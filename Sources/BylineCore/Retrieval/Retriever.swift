import Foundation

/// Finds the passages that best answer a question: FTS5 BM25 for candidates, then a rerank by
/// weighted term coverage (with paraphrases and neighbouring sentences), phrase and entity
/// matches, and the presence of an answer of the expected type.
public struct Retriever: Sendable {
  /// The store to search.
  public let store: ArticleStore
  /// How many candidates FTS5 hands to the rerank.
  public var candidateLimit = 40

  /// Creates a retriever over `store`.
  public init(store: ArticleStore) {
    self.store = store
  }

  /// Inverse document frequencies of the question's terms.
  public func weights(for question: Question) throws -> [String: Double] {
    let n = Double(max(try store.passageCount(), 1))
    let single = question.terms.map(\.stem).filter { !$0.contains(" ") }
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
    var candidates = try store.passages(matching: pattern, in: articleIds, limit: candidateLimit)
    // "According to X …", "What does X say about …": only what X published or is credited with.
    if !question.outlets.isEmpty {
      if let named = QueryBuilder.pattern(forText: question.outlets.joined(separator: " ")) {
        let seen = Set(candidates.map(\.rowID))
        candidates += try store.passages(matching: named, in: articleIds, limit: 20).filter { !seen.contains($0.rowID) }
      }
      let filtered = candidates.filter { p in
        question.outlets.contains { o in p.outlet == o || p.credited.contains(o) || p.text.contains(o) }
      }
      if !filtered.isEmpty { candidates = filtered }
    }
    guard !candidates.isEmpty else { return [] }
    let maxBM25 = candidates.map(\.score).max() ?? 1
    let total = question.terms.reduce(0.0) { $0 + $1.weight * (idf[$1.stem] ?? 1) }
    var scored = candidates.map { p -> ScoredPassage in
      score(p, neighbours: [], question: question, idf: idf, total: total, bm25Max: maxBM25, quick: true)
    }
    scored.sort { $0.score > $1.score }
    var top = Array(scored.prefix(max(limit + 2, 14)))
    let hasEntities = question.terms.contains(where: \.isEntity)
    let paragraphs = try store.paragraphs(top.map { ($0.passage.articleId, $0.passage.paragraph) })
    var scopes: [String: Set<String>] = [:]
    for i in top.indices {
      let p = top[i].passage
      let key = "\(p.articleId)#\(p.paragraph)"
      let members = paragraphs[key] ?? []
      let around = members.filter { abs($0.ordinal - p.ordinal) == 1 }
      var scope: Set<String> = []
      if hasEntities {
        if scopes[key] == nil {
          scopes[key] = Set(members.flatMap(\.stems) + Tokenizer.stems(p.title))
        }
        scope = scopes[key]!
      }
      top[i] = score(p, neighbours: around, question: question, idf: idf, total: total, bm25Max: maxBM25, scope: scope)
    }
    top.sort { $0.score > $1.score }
    return Array(top.prefix(limit))
  }

  static let speechVerbs: Set<String> = [
    "say", "says", "said", "claim", "claims", "claimed", "argue", "argues", "argued", "state",
    "states", "stated", "write", "writes", "wrote", "tell", "told", "insist", "insists",
  ]

  /// "What does Meta say …": the sentence has a name of the question speaking ("Meta still
  /// says", "according to Meta").
  static func speakerMatches(_ question: Question, _ text: String) -> Bool {
    let words = Tokenizer.words(question.text)
    guard words.contains(where: speechVerbs.contains), !question.entities.isEmpty else { return false }
    let lower = Tokenizer.words(text)
    for entity in question.entities {
      let name = Tokenizer.words(entity)
      guard let last = name.last else { continue }
      for (i, w) in lower.enumerated() where w == last {
        let after = lower[(i + 1)..<min(lower.count, i + 3)]
        if after.contains(where: speechVerbs.contains) { return true }
        if i >= 2, lower[i - 2] == "according", lower[i - 1] == "to" { return true }
      }
    }
    return false
  }

  /// A stem of `stems` that shares a root of at least six letters with `stem`, if any.
  static func sharesRoot(_ stem: String, _ stems: [String]) -> String? {
    guard stem.utf8.count >= 6, !stem.contains(" ") else { return nil }
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

  func score(
    _ p: StoredPassage, neighbours: [StoredPassage], question: Question, idf: [String: Double],
    total: Double, bm25Max: Double, scope: Set<String> = [], quick: Bool = false
  ) -> ScoredPassage {
    let stems = p.stems
    let stemSet = Set(stems)
    let contextList = neighbours.map(\.stems) + (quick || p.heading.isEmpty ? [] : [Tokenizer.stems(p.heading)])
    let contextStems = Set(contextList.joined())
    let titleStems = quick ? [] : Set(Tokenizer.stems(p.title))
    func holds(_ sequence: [String], _ set: Set<String>, _ lists: [[String]]) -> Bool {
      guard sequence.count > 1 else { return sequence.first.map(set.contains) ?? false }
      guard sequence.allSatisfy(set.contains) else { return false }
      return lists.contains { Self.containsRun(sequence, in: $0) }
    }
    func contains(_ s: String, _ set: Set<String>, _ lists: [[String]]) -> Bool {
      s.contains(" ") ? holds(s.split(separator: " ").map(String.init), set, lists) : set.contains(s)
    }
    let own = [stems]
    var found = 0.0
    var inSentence = 0.0
    var topicFound = 0.0
    var topicTotal = 0.0
    var entityFound = 0.0
    var entityInSentence = 0.0
    var entityTotal = 0.0
    var matched = Set<String>()
    for term in question.terms {
      let w = term.weight * (idf[term.stem] ?? 1)
      var got = 0.0
      if contains(term.stem, stemSet, own)
        || Paraphrases.sameWordSequences[term.stem]?.contains(where: { holds($0, stemSet, own) }) == true
      {
        got = w
        inSentence += w
        matched.insert(term.stem)
      } else if Paraphrases.sequences[term.stem]?.contains(where: { holds($0, stemSet, own) }) == true {
        got = 0.8 * w
        inSentence += got
        matched.insert(term.stem)
      } else if Self.sharesRoot(term.stem, stems) != nil {
        // "strategy" / "strategic", "compete" / "competitive": the same root, stemmed apart.
        got = 0.8 * w
        inSentence += got
        matched.insert(term.stem)
      } else if contains(term.stem, contextStems, contextList) {
        got = 0.45 * w
      } else if titleStems.contains(term.stem) {
        got = 0.25 * w
      }
      found += got
      if term.isEntity {
        // A name stated elsewhere in the paragraph or the title ("the company", "it").
        if got < 0.5 * w, term.stem.split(separator: " ").allSatisfy({ scope.contains(String($0)) }) {
          entityFound += 0.5 * w
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
    let coverage = total > 0 ? found / total : 0
    let sentenceCoverage = total > 0 ? inSentence / total : 0
    var score = coverage + 0.15 * sentenceCoverage
    // Adjacent question terms that stand together in the sentence.
    // (Only the question's own words: an earlier turn's words frame a follow-up, they do not pin it.)
    let termStems = question.terms.filter { $0.weight >= 0.3 }.map(\.stem)
    for i in termStems.indices.dropLast() where holds([termStems[i], termStems[i + 1]], stemSet, own) {
      score += 0.06
    }
    if !quick {
      for phrase in question.quoted + question.entities where phrase.contains(" ") {
        if holds(Tokenizer.stems(phrase), stemSet, own) { score += 0.08 }
      }
    }
    // A name stated in the sentence, or an organisation of its paragraph called "the company" there.
    let callsItTheCompany = stemSet.contains("compani") || stemSet.contains("firm")
    for term in question.terms where term.isEntity {
      if stemSet.contains(term.stem) || callsItTheCompany && scope.contains(term.stem) { score += 0.12 }
    }
    if !quick, Self.speakerMatches(question, p.text) { score += 0.15 }
    if !question.outlets.isEmpty {
      let credited = Set(p.credited + [p.outlet])
      if question.outlets.contains(where: credited.contains) { score += 0.35 }
    }
    if !quick, SpanFinder.hasSpan(of: question.kind, in: p.text, question: question) { score += 0.12 }
    let length = stems.count
    if length > 45 { score -= 0.04 * Double(length - 45) / 20 }
    if length < 6 { score -= 0.1 }
    score += 0.05 * (p.score / max(bm25Max, 0.0001))
    return ScoredPassage(
      passage: p, score: score, coverage: coverage, sentenceCoverage: sentenceCoverage,
      topicCoverage: topicTotal > 0 ? topicFound / topicTotal : coverage,
      entitiesFound: entityTotal == 0 || entityFound >= 0.5 * entityTotal,
      nameShare: total > 0 ? entityInSentence / total : 0, matched: matched, neighbours: neighbours)
  }
}
