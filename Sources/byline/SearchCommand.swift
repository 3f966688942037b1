import ArgumentParser
import BylineCore

/// `byline search QUERY`: ranked passages.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Show the passages that match some words.")

  @OptionGroup var options: GlobalOptions

  @Option(name: .long, help: "How many passages to show.")
  var limit: Int = 10

  @Argument(
    help: "Words to search for (any FTS5 syntax is searched as plain words).", completion: ShellCompletions.outlets)
  var query: [String]

  func run() throws {
    Terminal.ignoreSigpipe()
    guard limit > 0 else {
      Terminal.warn("byline: --limit must be at least 1")
      throw ExitCode(64)
    }
    let engine = try options.openEngine()
    let renderer = AnswerRenderer(format: options.format.value, color: options.useColor)
    let hits = try GlobalOptions.storeErrorsExit {
      try PassageSearch(store: engine.store).search(query.joined(separator: " "), limit: limit)
    }
    Terminal.write(renderer.render(hits: hits) + "\n")
  }
}
