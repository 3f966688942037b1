import Foundation
import Testing

@testable import BylineCore

@Suite struct PassageCacheTests {
  @Test func repeatedQuestionsGetTheSameAnswersFromTheCache() throws {
    let corpus = try TempCorpus()
    let engine = try corpus.engine()
    let rules = try engine.rules
    let questions = [
      "Who is leading the development of Meta's next AI models?", "How much was Wang's Scale AI deal worth?",
      "Why is Meta keeping some models proprietary?",
    ]
    let first = try questions.map { try rules.answer($0).0 }
    let again = try questions.map { try rules.answer($0).0 }
    #expect(first.map(\.answer) == again.map(\.answer))
    #expect(first.map(\.citations) == again.map(\.citations))
  }

  @Test func aChangeToTheStoreEmptiesTheCache() throws {
    let corpus = try TempCorpus(seeds: false)
    try corpus.write("a.txt", "Old title\n\nThe zebra project is led by Dana Whitfield, the company said.\n")
    let engine = try corpus.engine()
    let rules = try engine.rules
    let retriever = try #require(rules.retriever as? Retriever)
    let before = try rules.answer("Who leads the zebra project?").0
    #expect(before.answer.contains("Dana Whitfield"))
    #expect(retriever.cache.count > 0)
    // A sync with nothing to write keeps the cache.
    _ = try (engine.store as! ArticleStore).sync(knowledge: corpus.knowledge)
    #expect(retriever.cache.count > 0)
    // The same store object takes the change: what the cache held for the old passages must go.
    try corpus.write("a.txt", "Old title\n\nThe zebra project is led by Morgan Ellery, the company said.\n")
    _ = try (engine.store as! ArticleStore).sync(knowledge: corpus.knowledge)
    #expect(retriever.cache.count == 0)
    let after = try rules.answer("Who leads the zebra project?").0
    #expect(after.answer.contains("Morgan Ellery"))
    #expect(!after.answer.contains("Dana Whitfield"))
  }

  @Test func aPassageReadAsContextIsAnalysedWhenItIsACandidate() throws {
    let corpus = try TempCorpus(seeds: false)
    try corpus.write(
      "a.txt",
      "Museum reopens\n\nThe museum reopened on Sunday after the theft. "
        + "Director Laurence des Cars said the security review would take months.\n")
    let engine = try corpus.engine()
    let cache = PassageCache(store: engine.store)
    // The opening sentence is a candidate; its paragraph is read as its context.
    let opening = try #require(QueryBuilder.pattern(forText: "museum reopened Sunday"))
    let first = try #require(try cache.passages(matching: opening, limit: 1).first)
    try cache.prefetchContexts(of: [first.passage])
    // The next sentence, held only as context so far, is then a candidate.
    let pattern = try #require(QueryBuilder.pattern(forText: "Cars security review"))
    let warmed = try #require(try cache.passages(matching: pattern, limit: 5).first)
    let cold = try #require(try PassageCache(store: engine.store).passages(matching: pattern, limit: 5).first)
    #expect(warmed.passage.text.hasPrefix("Director Laurence des Cars"))
    #expect(warmed.stemSet == cold.stemSet)
    #expect(warmed.nameOnly == cold.nameOnly)
    #expect(warmed.nameOnly.contains("car"))
  }
}
