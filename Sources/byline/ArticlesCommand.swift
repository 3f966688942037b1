import ArgumentParser
import BylineCore

/// `byline articles`: the corpus.
struct ArticlesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "articles", abstract: "List the articles: id, publisher, passages, date, title.")

  @OptionGroup var options: GlobalOptions

  func run() throws {
    Terminal.ignoreSigpipe()
    let engine = try options.openEngine()
    let renderer = AnswerRenderer(format: options.format.value, color: options.useColor)
    Terminal.write(renderer.render(articles: try engine.store.articles()) + "\n")
  }
}
