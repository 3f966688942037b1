/// What retrieval and answering read from a store of indexed articles: the seam between the
/// answering pipeline and the storage engine. ``ArticleStore`` (SQLite FTS5) is the first
/// implementation; a test double keeps passages in memory, and other engines plug in here.
///
/// Queries arrive as ``MatchQuery`` values (phrases of plain words, never user syntax), and every
/// ranked call ranks alike: BM25 over the passage text, its heading and its article's title, the
/// text weighted most, scores higher for better matches.
public protocol PassageIndex: AnyObject, Sendable {
  /// How many passages are indexed.
  func passageCount() throws -> Int

  /// How many passages hold each stemmed term (0 for a term no passage holds).
  func documentFrequencies(_ stems: [String]) throws -> [String: Int]

  /// The best `limit` passages for `query`, best first, ranked and read in one consistent state
  /// of the index. A passage for which `isKnown` returns true is ranked but not read (its
  /// ``RankedPassage/passage`` is nil), so that a caller's cache saves the read.
  func rank(_ query: MatchQuery, limit: Int, skipping isKnown: (Int64) -> Bool) throws -> [RankedPassage]

  /// Passages matching `query`, best first, with scores; only passages of `articleIds` when it is
  /// not nil.
  func passages(matching query: MatchQuery, in articleIds: [String]?, limit: Int) throws -> [StoredPassage]

  /// The passages with row ids `ids`, in no particular order (ids no longer stored are left out).
  func passages(ids: [Int64]) throws -> [StoredPassage]

  /// Passages of one article whose ordinals fall in `range`, in order.
  func passages(articleId: String, ordinals range: ClosedRange<Int>) throws -> [StoredPassage]

  /// Every passage of each paragraph, keyed by "ARTICLE#PARAGRAPH", in order.
  func paragraphs(_ keys: [(articleId: String, paragraph: Int)]) throws -> [String: [StoredPassage]]

  /// Passages matching `query` with the matched words of their text marked by `open` and `close`.
  func search(_ query: MatchQuery, limit: Int, open: String, close: String) throws -> [(StoredPassage, String)]

  /// Every article with its metadata, ordered by id.
  func articles() throws -> [ArticleSummary]

  /// How many articles are stored (without reading them: "Reported in 3 of 100,000 articles").
  func articleCount() throws -> Int

  /// The distinct publishers of the articles.
  func publishers() throws -> [String]

  /// Outlets credited anywhere, with how many passages and articles credit each, most first.
  func citedOutlets() throws -> [(outlet: String, passages: Int, articles: Int)]

  /// Calls `changed` after every committed change to the indexed passages or articles, for as
  /// long as the index lives (caches of what was read drop it then).
  func observeChanges(_ changed: @escaping @Sendable () -> Void)
}

/// One passage of a ranking: its row id, its score (higher is better) and, unless the caller
/// knew it, the passage.
public struct RankedPassage: Sendable {
  /// The passage's row id.
  public var rowID: Int64
  /// Its BM25 score for the query (higher is better).
  public var score: Double
  /// The passage, or nil when the caller said it knows it.
  public var passage: StoredPassage?

  /// Creates a ranking entry.
  public init(rowID: Int64, score: Double, passage: StoredPassage?) {
    self.rowID = rowID
    self.score = score
    self.passage = passage
  }
}

/// The most passages ``PassageIndex/articles(matching:among:)`` reads for one name: enough to
/// reach every candidate article that names it.
let namedInLimit = 200

extension PassageIndex {
  /// ``articles()``'s count, for an index that has no cheaper way to count.
  public func articleCount() throws -> Int {
    try articles().count
  }

  /// Passages matching `query`, best first, over every article.
  public func passages(matching query: MatchQuery, limit: Int) throws -> [StoredPassage] {
    try passages(matching: query, in: nil, limit: limit)
  }

  /// Which of the articles `articleIds` hold a passage matching `query` (a name, to see which
  /// candidates' articles state it): one search, reading at most ``namedInLimit`` passages.
  public func articles(matching query: MatchQuery, among articleIds: [String]) throws -> Set<String> {
    Set(try passages(matching: query, in: articleIds, limit: namedInLimit).map(\.articleId))
  }

  /// ``search(_:limit:open:close:)`` marking matches with square brackets.
  public func search(_ query: MatchQuery, limit: Int) throws -> [(StoredPassage, String)] {
    try search(query, limit: limit, open: "[", close: "]")
  }
}

extension Array where Element == RankedPassage {
  /// Sets each entry's passage from `read` (by row id), carrying the entry's score; entries
  /// whose passage was not read (the caller knew it) keep nil.
  public mutating func attach(_ read: [StoredPassage]) {
    let byID = Dictionary(read.map { ($0.rowID, $0) }, uniquingKeysWith: { a, _ in a })
    for i in indices {
      self[i].passage = byID[self[i].rowID].map { p in
        var p = p
        p.score = self[i].score
        return p
      }
    }
  }
}
