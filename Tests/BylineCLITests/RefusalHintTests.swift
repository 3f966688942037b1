import Foundation
import Testing

/// A refusal may point at the passage that comes nearest, but never at one that answers: over
/// every question set of the four development corpora, no refused answerable question's
/// "nearest it comes" hint holds the gold answer.
@Suite struct RefusalHintTests {
  struct Item: Decodable {
    var id: String
    var q: String?
    var turns: [String]?
    var must: [[String]]?
    var abstain: Bool?
  }

  /// (corpus folder, question sets) for each development corpus present.
  static var sets: [(URL, [URL])] {
    let root = Byline.packageRoot
    let shared = root.deletingLastPathComponent().appendingPathComponent("shared/eval")
    let eval = root.appendingPathComponent("Tests/Eval")
    // Every Tests/Eval/corpus-* with its own questions (when it has them) and its blind sets
    // (files named corpus-… have no knowledge folder and are dropped with absent corpora).
    let folders =
      ((try? FileManager.default.contentsOfDirectory(at: eval, includingPropertiesForKeys: nil)) ?? [])
      .filter { $0.lastPathComponent.hasPrefix("corpus-") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let own = folders.map { folder in
      (
        folder.appendingPathComponent("knowledge"),
        [folder.appendingPathComponent("questions.jsonl")] + blind(folder.lastPathComponent)
      )
    }
    let named: [(URL, [URL])] = [
      (
        Byline.knowledge,
        [shared.appendingPathComponent("dev.jsonl"), eval.appendingPathComponent("questions.jsonl")]
          + blind("seeds")
      ),
      (
        shared.appendingPathComponent("corpus-b/knowledge"),
        [shared.appendingPathComponent("corpus-b/questions.jsonl")] + blind("corpus-b")
      ),
    ]
    return (named + own).filter { FileManager.default.fileExists(atPath: $0.0.path) }
  }

  /// The blind sets written for `corpus`.
  static func blind(_ corpus: String) -> [URL] {
    let folder = Byline.packageRoot.appendingPathComponent("Tests/Eval/blind")
    return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
      .filter { $0.lastPathComponent.hasSuffix(corpus + ".jsonl") }
  }

  static func norm(_ s: String) -> String {
    s.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2014}", with: "-")
      .replacingOccurrences(of: "\u{2013}", with: "-")
  }

  @Test func noHintIsTheAnswer() async throws {
    var checked = 0
    for (knowledge, files) in Self.sets {
      let box = Sandbox(name: "hints", knowledge: knowledge)
      for file in files where FileManager.default.fileExists(atPath: file.path) {
        let text = try String(contentsOf: file, encoding: .utf8)
        let items = try text.split(separator: "\n").map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
          .filter { $0.q != nil }
        let input = items.map { $0.q! + "\n\n" }.joined()
        let result = await box.run(["--format", "jsonl"], stdin: input, timeout: 120)
        #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == items.count, "\(file.lastPathComponent)")
        for (item, line) in zip(items, lines) {
          let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
          guard object["abstained"] as? Bool == true, item.abstain != true, let must = item.must,
            let answer = object["answer"] as? String, let range = answer.range(of: "The nearest it comes is")
          else { continue }
          checked += 1
          let hint = Self.norm(String(answer[range.lowerBound...]))
          let answers = must.allSatisfy { group in group.contains { hint.contains(Self.norm($0)) } }
          #expect(!answers, "\(item.id): the hint answers the question: \(hint)")
        }
      }
    }
    // The sets hold refusals with a hint (a check of nothing would pass vacuously).
    #expect(checked > 0, "no refused answerable question carried a hint")
  }
}
