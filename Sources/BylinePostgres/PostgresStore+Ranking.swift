import BylineCore
import Foundation
import PostgresNIO

extension PostgresStore {
  /// Ranks and reads in one repeatable-read transaction (one state of the store, as the SQLite
  /// store's read transaction gives), pruned by a ``CandidatePlan``: only passages holding one of
  /// the rarer phrases are fetched from the GIN index and scored, and the plan is widened and
  /// run again when a passage holding only common phrases could still reach the top `limit`.
  public func rank(_ query: MatchQuery, limit: Int, skipping isKnown: (Int64) -> Bool) throws -> [RankedPassage] {
    guard limit > 0, !query.phrases.isEmpty else { return [] }
    return try connector.transaction("REPEATABLE READ READ ONLY") { link in
      let stats = try readStats(link)
      let phrases = query.phrases.map(PassageVector.stems)
      let documents = try phraseDocuments(phrases, link)
      var plan = CandidatePlan(query: query, documents: documents, passages: stats.passages, limit: limit)
      guard !plan.phrases.isEmpty else { return [] }
      var ranked: [RankedPassage]
      while true {
        ranked = try run(plan, stats: stats, link)
        let kth = ranked.count == limit ? ranked.last?.score : nil
        if plan.isExact(kthScore: kth) { break }
        guard let wider = plan.widened(toBeat: kth) else { break }
        plan = wider
      }
      let missing = ranked.filter { !isKnown($0.rowID) }.map(\.rowID)
      ranked.attach(try passages(ids: missing, link))
      return ranked
    }
  }

  /// One run of `plan`: the passages holding a generating phrase, scored over every phrase of
  /// the plan, best `limit` first.
  private func run(_ plan: CandidatePlan, stats: PostgresStatsCache.Stats, _ link: PostgresLink) throws
    -> [RankedPassage]
  {
    let phrases = plan.phrases.map { PassageVector.stems(of: $0.words) }
    let generating = plan.generating.map { PassageVector.stems(of: $0.words) }
    let scorer = PhraseScorer(
      phrases: phrases, documents: plan.phrases.map(\.documents), passages: stats.passages, tokens: stats.tokens)
    return try top(scorer, candidates: generating, articleIds: nil, limit: plan.limit, link)
      .map { RankedPassage(rowID: $0.id, score: $0.score, passage: nil) }
  }

  /// The best `limit` passages holding any of `candidates` (stemmed phrases), scored by
  /// `scorer`, best first (ties by row id); only passages of `articleIds` when not nil.
  func top(
    _ scorer: PhraseScorer, candidates: [[String]], articleIds: [String]?, limit: Int, _ link: PostgresLink
  ) throws -> [(id: Int64, score: Double)] {
    var binds = PostgresBindings()
    binds.append(PassageVector.query(candidates))
    binds.append(Array(Set(scorer.phrases.joined())))
    var sql = """
      SELECT p.id, p.tokens, u.lexeme, u.positions, u.weights
      FROM passage p CROSS JOIN LATERAL unnest(p.tsv) u
      WHERE p.tsv @@ $1::tsquery AND u.lexeme = ANY($2::text[])
      """
    if let articleIds {
      binds.append(articleIds)
      sql += " AND p.article_id = ANY($3::text[])"
    }
    var hits: [Int64: (size: Int, hits: [String: PhraseScorer.Hits])] = [:]
    for row in try link.query(sql, binds) {
      let (id, size, lexeme, positions, weights) = try row.decode((Int64, Int, String, [Int16], [String]).self)
      hits[id, default: (size, [:])].hits[lexeme] = PhraseScorer.Hits(positions: positions, weights: weights)
    }
    var scored: [(id: Int64, score: Double)] = []
    scored.reserveCapacity(hits.count)
    for (id, entry) in hits {
      let score = scorer.score(size: entry.size, hits: entry.hits)
      if score > 0 { scored.append((id, score)) }
    }
    scored.sort { $0.score > $1.score || $0.score == $1.score && $0.id < $1.id }
    return Array(scored.prefix(limit))
  }

