import Foundation

/// The head of a page: outlet line, headline, dek, byline, date line and labels, found by shape.
extension ArticleStructurer {
  /// What the lines before the body say, and which of them are not text.
  struct Header {
    /// The headline, or "" when the page has none (or the title was given).
    var title = ""
    /// The index of the headline line, if it is one of the blocks.
    var titleIndex: Int?
    /// The outlet named by a standalone line above or below the headline.
    var outlet: String?
    /// The date of a date line, as YYYY-MM-DD.
    var date: String?
    /// Lines that are not text, by index, with what they are.
    var drops: [Int: String] = [:]
    /// Where the body starts (after the headline when it is one of the blocks).
    var start = 0
  }

  /// Reads the head of `blocks`: every line before the first paragraph of body text.
  func header(of blocks: [Block], article: Article) -> Header {
    var head = Header()
    var candidates: [Int] = []
    var firstBody = blocks.count
    var i = 0
    while i < min(blocks.count, 16) {
      let block = blocks[i]
      let lower = block.length > 200 ? "" : PageFurniture.plain(block.text).lowercased()
      if lower == "published by" || lower == "by" {
        head.drops[i] = "publisher"
        if i + 1 < blocks.count { head.drops[i + 1] = "publisher" }
        i += 2
        continue
      }
      if !candidates.isEmpty || !head.drops.isEmpty || i > 0, Self.isBodyParagraph(block) {
        firstBody = i
        break
      }
      if block.length > 200 {
        firstBody = i
        break
      }
      if lower.hasPrefix("published by"), PageFurniture.publisher(in: block.text) != nil {
        head.drops[i] = "publisher"
      } else if PageFurniture.isFurnitureLine(lower) || PageFurniture.isShareBar(lower) {
        head.drops[i] = "furniture"
      } else if PageFurniture.matches(PageFurniture.trailerStarts, lower) {
        firstBody = i
        break
      } else if byline(block) != nil {
        head.drops[i] = "byline"
      } else if let date = DateFinder.dateLine(block.text) {
        head.drops[i] = "date"
        if head.date == nil { head.date = date }
      } else if Self.isLabel(block) {
        head.drops[i] = "label"
      } else {
        candidates.append(i)
      }
      i += 1
    }
    // A headline is no sentence of text: it does not end with a full stop.
    func headline(_ k: Int) -> Bool {
      blocks[k].words >= 4 && blocks[k].length <= 200 && !blocks[k].text.hasSuffix(".")
    }
    func outletLine(_ k: Int) -> Bool { Self.isOutletLine(blocks[k]) && DateFinder.dateLine(blocks[k].text) == nil }
    var used = Set<Int>()
    if article.title.isEmpty {
      if candidates.count >= 2, outletLine(candidates[0]), headline(candidates[1]),
        blocks[candidates[1]].words > blocks[candidates[0]].words
      {
        head.outlet = Self.outletName(blocks[candidates[0]].text, directory: attributions.directory)
        head.drops[candidates[0]] = "outlet"
        head.titleIndex = candidates[1]
        used = [candidates[0], candidates[1]]
      } else if candidates.count >= 2, headline(candidates[0]), outletLine(candidates[1]),
        candidates[1] + 1 < firstBody || candidates[1] + 1 == blocks.count,
        blocks[candidates[0]].words > blocks[candidates[1]].words
      {
        head.titleIndex = candidates[0]
        head.outlet = Self.outletName(blocks[candidates[1]].text, directory: attributions.directory)
        head.drops[candidates[1]] = "outlet"
        used = [candidates[0], candidates[1]]
      } else if let k = candidates.first(where: { blocks[$0].words >= 2 && !sameName(blocks[$0].text, article.outlet) })
      {
        head.titleIndex = k
        used = [k]
      }
      if let k = head.titleIndex {
        head.title = blocks[k].text
        head.start = k + 1
      } else if let k = (0..<blocks.count).first(where: { head.drops[$0] == nil }) {
        // No headline line: name the article after its first words and keep the line as text.
        head.title = blocks[k].text.split(separator: " ").prefix(12).joined(separator: " ")
        if blocks[k].length > 200 || blocks[k].words > 12 { head.title += "…" }
        head.start = k
      }
      if let outlet = head.outlet, !article.outlet.isEmpty, !sameName(outlet, article.outlet) {
        // A publisher named elsewhere wins; the line above the headline is a kicker.
        head.outlet = nil
      }
    } else {
      for k in candidates where sameName(Self.markdownHeading(blocks[k].text) ?? blocks[k].text, article.title) {
        head.drops[k] = "title"
        used.insert(k)
      }
      for k in candidates where !article.outlet.isEmpty && sameName(blocks[k].text, article.outlet) {
        head.drops[k] = "outlet"
        used.insert(k)
      }
    }
    // An outlet's name under the byline ("By Sam Hughes" / "BBC News") is the byline's.
    for k in candidates where k < firstBody && !used.contains(k) && head.drops[k] == nil {
      guard k > 0, head.drops[k - 1] == "byline", Self.isOutletLine(blocks[k]),
        let known = attributions.directory.canonical(blocks[k].text)
      else { continue }
      head.drops[k] = "byline"
      used.insert(k)
      if article.outlet.isEmpty && head.outlet == nil { head.outlet = known }
    }
    // The dek: the first line after the headline, a sentence-case line that is not a sentence.
    if let k = candidates.first(where: { !used.contains($0) && $0 >= head.start }), k < firstBody,
      blocks[k].words >= 5, !Self.isTitleCase(blocks[k].text), let last = blocks[k].text.last, !".:".contains(last)
    {
      head.drops[k] = "dek"
    }
    return head
  }

