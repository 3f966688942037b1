import Foundation

/// Markdown markup that is not text: emphasis, links (their text is kept), images, rules, HTML
/// comments and tags, block quotes. Headings keep their `#` marker, which the structurer reads
/// as "this line is a heading".
enum MarkdownText {
  private static let comment = try! NSRegularExpression(pattern: #"<!--[\s\S]*?-->"#)
  private static let rule = try! NSRegularExpression(pattern: #"^\s{0,3}(?:([-*_])(?:\s*\1){2,}|=+)\s*$"#)
  private static let referenceDefinition = try! NSRegularExpression(pattern: #"^\s{0,3}\[[^\]]+\]:\s*\S+.*$"#)
  private static let image = try! NSRegularExpression(pattern: #"!\[[^\]]*\]\([^)]*\)"#)
  private static let link = try! NSRegularExpression(pattern: #"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"#)
  private static let autolink = try! NSRegularExpression(pattern: #"<((?:https?://|www\.)[^>\s]+)>"#)
  private static let tag = try! NSRegularExpression(pattern: #"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"#)
  private static let strong = try! NSRegularExpression(pattern: #"\*\*+|__+"#)
  private static let emphasis = try! NSRegularExpression(
    pattern: #"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)|`"#)

  /// `text` without Markdown markup, line by line (the lines stay where they were).
  static func plain(_ text: String) -> String {
    var text = text
    if text.contains("<!--") { text = replace(comment, in: text, with: "") }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { plainLine(String($0)) }
      .joined(separator: "\n")
  }

  /// One line without markup.
  static func plainLine(_ raw: String) -> String {
    var line = raw
    if line.hasSuffix("\r") { line.removeLast() }
    let markerBytes: Set<UInt8> = [0x2A, 0x5F, 0x5B, 0x3C, 0x60, 0x3D, 0x2D]
    let markers = line.utf8.contains { markerBytes.contains($0) }
    if !markers && !line.hasPrefix(">") { return line }
    if matches(rule, line) || matches(referenceDefinition, line) { return "" }
    if line.hasPrefix(">") { line = String(line.drop { $0 == ">" || $0 == " " }) }
    if line.contains("](") || line.contains("][") {
      line = replace(image, in: line, with: "")
      line = replace(link, in: line, with: "$1")
    }
    if line.contains("<") {
      line = replace(autolink, in: line, with: "$1")
      line = replace(tag, in: line, with: "")
    }
    if line.contains("*") || line.contains("_") || line.contains("`") {
      // A bullet ("* item") keeps its star: only emphasis markers go.
      var bullet = ""
      if line.hasPrefix("* ") || line.hasPrefix("- ") {
        bullet = String(line.prefix(2))
        line.removeFirst(2)
      }
      line = bullet + replace(emphasis, in: replace(strong, in: line, with: ""), with: "")
    }
    return line
  }

  private static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
  }

  private static func replace(_ regex: NSRegularExpression, in text: String, with template: String) -> String {
    regex.stringByReplacingMatches(
      in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: template)
  }
}
