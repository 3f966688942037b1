import ArgumentParser
import BylineCore
import Foundation

/// What the shell completion scripts offer for arguments that name corpus data: article ids and
/// outlet names, read from the store that the words typed so far (`--knowledge`, `--store`, or
/// the defaults) point at. The store is only read: completing never indexes, and offers
/// nothing when there is no store yet.
enum ShellCompletions {
  /// Article ids, for `byline articles ID`.
  static let articleIDs = CompletionKind.custom { words, _, prefix in
    candidates(words: words, prefix: prefix) { store in try store.articles().map(\.id) }
  }

  /// Outlet names (publishers and the outlets they cite), for words of a question or a search.
  static let outlets = CompletionKind.custom { words, _, prefix in
    candidates(words: words, prefix: prefix) { store in
      Array(Set(try store.publishers() + store.citedOutlets().map(\.outlet))).sorted()
    }
  }

  /// The values `list` gives for the store the command line names, that start with `prefix`.
  static func candidates(words: [String], prefix: String, list: (ArticleStore) throws -> [String]) -> [String] {
    guard let path = storePath(words: words), FileManager.default.fileExists(atPath: path),
      let store = try? ArticleStore(path: path, access: .oneShot), let values = try? list(store)
    else { return [] }
    let lowered = prefix.lowercased()
    return values.filter { $0.lowercased().hasPrefix(lowered) }
  }

  /// The store the words typed so far name, as ``GlobalOptions/location()`` would find it.
  static func storePath(words: [String]) -> String? {
    func value(_ name: String) -> String? {
      for (i, word) in words.enumerated() {
        if word == name, i + 1 < words.count { return words[i + 1] }
        if word.hasPrefix(name + "=") { return String(word.dropFirst(name.count + 1)) }
      }
      return nil
    }
    let environment = ProcessInfo.processInfo.environment
    var store: String?
    if let given = value("--store") ?? environment["BYLINE_STORE"] {
      guard case .sqliteFile(let path)? = try? StoreAddress.parse(given) else { return nil }
      store = path
    }
    return StoreLocation.resolve(
      knowledge: value("--knowledge"), store: store, environment: environment,
      executableDirectory: Terminal.executableDirectory
    ).store
  }
}