  /// A paragraph of body text: a sentence of eight words or more, or any long line.
  static func isBodyParagraph(_ block: Block) -> Bool {
    if block.length > 200 { return true }
    guard block.words >= 8, let last = block.text.last else { return false }
    return ".\"”".contains(last)
  }

  /// A section label: "Markets | Monetary policy", "World · Europe".
  static func isLabel(_ block: Block) -> Bool {
    guard block.words <= 8, block.length <= 60 else { return false }
    let t = block.text
    guard t.contains(" | ") || t.contains(" · ") || t.contains(" › ") || t.contains(" > ") else { return false }
    guard let last = t.last, !".?!".contains(last) else { return false }
    return true
  }

  /// A line that may be an outlet's name: 1-4 title-case words, no sentence punctuation.
  /// Words a page prints alone above or below a headline that are not an outlet's name.
  static let pageWords: Set<String> = [
    "published", "updated", "posted", "advertisement", "analysis", "opinion", "comment", "live", "breaking",
    "exclusive", "explainer", "news", "video", "audio", "sport", "sports", "home", "menu", "search", "share", "latest",
    "world", "business", "politics", "technology", "science", "health", "culture", "markets", "features", "review",
    "interview", "podcast", "newsletter", "sponsored", "editorial", "premium", "subscriber", "listen", "watch",
  ]

  static func isOutletLine(_ block: Block) -> Bool {
    let t = block.text
    if block.words == 1 && pageWords.contains(t.lowercased()) { return false }
    guard (1...4).contains(block.words), block.length <= 40, let first = t.first, first.isUppercase || first.isNumber
    else { return false }
    if t.contains(where: { ",;:!?|\"“”()".contains($0) }) { return false }
    if t.contains(".") && !OutletDirectory.isDomain(t) { return false }
    return isTitleCase(t)
  }

  /// Whether every word of `text` is capitalised, except short joining words.
  static func isTitleCase(_ text: String) -> Bool {
    let small: Set<String> = [
      "of", "the", "and", "&", "de", "la", "le", "du", "der", "die", "das", "el", "for", "on", "in", "a", "an", "at",
      "to", "von", "van", "y", "e", "di", "del", "da", "des", "or", "but", "with", "by", "is", "as", "vs",
    ]
    var capitals = 0
    for word in text.split(separator: " ") {
      guard let f = word.first else { continue }
      if f.isUppercase || f.isNumber || "'‘“\"(".contains(f) {
        capitals += 1
      } else if !small.contains(word.lowercased()) {
        return false
      }
    }
    return capitals > 0
  }

  static func outletName(_ line: String, directory: OutletDirectory) -> String {
    if OutletDirectory.isDomain(line) { return directory.outlet(forDomain: line) }
    return directory.canonical(line) ?? line
  }

  /// A line of links after "Related"/"More from": short, and not a paragraph of text.
  static func isLinkLike(_ block: Block) -> Bool {
    if block.text.hasPrefix("#") { return false }
    // A list of links: every item a short line, whatever its last character.
    if block.length <= 150 && (block.text.hasPrefix("- ") || block.text.hasPrefix("• ") || block.text.hasPrefix("* ")) {
      return true
    }
    return block.length <= 150 && !isBodyParagraph(block) || block.length <= 150 && block.words < 8
  }

  /// The text of a Markdown heading line ("## Market reaction"), if it is one.
  static func markdownHeading(_ line: String) -> String? {
    let hashes = line.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
    let text = line.dropFirst(hashes.count).trimmingCharacters(in: .whitespaces)
    return text.isEmpty ? nil : text
  }

