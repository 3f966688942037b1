import ArgumentParser
import BylineCore
import Foundation

/// `byline`: answers questions about a corpus of news articles and says who reported what.
@main
struct Byline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline",
    abstract: "Answers questions about a corpus of news articles and cites who reported what.",
    discussion: """
      With no subcommand, byline starts a conversation: a line editor on a terminal, or one answer
      per line of standard input otherwise (a blank line starts a new conversation).
      """,
    subcommands: [
      ChatCommand.self, AskCommand.self, SearchCommand.self, ArticlesCommand.self, IndexCommand.self,
      BackendsCommand.self,
    ],
    defaultSubcommand: ChatCommand.self)
}
