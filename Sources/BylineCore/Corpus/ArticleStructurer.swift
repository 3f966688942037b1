import Foundation

/// Turns an article body into structure: title and publisher where the text gives them, headings,
/// paragraphs, sentences with offsets, and the outlets each sentence credits. Page furniture is
/// dropped; editorial notes are kept.
public struct ArticleStructurer: Sendable {
  private let splitter = SentenceSplitter()
  private let attributions: AttributionExtractor

  /// Creates a structurer that recognises the outlets in `directory`.
  public init(directory: OutletDirectory = .standard) {
    self.attributions = AttributionExtractor(directory: directory)
  }

  /// A non-empty line, trimmed, with its character offset, its length in characters and its
  /// number of space-separated words (measured once: every rule below asks for them).
  private struct Block {
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
    if article.outlet.isEmpty { article.outlet = publisher(in: blocks) ?? "" }
    var index = 0
    if article.title.isEmpty {
      while index < blocks.count {
        let block = blocks[index]
        let line = block.text
        index += 1
        if block.length <= 200 && isFurniture(line) || sameName(line, article.outlet) || block.words < 2 {
          continue
        }
        if block.length > 200 {
          // No headline line: name the article after its first words and keep the line as text.
          article.title = line.split(separator: " ").prefix(12).joined(separator: " ") + "…"
          index -= 1
        } else {
          article.title = line
        }
        break
      }
    }
    if article.date.isEmpty { article.date = DateFinder.headerDate(in: blocks.prefix(8).map(\.text)) ?? "" }

    var headings: [String] = []
    var passages: [Passage] = []
    var sources: [String] = []
    var heading = ""
    var paragraph = 0
    var inTrailer = false
    var inSources = false
    var skipNext = false
    for i in index..<blocks.count {
      let block = blocks[i]
      let line = block.text
      // Furniture, headings and bylines are short lines; long ones are always body text.
      let lineLength = block.length
      let lower = lineLength > 200 ? "" : PageFurniture.plain(line).lowercased()
      if skipNext {
        skipNext = false
        continue
      }
      if lower == "published by" || lower == "by" {
        skipNext = true
        continue
      }
      if lower.hasPrefix("published by"), PageFurniture.publisher(in: line) != nil { continue }
      let isNote = !lower.isEmpty && PageFurniture.matches([PageFurniture.editorialNote], line)
      // (Every furniture pattern needs a word: an empty `lower`, a long line, matches none.)
      if !lower.isEmpty && PageFurniture.matches(PageFurniture.trailerStarts, lower) {
        inTrailer = true
        continue
      }
      if inTrailer && !isNote { continue }
      if !lower.isEmpty && PageFurniture.matches(PageFurniture.lines, lower) || i < 12 && sameName(line, article.title)
      {
        continue
      }
      let words = block.words
      if PageFurniture.sourceHeadings.contains(TextNormalizer.trimmed(lower, where: TextNormalizer.isPunctuation)) {
        inSources = true
        continue
      }
      if inSources {
        if words <= 6 {
          let item = Self.stripBullet(line)
          if let outlet = attributions.directory.canonical(item)
            ?? (OutletDirectory.isDomain(item) ? attributions.directory.outlet(forDomain: item) : nil)
          {
            if !sources.contains(outlet) { sources.append(outlet) }
          }
          continue
        }
        inSources = false
      }
      if lower.hasPrefix("source:") || lower.hasPrefix("sources:") {
        for outlet in attributions.outlets(in: line) where !sources.contains(outlet) { sources.append(outlet) }
        continue
      }
      if !isNote, isHeading(block, next: i + 1 < blocks.count ? blocks[i + 1] : nil) {
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
      for span in splitter.split(text) {
        passages.append(
          Passage(
            ordinal: passages.count, paragraph: paragraph, heading: heading, text: span.text,
            start: offset + span.start, end: offset + span.end,
            cites: attributions.outlets(in: span.text)))
      }
      paragraph += 1
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
    return ParsedArticle(article: article, headings: headings, passages: passages, sources: sources)
  }

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

  private func publisher(in blocks: [Block]) -> String? {
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
      if lower.hasPrefix("published by") || lower == "by" { return canonical }
      if best == nil { best = canonical }
    }
    return best
  }

  private func isFurniture(_ line: String) -> Bool {
    let lower = PageFurniture.plain(line).lowercased()
    return PageFurniture.matches(PageFurniture.lines, lower)
      || PageFurniture.matches(PageFurniture.trailerStarts, lower)
  }

  private func sameName(_ a: String, _ b: String) -> Bool {
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
