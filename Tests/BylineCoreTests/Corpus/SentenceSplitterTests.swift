import Testing

@testable import BylineCore

@Suite struct SentenceSplitterTests {
  let splitter = SentenceSplitter()

  @Test func keepsAbbreviationsDecimalsAndAmountsTogether() {
    let text =
      "The U.S. lab raised $15 billion. Dr. Smith said growth was 3.5 percent. It was “big.” Then (axios.com) it ended."
    let parts = splitter.split(text).map(\.text)
    #expect(
      parts == [
        "The U.S. lab raised $15 billion.", "Dr. Smith said growth was 3.5 percent.", "It was “big.”",
        "Then (axios.com) it ended.",
      ])
  }

  @Test func foldsALoneSourceListIntoTheSentenceBefore() {
    let parts = splitter.split("Meta plans open models. (axios.com) Another one follows.")
    #expect(parts.map(\.text) == ["Meta plans open models. (axios.com)", "Another one follows."])
  }

  @Test func offsetsPointAtTheSentences() {
    let text = "First one here. Second one there."
    for span in splitter.split(text) {
      let start = text.index(text.startIndex, offsetBy: span.start)
      let end = text.index(text.startIndex, offsetBy: span.end)
      #expect(String(text[start..<end]) == span.text)
    }
  }
}
