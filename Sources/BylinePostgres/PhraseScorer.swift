import BylineCore
import Foundation

/// BM25 over a passage's weighted positions, as the SQLite store ranks (FTS5's `bm25()` with
/// ``ArticleStore/ranking``'s column weights, and `byline_rank` for pruned plans): each
/// instance of a phrase counts by the weight of its column (text 1, heading 0.5, title 0.25),
/// each phrase's inverse document frequency is FTS5's, and a passage's length is its tokens in
/// all three columns against the store's average.
struct PhraseScorer {
  /// The phrases, as stems.
  var phrases: [[String]]
  /// How many passages hold each phrase; a negative count leaves the phrase out of the score.
  var documents: [Int]
  /// How many passages the store holds.
  var passages: Int
  /// How many tokens they hold together.
  var tokens: Int

  /// The positions of one stem in one passage, with their column weights (A, B, C).
  struct Hits {
    var positions: [Int16]
    var weights: [String]
  }

  /// The column weight of a `tsvector` weight letter.
  static func columnWeight(_ letter: String) -> Double {
    switch letter {
    case "A": 1.0
    case "B": 0.5
    case "C": 0.25
    default: 0.0
    }
  }

  /// The score of a passage of `size` tokens whose stems (those of the phrases) are `hits`.
  func score(size: Int, hits: [String: Hits]) -> Double {
    let k1 = CandidatePlan.k1
    let b = CandidatePlan.b
    let n = Double(max(passages, 1))
    let average = Double(max(tokens, 1)) / n
    let norm = k1 * (1 - b + b * Double(size) / average)
    var score = 0.0
    for (i, phrase) in phrases.enumerated() where documents[i] >= 0 {
      let frequency = Self.frequency(of: phrase, in: hits)
      guard frequency > 0 else { continue }
      let idf = CandidatePlan.idf(documents: documents[i], passages: max(passages, 1))
      score += idf * frequency * (k1 + 1) / (frequency + norm)
    }
    return score
  }

  /// The weighted count of `phrase`'s instances: each position of its first stem followed by
  /// the others in a row.
  static func frequency(of phrase: [String], in hits: [String: Hits]) -> Double {
    guard let first = phrase.first, let start = hits[first] else { return 0 }
    if phrase.count == 1 { return start.weights.reduce(0) { $0 + columnWeight($1) } }
    var rest: [Set<Int16>] = []
    for stem in phrase.dropFirst() {
      guard let h = hits[stem] else { return 0 }
      rest.append(Set(h.positions))
    }
    var frequency = 0.0
    for (k, p) in start.positions.enumerated() {
      var all = true
      for (j, set) in rest.enumerated() where !set.contains(p + Int16(j + 1)) {
        all = false
        break
      }
      if all { frequency += columnWeight(start.weights[k]) }
    }
    return frequency
  }
}
