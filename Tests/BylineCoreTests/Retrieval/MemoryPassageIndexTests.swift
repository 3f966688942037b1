import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// The answering stages run on the in-memory index as on the SQLite store: the seam holds.
@Suite struct MemoryPassageIndexTests {
  let index = MemoryPassageIndex(files: FixtureArticles.files)

  @Test func readsEveryArticleWithItsOutletAndCredits() throws {
    let articles = try index.articles()
    #expect(articles.map(\.id) == ["500_harbour_tidewater", "501_harbour_ledger", "510_orchard_tidewater"])
    #expect(articles.first?.outlet == "Tidewater Gazette")
    #expect(try index.publishers() == ["Coastline Ledger", "Tidewater Gazette"])
    let credited = try index.citedOutlets().map(\.outlet)
    #expect(credited.contains("Reuters"))
    #expect(credited.contains("Associated Press"))
  }

  @Test func retrievalRanksTheSentenceThatHoldsTheAnswerFirst() throws {
    let analyzer = QuestionAnalyzer(directory: OutletDirectory(extra: try index.publishers()))
    let top = try Retriever(store: index).retrieve(analyzer.analyze("How much will the container terminal cost?"))
    #expect(top.first?.passage.text.contains("$420 million") == true)
  }

  @Test func theRuleAnswererAnswersAndRefusesOverIt() throws {
    let rules = try RuleAnswerer(store: index, warmUp: false)
    let (cost, _) = try rules.answer("What is the price tag of the new terminal?")
    #expect(!cost.abstained)
    #expect(cost.answer.contains("420"))
    #expect(cost.citations.first?.outlet == "Tidewater Gazette")
    let (who, _) = try rules.answer("Who is the chief executive of the port?")
    #expect(who.answer.contains("Maren Holt"))
    let (absent, _) = try rules.answer("What did Mayor Quentin Osei say about the terminal?")
    #expect(absent.abstained)
  }

  @Test func ranksTheSameTopPassageAsTheSQLiteStore() throws {
    let corpus = try TempCorpus(seeds: false)
    for (name, text) in FixtureArticles.files { try corpus.write(name, text) }
    let store = try corpus.engine().store
    for text in ["container terminal cost", "frost apple blossom", "Holt construction autumn"] {
      let query = try #require(QueryBuilder.pattern(forText: text))
      let fromStore = try store.passages(matching: query, limit: 1).first?.text
      let fromMemory = try index.passages(matching: query, limit: 1).first?.text
      #expect(fromStore == fromMemory, "\(text)")
    }
  }

  @Test func changesReachTheObservers() throws {
    let fresh = MemoryPassageIndex()
    let seen = Counter()
    fresh.observeChanges { seen.add() }
    fresh.add(file: "520_x.txt", text: "A headline\nSome Outlet\n\nA sentence about ships.")
    #expect(seen.value == 1)
    #expect(try fresh.passageCount() == 1)
  }
}

/// A count the observer closure may touch from any thread.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var n = 0
  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return n
  }
  func add() {
    lock.lock()
    n += 1
    lock.unlock()
  }
}
