import ArgumentParser
import BylineCore
import Foundation

/// `byline`: answers questions about a corpus of news articles and says who reported what.
///
/// The global options (``GlobalOptions``) are declared here and in every subcommand: the parser
/// reads them wherever they stand, before or after the subcommand's name, and a subcommand's
/// option group takes the values the root decoded, so both positions mean the same.
@main
struct Byline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline",
    abstract: "Answers questions about a corpus of news articles and cites who reported what.",
    discussion: """
      With no subcommand, byline starts a conversation: a line editor on a terminal, or one answer per line of standard input otherwise (a blank line starts a new conversation).

      The options below may stand before or after the subcommand: `byline --knowledge DIR ask Q` and `byline ask --knowledge DIR Q` are the same. `byline help TOPIC` explains \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")).
      """,
    subcommands: [
      ChatCommand.self, AskCommand.self, SearchCommand.self, ArticlesCommand.self, IndexCommand.self,
      BackendsCommand.self, HelpTopicCommand.self,
    ],
    defaultSubcommand: ChatCommand.self)

  @OptionGroup var options: GlobalOptions
}
