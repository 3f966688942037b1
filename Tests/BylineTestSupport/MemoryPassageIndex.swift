import BylineCore
import Foundation

/// A ``PassageIndex`` that keeps passages in memory: articles go through the real reader and
/// structurer, queries are ranked by BM25 over the text, heading and title (weighted 1, 0.5 and
/// 0.25, as the SQLite store ranks), with the same stems as the answering side. For stage tests
/// that need a corpus but not a database.
public final class MemoryPassageIndex: PassageIndex, @unchecked Sendable {
  private struct Row {
    var passage: StoredPassage
    var columns: [[String]]
  }

  private let lock = NSLock()
  private var rows: [Row] = []
  private var summaries: [ArticleSummary] = []
  private var observers: [@Sendable () -> Void] = []
  private var nextRowID: Int64 = 1
  /// BM25's term-frequency saturation and length normalisation (FTS5's constants).
  private let k1 = 1.2
  private let b = 0.75
  private let columnWeights = [1.0, 0.5, 0.25]

  /// An empty index.
  public init() {}

  /// An index of the articles in the files `named` (file name → contents), read as the store
  /// reads a corpus folder.
  public convenience init(files: [String: String]) {
    self.init()
    for (name, text) in files.sorted(by: { $0.key < $1.key }) { add(file: name, text: text) }
  }

  /// Reads one file's articles and indexes them, then tells the observers.
  public func add(file name: String, text: String) {
    let read = ArticleReader().read(data: Data(text.utf8), path: name)
    let structurer = ArticleStructurer()
    lock.lock()
    for raw in read.articles {
      let parsed = structurer.structure(raw)
      let article = parsed.article
      for p in parsed.passages {
        let stored = StoredPassage(
          rowID: nextRowID, articleId: article.id, title: article.title, outlet: article.outlet, date: article.date,
          ordinal: p.ordinal, paragraph: p.paragraph, heading: p.heading, text: p.text,
          stems: Tokenizer.stems(p.text), cites: p.cites, inheritedCites: p.inheritedCites, score: 0)
        nextRowID += 1
        rows.append(
          Row(passage: stored, columns: [stored.stems, Tokenizer.stems(p.heading), Tokenizer.stems(article.title)]))
      }
      summaries.append(
        ArticleSummary(
          id: article.id, outlet: article.outlet, title: article.title, date: article.date, url: article.url,
          passages: parsed.passages.count, sources: parsed.sources, credits: parsed.credits,
          furniture: parsed.furniture))
    }
    summaries.sort { $0.id < $1.id }
    let notify = observers
    lock.unlock()
    for changed in notify { changed() }
  }

  public func passageCount() throws -> Int {
    lock.lock()
    defer { lock.unlock() }
    return rows.count
  }

  public func documentFrequencies(_ stems: [String]) throws -> [String: Int] {
    lock.lock()
    defer { lock.unlock() }
    var out: [String: Int] = [:]
    for stem in Set(stems) {
      out[stem] = rows.count { row in row.columns.contains { $0.contains(stem) } }
    }
    return out
  }

  /// Whether `phrase` (query words, stemmed as the passages are) runs in `column`: how often.
  private func occurrences(_ phrase: [String], in column: [String]) -> Int {
    guard !phrase.isEmpty, phrase.count <= column.count else { return 0 }
    var n = 0
    for start in 0...(column.count - phrase.count) where Array(column[start..<start + phrase.count]) == phrase {
      n += 1
    }
    return n
  }