  private static let weekdaysAndMonths: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "the", "a", "an",
  ]

  /// A byline ("By Jane Doe", "By Jane Doe, Reuters", "By Jane Doe and John Roe | AFP"): the
  /// outlets it credits (empty for a staff byline), or nil when the line is not a byline.
  func byline(_ block: Block) -> [String]? {
    let line = block.text
    guard line.hasPrefix("By ") || line.hasPrefix("BY "), block.words <= 16, block.length <= 120 else { return nil }
    if line.hasSuffix(".") && block.words > 8 { return nil }
    let rest = line.dropFirst(3)
    let parts = rest.split { ",|–—;".contains($0) }.flatMap { $0.components(separatedBy: " - ") }
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let name = parts.first else { return nil }
    let nameWords = name.split(separator: " ")
    guard let first = nameWords.first, first.first?.isUppercase == true,
      !Self.weekdaysAndMonths.contains(first.lowercased())
    else { return nil }
    var credited: [String] = []
    let directory = attributions.directory
    func outlet(_ text: String) -> String? {
      var t = text
      for suffix in [" staff", " reporters", " reporter", " correspondent", " news desk"]
      where t.lowercased().hasSuffix(suffix) {
        t = String(t.dropLast(suffix.count))
      }
      if t.lowercased().hasPrefix("the ") && directory.canonical(t) == nil { t = String(t.dropFirst(4)) }
      return directory.canonical(t) ?? (OutletDirectory.isDomain(t) ? directory.outlet(forDomain: t) : nil)
    }
    if let known = outlet(name) {
      credited.append(known)
    } else {
      // A person: one to five capitalised words, "and" between names.
      let personWords = nameWords.filter { $0 != "and" && $0 != "&" }
      guard (2...6).contains(nameWords.count) || name == name.uppercased(),
        personWords.allSatisfy({
          $0.first?.isUppercase == true
            || ["de", "van", "von", "bin", "al", "da", "del", "di", "le", "la"].contains($0.lowercased())
        })
      else { return nil }
    }
    for part in parts.dropFirst() {
      for piece in part.components(separatedBy: " for ") + part.components(separatedBy: " and ") {
        if let known = outlet(piece.trimmingCharacters(in: .whitespaces)), !credited.contains(known) {
          credited.append(known)
        }
      }
    }
    return credited
  }

  private static let datelineWithAgency = try! NSRegularExpression(
    pattern:
      #"^([A-Z][A-Za-z.'’-]*(?:[ ,/]+[A-Z][A-Za-z.'’-]*)*(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?)?\s*\(([^()]{2,40})\)\s*(?:-{1,2}|—|–|:)\s+"#
  )
  private static let datelineWithoutAgency = try! NSRegularExpression(
    pattern:
      #"^[A-Z]{3,}(?:[ ,.'’-]+[A-Z]{2,}\.?)*(?:, [A-Z][a-z]{1,12}\.?)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?\s*(?:-{1,2}|—|–)\s+"#
  )

  /// A wire dateline opening a paragraph ("LONDON, May 15 (Reuters) -", "PARIS (AFP) —",
  /// "HOUSTON —", "AUSTIN, Texas, Aug 1 --"): its length in UTF-16 units and the agencies it names.
  func wireDateline(_ text: String) -> (length: Int, agencies: [String])? {
    guard let first = text.first, first.isUppercase || first == "(" else { return nil }
    // A dateline is a capitalised place, an agency in brackets or both, then a dash, near the start.
    let head = text.utf8.prefix(80)
    guard head.contains(0x28) || text.utf8.prefix(3).allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
    let ns = text as NSString
    let range = NSRange(location: 0, length: min(ns.length, 120))
    if let m = Self.datelineWithAgency.firstMatch(in: text, range: range) {
      let inner = ns.substring(with: m.range(at: 2))
      if let agencies = attributions.listedOutlets(inner) {
        return (String(ns.substring(to: m.range.length)).count, agencies)
      }
    }
    if let m = Self.datelineWithoutAgency.firstMatch(in: text, range: range) {
      return (String(ns.substring(to: m.range.length)).count, [])
    }
    return nil
  }

  private static let capitalisedRun = try! NSRegularExpression(
    pattern: #"\b(?:The )?[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,5}"#)

  /// An unknown domain is named after its main label ("driveteslacanada.ca" →
  /// "Driveteslacanada"); when the article spells that name out ("Drive Tesla Canada"), use it.
  func renameDomainLabels(_ doc: inout ParsedArticle) {
    let labels = doc.credits.filter {
      !$0.contains(" ") && attributions.directory.canonical($0) == nil && $0.dropFirst().allSatisfy { !$0.isUppercase }
    }
    guard !labels.isEmpty else { return }
    let body = doc.article.body
    let ns = body as NSString
    var renames: [String: String] = [:]
    for m in Self.capitalisedRun.matches(in: body, range: NSRange(location: 0, length: ns.length)) {
      let phrase = ns.substring(with: m.range)
      guard phrase.contains(" ") else { continue }
      let words = phrase.split(separator: " ")
      // Any run of the phrase's words may be the name.
      for a in 0..<words.count {
        for b in (a + 1)...words.count where b - a >= 2 {
          let candidate = words[a..<b].joined(separator: " ")
          let key = OutletDirectory.key(candidate)
          for label in labels
          where renames[label] == nil && (key == label.lowercased() || key == "the" + label.lowercased()) {
            renames[label] = candidate
          }
        }
      }
    }
    guard !renames.isEmpty else { return }
    func apply(_ list: [String]) -> [String] {
      var out: [String] = []
      for n in list.map({ renames[$0] ?? $0 }) where !out.contains(n) { out.append(n) }
      return out
    }
    doc.credits = apply(doc.credits)
    doc.sources = apply(doc.sources)
    for i in doc.passages.indices {
      doc.passages[i].cites = apply(doc.passages[i].cites)
      doc.passages[i].inheritedCites = apply(doc.passages[i].inheritedCites)
    }
  }
}
