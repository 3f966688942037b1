import ArgumentParser
import BylineCore
import BylinePostgres
import Foundation

/// Options every command takes: where the corpus and store are, and how to print.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long, help: "The corpus folder (default: ./Knowledge, or $BYLINE_KNOWLEDGE).", completion: .directory)
  var knowledge: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store: a SQLite file (a path or a file:// URL; default: $XDG_DATA_HOME/byline/…, or $BYLINE_STORE) or a PostgreSQL database (postgresql://USER@HOST:PORT/DB).",
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
    switch try address() {
    case .sqliteFile(let file): path = file
    // Messages name a server's store by its URL without the password.
    case .postgresql(let url): path = StoreAddress.redacted(url)
    case nil: break
    }
    return StoreLocation.resolve(
      knowledge: knowledge, store: path, environment: environment, executableDirectory: Terminal.executableDirectory)
  }

  /// The store `--store`, `$BYLINE_STORE` or the config file's `store` names, or nil for the
  /// default file. (A config file Byline cannot read is reported when the backend is set up.)
  func address() throws -> StoreAddress? {
    let environment = ProcessInfo.processInfo.environment
    let configured = (try? ConfigFile.load(environment: environment))?.store.flatMap { $0.isEmpty ? nil : $0 }
    guard let given = store ?? environment["BYLINE_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) ?? configured else {
      return nil
    }
    do {
      return try StoreAddress.parse(given)
    } catch {
      Terminal.warn("byline: \(error.localizedDescription)")
      throw ExitCode(64)
    }
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
    access: ArticleStore.Access = .oneShot, showProgress: Bool = true, indexing: Bool = false
  ) throws -> BylineEngine {
    let location = try given ?? location()
    let server = try address()
    let line = showProgress ? ProgressLine.make(format: format.value) : nil
    let interrupt = Interrupt.install()
    defer {
      line?.finish()
      interrupt.restore()
    }
    do {
      let progress: IndexProgressHandler = { progress in
        line?.report(progress)
        return !Interrupt.pending
      }
      let engine: BylineEngine
      if case .postgresql(let url) = server {
        // A shared server is written by `byline index` only; the other commands answer from it.
        let store = try PostgresStore(url: url, indexing: indexing)
        engine = try BylineEngine(
          location: location, store: store, adding: adding, rebuild: rebuild, progress: progress)
      } else {
        engine = try BylineEngine(
          location: location, adding: adding, rebuild: rebuild, access: access, progress: progress)
      }
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
      throw Self.exit(for: error)
    }
  }

  /// Says what went wrong with the store on stderr and returns the exit code for it: 66 for a
  /// missing corpus or path, 74 for a store that cannot be read or written or was lost, 78 for
  /// a server that refused the settings or a store of a newer Byline.
  static func exit(for error: StoreError) -> ExitCode {
    Terminal.warn("byline: \(error.localizedDescription)")
    switch error {
    case .missingKnowledge, .missingPath: return ExitCode(66)
    case .cannotOpen, .corrupt, .cannotWrite, .lost: return ExitCode(74)
    case .misconfigured, .newerSchema: return ExitCode(78)
    }
  }

  /// Runs `body`, turning a store error it throws (a server lost midway, say) into its message
  /// and exit code.
  static func storeErrorsExit<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw exit(for: error)
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
