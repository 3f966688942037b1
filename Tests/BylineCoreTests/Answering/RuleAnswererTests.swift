import Foundation
import Testing

@testable import BylineCore

@Suite struct RuleAnswererTests {
  let engine = SeedEngine.shared

  @Test func answersWithTheSpanFirstAndVerbatimQuotes() throws {
    let answer = try engine.ask("Who is leading the development of Meta's next AI models?")
    #expect(!answer.abstained)
    #expect(answer.kind == .person)
    let first = answer.answer.components(separatedBy: ". ").first ?? ""
    #expect(first.contains("Wang"))
    #expect(first.split(separator: " ").count <= 40)
    let store = try engine.store.articles()
    #expect(answer.citations.count >= 2)
    for citation in answer.citations {
      let body = try #require(try engine.store.article(id: citation.id)).body
      #expect(body.contains(citation.quote), "quote is not verbatim: \(citation.quote)")
      #expect(store.contains { $0.id == citation.id })
    }
    #expect(answer.corroboration?.contains("Axios") == true)
  }

  @Test func citationsNameThePublisherAndTheCreditedOutlets() throws {
    let answer = try engine.ask("When did Zuckerberg write that open-source AI was the path forward?")
    let citation = try #require(answer.citations.first)
    #expect(citation.outlet == "Scout")
    #expect(citation.cites == ["Meta"])
    #expect(citation.label == "Scout, citing Meta")
    #expect(answer.answer.contains("July 2024"))
  }

  @Test(arguments: [
    "What is the capital of France?", "What is the price of Bitcoin today?",
    "What did Satya Nadella announce at Build?", "How many GPUs does Meta own?",
    "Who will win the next election?", "Who is the CEO of OpenAI?",
    "How many parameters does Llama 4 Behemoth have?", "In what year did Alexandr Wang found Scale AI?",
  ])
  func abstainsWithoutCitations(_ question: String) throws {
    let answer = try engine.ask(question)
    #expect(answer.abstained, "answered: \(answer.answer)")
    #expect(answer.citations.isEmpty)
    #expect(answer.answer.hasPrefix("The corpus does not answer that"))
  }

  @Test func saysWhatTheArticlesLeaveOpen() throws {
    let answer = try engine.ask("Is the open-source plan confirmed by Meta?")
    #expect(!answer.abstained)
    #expect(answer.answer.hasPrefix("No"))
    let when = try engine.ask("When exactly will Meta release the open-source versions?")
    #expect(!when.abstained)
    #expect(when.answer.lowercased().contains("eventually") || when.answer.lowercased().contains("unclear"))
  }

  @Test func paraphrasesReachTheRightSentence() throws {
    let answer = try engine.ask("Who is in charge of building Meta's next generation of AI models?")
    #expect(answer.answer.contains("Wang"))
    let differ = try engine.ask("How does the new hybrid rollout differ from the Llama series?")
    #expect(differ.answer.contains("entire stack"))
  }

  @Test func answersQuestionsAboutTheCorpus() throws {
    let outlets = try engine.ask("Which outlets are cited?")
    #expect(outlets.kind == .corpus)
    for name in ["Axios", "Reuters", "SiliconANGLE", "The-Decoder"] { #expect(outlets.answer.contains(name)) }
    let list = try engine.ask("List the articles")
    #expect(list.answer.contains("004_df841a73e9ac7c56"))
    let reuters = try engine.ask("What did Reuters report?")
    #expect(reuters.citations.allSatisfy { $0.cites.contains("Reuters") })
    #expect(!reuters.citations.isEmpty)
  }

  @Test func engineTimeIsReported() throws {
    let answer = try engine.ask("Which outlet described Meta's internal review board?")
    #expect(answer.elapsedMs > 0)
    #expect(answer.answer.contains("SiliconANGLE"))
  }
}

extension RuleAnswererTests {
  @Test func dottedAbbreviationsLoseTheirDotsAsTheRegularExpressionHadThem() throws {
    let regex = try NSRegularExpression(pattern: #"\b([A-Z])\.([A-Z])\.(?=\s)|\b([a-z])\.([a-z])\.(?=\s)"#)
    for text in [
      "the U.S. lead", "U.S. firms", "in the U.S.", "aU.S. x", "é U.S.\tx", "U.S.U.K. x", "(U.S. and U.K. models)",
      "A.B.C. d", "1U.S. x", "_U.S. x", "U.S.\u{00A0}x", "u.s. x", "", "no dots here", "U.S.", "x.U.S. y",
      "at 4 p.m. local time", "12:25 a.m. on", "e.G. x", "a.M. x", "9 p.m.",
    ] {
      let expected = regex.stringByReplacingMatches(
        in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "$1$2$3$4")
      #expect(RuleAnswerer.undotAbbreviations(text) == expected, "\(text)")
    }
  }
}
