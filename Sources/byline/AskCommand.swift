import ArgumentParser
import BylineCore

/// `byline ask QUESTION`: one answer.
struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "ask", abstract: "Answer one question.")

  @OptionGroup var options: GlobalOptions

  @Argument(help: "The question.")
  var question: [String]

  func run() throws {
    Terminal.ignoreSigpipe()
    let text = question.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      Terminal.warn("byline: ask needs a question, e.g. byline ask \"Who is leading Meta's new models?\"")
      throw ExitCode(64)
    }
    let engine = try options.openEngine()
    let answer = try engine.ask(text)
    let renderer = AnswerRenderer(format: options.format.value, color: options.useColor)
    Terminal.write(renderer.render(answer).trimmingTrailingNewlines() + "\n")
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var s = self
    while s.hasSuffix("\n") { s.removeLast() }
    return s
  }
}
