import ArgumentParser
import BylineCore

/// `byline index [PATH…] [--rebuild]`: bring the store up to date, adding files or folders.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index", abstract: "Index the corpus folder, plus any files or folders given.")

  @OptionGroup var options: GlobalOptions

  @Flag(name: .long, help: "Forget the store and read every article again.")
  var rebuild = false

  @Argument(help: "More article files or folders to index (and keep indexed).")
  var paths: [String] = []

  func run() throws {
    let engine = try options.openEngine(adding: paths, rebuild: rebuild, indexing: true)
    let report = engine.lastSync
    let (count, passages) = try GlobalOptions.storeErrorsExit {
      (try engine.store.articleCount(), try engine.store.passageCount())
    }
    Terminal.warn(
      "indexed \(report.updatedFiles.count) file(s), removed \(report.removedFiles.count); \(count) article(s), \(passages) passages in \(engine.location.store)"
    )
  }
}
