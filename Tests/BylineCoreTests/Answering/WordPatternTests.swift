import Foundation
import Testing

@testable import BylineCore

@Suite struct WordPatternTests {
  /// Questions that use each phrasing, and others that come close.
  static let samples = [
    "List all the articles", "Show the stories about Meta", "Which articles say Meta will open its models?",
    "What articles report on Llama?", "How many articles are there?", "Which outlets are cited?",
    "What sources get credited most?", "Which publications cited Axios?", "What outlets quoted Reuters?",
    "Who is cited?", "Who are credited in the report?", "Who first reported the plan?",
    "Who wrote about the models?", "Who broke the story?", "What is the reason for the delay?",
    "What was the reason Meta kept them?", "What prompted the shift?", "What led to the change?",
    "For what reason did Meta wait?", "What is behind the decision?", "In what year did he write it?",
    "In which month was it announced?", "What is the name of the lab?", "What were the names of the models?",
    "What is the new AI division called?",
    "What was Meta's superintelligence lab at the time of the announcement called?",
    "What are the risks?", "What are some examples of open models?", "What are the details of the deal?",
    "What is called open source?", "what is called", "Who said what about the report?",
    "Why is Meta keeping some models proprietary?",
    "What does Meta hope its open code will spark?",
    "What is a very very long description of something that might be called?",
    "Which outlets cited", "which outlets are", "who first", "what led", "articles", "article says",
  ]

  @Test func everyPhrasingMatchesWhereItsRegularExpressionDoes() throws {
    let questions = try QuestionSetTests.load("questions.jsonl").compactMap(\.q)
    for text in Self.samples + questions {
      let words = Tokenizer.words(TextNormalizer.fold(text))
      let joined = words.joined(separator: " ")
      for (regex, pattern) in QuestionAnalyzer.phrasings {
        let expected = joined.range(of: "\\b" + regex + "\\b", options: .regularExpression) != nil
        #expect(pattern.matches(words) == expected, "\(regex) on \(text)")
      }
    }
  }

  @Test func gapsSpanWholeWordsWithinTheirLimit() {
    let pattern = WordPattern("what is *10 called")
    #expect(pattern.matches(["what", "is", "it", "called"]))
    #expect(pattern.matches(["so", "what", "is", "the", "lab", "called", "now"]))
    #expect(!pattern.matches(["what", "is", "called"]))
    #expect(!pattern.matches(["what", "is", "the", "superintelligence", "called"]))
  }
}
