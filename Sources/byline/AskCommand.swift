import ArgumentParser
import BylineCore

/// `byline ask QUESTION`: one answer.
struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "ask", abstract: "Answer one question.")

  @OptionGroup var options: GlobalOptions

  @Flag(name: .long, help: "Also print how the answer was found (on stderr).")
  var why = false

  @Argument(help: "The question.", completion: ShellCompletions.outlets)
  var question: [String]

  func run() throws {
    Terminal.ignoreSigpipe()
    let text = question.joined(separator: " ").trimmingWhitespace()
    guard !text.isEmpty else {
      Terminal.warn("byline: ask needs a question, e.g. byline ask \"Who is leading Meta's new models?\"")
      throw ExitCode(64)
    }
    let (engine, presenter) = try options.openAnswering()
    engine.warmUp = false
    let renderer = AnswerRenderer(format: options.format.value, color: options.useColor)
    let reply = try GlobalOptions.storeErrorsExit {
      try presenter.ask(text, in: Conversation(), format: renderer.format)
    }
    switch reply {
    case .prompt(let prompt):
      Terminal.write(prompt + "\n")
    case .cancelled:
      Terminal.warn("byline: answer cancelled")
      throw ExitCode(130)
    case .answer(let answer, let trace, let shown):
      if why { Terminal.warn(TraceRenderer.render(trace)) }
      AnswerPresenter.print(answer, shown: shown, renderer: renderer)
    }
  }
}

extension String {
  /// The string without leading and trailing white space and newlines: what
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (Unicode White_Space is the same
  /// set), without Foundation's character-set machinery, which costs more at start-up than the
  /// rest of reading a question.
  func trimmingWhitespace() -> String {
    TextNormalizer.trimmed(self) { $0.properties.isWhitespace }
  }

  func trimmingTrailingNewlines() -> String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}
