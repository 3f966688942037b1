import Foundation

/// Renders answers, search hits and article lists in each output format. Text from articles is
/// stripped of control characters in every format meant for people.
public struct AnswerRenderer: Sendable {
  /// The format to render.
  public var format: OutputFormat
  /// Whether to use ANSI colours (text format only).
  public var color: Bool

  /// Creates a renderer.
  public init(format: OutputFormat, color: Bool = false) {
    self.format = format
    self.color = color
  }

  private func paint(_ s: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }

  /// One answer. `index` is added to JSON Lines output in batch mode.
  public func render(_ answer: Answer, index: Int? = nil) -> String {
    switch format {
    case .json, .jsonl:
      return Self.json(answer, index: index, pretty: format == .json)
    case .markdown:
      var out = ""
      if let note = answer.note { out += "_(\(clean(note)))_\n\n" }
      if let reason = answer.fallbackReason { out += "_(\(clean(reason)); answered by rules)_\n\n" }
      out += clean(answer.answer) + "\n"
      if !answer.citations.isEmpty { out += "\n" }
      for c in answer.citations {
        out += "\(c.n). > \(clean(c.quote))\n   — *\(clean(c.label))*\n"
      }
      return out
    case .text:
      var out = ""
      if let note = answer.note { out += paint("(\(clean(note)))", "2") + "\n" }
      if let reason = answer.fallbackReason { out += paint("(\(clean(reason)); answered by rules)", "2") + "\n" }
      out += (answer.abstained ? paint(clean(answer.answer), "33") : paint(clean(answer.answer), "1")) + "\n"
      return out + renderCitations(answer)
    }
  }

  /// The citation lines of a text-format answer, for an answer whose text was shown as it
  /// streamed.
  public func renderCitations(_ answer: Answer) -> String {
    var out = ""
    for c in answer.citations {
      out += "  " + paint("[\(c.n)]", "36") + " “\(clean(c.quote))” " + paint("(\(clean(c.label)))", "2") + "\n"
    }
    return out
  }

  /// One answer as JSON: the schema documented in the README.
  public static func json(_ answer: Answer, index: Int?, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    var answer = answer
    if let index { answer.index = index }
    let data = (try? encoder.encode(answer)) ?? Data("{}".utf8)
    return escapeC1(String(decoding: data, as: UTF8.self))
  }

  /// JSON escapes C0 controls but lets C1 controls (U+0080–U+009F) through raw, and a terminal
  /// may read U+009B as CSI: they are written as `\u00XX` escapes, which is the same JSON.
  static func escapeC1(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return json }
    var out = ""
    for scalar in json.unicodeScalars {
      if (0x80...0x9F).contains(scalar.value) {
        out += "\\u00" + String(scalar.value, radix: 16)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Search hits.
  public func render(hits: [(StoredPassage, String)]) -> String {
    switch format {
    case .json, .jsonl:
      let rows: [[String: Any]] = hits.map { p, snippet in
        [
          "id": p.articleId, "outlet": p.outlet, "title": p.title, "text": p.text,
          "snippet": snippet, "score": (p.score * 1000).rounded() / 1000, "cites": p.credited,
          "heading": p.heading,
        ]
      }
      if format == .jsonl {
        return rows.map { Self.encode($0, pretty: false) }.joined(separator: "\n")
      }
      return Self.encode(rows, pretty: true)
    case .markdown:
      return hits.map { p, s in
        "- **\(clean(p.outlet.isEmpty ? p.articleId : p.outlet))** (`\(clean(p.articleId))`, score \(String(format: "%.2f", p.score))): \(clean(s).replacingOccurrences(of: "[", with: "**").replacingOccurrences(of: "]", with: "**"))"
      }.joined(separator: "\n")
    case .text:
      if hits.isEmpty { return "No passages match." }
      return hits.map { p, s in
        let head =
          paint(String(format: "%6.2f", p.score), "2") + "  " + paint(clean(p.articleId), "36") + "  "
          + clean(p.outlet.isEmpty ? "(publisher not named)" : p.outlet)
        let marked =
          color
          ? clean(s).replacingOccurrences(of: "[", with: "\u{1B}[1;33m").replacingOccurrences(
            of: "]", with: "\u{1B}[0m") : clean(s)
        return head + "\n    " + marked
      }.joined(separator: "\n")
    }
  }

  /// The article list.
  public func render(articles: [ArticleSummary]) -> String {
    switch format {
    case .json, .jsonl:
      let rows: [[String: Any]] = articles.map {
        [
          "id": $0.id, "title": $0.title, "outlet": $0.outlet, "date": $0.date, "url": $0.url, "passages": $0.passages,
          "sources": $0.sources, "credits": $0.credits, "source": $0.displayName,
        ]
      }
      if format == .jsonl { return rows.map { Self.encode($0, pretty: false) }.joined(separator: "\n") }
      return Self.encode(rows, pretty: true)
    case .markdown:
      return "| id | publisher | title | date | passages |\n|---|---|---|---|---|\n"
        + articles.map {
          "| \(clean($0.id)) | \(clean($0.displayName)) | \(clean($0.title)) | \(clean($0.date)) | \($0.passages) |"
        }
        .joined(separator: "\n")
    case .text:
      let idWidth = articles.map { clean($0.id).count }.max() ?? 2
      let outletWidth = max(9, articles.map(\.displayName.count).max() ?? 0)
      let dateWidth = max(1, articles.map(\.date.count).max() ?? 0)
      return articles.map { a in
        clean(a.id).padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
          + clean(a.displayName).padding(toLength: outletWidth, withPad: " ", startingAt: 0)
          + "  "
          + String(format: "%4d", a.passages) + "  "
          + (a.date.isEmpty ? "-" : clean(a.date)).padding(toLength: dateWidth, withPad: " ", startingAt: 0) + "  "
          + clean(a.title)
      }.joined(separator: "\n")
    }
  }

  /// One article: its metadata and credits, and with `furniture` the lines dropped as page furniture.
  public func render(article a: ArticleSummary, furniture: Bool) -> String {
    switch format {
    case .json, .jsonl:
      var row: [String: Any] = [
        "id": a.id, "title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url, "passages": a.passages,
        "sources": a.sources, "credits": a.credits, "source": a.displayName,
      ]
      if furniture { row["furniture"] = a.furniture }
      return Self.encode(row, pretty: format == .json)
    case .markdown, .text:
      var lines = [
        clean(a.title), "id: \(clean(a.id))", "publisher: \(clean(a.displayName))",
        "date: \(a.date.isEmpty ? "-" : clean(a.date))", "passages: \(a.passages)",
        "credits: \(a.credits.isEmpty ? "-" : a.credits.map(clean).joined(separator: ", "))",
      ]
      if furniture {
        lines.append("furniture (\(a.furniture.count) lines dropped):")
        lines += a.furniture.map { "  " + clean($0) }
      }
      return lines.joined(separator: "\n")
    }
  }

  private func clean(_ s: String) -> String { TextNormalizer.stripControls(s) }

  static func encode(_ value: Any, pretty: Bool) -> String {
    let options: JSONSerialization.WritingOptions =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return "[]" }
    return escapeC1(String(decoding: data, as: UTF8.self))
  }
}
