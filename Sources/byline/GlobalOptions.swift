import ArgumentParser
import BylineCore
import Foundation

/// Options every command takes: where the corpus and store are, and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "The corpus folder (default: ./Knowledge, or $BYLINE_KNOWLEDGE).")
  var knowledge: String?

  @Option(name: .long, help: "The SQLite store file (default: $XDG_DATA_HOME/byline/…, or $BYLINE_STORE).")
  var store: String?

  @Option(name: .long, help: "Output format: text, markdown, json or jsonl.")
  var format: OutputFormatOption = .text

  @Option(name: .long, help: "Colour: auto, always or never.")
  var color: ColorChoice = .auto

  @OptionGroup(title: "Model backend") var model: BackendOptions

  var location: StoreLocation {
    StoreLocation.resolve(
      knowledge: knowledge, store: store, environment: ProcessInfo.processInfo.environment,
      executableDirectory: Terminal.executableDirectory)
  }

  var useColor: Bool { Terminal.useColor(color, format: format.value) }

  /// Opens the engine with the backend the settings choose (made first, so that a bad setting
  /// exits 78 before any indexing), and the presenter that asks it. `interrupted` tells the
  /// presenter when Ctrl-C was pressed (in the REPL); `access` is `.session` for the REPL, which
  /// holds the store for long.
  func openAnswering(interrupted: (@Sendable () -> Bool)? = nil, access: ArticleStore.Access = .oneShot) throws
    -> (BylineEngine, AnswerPresenter)
  {
    let settings = try model.settings(knowledge: location.knowledge)
    let backend = try model.makeBackend(settings)
    let prompts = model.dryRun ? try model.promptRenderer(settings) : nil
    let engine = try openEngine(access: access)
    engine.backend = backend
    return (engine, AnswerPresenter(engine: engine, prompts: prompts, interrupted: interrupted))
  }

  /// Opens the engine, printing corpus warnings on stderr. Exits with a clear message on failure.
  func openEngine(adding: [String] = [], rebuild: Bool = false, access: ArticleStore.Access = .oneShot) throws
    -> BylineEngine
  {
    do {
      let engine = try BylineEngine(location: location, adding: adding, rebuild: rebuild, access: access)
      // BYLINE_TUNING="name=value,…": fields of AnswerTuning, for calibration runs (make calibrate).
      for pair in (ProcessInfo.processInfo.environment["BYLINE_TUNING"] ?? "").split(separator: ",") {
        let parts = pair.split(separator: "=")
        if parts.count == 2, let value = Double(parts[1]), engine.tuning.set(String(parts[0]), to: value) { continue }
        Terminal.warn("byline: BYLINE_TUNING: unknown field or value “\(pair)”")
      }
      for notice in engine.notices { Terminal.warn("byline: \(notice)") }
      for warning in engine.lastSync.warnings { Terminal.warn("warning: \(warning)") }
      return engine
    } catch let error as StoreError {
      Terminal.warn("byline: \(error.localizedDescription)")
      switch error {
      case .missingKnowledge, .missingPath: throw ExitCode(66)
      case .cannotOpen, .corrupt, .cannotWrite: throw ExitCode(74)
      }
    }
  }
}

/// `--format` values.
enum OutputFormatOption: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, json, jsonl
  var value: OutputFormat { OutputFormat(rawValue: rawValue)! }
}

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}
