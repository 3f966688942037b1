/// A search that only ``QueryBuilder`` can make: any of a list of phrases, each a run of plain
/// word tokens (one word or several in a row), so user text never reaches an index as syntax.
/// Each ``PassageIndex`` turns the phrases into its own query language (``raw`` for FTS5).
public struct MatchQuery: Sendable, Hashable {
  /// The phrases, any of which matches: lowercased word tokens, in order.
  public let phrases: [[String]]

  /// The FTS5 MATCH expression: each phrase quoted, joined by OR.
  public var raw: String {
    phrases.map { "\"" + $0.joined(separator: " ") + "\"" }.joined(separator: " OR ")
  }

  fileprivate init(_ phrases: [[String]]) {
    self.phrases = phrases
  }
}

/// Builds safe FTS5 queries from analysed terms or typed text.
public enum QueryBuilder {
  /// A query matching any of the terms (and their paraphrases), or nil when there is nothing
  /// to search for.
  public static func pattern(for terms: [QueryTerm], expand: Bool = true) -> MatchQuery? {
    var parts: [[String]] = []
    var seen = Set<String>()
    for term in terms {
      var stems = [term.stem] + term.variants
      // Light words search only as themselves: their paraphrases would flood the candidates.
      if expand, term.weight >= 0.5 {
        let alternatives =
          term.isEntity ? Paraphrases.nameAlternatives(of: term.stem) : Paraphrases.alternatives(of: term.stem)
        stems += alternatives.sorted() + term.related
      }
      for s in stems where seen.insert(s).inserted {
        let words = Tokenizer.words(s)
        guard !words.isEmpty else { continue }
        parts.append(words)
      }
    }
    guard !parts.isEmpty else { return nil }
    return MatchQuery(parts)
  }

  /// A query for free text typed by a user (`byline search`): any of its words.
  public static func pattern(forText text: String) -> MatchQuery? {
    let words = Tokenizer.words(text)
    guard !words.isEmpty else { return nil }
    return MatchQuery(words.map { [$0] })
  }

  /// A query for the words of `text` as one phrase, or nil when it has fewer than two words.
  public static func phrase(_ text: String) -> MatchQuery? {
    let words = Tokenizer.words(text)
    guard words.count > 1 else { return nil }
    return MatchQuery([words])
  }
}
