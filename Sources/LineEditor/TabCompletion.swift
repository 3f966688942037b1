/// The pure part of Tab completion: finding the word, choosing what to insert,
/// and laying out a list of candidates.
///
/// Kept free of libedit so it can be unit-tested.
struct TabCompletion: Equatable {
  /// What a Tab press should do.
  enum Action: Equatable {
    /// Nothing matches: ring the bell.
    case beep
    /// Replace the word before the cursor with this text (a match in another case).
    case replace(String)
    /// Insert this text at the cursor.
    case insert(String)
    /// Several candidates and nothing to add: show them.
    case list([String])
  }

  /// The word being completed (the text after the last blank before the cursor).
  let word: String

  /// The line from its start up to the cursor.
  let lineBeforeCursor: String

  /// Splits the bytes before the cursor into the line so far and the current word.
  ///
  /// - Parameter bytes: UTF-8 bytes of the line from its start to the cursor.
  init(bytesBeforeCursor bytes: [UInt8]) {
    let start = bytes.lastIndex(where: { $0 == 0x20 || $0 == 0x09 }).map { $0 + 1 } ?? 0
    word = String(decoding: bytes[start...], as: UTF8.self)
    lineBeforeCursor = String(decoding: bytes, as: UTF8.self)
  }

  /// Decides what to do with the completer's `candidates`.
  ///
  /// Candidates that do not start with ``word`` are ignored, and duplicates are
  /// dropped. One match inserts its remainder and a space; several insert their
  /// longest common prefix, or ask for a listing when that adds nothing.
  func action(for candidates: [String]) -> Action {
    var seen = Set<String>()
    var matches = candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
    if matches.isEmpty {
      // "sco" completes to "Scout": case is ignored when nothing matches exactly.
      let lower = word.lowercased()
      matches = candidates.filter { $0.lowercased().hasPrefix(lower) && seen.insert($0).inserted }
      if matches.count == 1 { return .replace(matches[0] + " ") }
      if matches.count > 1 { return .list(matches.sorted()) }
    }
    guard let first = matches.first else { return .beep }
    if matches.count == 1 {
      return .insert(String(first.dropFirst(word.count)) + " ")
    }
    let common = matches.dropFirst().reduce(first) { Self.commonPrefix($0, $1) }
    if common.count > word.count {
      return .insert(String(common.dropFirst(word.count)))
    }
    return .list(matches.sorted())
  }

  /// The longest common prefix of two strings, compared by `Character`.
  static func commonPrefix(_ a: String, _ b: String) -> String {
    var result = ""
    for (x, y) in zip(a, b) {
      guard x == y else { break }
      result.append(x)
    }
    return result
  }

  /// Lays `items` out in columns, row by row, to fit `width` terminal cells.
  ///
  /// Widths are counted in `Character`s, which is right for most text but not for
  /// wide (East Asian) characters.
  static func columns(_ items: [String], width: Int) -> String {
    guard !items.isEmpty else { return "" }
    let cell = (items.map(\.count).max() ?? 0) + 2
    let perRow = max(1, max(width, cell) / cell)
    var lines: [String] = []
    var index = 0
    while index < items.count {
      let row = items[index..<min(index + perRow, items.count)]
      let padded = row.enumerated().map { offset, item in
        offset == row.count - 1 ? item : item + String(repeating: " ", count: cell - item.count)
      }
      lines.append(padded.joined())
      index += perRow
    }
    return lines.joined(separator: "\n")
  }
}
