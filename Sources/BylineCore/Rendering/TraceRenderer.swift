import Foundation

/// Renders how an answer was found: the question as understood, the query, the top passages.
public enum TraceRenderer {
  /// A few lines of plain text.
  public static func render(_ trace: AnswerTrace, top: Int = 5) -> String {
    let q = trace.question
    var out = "question as understood: \(TextNormalizer.stripControls(q.text))\n"
    out += "  type: \(q.kind.rawValue); terms: "
    out += q.terms.map { "\($0.surface)(\(String(format: "%.1f", $0.weight)))" }.joined(separator: " ")
    if !q.entities.isEmpty { out += "; names: \(q.entities.joined(separator: ", "))" }
    if !q.outlets.isEmpty { out += "; outlets: \(q.outlets.joined(separator: ", "))" }
    out += "\n  query: \(trace.query)\n"
    if let reason = trace.abstainReason { out += "  abstained: \(reason)\n" }
    for p in trace.passages.prefix(top) {
      out += String(
        format: "  %.3f cov %.2f topic %.2f sent %.2f%@  ", p.score, p.coverage, p.topicCoverage, p.sentenceCoverage,
        p.entitiesFound ? "" : " (names missing)")
      out +=
        "\(p.passage.articleId.prefix(3))#\(p.passage.ordinal)  \(TextNormalizer.stripControls(String(p.passage.text.prefix(90))))\n"
    }
    // Terms and names come from typed text: nothing in a trace may drive the terminal.
    return TextNormalizer.stripControls(out.trimmingCharacters(in: .newlines))
  }
}
