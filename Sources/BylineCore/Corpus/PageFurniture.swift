import Foundation

/// Patterns for the page furniture that scraped articles carry: navigation, app-store and share
/// prompts, photo credits, trailers. Data, kept in one place.
public enum PageFurniture {
  /// Lines dropped wherever they appear.
  static let lines: [NSRegularExpression] = [
    #"^(skip|jump|go) to (the )?(main |page )?(content|navigation|menu|search|footer|article)"#,
    #"^(download|get it) on the (app store|google play)"#,
    #"^(share|tweet|email|print)( this( article| story| page)?)?( on \w+)?$"#,
    #"^(photo|image|illustration|credit|picture|photograph|video|graphic|photos|images)s?( by|:)"#,
    #"^\((photo|image|picture)s?:"#,
    #"^(sign up|subscribe)\b"#, #"^[^.]{0,60}\bnewsletters?\b[^.]{0,40}$"#,
    #"^(advertisement|advert|sponsored|sponsored content|ad|read more|see also|story continues below( advertisement)?|continue reading|show more|load more|comments?|most read|trending|share)$"#,
    #"^follow us\b"#, #"^listen to this (article|story)"#, #"^\d+ min(ute)?s? (read|listen)$"#,
    #"^(accept|reject|manage) (all )?cookies"#,
    #"^(read more|see also|related|more|read next|also read|watch|listen|recommended|more on this story)\s*[:|]"#,
    #"^(©|\(c\)|copyright\b)"#, #"^all rights reserved"#,
    #"^\(?(reporting|writing|editing|compiled) by\b[^.]{0,80}(;|\)|$)"#,
    #"^(image|video|media) (source|caption|copyright)s?\b"#, #"^our standards\s*:"#,
    #"^(published|updated|posted|last updated|first published|modified)( on| at)?:?$"#,
    #"^\((ap|afp|reuters|pa|epa|getty|bloomberg|ansa|dpa)?\s*(photo|image|picture|file photo)s?\b"#,
    #"^(save|saved|bookmark|gift this article|comments? \(\d+\)|\d+ comments?)$"#,
  ].combined

  /// Words of a share bar ("Share this story | Print | Email").
  static let shareWords: Set<String> = [
    "share", "share this", "share this story", "share this article", "share this page", "tweet", "email", "e-mail",
    "print", "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit", "copy link", "copy", "link", "comments",
    "comment", "save", "bluesky", "threads", "telegram", "messenger", "pinterest", "flipboard", "gift this article",
    "gift article", "listen", "share on facebook", "share on twitter", "share on x", "share via email",
  ]

  /// Whether `lower` (a lower-cased line) is a share bar: share words between separators.
  static func isShareBar(_ lower: String) -> Bool {
    guard lower.utf8.count <= 100, lower.utf8.contains(where: { $0 == 0x7C || $0 == 0x2F || $0 == 0x2C || $0 >= 0x80 })
    else { return false }
    let items = lower.split { "|·•/,".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    return items.count >= 2 && items.allSatisfy { shareWords.contains($0) }
  }

  /// Lines that start a block of links: it ends where its run of short link-like lines ends.
  static let linkTrailers: [NSRegularExpression] = [
    #"^more from\b"#,
    #"^related( (stories|articles|coverage|content|reading|links|topics|news|posts))?:?$"#,
    #"^(read|see) (more|also):?$"#, #"^you (may|might) also (like|be interested)"#,
    #"^recommended( (for you|stories|reading|articles))?:?$"#,
    #"^(most (read|popular|viewed)|trending( now)?|top stories|latest( news| stories)?|more stories|more on this story|read next|what to read next|further reading|in other news|elsewhere on \w+|around the web)$"#,
    #"^companies in this story"#,
  ].combined

  /// Lines that start an app or sign-up promotion: it runs until a full paragraph of text.
  static let promoTrailers: [NSRegularExpression] = [
    #"^get your own\b"#, #"^shared from\b"#, #"^(download|get it) on the (app store|google play)"#,
  ].combined

  /// Both kinds of trailer start.
  static let trailerStarts = linkTrailers + promoTrailers

  /// Notes from the editors that are kept even in the trailer.
  static let editorialNote = try! NSRegularExpression(
    pattern:
      #"^\*|^(updated?|update \d|clarification|correction)\b[^.]{0,40}:|\b(this article|this story|this report|editorial standards|editors?\b|corrected|correction)"#,
    options: [.caseInsensitive])

  /// Lines that name the publisher: "More from X", "Shared from X - …", "Published by X".
  static let publisherLines: [NSRegularExpression] = [
    #"^more from ([^:\-–—|]+?)\s*(?:[:\-–—|].*)?$"#, #"^shared from ([^\-–—|]+?)\s*(?:[\-–—|].*)?$"#,
    #"^published by:?\s+(.+?)(?:\s+editorial)?$"#,
    #"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*[-–]?\s*(?:(?:19|20)\d{2})?\s*)?([^.|,]+?)(?:\.|,|\s+all rights reserved.*|\s+\|.*)?$"#,
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

extension PageFurniture {
  /// Whether `lower` is a photo credit line, which a caption may follow.
  static func isPhotoCredit(_ lower: String) -> Bool {
    ["photo", "image", "picture", "illustration", "(photo", "(image", "credit"].contains { lower.hasPrefix($0) }
      || lower.hasSuffix("getty images") || lower.hasSuffix("shutterstock")
  }
}

extension PageFurniture {
  /// Endings of a photo-agency credit ("… /Getty Images", "… via Reuters").
  static let creditEndings = [
    "getty images", "shutterstock", "alamy", "ap photo", "afp photo", "reuters photo", "via reuters", "/reuters",
    "/afp", "/ap", "/pa", "/pa wire", "pa wire", "getty images)", "/ap)", "/reuters)", "/afp)",
  ]

  /// Whether `lower` (a lower-cased short line) is furniture dropped wherever it appears: the
  /// anchored patterns of ``lines``, a cookie notice, a photo-agency credit.
  static func isFurnitureLine(_ lower: String) -> Bool {
    if matches(lines, lower) { return true }
    if lower.contains("cookie") {
      let words = ["use", "accept", "consent", "settings", "policy", "preferences"]
      if words.contains(where: { lower.contains($0) }) { return true }
    }
    return lower.utf8.count <= 80 && creditEndings.contains { lower.hasSuffix($0) }
  }
}

extension Array where Element == String {
  /// Patterns that each start with `^`, as one case-insensitive alternation anchored once: one
  /// match call, tried at the start of the line only.
  fileprivate var combined: [NSRegularExpression] {
    let body = map { $0.hasPrefix("^") ? String($0.dropFirst()) : ".*?" + $0 }.map { "(?:" + $0 + ")" }
    return [try! NSRegularExpression(pattern: "^(?:" + body.joined(separator: "|") + ")", options: [.caseInsensitive])]
  }
}
