import Foundation
import Testing

@testable import BylineCore

/// Every weight and threshold lives in ``AnswerTuning`` and is read by the engine.
@Suite struct AnswerTuningTests {
  /// The core library's sources, without the file that declares the tuning.
  static func sources() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/BylineCore")
    let files = try #require(FileManager.default.enumerator(atPath: root.path))
    var text = ""
    for case let path as String in files where path.hasSuffix(".swift") && !path.hasSuffix("AnswerTuning.swift") {
      text += try String(contentsOfFile: root.appendingPathComponent(path).path, encoding: .utf8)
    }
    return text
  }

  @Test func everyFieldIsUsed() throws {
    let text = try Self.sources()
    let fields = Mirror(reflecting: AnswerTuning()).children.compactMap(\.label)
    #expect(fields.count >= 10)
    for field in fields {
      #expect(text.contains("tuning.\(field)"), "AnswerTuning.\(field) is never read")
    }
  }

  @Test func everyFieldCanBeSetByName() {
    // BYLINE_TUNING (make calibrate) reaches a field only through set(_:to:).
    for field in Mirror(reflecting: AnswerTuning()).children.compactMap(\.label) {
      var tuning = AnswerTuning()
      let known = tuning.set(field, to: 1)
      #expect(known, "AnswerTuning.\(field) cannot be set by name")
    }
  }

  @Test func theThresholdsAreProbabilities() {
    let t = AnswerTuning.standard
    for value in [t.answerThreshold, t.candidateCoverage, t.yesClaimShare, t.missingWordShare] {
      #expect(value > 0 && value < 1)
    }
    #expect(t.leadMaxWords < 40)
  }
}
