import Foundation

/// Patterns for the page furniture that scraped articles carry: navigation, app-store and share
/// prompts, photo credits, trailers. Data, kept in one place.
public enum PageFurniture {
  /// Lines dropped wherever they appear.
  static let lines: [NSRegularExpression] = [
    #"^skip to (main )?content"#, #"^(download|get it) on the (app store|google play)"#,
    #"^(share|tweet|email|print)( this( article| story)?)?( on \w+)?$"#,
    #"^(photo|image|illustration|credit)s?( by|:)"#, #"^(sign up|subscribe)\b"#,
    #"^(advertisement|sponsored|read more|see also)$"#, #"^follow us\b"#,
  ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

  /// Lines that start the trailer: everything after them is furniture except editorial notes.
  static let trailerStarts: [NSRegularExpression] = [
    #"^more from\b"#, #"^related (stories|articles|coverage)"#, #"^get your own\b"#,
    #"^shared from\b"#, #"^(download|get it) on the (app store|google play)"#,
    #"^companies in this story"#, #"^you may also like"#, #"^recommended\b"#,
  ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

  /// Notes from the editors that are kept even in the trailer.
  static let editorialNote = try! NSRegularExpression(
    pattern: #"^\*|\b(this article|this story|this report|editorial standards|editors?\b|corrected|correction)"#,
    options: [.caseInsensitive])

  /// Lines that name the publisher: "More from X", "Shared from X - …", "Published by X".
  static let publisherLines: [NSRegularExpression] = [
    #"^more from ([^:\-–—|]+?)\s*(?:[:\-–—|].*)?$"#, #"^shared from ([^\-–—|]+?)\s*(?:[\-–—|].*)?$"#,
    #"^published by:?\s+(.+?)(?:\s+editorial)?$"#,
  ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

  /// Headings that introduce article-level source lists.
  static let sourceHeadings: Set<String> = [
    "source", "sources", "primary source", "primary sources", "via", "original report",
  ]

  static func matches(_ regexes: [NSRegularExpression], _ line: String) -> Bool {
    let range = NSRange(line.startIndex..., in: line)
    return regexes.contains { $0.firstMatch(in: line, range: range) != nil }
  }

  /// Strips emoji and symbols that decorate trailer links.
  static func plain(_ line: String) -> String {
    // No ASCII character is an emoji shown as a picture.
    if TextNormalizer.isASCII(line) { return TextNormalizer.trimmed(line, where: TextNormalizer.isBlank) }
    return String(
      line.unicodeScalars.filter { !($0.properties.isEmojiPresentation || $0.properties.isEmoji && $0.value > 0x2000) }
        .map(Character.init)
    )
    .trimmingCharacters(in: .whitespaces)
  }

  /// The publisher a furniture line names, if any.
  static func publisher(in line: String) -> String? {
    let plainLine = plain(line)
    let range = NSRange(plainLine.startIndex..., in: plainLine)
    for regex in publisherLines {
      if let m = regex.firstMatch(in: plainLine, range: range), let r = Range(m.range(at: 1), in: plainLine) {
        let name = plainLine[r].trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if !name.isEmpty, name.split(separator: " ").count <= 4 { return name }
      }
    }
    return nil
  }
}
