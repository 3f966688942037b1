import Foundation

/// Turns an article body into structure: title and publisher where the text gives them, headings,
/// paragraphs, sentences with offsets, and the outlets each sentence credits. Page furniture is
/// dropped; editorial notes are kept.
public struct ArticleStructurer: Sendable {
  private let splitter = SentenceSplitter()
  let attributions: AttributionExtractor

  /// Creates a structurer that recognises the outlets in `directory`.
  public init(directory: OutletDirectory = .standard) {
    self.attributions = AttributionExtractor(directory: directory)
  }

  /// A non-empty line, trimmed, with its character offset, its length in characters and its
  /// number of space-separated words (measured once: every rule below asks for them).
  struct Block {
    var text: String
    var start: Int
    var length: Int
    var words: Int

    init(text: String, start: Int) {
      self.text = text
      self.start = start
      length = ArticleStructurer.length(text)
      words = ArticleStructurer.wordCount(text)
    }

    init(ascii text: String, start: Int, words: Int) {
      self.text = text
      self.start = start
      length = text.utf8.count
      self.words = words
    }
  }

  /// Structures `article`. A title, outlet or date already set (from front matter or JSON) is
  /// kept; otherwise it is taken from the text when the text gives one.
  public func structure(_ article: Article) -> ParsedArticle {
    var article = article
    let blocks = Self.blocks(of: article.body)
    // "Published by X" names the publisher; an outlet line by the headline comes next, then
    // "More from X" / "Shared from X" / "© X" (X may be a section or a company).
    let named = publisher(in: blocks)
    if article.outlet.isEmpty, let named, named.strong { article.outlet = named.name }
    let head = header(of: blocks, article: article)
    if article.title.isEmpty { article.title = head.title }
    if article.outlet.isEmpty, let outlet = head.outlet { article.outlet = outlet }
    if article.outlet.isEmpty, let named { article.outlet = named.name }
    if article.date.isEmpty {
      article.date = head.date ?? DateFinder.headerDate(in: blocks.prefix(8).map(\.text)) ?? ""
    }
    let subjects = attributions.mentioned(in: article.title)

    var headings: [String] = []
    var passages: [Passage] = []
    var sources: [String] = []
    var credits: [String] = []
    var furniture: [String] = []
    func credit(_ names: [String], source: Bool) {
      for n in names {
        if !credits.contains(n) { credits.append(n) }
        if source && !sources.contains(n) { sources.append(n) }
      }
    }
    for i in 0..<head.start {
      furniture.append((head.drops[i] ?? (i == head.titleIndex ? "title" : "before title")) + ": " + blocks[i].text)
    }
    var heading = ""
    var paragraph = 0
    var trailer = Trailer.none
    var inSources = false
    var skipNext = false
    var captionNext = false
    for i in head.start..<blocks.count {
      let block = blocks[i]
      var line = block.text
      if let kind = head.drops[i] {
        furniture.append(kind + ": " + line)
        if kind == "byline", let names = byline(block) { credit(names, source: true) }
        continue
      }
      // Furniture, headings and bylines are short lines; long ones are always body text.
      let lineLength = block.length
      var markedHeading = false
      if line.hasPrefix("#"), let text = Self.markdownHeading(line) {
        markedHeading = true
        line = text
      }
      let lower = lineLength > 200 ? "" : PageFurniture.plain(line).lowercased()
      if skipNext {
        skipNext = false
        furniture.append("publisher: " + line)
        continue
      }
      if lower == "published by" || lower == "by" {
        skipNext = true
        furniture.append("publisher: " + line)
        continue
      }
      if lower.hasPrefix("published by"), PageFurniture.publisher(in: line) != nil {
        furniture.append("publisher: " + line)
        continue
      }
      let caption = captionNext
      captionNext = false
      let isNote = !lower.isEmpty && PageFurniture.matches([PageFurniture.editorialNote], line)
      switch trailer {
      case .links where !isNote && Self.isLinkLike(block):
        furniture.append("related: " + line)
        continue
      case .promo where !isNote && lineLength <= 200:
        furniture.append("promotion: " + line)
        continue
      default: trailer = .none
      }
      // (Every furniture pattern needs a word: an empty `lower`, a long line, matches none.)
      if !lower.isEmpty && PageFurniture.matches(PageFurniture.linkTrailers, lower) {
        trailer = .links
        furniture.append("related: " + line)
        continue
      }
      if !lower.isEmpty && PageFurniture.matches(PageFurniture.promoTrailers, lower) {
        trailer = .promo
        furniture.append("promotion: " + line)
        continue
      }
      if caption && !isNote && !markedHeading && block.words <= 25 && lineLength <= 200
        && line.hasSuffix(".")
      {
        furniture.append("caption: " + line)
        continue
      }
      if !lower.isEmpty && (PageFurniture.isFurnitureLine(lower) || PageFurniture.isShareBar(lower)) {
        furniture.append("furniture: " + line)
        captionNext = PageFurniture.isPhotoCredit(lower)
        continue
      }
      if i < 12 && sameName(line, article.title) {
        furniture.append("title: " + line)
        continue
      }
      if !isNote, !lower.isEmpty, let names = byline(block) {
        credit(names, source: true)
        furniture.append("byline: " + line)
        continue
      }
      if !isNote, !lower.isEmpty, !line.hasPrefix("-"), !line.hasPrefix("•"), DateFinder.dateLine(line) != nil {
        furniture.append("date: " + line)
        continue
      }
      if !lower.isEmpty, line.hasPrefix("("), line.hasSuffix(")"),
        let names = attributions.listedOutlets(String(line.dropFirst().dropLast()))
      {
        credit(names, source: true)
        furniture.append("credit: " + line)
        continue
      }
      if !lower.isEmpty && block.words <= 20 && Self.contributorPrefixes.contains(where: { lower.hasPrefix($0) }) {
        credit(attributions.outlets(in: line), source: true)
        furniture.append("credit: " + line)
        continue
      }
      let words = block.words
      if PageFurniture.sourceHeadings.contains(TextNormalizer.trimmed(lower, where: TextNormalizer.isPunctuation)) {
        inSources = true
        furniture.append("source: " + line)
        continue
      }
      if inSources {
        if words <= 6 {
          let item = Self.stripBullet(line)
          if let outlet = attributions.directory.canonical(item)
            ?? (OutletDirectory.isDomain(item) ? attributions.directory.outlet(forDomain: item) : nil)
          {
            credit([outlet], source: true)
          }
          furniture.append("source: " + line)
          continue
        }
        inSources = false
      }
      if lower.hasPrefix("source:") || lower.hasPrefix("sources:") {
        var names = attributions.outlets(in: line)
        let list = line[line.index(after: line.firstIndex(of: ":")!)...]
        for part in list.split(separator: ";").flatMap({ $0.split(separator: ",") }) {
          if let more = attributions.listedOutlets(String(part)) { names += more }
        }
        credit(names, source: true)
        furniture.append("source: " + line)
        continue
      }
      if markedHeading || !isNote && isHeading(block, next: i + 1 < blocks.count ? blocks[i + 1] : nil) {
        heading = line
        headings.append(line)
        continue
      }
      var text = Self.stripBullet(line)
      var offset = block.start + (lineLength - Self.length(text))
      if text.hasPrefix("*") {
        text.removeFirst()
        offset += 1
      }
      if paragraph < 3, let dateline = wireDateline(text) {
        credit(dateline.agencies, source: true)
        furniture.append("dateline: " + String(text.prefix(dateline.length)))
        text = String(text.dropFirst(dateline.length))
        offset += dateline.length
      }
      for span in splitter.split(text) {
        let cites = attributions.outlets(in: span.text, subjects: subjects)
        credit(cites, source: false)
        passages.append(
          Passage(
            ordinal: passages.count, paragraph: paragraph, heading: heading, text: span.text,
            start: offset + span.start, end: offset + span.end, cites: cites))
      }
      paragraph += 1
    }
    // "Reuters called it … The news agency said …": a sentence whose source is "the agency",
    // "the newspaper", "the broadcaster" credits the outlet the sentences before it named.
    var lastNamed: [String] = []
    for i in passages.indices {
      if !passages[i].cites.isEmpty {
        lastNamed = passages[i].cites
      } else if !lastNamed.isEmpty, Self.refersToSource(passages[i].text) {
        passages[i].cites = lastNamed
        credit(lastNamed, source: false)
      } else {
        // An outlet named without a reporting verb ("Reuters called it …") is the one a later
        // "the news agency said" refers to.
        let mentioned = attributions.mentioned(in: passages[i].text).sorted()
        if !mentioned.isEmpty { lastNamed = mentioned }
      }
    }
    // A sentence without its own credit takes the credit that closes its run (the next credited
    // sentence in the paragraph), else the article's sources.
    var runCites: [String] = []
    var runParagraph = -1
    for i in passages.indices.reversed() {
      if passages[i].paragraph != runParagraph {
        runParagraph = passages[i].paragraph
        runCites = []
      }
      if !passages[i].cites.isEmpty { runCites = passages[i].cites }
      passages[i].inheritedCites = runCites.isEmpty ? sources : runCites
    }
    var doc = ParsedArticle(article: article, headings: headings, passages: passages, sources: sources)
    doc.credits = credits
    doc.furniture = furniture
    renameDomainLabels(&doc)
    return doc
  }

