import GRDB

/// Builds safe FTS5 patterns from analysed terms: every term becomes a quoted string of word
/// characters joined by OR, so user text never reaches MATCH as syntax.
public enum QueryBuilder {
  /// A pattern matching any of the terms (and their paraphrases), or nil when there is nothing
  /// to search for.
  public static func pattern(for terms: [QueryTerm], expand: Bool = true) -> FTS5Pattern? {
    var parts: [String] = []
    var seen = Set<String>()
    for term in terms {
      var stems = [term.stem]
      if expand { stems += Paraphrases.alternatives(of: term.stem).sorted() }
      for s in stems where seen.insert(s).inserted {
        let words = s.split(separator: " ").filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { continue }
        parts.append("\"" + words.joined(separator: " ") + "\"")
      }
    }
    guard !parts.isEmpty else { return nil }
    return try? FTS5Pattern(rawPattern: parts.joined(separator: " OR "))
  }

  /// A pattern for free text typed by a user (`byline search`): any of its words.
  public static func pattern(forText text: String) -> FTS5Pattern? {
    let words = Tokenizer.words(text)
    guard !words.isEmpty else { return nil }
    return try? FTS5Pattern(rawPattern: words.map { "\"\($0)\"" }.joined(separator: " OR "))
  }
}