  /// BM25 scores of every matching row for `query`, best first (the lock held by the caller).
  private func ranked(_ query: MatchQuery, among candidates: [Int]) -> [(Int, Double)] {
    let phrases = query.phrases.map { $0.flatMap { Tokenizer.stems($0) } }.filter { !$0.isEmpty }
    let n = Double(max(rows.count, 1))
    let averages = (0..<3).map { c in Double(rows.reduce(0) { $0 + $1.columns[c].count }) / n }
    var scores: [(Int, Double)] = []
    let idf = phrases.map { phrase -> Double in
      let d = Double(rows.count { row in row.columns.contains { occurrences(phrase, in: $0) > 0 } })
      // FTS5's inverse document frequency, floored as it floors it.
      return max(log((n - d + 0.5) / (d + 0.5)), 1e-6)
    }
    for i in candidates {
      var score = 0.0
      var hit = false
      for (k, phrase) in phrases.enumerated() {
        for c in 0..<3 {
          let tf = Double(occurrences(phrase, in: rows[i].columns[c]))
          guard tf > 0 else { continue }
          hit = true
          let length = Double(rows[i].columns[c].count)
          score +=
            columnWeights[c] * idf[k] * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / max(averages[c], 1)))
        }
      }
      if hit { scores.append((i, score)) }
    }
    return scores.sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }
  }

  public func rank(_ query: MatchQuery, limit: Int, skipping isKnown: (Int64) -> Bool) throws -> [RankedPassage] {
    lock.lock()
    defer { lock.unlock() }
    return ranked(query, among: Array(rows.indices)).prefix(limit).map { i, score in
      let p = rows[i].passage
      var read = p
      read.score = score
      return RankedPassage(rowID: p.rowID, score: score, passage: isKnown(p.rowID) ? nil : read)
    }
  }

  public func passages(matching query: MatchQuery, in articleIds: [String]?, limit: Int) throws -> [StoredPassage] {
    lock.lock()
    defer { lock.unlock() }
    let wanted = articleIds.map(Set.init)
    let candidates = rows.indices.filter { wanted?.contains(rows[$0].passage.articleId) ?? true }
    return ranked(query, among: candidates).prefix(limit).map { i, score in
      var p = rows[i].passage
      p.score = score
      return p
    }
  }

  public func passages(ids: [Int64]) throws -> [StoredPassage] {
    lock.lock()
    defer { lock.unlock() }
    let wanted = Set(ids)
    return rows.map(\.passage).filter { wanted.contains($0.rowID) }
  }

  public func passages(articleId: String, ordinals range: ClosedRange<Int>) throws -> [StoredPassage] {
    lock.lock()
    defer { lock.unlock() }
    return rows.map(\.passage).filter { $0.articleId == articleId && range.contains($0.ordinal) }
  }

  public func paragraphs(_ keys: [(articleId: String, paragraph: Int)]) throws -> [String: [StoredPassage]] {
    lock.lock()
    defer { lock.unlock() }
    var out: [String: [StoredPassage]] = [:]
    for key in keys {
      out["\(key.articleId)#\(key.paragraph)"] = rows.map(\.passage).filter {
        $0.articleId == key.articleId && $0.paragraph == key.paragraph
      }
    }
    return out
  }

  public func search(_ query: MatchQuery, limit: Int, open: String, close: String) throws -> [(StoredPassage, String)] {
    let words = Set(query.phrases.joined().flatMap { Tokenizer.stems($0) })
    return try passages(matching: query, in: nil, limit: limit).map { p in
      let marked = p.text.split(separator: " ", omittingEmptySubsequences: false).map { token -> String in
        let stem = Tokenizer.stems(String(token)).first
        return stem.map(words.contains) ?? false ? open + token + close : String(token)
      }
      return (p, marked.joined(separator: " "))
    }
  }

  public func articles() throws -> [ArticleSummary] {
    lock.lock()
    defer { lock.unlock() }
    return summaries
  }

  public func publishers() throws -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return Array(Set(summaries.map(\.outlet).filter { !$0.isEmpty })).sorted()
  }

  public func citedOutlets() throws -> [(outlet: String, passages: Int, articles: Int)] {
    lock.lock()
    defer { lock.unlock() }
    var passages: [String: Int] = [:]
    var articles: [String: Set<String>] = [:]
    for row in rows {
      for outlet in Set(row.passage.cites + row.passage.inheritedCites) {
        passages[outlet, default: 0] += 1
        articles[outlet, default: []].insert(row.passage.articleId)
      }
    }
    return passages.keys.map { ($0, passages[$0]!, articles[$0]!.count) }.sorted {
      ($0.2, $0.1, $1.0) > ($1.2, $1.1, $0.0)
    }
  }

  public func observeChanges(_ changed: @escaping @Sendable () -> Void) {
    lock.lock()
    observers.append(changed)
    lock.unlock()
  }
}
