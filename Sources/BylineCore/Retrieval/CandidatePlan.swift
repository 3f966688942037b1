import Foundation

/// Which phrases of a ranked OR query generate candidates and which only rescore them
/// (MaxScore, after Turtle and Flood): an index that ranks the top `limit` passages by BM25 need
/// not score every passage that holds any phrase. A passage that holds none of the generating
/// phrases scores at most ``rescoringBound`` (the sum of the other phrases' largest possible
/// BM25 contributions); once `limit` passages scoring above that bound are found, no such
/// passage can enter the top `limit`, so only passages holding a generating phrase are scored.
///
/// The plan is store-neutral: an index supplies each phrase's document count and its passage
/// count, runs the query the plan describes (candidates: any generating phrase; score: BM25
/// over every phrase) and asks ``isExact(kthScore:)`` whether its result is the exact top
/// `limit`; when not, ``widened(toBeat:)`` says what to run next. Common phrases rarest-last
/// then cost a doclist probe per candidate instead of a score per matching passage.
public struct CandidatePlan: Sendable, Hashable {
  /// How an index picks the passages it scores, for measuring one against another.
  public enum Strategy: String, Sendable, CaseIterable {
    /// Score every passage holding any phrase: the plain OR query.
    case plain
    /// MaxScore: score the passages holding a generating phrase, widen when not exact.
    case maxScore
    /// First the passages holding both of the two rarest phrases, taken when there are `limit`
    /// of them (not exact: a passage holding one of them and common phrases may outscore
    /// them); else ``maxScore``.
    case rarestAnd
  }

  /// BM25's term-frequency saturation (FTS5's `k1`).
  public static let k1 = 1.2
  /// BM25's length normalisation (FTS5's `b`).
  public static let b = 0.75
  /// How many passages the first run's generating phrases should hold together, as a multiple
  /// of `limit`: enough that their best `limit` usually outscore every rescoring-only passage
  /// (so one run is exact), few enough that the run scores a small share of the matches.
  public static let seedMultiple = 8
  /// The most the phrases left out of a plan may add to a passage's score together. FTS5 floors
  /// the inverse document frequency of a phrase held by over half the passages at 1e-6, and one
  /// held by just under half weighs little more: such a phrase changes no ranking but ties, yet
  /// scanning its doclist costs more than everything else the query does. BM25 scores of a
  /// question's top passages are several units, so 0.1 reorders near-ties at most.
  public static let negligibleBound = 0.1

  /// One phrase of the query with its statistics.
  public struct Phrase: Sendable, Hashable {
    /// The phrase's words, as in ``MatchQuery/phrases``.
    public var words: [String]
    /// How many passages hold it.
    public var documents: Int
    /// Its inverse document frequency, as FTS5's bm25 computes it (floored at 1e-6).
    public var idf: Double
    /// The most it can add to a passage's score: BM25's contribution tends to idf · (k1 + 1) as
    /// the phrase's frequency grows.
    public var maxContribution: Double { idf * (CandidatePlan.k1 + 1) }
  }

  /// The phrases some passage holds, rarest first (phrases no passage holds are dropped), but for
  /// ``leftOut``.
  public let phrases: [Phrase]
  /// The commonest phrases, left out while together they could add at most
  /// ``negligibleBound``: they are searched only when the others find fewer than `limit`
  /// passages.
  public let leftOut: [Phrase]
  /// How many of the rarest ``phrases`` generate candidates; the rest only rescore.
  public let generatingCount: Int
  /// How many passages are ranked.
  public let limit: Int

  /// The phrases that generate candidates.
  public var generating: ArraySlice<Phrase> { phrases.prefix(generatingCount) }
  /// The phrases that only add to the scores of candidates.
  public var rescoring: ArraySlice<Phrase> { phrases.dropFirst(generatingCount) }
  /// True when every phrase generates candidates: the plain OR query.
  public var isFull: Bool { generatingCount == phrases.count }
  /// The highest score a passage holding no generating phrase can reach.
  public var rescoringBound: Double { rescoring.reduce(0) { $0 + $1.maxContribution } }

  /// FTS5's inverse document frequency of a phrase held by `documents` of `passages` passages.
  public static func idf(documents: Int, passages: Int) -> Double {
    let n = Double(passages)
    let d = Double(documents)
    let idf = log((n - d + 0.5) / (d + 0.5))
    return idf > 0 ? idf : 1e-6
  }

  /// A first plan for `query`: the rarest phrases generate candidates until together they hold
  /// ``seedMultiple`` × `limit` passages.
  ///
  /// - Parameters:
  ///   - query: the OR query.
  ///   - documents: how many passages hold each of `query.phrases`, in order.
  ///   - passages: how many passages the index holds.
  ///   - limit: how many passages are ranked.
  public init(query: MatchQuery, documents: [Int], passages: Int, limit: Int) {
    var held: [Phrase] = []
    for (words, d) in zip(query.phrases, documents) where d > 0 {
      held.append(Phrase(words: words, documents: d, idf: Self.idf(documents: d, passages: max(passages, 1))))
    }
    held.sort {
      $0.documents < $1.documents || $0.documents == $1.documents && $0.words.lexicographicallyPrecedes($1.words)
    }
    var dropped = 0.0
    var leftOut: [Phrase] = []
    while held.count > 1, let last = held.last, dropped + last.maxContribution <= Self.negligibleBound {
      dropped += last.maxContribution
      leftOut.insert(held.removeLast(), at: 0)
    }
    var count = 0
    var sum = 0
    while count < held.count && sum < Self.seedMultiple * limit {
      sum += held[count].documents
      count += 1
    }
    self.init(phrases: held, generatingCount: count, limit: limit, leftOut: leftOut)
  }

  init(phrases: [Phrase], generatingCount: Int, limit: Int, leftOut: [Phrase] = []) {
    self.phrases = phrases
    self.generatingCount = generatingCount
    self.limit = limit
    self.leftOut = leftOut
  }

  /// The plain OR query of every phrase, the left-out ones included.
  public var everything: CandidatePlan {
    let all = phrases + leftOut
    return CandidatePlan(phrases: all, generatingCount: all.count, limit: limit)
  }

  /// Whether a run of this plan that found `limit` passages, the last scoring `kthScore`, found
  /// the exact top `limit`: no passage outside the candidates can outscore it. `kthScore` is nil
  /// when the run found fewer than `limit` passages.
  public func isExact(kthScore: Double?) -> Bool {
    guard let kthScore else { return isFull && leftOut.isEmpty }
    if isFull { return true }
    return rescoringBound < kthScore
  }

  /// The plan to run after a run that was not exact: the `limit` passages found are real, so
  /// the true `limit`-th score is at least `kthScore`, and the plan that moves the fewest
  /// phrases from rescoring to generating to bring ``rescoringBound`` under it is exact. With no
  /// `kthScore` (too few passages found), the full OR query with the left-out phrases. Nil when
  /// there is nothing left to widen.
  public func widened(toBeat kthScore: Double?) -> CandidatePlan? {
    guard let kthScore else { return isFull && leftOut.isEmpty ? nil : everything }
    guard !isFull else { return nil }
    var count = generatingCount
    var bound = rescoringBound
    while count < phrases.count && bound >= kthScore {
      bound -= phrases[count].maxContribution
      count += 1
    }
    return CandidatePlan(
      phrases: phrases, generatingCount: max(count, generatingCount + 1), limit: limit, leftOut: leftOut)
  }
}
