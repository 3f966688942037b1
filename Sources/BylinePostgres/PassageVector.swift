import BylineCore

/// A passage's words as the PostgreSQL store indexes them: the same stems as FTS5's `porter`
/// over `unicode61` gives the SQLite store (``Tokenizer/stems(_:)``, computed here, so both
/// stores hold exactly the same terms), in a `tsvector` whose weights say the column: A for
/// the text, B for the heading, C for the title. Positions run on through the three columns
/// with a gap between them, so that no phrase matches across two.
struct PassageVector {
  /// The `tsvector` as text, for a `$n::tsvector` parameter.
  var literal: String
  /// How many tokens the three columns hold together (FTS5's row size for BM25).
  var tokens: Int
  /// The distinct stems (what `term_stat` counts).
  var terms: [String]

  /// The largest position a `tsvector` keeps.
  static let maxPosition = 16_383
  /// The longest lexeme PostgreSQL accepts, in bytes (longer tokens are counted, not indexed).
  static let maxLexemeBytes = 2_046

  /// The vector of a passage.
  init(text: String, heading: String, title: String) {
    var positions: [String: [String]] = [:]
    var position = 1
    var tokens = 0
    for (column, weight) in [(text, "A"), (heading, "B"), (title, "C")] {
      for stem in Tokenizer.stems(column) {
        tokens += 1
        if stem.utf8.count <= Self.maxLexemeBytes {
          positions[stem, default: []].append(String(min(position, Self.maxPosition)) + weight)
        }
        position += 1
      }
      position += 1
    }
    let terms = positions.keys.sorted()
    var literal = ""
    for term in terms {
      if !literal.isEmpty { literal += " " }
      literal += Self.quoted(term) + ":" + positions[term]!.joined(separator: ",")
    }
    self.literal = literal
    self.tokens = tokens
    self.terms = terms
  }

  /// A lexeme in single quotes, as `tsvector` and `tsquery` text read it.
  static func quoted(_ lexeme: String) -> String {
    "'" + lexeme.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The stems of a query phrase's words (FTS5 stems a query's words as it stems the text).
  static func stems(of words: [String]) -> [String] {
    words.map(PorterStemmer.stem)
  }

  /// A `tsquery` (as text, for a `$n::tsquery` parameter) matching any of `phrases` (stemmed
  /// words, each phrase its words in a row).
  static func query(_ phrases: [[String]]) -> String {
    phrases.map { words in
      let parts = words.map(quoted)
      return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " <-> ") + ")"
    }.joined(separator: " | ")
  }
}
