import Foundation
import Testing

@testable import BylineCore

/// The pruned ranking: the plan's split of phrases, and the store's pruned top k against FTS5's
/// plain OR query with the built-in bm25().
@Suite struct CandidatePlanTests {
  static func query(_ words: [String]) -> MatchQuery {
    QueryBuilder.pattern(forText: words.joined(separator: " "))!
  }

  @Test func rarestPhrasesGenerateUntilTheyHoldEnoughPassages() {
    let q = Self.query(["alpha", "beta", "gamma", "delta"])
    let plan = CandidatePlan(query: q, documents: [5_000, 30, 0, 200], passages: 100_000, limit: 40)
    // gamma is held by no passage: dropped. beta (30) and delta (200) hold fewer than 8 × 40
    // passages together, so alpha generates too: the plain OR query.
    #expect(plan.phrases.map(\.words) == [["beta"], ["delta"], ["alpha"]])
    #expect(plan.generatingCount == 3)
    let tight = CandidatePlan(query: q, documents: [5_000, 300, 0, 200], passages: 100_000, limit: 40)
    #expect(tight.generating.map(\.words) == [["delta"], ["beta"]])
    #expect(tight.rescoring.map(\.words) == [["alpha"]])
    #expect(!tight.isFull)
  }

  @Test func exactOnlyWhenTheRescoringBoundIsBeaten() throws {
    let q = Self.query(["alpha", "beta", "gamma"])
    let plan = CandidatePlan(query: q, documents: [50_000, 400, 30_000], passages: 100_000, limit: 40)
    #expect(plan.generating.map(\.words) == [["beta"]])
    let bound = plan.rescoringBound
    #expect(plan.isExact(kthScore: bound + 0.01))
    #expect(!plan.isExact(kthScore: bound))
    #expect(!plan.isExact(kthScore: nil))
    // Widening moves the rarest rescoring phrase first, as few as the found score allows.
    let gamma = plan.rescoring.first!.maxContribution
    let wider = try #require(plan.widened(toBeat: bound - gamma + 0.01))
    #expect(wider.generatingCount == 2)
    #expect(wider.isExact(kthScore: bound - gamma + 0.01))
    #expect(plan.widened(toBeat: nil)?.isFull == true)
    #expect(plan.widened(toBeat: nil)?.widened(toBeat: nil) == nil)
  }

  @Test func phrasesTooCommonToMatterAreLeftOutUntilTooFewAreFound() throws {
    let q = Self.query(["alpha", "beta", "gamma"])
    // gamma is in 90 % of the passages: FTS5 floors its idf at 1e-6.
    let plan = CandidatePlan(query: q, documents: [1_000, 500, 90_000], passages: 100_000, limit: 40)
    #expect(plan.phrases.map(\.words) == [["beta"], ["alpha"]])
    #expect(plan.leftOut.map(\.words) == [["gamma"]])
    #expect(plan.isExact(kthScore: plan.rescoringBound + 0.01))
    #expect(!plan.isExact(kthScore: nil))
    let all = try #require(plan.widened(toBeat: nil))
    #expect(all.isFull && all.leftOut.isEmpty && all.phrases.count == 3)
    #expect(all.isExact(kthScore: nil))
  }

  /// The seed store's pruned rankings are FTS5's bm25 OR rankings, at every depth (scores within
  /// what the phrases too common to matter could add).
  @Test(arguments: [3, 10, 40])
  func prunedRankingIsThePlainOrRanking(limit: Int) throws {
    let store = SeedEngine.shared.store
    let analyzer = QuestionAnalyzer()
    let questions = [
      "Who is leading the development of Meta's next AI models?", "How much was Wang's Scale AI deal worth?",
      "Why is Meta keeping some models proprietary?", "What did Reuters report about the review board?",
      "When did Zuckerberg write that open-source AI was the path forward?", "meta said the company would",
    ]
    var checked = 0
    for text in questions {
      guard let q = QueryBuilder.pattern(for: analyzer.analyze(text).terms) else { continue }
      let pruned = try store.rank(q, limit: limit) { _ in true }
      let plain = try store.passages(matching: q, limit: limit)
      #expect(pruned.count == plain.count, "\(text)")
      let slack = CandidatePlan.negligibleBound + 1e-9
      for (a, b) in zip(pruned, plain) {
        #expect(abs(a.score - b.score) <= slack, "\(text): scores differ")
      }
      // Near-ties may order differently; the rows clearly above the last score agree.
      let last = plain.last?.score ?? 0
      let clear = Set(plain.filter { $0.score > last + 2 * slack }.map(\.rowID))
      #expect(clear.isSubset(of: Set(pruned.map(\.rowID))), "\(text)")
      checked += 1
    }
    #expect(checked == questions.count)
  }

  /// The plain OR query through `byline_rank` ranks as FTS5's bm25 does, the same scores depth
  /// by depth, whether it reads row lengths from memory or skips the length lookup of rows that
  /// cannot reach the top `limit`.
  @Test(arguments: [1, 3, 10, 40], [true, false])
  func rowsLeftUnscoredDoNotChangeThePlainRanking(limit: Int, inMemory: Bool) throws {
    _ = SeedEngine.shared
    let store = try ArticleStore(path: NSTemporaryDirectory() + "byline-seed-store-\(getpid()).sqlite")
    store.candidateStrategy = CandidatePlan.Strategy.plain
    store.readsLengthsInMemory = inMemory
    let analyzer = QuestionAnalyzer()
    for text in ["meta said the company would", "Why is Meta keeping some models proprietary?"] {
      guard let q = QueryBuilder.pattern(for: analyzer.analyze(text).terms) else { continue }
      let pruned = try store.rank(q, limit: limit) { _ in true }
      let plain = try store.passages(matching: q, limit: limit)
      #expect(pruned.count == plain.count, "\(text)")
      for (a, b) in zip(pruned, plain) {
        #expect(abs(a.score - b.score) <= CandidatePlan.negligibleBound + 1e-9, "\(text): scores differ")
      }
    }
    #expect(store.lengths.current.lengths.isEmpty != inMemory)
  }

  /// A docsize record is one SQLite varint a column; a length of 128 or more takes two bytes.
  @Test func docsizeRecordsSumTheirColumns() {
    let record: [UInt8] = [0x81, 0x00, 0x05, 0x00]
    #expect(record.withUnsafeBytes { PassageLengths.totalLength($0) } == 133)
    #expect([UInt8]([0x83]).withUnsafeBytes { PassageLengths.totalLength($0) } == nil)
  }
}
