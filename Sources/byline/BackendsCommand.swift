import ArgumentParser
import BylineCore
import Foundation

/// `byline backends`: the backends there are, which one is chosen, and whether it answers.
struct BackendsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backends", abstract: "Show the answer backends, the configured one, and whether it answers.")

  @OptionGroup var options: GlobalOptions

  func run() throws {
    Terminal.ignoreSigpipe()
    let (settings, trust) = try options.model.resolved(knowledge: try options.location().knowledge)
    var statuses = [RulesBackend().status()]
    if settings.backend != "rules" {
      let backend = try options.model.makeBackend(settings, trust: trust)
      statuses.append(backend.status())
    }
    Terminal.write(Self.render(statuses, settings: settings, format: options.format.value) + "\n")
    if statuses.contains(where: { !$0.available }) { throw ExitCode(69) }
  }

  /// Whether `status` is the backend answers come from: rules is listed always, a model only
  /// when chosen.
  static func isSelected(_ status: BackendStatus, _ settings: BackendSettings) -> Bool {
    status.name != "rules" || settings.backend == "rules"
  }

  static func render(_ statuses: [BackendStatus], settings: BackendSettings, format: OutputFormat) -> String {
    switch format {
    case .json, .jsonl:
      let rows: [[String: Any]] = statuses.map {
        [
          "name": $0.name, "endpoint": $0.endpoint, "available": $0.available, "detail": $0.detail,
          "selected": isSelected($0, settings),
        ]
      }
      let object: [String: Any] = [
        "backends": rows, "selected": settings.backend, "registered": BackendOptions.names,
        "model_url": settings.modelURL, "model": settings.model, "prompts": settings.promptsDirectory,
        "sources": settings.origins,
      ]
      let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
      return String(decoding: data ?? Data("{}".utf8), as: UTF8.self)
    default:
      var lines = statuses.map { s -> String in
        let mark = isSelected(s, settings) ? "*" : " "
        return
          "\(mark) \(s.name)  \(s.endpoint)  \(s.available ? "ok" : "UNAVAILABLE"): \(TextNormalizer.stripControls(s.detail))"
      }
      lines.append("registered: \(BackendOptions.names.joined(separator: ", "))")
      if settings.backend == "rules" {
        lines.append("model server (for --backend openai): \(settings.modelURL), model \(settings.model)")
      }
      lines.append("prompts: \(settings.promptsDirectory)")
      if !settings.origins.isEmpty {
        lines.append(
          "set by: "
            + settings.origins.sorted { $0.key < $1.key }.map { "\($0.key) from \($0.value)" }.joined(
              separator: ", "))
      }
      return lines.joined(separator: "\n")
    }
  }
}
