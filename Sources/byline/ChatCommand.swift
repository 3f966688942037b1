import ArgumentParser
import BylineCore
import Foundation
import LineEditor

/// `byline` with no subcommand: a conversation, interactive on a terminal, batch otherwise.
struct ChatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract:
      "Ask questions in a conversation (the default): a REPL on a terminal, one answer per input line otherwise.")

  @OptionGroup var options: GlobalOptions

  @Flag(name: .long, help: "Do not read or write the REPL history file.")
  var noHistory = false

  func run() throws {
    Terminal.ignoreSigpipe()
    if Terminal.stdinIsTTY && Terminal.stdoutIsTTY {
      let (engine, presenter) = try options.openAnswering(interrupted: LineEditor.interruptPending, access: .session)
      var repl = Repl(engine: engine, presenter: presenter, options: options, history: !noHistory)
      try repl.run()
    } else {
      let (engine, presenter) = try options.openAnswering(showProgress: false)
      try BatchRunner(
        engine: engine, presenter: presenter, format: options.format.value, color: options.color == .always
      ).run()
    }
  }
}

/// Batch mode: one answer per non-blank line of stdin, in order; a blank line starts a new
/// conversation.
struct BatchRunner {
  let engine: BylineEngine
  let presenter: AnswerPresenter
  let format: OutputFormat
  /// Colour only when asked for with `--color always`: batch output is for pipes and files.
  let color: Bool

  func run() throws {
    let renderer = AnswerRenderer(format: format == .json ? .jsonl : format, color: color)
    let conversation = Conversation()
    let traced = ProcessInfo.processInfo.environment["BYLINE_TRACE"] == "1"
    var index = 0
    while let raw = Swift.readLine(strippingNewline: true) {
      let line = raw.trimmingWhitespace()
      if line.isEmpty {
        conversation.reset()
        continue
      }
      index += 1
      let answer: Answer
      do {
        switch try presenter.ask(line, in: conversation, format: renderer.format) {
        case .prompt(let prompt):
          Terminal.write((index > 1 ? "\n" : "") + "Q\(index): \(TextNormalizer.stripControls(line))\n" + prompt + "\n")
          continue
        case .cancelled:
          throw ExitCode(130)
        case .answer(let a, let trace, _):
          answer = a
          if traced { Terminal.warn(TraceRenderer.render(trace)) }
        }
      } catch let exit as ExitCode {
        throw exit
      } catch let error as StoreError {
        // The store is gone (a server that went away): the answers so far are printed, the
        // rest cannot be.
        throw GlobalOptions.exit(for: error)
      } catch {
        Terminal.warn("byline: question \(index): \(error.localizedDescription)")
        answer = Answer(
          question: line, answer: "Byline could not answer this: \(error.localizedDescription)",
          abstained: true, kind: .description, confidence: 0, citations: [])
      }
      switch renderer.format {
      case .jsonl, .json:
        Terminal.write(renderer.render(answer, index: index) + "\n")
      default:
        Terminal.write(
          (index > 1 ? "\n" : "") + "Q\(index): \(TextNormalizer.stripControls(line))\n" + renderer.render(answer))
      }
    }
  }
}
