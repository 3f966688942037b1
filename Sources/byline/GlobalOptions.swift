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

  /// The presenter for answering commands: streams on a terminal in text format.
  func presenter(
    engine: BylineEngine, format: OutputFormat? = nil, interrupted: (@Sendable () -> Bool)? = nil
  ) throws -> AnswerPresenter {
    let format = format ?? self.format.value
    let settings = try model.settings(knowledge: location.knowledge)
    return AnswerPresenter(
      engine: engine, settings: settings, dryRun: model.dryRun,
      streaming: Terminal.stdoutIsTTY && format == .text, quietFallback: Terminal.stdoutIsTTY && format == .text,
      interrupted: interrupted)
  }

  /// Opens the engine, printing corpus warnings on stderr. Exits with a clear message on failure.
  func openEngine(adding: [String] = [], rebuild: Bool = false, answering: Bool = false) throws -> BylineEngine {
    let backend = answering ? try model.makeBackend(knowledge: location.knowledge) : nil
    do {
      let engine = try BylineEngine(location: location, adding: adding, rebuild: rebuild)
      if let backend { engine.backend = backend }
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
