import ArgumentParser
import BylineCore
import Foundation

/// Options every command takes: where the corpus and store are, and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: "The corpus folder (default: ./Knowledge, or $BYLINE_KNOWLEDGE).", completion: .directory)
  var knowledge: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The SQLite store: a path or a file:// URL (default: $XDG_DATA_HOME/byline/…, or $BYLINE_STORE).",
      valueName: "path"),
    completion: .file(extensions: ["sqlite"]))
  var store: String?

  @Option(name: .long, help: "Output format: text, markdown, json or jsonl.")
  var format: OutputFormatOption = .text

  @Option(name: .long, help: "Colour: auto, always or never.")
  var color: ColorChoice = .auto

  @OptionGroup(title: "Model backend") var model: BackendOptions

  /// Where the corpus and the store are. A `--store` (or `$BYLINE_STORE`) URL whose scheme Byline
  /// does not serve is a usage error (exit 64), never a folder named after the scheme.
  func location() throws -> StoreLocation {
    let environment = ProcessInfo.processInfo.environment
    var path: String?
    if let given = store ?? environment["BYLINE_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) {
      do {
        switch try StoreAddress.parse(given) {
        case .sqliteFile(let file): path = file
        }
      } catch {
        Terminal.warn("byline: \(error.localizedDescription)")
        throw ExitCode(64)
      }
    }
    return StoreLocation.resolve(
      knowledge: knowledge, store: path, environment: environment, executableDirectory: Terminal.executableDirectory)
  }

  var useColor: Bool { Terminal.useColor(color, format: format.value) }

  /// Opens the engine with the backend the settings choose (made first, so that a bad setting
  /// exits 78 before any indexing), and the presenter that asks it. `interrupted` tells the
  /// presenter when Ctrl-C was pressed (in the REPL); `access` is `.session` for the REPL, which
  /// holds the store for long.
  func openAnswering(
    interrupted: (@Sendable () -> Bool)? = nil, access: ArticleStore.Access = .oneShot, showProgress: Bool = true
  ) throws -> (BylineEngine, AnswerPresenter) {
    let location = try location()
    let (settings, trust) = try model.resolved(knowledge: location.knowledge)
    let backend = try model.makeBackend(settings, trust: trust)
    let prompts = model.dryRun ? try model.promptRenderer(settings) : nil
    let engine = try openEngine(location: location, access: access, showProgress: showProgress)
    engine.backend = backend
    return (engine, AnswerPresenter(engine: engine, prompts: prompts, interrupted: interrupted))
  }

  /// Opens the engine, printing corpus warnings on stderr. Exits with a clear message on failure.
  ///
  /// While the store is brought up to date, a progress line shows on a terminal (not with
  /// `showProgress` false, as in batch mode, nor with JSON output), and Ctrl-C stops the update
  /// at a clean point (exit 130).
  func openEngine(
    location given: StoreLocation? = nil, adding: [String] = [], rebuild: Bool = false,
    access: ArticleStore.Access = .oneShot, showProgress: Bool = true
  ) throws -> BylineEngine {
    let location = try given ?? location()
    let line = showProgress ? ProgressLine.make(format: format.value) : nil
    let interrupt = Interrupt.install()
    defer {
      line?.finish()
      interrupt.restore()
    }
    do {
      let engine = try BylineEngine(
        location: location, adding: adding, rebuild: rebuild, access: access,
        progress: { progress in
          line?.report(progress)
          return !Interrupt.pending
        })
      // BYLINE_TUNING="name=value,…": fields of AnswerTuning, for calibration runs (make calibrate).
      for pair in (ProcessInfo.processInfo.environment["BYLINE_TUNING"] ?? "").split(separator: ",") {
        let parts = pair.split(separator: "=")
        if parts.count == 2, let value = Double(parts[1]), engine.tuning.set(String(parts[0]), to: value) { continue }
        Terminal.warn("byline: BYLINE_TUNING: unknown field or value “\(pair)”")
      }
      for notice in engine.notices { Terminal.warn("byline: \(notice)") }
      for warning in engine.lastSync.warnings { Terminal.warn("warning: \(warning)") }
      return engine
    } catch let stop as IndexInterrupted {
      line?.finish()
      Terminal.warn(
        stop.filesKept == 0
          ? "byline: indexing interrupted; the store is as it was before this update"
          : "byline: indexing interrupted; \(stop.filesKept) file(s) indexed before the stop are kept")
      throw ExitCode(130)
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
