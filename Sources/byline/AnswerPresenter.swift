import BylineCore
import BylineModels
import Foundation

/// Asks the engine one question and prints the answer: streamed sentence by sentence on a
/// terminal when a model answers, with Ctrl-C cancelling it; the rendered prompt instead with
/// `--dry-run`; a line on stderr whenever the rules answer replaced a model's.
struct AnswerPresenter {
  let engine: BylineEngine
  /// The prompt templates, with `--dry-run`: print the prompt instead of calling the model.
  let prompts: PromptRenderer?
  /// Whether a Ctrl-C arrived (polled while a model answers), when there is a line editor.
  let interrupted: (@Sendable () -> Bool)?

  /// The outcome of one question.
  enum Outcome {
    /// An answer; `shown` is the text already printed while streaming.
    case answer(Answer, AnswerTrace, shown: String)
    /// The rendered prompt (dry run).
    case prompt(String)
    /// The user cancelled with Ctrl-C.
    case cancelled
  }

  /// Asks `text` as the next turn of `conversation`, to be shown in `format`. On a terminal in
  /// text format a model's answer streams, and the answer's own note says why rules answered
  /// (no stderr line).
  func ask(_ text: String, in conversation: Conversation, format: OutputFormat) throws -> Outcome {
    if let prompts { return .prompt(try prompt(for: text, in: conversation, prompts: prompts)) }
    let onTerminal = Terminal.stdoutIsTTY && format == .text
    let shown = Shown()
    var stream: AnswerStream?
    if onTerminal && engine.backend.name != "rules" {
      stream = { piece in
        shown.append(piece)
        Terminal.write(TextNormalizer.stripControls(piece))
      }
    }
    let watcher = interrupted.map { Watcher(backend: engine.backend, interrupted: $0) }
    watcher?.start()
    defer { watcher?.stop() }
    do {
      let (answer, trace) = try engine.answer(text, in: conversation, stream: stream)
      if let reason = answer.fallbackReason, !onTerminal {
        Terminal.warn("byline: \(TextNormalizer.stripControls(reason)); answered by rules instead.")
      }
      return .answer(answer, trace, shown: shown.text)
    } catch is CancellationError {
      return .cancelled
    }
  }

  /// The rendered prompt for `text`; the rules answer is recorded so follow-ups resolve.
  func prompt(for text: String, in conversation: Conversation, prompts: PromptRenderer) throws -> String {
    let (request, _) = try engine.request(for: text, in: conversation)
    conversation.record(Turn(question: text, understood: request.resolved ?? text, answer: request.rules))
    let messages = try prompts.messages(for: request)
    return messages.map { "--- \($0.role) ---\n\(TextNormalizer.stripControls($0.content))" }.joined(separator: "\n")
  }

  /// Prints an answer after any streamed part: the rest of its text and its citations, or
  /// the whole rendering when nothing (or something else) was shown.
  static func print(_ answer: Answer, shown: String, renderer: AnswerRenderer) {
    let streamed = shown.trimmingCharacters(in: .whitespaces)
    if !streamed.isEmpty, renderer.format == .text {
      if answer.backend != "rules", answer.answer.hasPrefix(streamed) {
        let rest = answer.answer.dropFirst(streamed.count).trimmingCharacters(in: .whitespaces)
        Terminal.write(TextNormalizer.stripControls(rest) + "\n")
        Terminal.write(renderer.renderCitations(answer))
        return
      }
      Terminal.write("\n")
    }
    Terminal.write(renderer.render(answer).trimmingTrailingNewlines() + "\n")
  }
}

/// Text shown so far while streaming.
final class Shown: @unchecked Sendable {
  private let lock = NSLock()
  private var parts = ""
  func append(_ s: String) { lock.withLock { parts += s } }
  var text: String { lock.withLock { parts } }
}

/// Polls for Ctrl-C while a backend answers, and cancels it.
final class Watcher: @unchecked Sendable {
  let backend: any AnswerBackend
  let interrupted: @Sendable () -> Bool
  private let lock = NSLock()
  private var running = false

  init(backend: any AnswerBackend, interrupted: @escaping @Sendable () -> Bool) {
    self.backend = backend
    self.interrupted = interrupted
  }

  func start() {
    lock.withLock { running = true }
    Thread.detachNewThread { [self] in
      while lock.withLock({ running }) {
        if interrupted() {
          backend.cancel()
          return
        }
        usleep(50_000)
      }
    }
  }

  func stop() { lock.withLock { running = false } }
}
