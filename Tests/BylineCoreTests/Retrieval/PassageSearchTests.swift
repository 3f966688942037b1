import Testing

@testable import BylineCore

@Suite struct PassageSearchTests {
  let search = PassageSearch(store: SeedEngine.shared.store)

  @Test func scaleAIFindsTheWangSentencesFirst() throws {
    let hits = try search.search("Scale AI", limit: 10)
    #expect(hits.prefix(3).allSatisfy { $0.0.text.contains("Scale AI") })
    #expect(hits.prefix(4).contains { $0.0.text.contains("Wang") })
    #expect(Set(hits.map(\.0.articleId)).count >= 3)
    #expect(hits[0].1.contains("[Scale AI]") || hits[0].1.contains("[Scale]"))
  }

  @Test(arguments: [
    "\"", "*", "NEAR(", "AND OR NOT", "-", ":", "^", "(((", "\"unbalanced", "'; DROP TABLE passage; --",
    "meta*", "title:meta", "NEAR(meta wang, 2)", "", "   ", "💥🔥", "ＭＥＴＡ",
  ])
  func hostileQueriesAreSearchedAsWords(_ query: String) throws {
    _ = try search.search(query, limit: 5)
    _ = try SeedEngine.shared.ask(query)
  }

  @Test func operatorsAreWords() throws {
    let hits = try search.search("Meta AND Wang", limit: 5)
    #expect(!hits.isEmpty)
  }
}
