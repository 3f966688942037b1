import BylineCore
import Foundation
import LineEditor

/// The interactive conversation on a terminal, on libedit.
struct Repl {
  let engine: BylineEngine
  let presenter: AnswerPresenter
  let options: GlobalOptions
  let history: Bool
  var format: OutputFormat
  let conversation = Conversation()
  var last: (Answer, AnswerTrace)?

  static let commands = [
    "/help", "/sources", "/open", "/why", "/reset", "/format", "/outlets", "/articles", "/backend", "/quit",
  ]

  init(engine: BylineEngine, presenter: AnswerPresenter, options: GlobalOptions, history: Bool) {
    self.engine = engine
    self.presenter = presenter
    self.options = options
    self.history = history
    self.format = options.format.value
  }

  static func historyPath() -> String {
    let env = ProcessInfo.processInfo.environment
    let base =
      env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/state"
    return base + "/byline/history"
  }

  mutating func run() throws {
    let outlets = (try? engine.store.publishers()) ?? []
    let cited = (try? engine.store.citedOutlets().map(\.outlet)) ?? []
    let names = Array(Set(outlets + cited)).sorted()
    let commands = Self.commands
    let editor = try LineEditor(
      programName: "byline", historyFile: history ? Self.historyPath() : nil,
      completer: { word, line in
        if line.hasPrefix("/") && !line.contains(" ") { return commands.filter { $0.hasPrefix(word) } }
        return names.filter { $0.lowercased().hasPrefix(word.lowercased()) && !$0.contains(" ") }
      })
    let count = (try? engine.store.articleCount()) ?? 0
    let passages = (try? engine.store.passageCount()) ?? 0
    Terminal.warn(
      "Byline: \(count) articles, \(passages) passages from \(TextNormalizer.stripControls(engine.location.knowledge)). /help for commands, Ctrl-D to quit."
    )
    // Files saved while the session runs are indexed before the next question, without a scan
    // of the whole corpus.
    engine.watchCorpus()
    let useColor = options.useColor
    let prompt = useColor ? "\u{1}\u{1B}[1;36m\u{1}byline>\u{1}\u{1B}[0m\u{1} " : "byline> "
    while true {
      switch editor.readLine(prompt: prompt) {
      case .endOfFile:
        Terminal.write("\n")
        return
      case .interrupted:
        Terminal.write("^C\n")
        continue
      case .line(let raw):
        let line = raw.trimmingWhitespace()
        if line.isEmpty { continue }
        editor.addHistory(line)
        if line.hasPrefix("/") {
          if handle(command: line) { return }
          continue
        }
        do {
          let refreshed = try engine.refresh()
          for warning in refreshed.warnings { Terminal.warn("warning: \(warning)") }
          if refreshed.changedElsewhere {
            Terminal.warn(
              "byline: the store changed: \((try? engine.store.articleCount()) ?? 0) articles now (indexed by another process)"
            )
          }
          if refreshed.changed {
            Terminal.warn(
              "byline: the corpus changed: \(refreshed.updatedFiles.count) file(s) indexed, \(refreshed.removedFiles.count) removed"
            )
          }
          editor.resetInterrupted()
          switch try presenter.ask(line, in: conversation, format: format) {
          case .prompt(let prompt):
            Terminal.write(prompt + "\n")
          case .cancelled:
            Terminal.write("^C\nAnswer cancelled.\n")
          case .answer(let answer, let trace, let shown):
            last = (answer, trace)
            let renderer = AnswerRenderer(format: format, color: Terminal.useColor(options.color, format: format))
            AnswerPresenter.print(answer, shown: shown, renderer: renderer)
          }
        } catch {
          Terminal.warn("byline: \(error.localizedDescription)")
        }
      }
    }
  }

  /// Runs a REPL command; returns true to quit.
  mutating func handle(command line: String) -> Bool {
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    let renderer = AnswerRenderer(format: .text, color: options.useColor)
    switch parts[0] {
    case "/quit", "/exit", "/q": return true
    case "/help":
      Terminal.write(
        """
        Ask a question in plain words; follow-ups ("Why?", "When did he say it?") use the conversation.
          /sources     the last answer's citations in full
          /open N      the article behind citation N
          /why         how the last answer was found
          /reset       forget the conversation
          /format F    text, markdown, json or jsonl
          /outlets     outlets the corpus cites and publishers
          /articles    list the articles
          /backend     the answer backend and whether it answers
          /quit        leave (or Ctrl-D)

        """)
    case "/reset":
      conversation.reset()
      Terminal.write("Conversation forgotten.\n")
    case "/format":
      if let f = OutputFormat(rawValue: arg) {
        format = f
        Terminal.write("Format: \(f.rawValue)\n")
      } else {
        Terminal.write("Formats: text, markdown, json, jsonl (now \(format.rawValue))\n")
      }
    case "/backend":
      let status = engine.backend.status()
      Terminal.write(
        "\(status.name)  \(status.endpoint)  \(status.available ? "ok" : "UNAVAILABLE"): \(TextNormalizer.stripControls(status.detail))\n"
      )
    case "/articles":
      Terminal.write(renderer.render(articles: (try? engine.store.articles()) ?? []) + "\n")
    case "/outlets":
      let answer = (try? engine.ask("Which outlets are cited?"))?.answer ?? ""
      Terminal.write(answer + "\n")
    case "/sources":
      guard let (answer, _) = last, !answer.citations.isEmpty else {
        Terminal.write("No citations yet.\n")
        break
      }
      for c in answer.citations {
        Terminal.write(
          "[\(c.n)] \(TextNormalizer.stripControls(c.label))\n    \(TextNormalizer.stripControls(c.id)) · \(TextNormalizer.stripControls(c.title))\(c.date.isEmpty ? "" : " · " + TextNormalizer.stripControls(c.date))\n    “\(TextNormalizer.stripControls(c.quote))”\n"
        )
      }
    case "/open":
      guard let n = Int(arg), let (answer, _) = last, let c = answer.citations.first(where: { $0.n == n }),
        let article = try? engine.store.article(id: c.id)
      else {
        Terminal.write("Usage: /open N, with N a citation number of the last answer.\n")
        break
      }
      Pager.show(TextNormalizer.stripControls("\(article.title)\n\(article.outlet)\n\n\(article.body)\n"))
    case "/why":
      guard let (_, trace) = last else {
        Terminal.write("Ask a question first.\n")
        break
      }
      let out = TraceRenderer.render(trace) + "\n"
      Terminal.write(out)
    default:
      Terminal.write("Unknown command \(TextNormalizer.stripControls(parts[0])); /help lists them.\n")
    }
    return false
  }
}

/// Shows long text through $PAGER (or less) on a terminal, directly otherwise.
enum Pager {
  static func show(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    guard lines > 40, Terminal.stdoutIsTTY else {
      Terminal.write(text)
      return
    }
    let pager = ProcessInfo.processInfo.environment["PAGER"] ?? "less -R"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", pager]
    let pipe = Pipe()
    process.standardInput = pipe
    do {
      try process.run()
      pipe.fileHandleForWriting.write(Data(text.utf8))
      try? pipe.fileHandleForWriting.close()
      process.waitUntilExit()
    } catch {
      Terminal.write(text)
    }
  }
}
