import ArgumentParser
import BylineCore

/// `byline articles`: the corpus.
struct ArticlesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "articles", abstract: "List the articles: id, publisher, passages, date, title.")

  @OptionGroup var options: GlobalOptions

  @Argument(help: "Show one article (by id): its metadata and credits.", completion: ShellCompletions.articleIDs)
  var id: String?

  @Flag(help: "With an article id: also list the lines dropped as page furniture.")
  var furniture = false

  func run() throws {
    Terminal.ignoreSigpipe()
    let engine = try options.openEngine()
    let renderer = AnswerRenderer(format: options.format.value, color: options.useColor)
    let articles = try GlobalOptions.storeErrorsExit { try engine.store.articles() }
    guard let id else {
      if furniture { throw ValidationError("--furniture needs an article id: byline articles ID --furniture") }
      Terminal.write(renderer.render(articles: articles) + "\n")
      return
    }
    guard let article = articles.first(where: { $0.id == id }) else {
      throw ValidationError("no article with id \(id); `byline articles` lists them")
    }
    Terminal.write(renderer.render(article: article, furniture: furniture) + "\n")
  }
}