  /// "The news agency said", "the newspaper reported", "according to the broadcaster": a
  /// sentence that names its source by what kind of outlet it is.
  static func refersToSource(_ text: String) -> Bool {
    let range = NSRange(text.startIndex..., in: text)
    return sourceReference.firstMatch(in: text, range: range) != nil
  }

  private static let sourceReference = try! NSRegularExpression(
    pattern:
      #"\b(?:[Tt]he (?:news agency|agency|wire service|newspaper|paper|broadcaster|network|magazine|outlet|publication|website|site) (?:said|says|reported|reports|wrote|writes|added|adds|noted|notes|cited|cites|quoted|quotes|found|calculated|estimated)|according to the (?:news agency|agency|wire service|newspaper|paper|broadcaster|network|magazine|outlet|publication|website|site))\b"#
  )

  private enum Trailer { case none, links, promo }

  /// Lines that list contributing outlets ("With files from AFP and Reuters").
  static let contributorPrefixes = [
    "with files from", "additional reporting by", "additional reporting from", "with reporting by",
    "with reporting from", "with additional reporting",
  ]

  /// The non-empty lines of `body`, trimmed, with their character offsets.
  private static func blocks(of body: String) -> [Block] {
    var blocks: [Block] = []
    if TextNormalizer.isPlainASCII(body) {
      // One character a byte: the same lines, found on bytes. `leading` counts what
      // `Character.isWhitespace` skips; the trim takes what `.whitespaces` holds (space, tab).
      let bytes = Array(body.utf8)
      var lineStart = 0
      for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
        var a = lineStart
        while a < i, bytes[a] == 0x20 || (bytes[a] >= 0x09 && bytes[a] <= 0x0D) { a += 1 }
        var s = lineStart
        while s < i, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        var e = i
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        if s < e {
          var words = 0
          var inWord = false
          for k in s..<e {
            if bytes[k] == 0x20 {
              inWord = false
            } else if !inWord {
              inWord = true
              words += 1
            }
          }
          blocks.append(Block(ascii: String(decoding: bytes[s..<e], as: UTF8.self), start: a, words: words))
        }
        lineStart = i + 1
      }
      return blocks
    }
    var offset = 0
    for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let leading = line.prefix { $0.isWhitespace }.count
      let trimmed = TextNormalizer.trimmed(line, where: TextNormalizer.isBlank)
      if !trimmed.isEmpty { blocks.append(Block(text: trimmed, start: offset + leading)) }
      offset += raw.count + 1
    }
    return blocks
  }

  /// `text.count`, counted on bytes when they are characters.
  static func length(_ text: String) -> Int {
    TextNormalizer.isPlainASCII(text) ? text.utf8.count : text.count
  }

  /// `text.split(separator: " ").count`, counted on bytes when they are characters.
  static func wordCount(_ text: String) -> Int {
    guard TextNormalizer.isPlainASCII(text) else { return text.split(separator: " ").count }
    var count = 0
    var inWord = false
    for byte in text.utf8 {
      if byte == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        count += 1
      }
    }
    return count
  }

  private func publisher(in blocks: [Block]) -> (name: String, strong: Bool)? {
    var best: String?
    for (i, block) in blocks.enumerated() where block.length <= 200 {
      let lower = block.text.lowercased()
      var name: String?
      if lower == "published by" || lower == "by", i + 1 < blocks.count {
        name = blocks[i + 1].text
      } else {
        name = PageFurniture.publisher(in: block.text)
      }
      guard var found = name else { continue }
      if found.lowercased().hasSuffix(" editorial") { found = String(found.dropLast(10)) }
      let canonical = attributions.directory.canonical(found) ?? found
      if lower.hasPrefix("published by") || lower == "by" { return (canonical, true) }
      if best == nil { best = canonical }
    }
    return best.map { ($0, false) }
  }

  private func isFurniture(_ line: String) -> Bool {
    let lower = PageFurniture.plain(line).lowercased()
    return PageFurniture.isFurnitureLine(lower)
      || PageFurniture.matches(PageFurniture.trailerStarts, lower)
  }

  func sameName(_ a: String, _ b: String) -> Bool {
    !b.isEmpty && Self.length(a) < Self.length(b) + 20 && OutletDirectory.key(a) == OutletDirectory.key(b)
  }

  /// A short line without closing punctuation, followed by more text, is a heading.
  private func isHeading(_ block: Block, next: Block?) -> Bool {
    let line = block.text
    guard let next, block.words <= 12, block.length <= 90, !line.hasPrefix("•"), !line.hasPrefix("- ") else {
      return false
    }
    if let last = line.last, ".,;:\"”)".contains(last) { return false }
    if line.last == "?" && block.words > 10 { return false }
    return next.length > block.length || next.words > 3
  }

  private static func stripBullet(_ line: String) -> String {
    var text = Substring(line)
    while let first = text.first, "•·▪◦–-".contains(first) || (first == "*" && text.dropFirst().first == " ") {
      text = text.dropFirst().drop { $0 == " " }
    }
    return String(text)
  }
}