  /// How many passages hold each phrase (stems): `term_stat` for one word, a count over the
  /// GIN index for a longer phrase; memoised until the store changes.
  func phraseDocuments(_ phrases: [[String]], _ link: PostgresLink) throws -> [Int] {
    var out = [Int?](repeating: nil, count: phrases.count)
    var words: [String] = []
    for (i, phrase) in phrases.enumerated() {
      let key = phrase.joined(separator: " ")
      if let known = cache.phraseDocuments(key) {
        out[i] = known
      } else if phrase.count == 1 {
        words.append(phrase[0])
      }
    }
    if !words.isEmpty {
      let found = try termDocuments(words, link)
      for (i, phrase) in phrases.enumerated() where out[i] == nil && phrase.count == 1 {
        out[i] = found[phrase[0]] ?? 0
        cache.store(phrase: phrase[0], documents: out[i]!)
      }
    }
    for (i, phrase) in phrases.enumerated() where out[i] == nil {
      var binds = PostgresBindings()
      binds.append(PassageVector.query([phrase]))
      let n =
        try link.query("SELECT count(*) FROM passage WHERE tsv @@ $1::tsquery", binds).first?.decode(Int.self) ?? 0
      out[i] = n
      cache.store(phrase: phrase.joined(separator: " "), documents: n)
    }
    return out.map { $0 ?? 0 }
  }

  /// Every phrase of `query` scored with exact counts: the plain OR query, as FTS5's `bm25()`
  /// ranks it.
  private func plain(_ query: MatchQuery, articleIds: [String]?, limit: Int, _ link: PostgresLink) throws -> [(
    id: Int64, score: Double
  )] {
    let stats = try readStats(link)
    let phrases = query.phrases.map(PassageVector.stems)
    let documents = try phraseDocuments(phrases, link)
    let scorer = PhraseScorer(phrases: phrases, documents: documents, passages: stats.passages, tokens: stats.tokens)
    return try top(scorer, candidates: phrases, articleIds: articleIds, limit: limit, link)
  }

  /// Passages matching `query`, best first, with scores; only passages of `articleIds` when it
  /// is not nil.
  public func passages(matching query: MatchQuery, in articleIds: [String]?, limit: Int) throws -> [StoredPassage] {
    guard limit > 0, !query.phrases.isEmpty else { return [] }
    return try connector.transaction("REPEATABLE READ READ ONLY") { link in
      let ranked = try plain(query, articleIds: articleIds, limit: limit, link)
      return ordered(try passages(ids: ranked.map(\.id), link), ranked)
    }
  }

  /// Passages matching `query` with the matched words of their text marked by `open` and
  /// `close` (as FTS5's `highlight()` marks each instance of a phrase).
  public func search(_ query: MatchQuery, limit: Int, open: String, close: String) throws -> [(StoredPassage, String)] {
    guard limit > 0, !query.phrases.isEmpty else { return [] }
    let phrases = query.phrases.map(PassageVector.stems)
    let found = try connector.transaction("REPEATABLE READ READ ONLY") { link in
      let ranked = try plain(query, articleIds: nil, limit: limit, link)
      return ordered(try passages(ids: ranked.map(\.id), link), ranked)
    }
    return found.map { ($0, Highlighter.mark($0.text, phrases: phrases, open: open, close: close)) }
  }

  /// `passages` in the order of `ranked`, with its scores.
  private func ordered(_ passages: [StoredPassage], _ ranked: [(id: Int64, score: Double)]) -> [StoredPassage] {
    var byID: [Int64: StoredPassage] = [:]
    for p in passages { byID[p.rowID] = p }
    return ranked.compactMap { r in
      byID[r.id].map { p in
        var p = p
        p.score = r.score
        return p
      }
    }
  }
}
