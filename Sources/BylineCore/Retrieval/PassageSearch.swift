/// `byline search`: passages that hold the words typed, exact phrase matches first, then any of
/// the words by BM25. User text is turned into quoted FTS5 strings, never passed as syntax.
public struct PassageSearch: Sendable {
  /// The store to search.
  public let store: any PassageIndex

  /// Creates a search over `store`.
  public init(store: any PassageIndex) {
    self.store = store
  }

  /// Up to `limit` passages with snippets marked by `open` and `close`.
  public func search(_ text: String, limit: Int, open: String = "[", close: String = "]") throws
    -> [(StoredPassage, String)]
  {
    let words = Tokenizer.words(text)
    guard !words.isEmpty, let any = QueryBuilder.pattern(forText: text) else { return [] }
    var results: [(StoredPassage, String)] = []
    var seen = Set<Int64>()
    if let phrase = QueryBuilder.phrase(text) {
      for hit in try store.search(phrase, limit: limit, open: open, close: close)
      where seen.insert(hit.0.rowID).inserted {
        results.append(hit)
      }
    }
    if results.count < limit {
      for hit in try store.search(any, limit: limit, open: open, close: close)
      where seen.insert(hit.0.rowID).inserted && results.count < limit {
        results.append(hit)
      }
    }
    return results
  }
}
