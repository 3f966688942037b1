import Foundation
import Testing

@testable import BylineCore

/// Passages like those the engine gives a model.
enum Evidence {
  static let passages: [Citation] = [
    Citation(
      n: 1, id: "003_cd614558ed0673bd", title: "Meta to Open-Source Upcoming AI Models", outlet: "SectorHQ",
      date: "", quote: "The releases come after Alexandr Wang's 2025 $15 billion Scale AI deal, The-Decoder reports.",
      cites: ["The-Decoder"]),
    Citation(
      n: 2, id: "001_36827da89e547575", title: "Meta to open-source models", outlet: "Scout", date: "",
      quote: "Meta plans to release the models under an open-source license eventually.", cites: ["Axios"]),
  ]
  static var checker: ModelAnswerChecker {
    ModelAnswerChecker(evidence: passages, abstainPhrase: "The corpus does not answer this.")
  }
}

@Suite("Checks on a model's answer")
struct ModelAnswerCheckerTests {
  @Test func aSupportedAnswerWithValidMarkersStands() {
    let verdict = Evidence.checker.check(
      "Alexandr Wang leads the effort after a $15 billion Scale AI deal, SectorHQ reports [1].")
    guard case .accepted(let text, let cited, let removed) = verdict else {
      Issue.record("rejected: \(verdict)")
      return
    }
    #expect(cited == [1])
    #expect(removed.isEmpty)
    #expect(text.hasSuffix("[1]."))
  }

  @Test func aMarkerNamingNoGivenPassageIsRemoved() {
    let verdict = Evidence.checker.check("Meta plans an open-source license eventually [2][7]. Scout cites Axios [9].")
    guard case .accepted(let text, let cited, let removed) = verdict else {
      Issue.record("rejected: \(verdict)")
      return
    }
    #expect(cited == [2])
    #expect(removed == [7, 9])
    #expect(!text.contains("[7]") && !text.contains("[9]"), "\(text)")
  }

  @Test func onlyMadeUpMarkersIsARejection() {
    #expect(
      Evidence.checker.check("Meta plans an open-source license [4].")
        == .rejected("it cites only passages it was not given ([4])"))
    guard case .rejected = Evidence.checker.check("Meta plans an open-source license.") else {
      Issue.record("an answer citing nothing was accepted")
      return
    }
  }

  @Test(arguments: [
    ("Elena B. Bender, CEO of Meta, leads the models [1].", "Elena"),
    ("Wang's deal was worth $1.5 billion [1].", "1.5"),
    ("Wang's deal was worth $15 million [1].", "15 million"),
    ("The models ship in March 2026 [2].", "March"),
    ("Meta plans the license eventually [2], after a $15 billion deal.", "15"),
  ])
  func unsupportedNamesAndNumbersAreRejected(answer: String, culprit: String) {
    guard case .rejected(let reason) = Evidence.checker.check(answer) else {
      Issue.record("accepted: \(answer)")
      return
    }
    #expect(reason.contains(culprit), "\(reason)")
  }

  @Test func sentenceOpenersAreNotTakenForNames() {
    let verdict = Evidence.checker.check("However, Scout says Meta plans an open-source license eventually [2].")
    guard case .accepted = verdict else {
      Issue.record("rejected: \(verdict)")
      return
    }
  }

  @Test func theAbstentionPhraseIsAnAbstention() {
    #expect(Evidence.checker.check("  The corpus does not answer this. ") == .abstained)
    #expect(Evidence.checker.check("the corpus does NOT answer this") == .abstained)
  }

  @Test func anEchoedPromptIsRejected() {
    guard case .rejected(let reason) = Evidence.checker.check("Passages:\n[1] SectorHQ: Alexandr Wang [1]") else {
      Issue.record("an echo was accepted")
      return
    }
    #expect(reason.contains("prompt"))
    guard case .rejected = Evidence.checker.check("") else {
      Issue.record("an empty answer was accepted")
      return
    }
  }

  @Test func wordsKnowWhetherTheyOpenASentence() {
    let words = ModelAnswerChecker.words(in: "Meta's plan: Notably, Wang said \"Yes\" to Meta. Bender")
    #expect(words.map(\.word) == ["Meta", "plan", "Notably", "Wang", "said", "Yes", "to", "Meta", "Bender"])
    #expect(words.filter(\.initial).map(\.word) == ["Meta", "Notably", "Yes", "Bender"])
  }

  @Test func markersAreReadInEveryForm() {
    #expect(ModelAnswerChecker.markers(in: "a [1] b [2, 3] c [4][5] d [ 6 ]") == [1, 2, 3, 4, 5, 6])
  }

  @Test func aStreamLetsThroughOnlyCheckedSentences() {
    let shown = Collected()
    let stream = CheckedStream(checker: Evidence.checker) { shown.add($0) }
    for piece in [
      "Alexandr Wang leads it, Sector", "HQ reports [1][8]. ", "Elena Bender ", "agrees [2]. Meta plans", " more [2].",
    ] {
      stream.feed(piece)
    }
    #expect(shown.all == ["Alexandr Wang leads it, SectorHQ reports [1]. "])
  }
}

final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ s: String) { lock.withLock { items.append(s) } }
  var all: [String] { lock.withLock { items } }
}
