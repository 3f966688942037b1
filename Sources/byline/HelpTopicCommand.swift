import ArgumentParser
import BylineCore

/// `byline help [TOPIC | SUBCOMMAND]`: a topic's page (corpus formats, the JSON schema, the
/// config file, exit codes), a subcommand's help, or the overview.
///
/// It takes the place of ArgumentParser's own `help` subcommand, and does what that one does for
/// subcommand names.
struct HelpTopicCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "help",
    abstract: "Show help on a topic (\(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))) or a subcommand.",
    helpNames: [])

  @Argument(
    help: ArgumentHelp(
      "A topic or a subcommand.", discussion: "Topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "topic"),
    completion: .list(HelpTopic.allCases.map(\.rawValue) + Self.subcommandNames))
  var names: [String] = []

  static var subcommandNames: [String] {
    Byline.configuration.subcommands.map { $0._commandName }.filter { $0 != "help" }
  }

  func run() throws {
    guard let first = names.first else {
      Terminal.write(Byline.helpMessage() + "\n")
      return
    }
    if let topic = HelpTopic(rawValue: first.lowercased()) {
      Terminal.write(topic.text + "\n")
      return
    }
    if let command = Byline.configuration.subcommands.first(where: { $0._commandName == first }),
      first != "help"
    {
      Terminal.write(Byline.helpMessage(for: command) + "\n")
      return
    }
    Terminal.warn(
      "byline: no help topic or subcommand \"\(first)\"; topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")); subcommands: \(Self.subcommandNames.joined(separator: ", "))"
    )
    throw ExitCode(64)
  }
}
