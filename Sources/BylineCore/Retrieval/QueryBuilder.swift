/// An FTS5 MATCH expression that only ``QueryBuilder`` can make: quoted strings of word
/// characters joined by OR, so user text never reaches MATCH as syntax.
public struct MatchQuery: Sendable, Hashable {
  /// The FTS5 expression.
  public let raw: String

  fileprivate init(_ raw: String) {
    self.raw = raw
  }
}

/// Builds safe FTS5 queries from analysed terms or typed text.
public enum QueryBuilder {
  /// A query matching any of the terms (and their paraphrases), or nil when there is nothing
  /// to search for.
  public static func pattern(for terms: [QueryTerm], expand: Bool = true) -> MatchQuery? {
    var parts: [String] = []
    var seen = Set<String>()
    for term in terms {
      var stems = [term.stem]
      // Light words search only as themselves: their paraphrases would flood the candidates.
      if expand, term.weight >= 0.5 { stems += Paraphrases.alternatives(of: term.stem).sorted() + term.related }
      for s in stems where seen.insert(s).inserted {
        let words = Tokenizer.words(s)
        guard !words.isEmpty else { continue }
        parts.append("\"" + words.joined(separator: " ") + "\"")
      }
    }
    guard !parts.isEmpty else { return nil }
    return MatchQuery(parts.joined(separator: " OR "))
  }

  /// A query for free text typed by a user (`byline search`): any of its words.
  public static func pattern(forText text: String) -> MatchQuery? {
    let words = Tokenizer.words(text)
    guard !words.isEmpty else { return nil }
    return MatchQuery(words.map { "\"\($0)\"" }.joined(separator: " OR "))
  }

  /// A query for the words of `text` as one phrase, or nil when it has fewer than two words.
  public static func phrase(_ text: String) -> MatchQuery? {
    let words = Tokenizer.words(text)
    guard words.count > 1 else { return nil }
    return MatchQuery("\"" + words.joined(separator: " ") + "\"")
  }
}
