import Testing

@testable import BylineCore

@Suite struct ClauseTrimmerTests {
  @Test func longClauseFallsBackToTheWordsThatMatch() {
    let sentence =
      "As The‑Decoder points out, the company “already knows the new models won’t match the competition in every area,” suggesting a pragmatic acceptance that open‑source will be a stepping stone rather than a finish line."
    let clause = ClauseTrimmer.trim(sentence, keep: [], weights: ["alreadi": 3, "know": 2, "meta": 0.5])
    #expect(clause.contains("already knows"))
    #expect(clause.split(separator: " ").count <= 31)
  }

  @Test func keepsTheAnswerSpanAndWholeEnumerations() {
    let sentence =
      "Meta then put Alexandr Wang in charge of the new division and tied the AI effort more tightly to products that can make money, including the Meta AI app, ad tools, and smart glasses."
    let clause = ClauseTrimmer.trim(sentence, keep: ["Meta AI"], weights: ["product": 2, "tie": 1])
    #expect(clause.contains("Meta AI app, ad tools, and smart glasses"))
  }

  @Test func shortSentencesStayWhole() {
    #expect(
      ClauseTrimmer.trim("Meta is not abandoning open AI.", keep: [], weights: [:]) == "Meta is not abandoning open AI")
  }

  @Test func trailingSourceListIsDropped() {
    let s = "The move is pitched as giving builders access to models they can tweak. (axios.com)"
    #expect(!ClauseTrimmer.trim(s, keep: [], weights: [:]).contains("axios.com"))
  }

  @Test func countsWordsAsWhitespaceSplittingDoes() {
    for text in ["a  b\tc\nd", "x—y z", " lead ", "é a", "a\u{2003}b c", "", "   ", "one", "a\r\nb"] {
      #expect(ClauseTrimmer.wordCount(text) == text.split(whereSeparator: \.isWhitespace).count, "\(text)")
    }
  }

  @Test func findsEveryOccurrenceOfTheKeptSpans() {
    #expect(ClauseTrimmer.occurrences(of: ["meta", "ai", ""], in: "meta ai metaverse") == [0..<4, 8..<12, 5..<7])
  }
}
