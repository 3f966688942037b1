import Foundation

/// Finds dates in text: "July 2024", "April 6", "June 3, 2025", "2025-04-06", "late 2024", "2025".
public enum DateFinder {
  static let months =
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    + "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
  static let regex = try! NSRegularExpression(
    pattern: #"\b(?:(?:early|mid|late|mid-)\s*)?(?:(?:"# + months
      + #")(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}s?|(?:last|next|this) (?:year|month|week|quarter)|(?:yesterday|today|tomorrow)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"#,
    options: [])
  static let fullDate = try! NSRegularExpression(
    pattern: #"\b(?:(?:"# + months + #")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}|\d{4}-\d{2}-\d{2})\b"#)

  /// Dates given relative to another ("a month later", "two years earlier").
  static let relative = try! NSRegularExpression(
    pattern:
      #"\b(?:a|an|one|two|three|four|five|six|several|a few)\s+(?:day|week|month|year|quarter)s?\s+(?:later|earlier|before|after)\b"#,
    options: [.caseInsensitive])

  /// Whether `span` is a date given relative to another.
  public static func isRelative(_ span: String) -> Bool {
    relative.firstMatch(in: span, range: NSRange(location: 0, length: (span as NSString).length)) != nil
  }

  /// Every date expression in `text`, in order.
  public static func dates(in text: String) -> [String] {
    let ns = text as NSString
    let relatives = relative.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
      ns.substring(with: $0.range)
    }
    return relatives
      + regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
        let found = ns.substring(with: m.range)
        // "May" is a month only where a date is plainly meant: "in May", "May 6", "May 2025".
        guard found == "May" else { return found }
        let before = ns.substring(to: m.range.location).split(separator: " ").last.map { $0.lowercased() } ?? ""
        return [
          "in", "by", "since", "until", "from", "of", "early", "late", "mid", "through", "during", "before", "after",
        ]
        .contains(before) ? found : nil
      }
  }

  /// A full date standing in the header lines of an article, if any.
  static func headerDate(in lines: [String]) -> String? {
    for line in lines where line.count < 80 {
      let ns = line as NSString
      if let m = fullDate.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
        return ns.substring(with: m.range)
      }
    }
    return nil
  }
}

extension DateFinder {
  /// Whether `text` is a bare year ("2025").
  static func isYear(_ text: String) -> Bool {
    text.count == 4 && text.allSatisfy(\.isNumber) && (text.hasPrefix("19") || text.hasPrefix("20"))
  }
}
