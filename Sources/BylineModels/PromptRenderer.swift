import BylineCore
import Foundation
import Mustache

/// Renders the prompt templates in `Prompts/` (`system.mustache`, `answer.mustache`) with
/// Mustache. The templates may use: `question` (as understood), `asked` (as typed),
/// `history` (earlier `question`/`answer` pairs), `passages` (`n`, `outlet`, `source` — the
/// outlet and who it cites, `title`, `date`, `quote`) and `abstain_phrase`. A name the
/// renderer does not provide is an error, not an empty string.
public struct PromptRenderer: Sendable {
  /// The variables templates may use at the top level.
  public static let variables = ["question", "asked", "history", "passages", "abstain_phrase"]
  /// What the model must reply when the passages do not answer.
  public static let abstainPhrase = "The corpus does not answer this."
  /// How many earlier turns the prompt carries.
  public static let historyTurns = 3

  /// The folder the templates were read from.
  public let directory: String
  let system: MustacheTemplate
  let answer: MustacheTemplate

  /// Reads and parses the templates in `directory`.
  ///
  /// - Throws: ``PromptError`` for a missing or unparsable template.
  public init(directory: String) throws {
    self.directory = directory
    system = try Self.load(directory + "/system.mustache")
    answer = try Self.load(directory + "/answer.mustache")
  }

  static func load(_ path: String) throws -> MustacheTemplate {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw PromptError.missingTemplate(path)
    }
    do {
      // Prompts are plain text: no HTML escaping of quotes and ampersands.
      return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
    } catch {
      throw PromptError.badTemplate(path: path, reason: String(describing: error))
    }
  }

  /// The chat messages for `request`: the system prompt, then the question with its passages.
  ///
  /// - Throws: ``PromptError/missingVariable(template:names:)`` when a template uses a name
  ///   that is not provided.
  public func messages(for request: AnswerRequest) throws -> [ChatMessage] {
    let values = Self.context(for: request)
    return [
      ChatMessage(role: "system", content: try render(system, values, name: "system.mustache")),
      ChatMessage(role: "user", content: try render(answer, values, name: "answer.mustache")),
    ]
  }

  func render(_ template: MustacheTemplate, _ values: [String: Any], name: String) throws -> String {
    let root = StrictContext(values)
    let text = template.render(root)
    let missing = root.missing
    if !missing.isEmpty { throw PromptError.missingVariable(template: name, names: missing) }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func context(for request: AnswerRequest) -> [String: Any] {
    let history: [[String: Any]] = request.history.suffix(historyTurns).map {
      ["question": clean($0.understood), "answer": clean($0.answer.answer)]
    }
    let passages: [[String: Any]] = request.evidence.map { c in
      [
        "n": c.n, "outlet": clean(c.outlet.isEmpty ? c.id : c.outlet), "source": clean(c.label),
        "title": clean(c.title), "date": c.date, "quote": clean(c.quote),
      ]
    }
    return [
      "question": clean(request.effectiveQuestion), "asked": clean(request.question), "history": history,
      "passages": passages, "abstain_phrase": abstainPhrase,
    ]
  }

  static func clean(_ s: String) -> String {
    TextNormalizer.stripControls(s).replacingOccurrences(of: "\n", with: " ")
  }
}

/// The top of the render stack: answers lookups from its values and remembers the names it
/// was asked for and did not have. Mustache asks the top-level context last, so a name
/// missing here is missing everywhere.
final class StrictContext: MustacheParent, @unchecked Sendable {
  private let values: [String: Any]
  private let lock = NSLock()
  private var misses: [String] = []

  init(_ values: [String: Any]) { self.values = values }

  func child(named name: String) -> Any? {
    if let value = values[name] { return value }
    lock.withLock { if !misses.contains(name) { misses.append(name) } }
    return nil
  }

  var missing: [String] { lock.withLock { misses } }
}
