import Foundation

/// Reads article files in the formats Byline accepts: plain text (`.txt`, title on the first
/// line), Markdown with YAML front matter (`.md`), and JSON Lines (`.jsonl`, one article an
/// object with id, title, outlet, date, url, body).
public struct ArticleReader: Sendable {
  /// File extensions Byline reads.
  public static let extensions: Set<String> = ["txt", "md", "markdown", "jsonl"]
  /// Articles larger than this are skipped with a warning.
  public static let maxBytes = 16 * 1024 * 1024

  /// Creates a reader.
  public init() {}

  /// The articles in the file at `path`, and warnings for what could not be read.
  public func read(path: String) -> (articles: [Article], warnings: [CorpusWarning]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      return ([], [CorpusWarning(path: path, message: "cannot be read; skipped")])
    }
    return read(data: data, path: path)
  }

  /// The warning for a file over ``maxBytes``.
  public static func oversize(path: String, bytes: Int) -> CorpusWarning {
    CorpusWarning(
      path: path,
      message: "is \(bytes / 1_048_576) MB, over the \(maxBytes / 1_048_576) MB limit for one file; skipped")
  }

  /// The articles in `data`, read as the file at `path` (whose extension picks the format).
  public func read(data: Data, path: String) -> (articles: [Article], warnings: [CorpusWarning]) {
    let url = URL(fileURLWithPath: path)
    let ext = url.pathExtension.lowercased()
    let stem = url.deletingPathExtension().lastPathComponent
    if data.count > Self.maxBytes { return ([], [Self.oversize(path: path, bytes: data.count)]) }
    if data.isEmpty { return ([], [CorpusWarning(path: path, message: "is empty; skipped")]) }
    if data.withUnsafeBytes({ $0.contains(0) }) {
      return ([], [CorpusWarning(path: path, message: "is a binary file (it holds NUL bytes); skipped")])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let line = Self.firstInvalidLine(data)
      return ([], [CorpusWarning(path: path, line: line, message: "is not valid UTF-8 text; skipped")])
    }
    // Any ASCII byte other than white space means there is text; otherwise look at characters.
    let hasText = text.utf8.contains { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }
    if !hasText && text.allSatisfy(\.isWhitespace) {
      return ([], [CorpusWarning(path: path, message: "is empty; skipped")])
    }
    switch ext {
    case "md", "markdown": return readMarkdown(text, stem: stem, path: path)
    case "jsonl": return readJSONLines(text, path: path)
    default: return ([Article(id: stem, title: "", path: path, body: text)], [])
    }
  }

  private func readMarkdown(_ text: String, stem: String, path: String) -> ([Article], [CorpusWarning]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
      return ([Article(id: stem, title: "", path: path, body: Self.stripMarkdown(text))], [])
    }
    var fields: [String: String] = [:]
    var end: Int?
    for (i, raw) in lines.enumerated().dropFirst() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line == "---" || line == "..." {
        end = i
        break
      }
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        return (
          [], [CorpusWarning(path: path, line: i + 1, message: "broken front matter: expected `key: value`; skipped")]
        )
      }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, let f = value.first, f == value.last, f == "\"" || f == "'" {
        value = String(value.dropFirst().dropLast())
      }
      fields[key] = value
    }
    guard let end else {
      return ([], [CorpusWarning(path: path, line: 1, message: "broken front matter: no closing `---`; skipped")])
    }
    let body = lines[(end + 1)...].joined(separator: "\n")
    let article = Article(
      id: fields["id"] ?? stem, title: fields["title"] ?? "",
      outlet: fields["outlet"] ?? fields["publisher"] ?? fields["source"] ?? "",
      date: DateFinder.normalized(fields["date"] ?? ""), url: fields["url"] ?? "", path: path,
      body: Self.stripMarkdown(body))
    return ([article], [])
  }

  private func readJSONLines(_ text: String, path: String) -> ([Article], [CorpusWarning]) {
    var articles: [Article] = []
    var warnings: [CorpusWarning] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
        warnings.append(CorpusWarning(path: path, line: i + 1, message: "is not a JSON object; line skipped"))
        continue
      }
      func field(_ k: String) -> String {
        if let s = object[k] as? String { return s }
        if let n = object[k] as? NSNumber { return n.stringValue }
        return ""
      }
      let body = field("body").isEmpty ? field("text") : field("body")
      let id = field("id")
      guard !id.isEmpty, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        warnings.append(
          CorpusWarning(path: path, line: i + 1, message: "needs a non-empty `id` and `body`; line skipped"))
        continue
      }
      articles.append(
        Article(
          id: id, title: field("title"), outlet: field("outlet").isEmpty ? field("publisher") : field("outlet"),
          date: DateFinder.normalized(field("date")), url: field("url"), path: path,
          body: Self.stripMarkdown(body)))
    }
    return (articles, warnings)
  }

  /// Markdown markup is not text (``MarkdownText``); headings keep their `#` marker.
  private static func stripMarkdown(_ text: String) -> String {
    MarkdownText.plain(text)
  }

  private static func firstInvalidLine(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for (i, byte) in zip(data.indices, data) where byte == 0x0A {
      if String(data: data[start..<i], encoding: .utf8) == nil { return line }
      line += 1
      start = i + 1
    }
    return line
  }
}
