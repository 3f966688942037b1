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
      if let found = calendarDate(in: line) { return found.iso }
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

extension DateFinder {
  private static let monthNumbers: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]
  private static let monthWord =
    #"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"#
  /// Calendar dates in the forms news pages print, each with the order of its groups.
  private static let calendarForms: [(NSRegularExpression, (year: Int, month: Int, day: Int))] = [
    (#"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b"#, (1, 2, 3)),
    (#"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b"#, (3, 2, 1)),
    (#"\b(\d{1,2})(?:st|nd|rd|th)?\.? "# + monthWord + #",? ((?:19|20)\d{2})\b"#, (3, 2, 1)),
    (#"\b"# + monthWord + #" (\d{1,2})(?:st|nd|rd|th)?,? ((?:19|20)\d{2})\b"#, (3, 1, 2)),
  ].map { (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1) }

  /// The first calendar date in `text` as YYYY-MM-DD, with the range it was found at:
  /// "Thursday 7 August 2025, 12:41 BST", "December 13, 2023", "Aug. 7, 2025", "2024-05-14",
  /// "14/05/2024" (day first, unless the first number cannot be a day of a month).
  public static func calendarDate(in text: String) -> (iso: String, range: NSRange)? {
    // Every form holds a year of four digits.
    guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let ns = text as NSString
    var best: (iso: String, range: NSRange)?
    for (regex, order) in calendarForms {
      guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { continue }
      if let found = best, found.range.location <= m.range.location { continue }
      func group(_ i: Int) -> String { ns.substring(with: m.range(at: i)) }
      guard let year = Int(group(order.year)) else { continue }
      let monthText = group(order.month)
      var month = Int(monthText) ?? monthNumbers[String(monthText.lowercased().prefix(3))] ?? 0
      var day = Int(group(order.day)) ?? 0
      if order.month == 2 && order.day == 1 && month > 12 && day <= 12 { swap(&month, &day) }
      guard (1...12).contains(month), (1...31).contains(day) else { continue }
      best = (String(format: "%04d-%02d-%02d", year, month, day), m.range)
    }
    return best
  }

  /// `date` as YYYY-MM-DD when it holds a calendar date, else as given.
  public static func normalized(_ date: String) -> String {
    calendarDate(in: date)?.iso ?? date
  }

  private static let dateLineLeftovers = try! NSRegularExpression(
    pattern:
      #"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:updated|published|posted|last updated|first published|modified|on|at)\b|\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|(?-i:\b[A-Z]{2,4}\b)|[|·•,—–\-:()]"#,
    options: [.caseInsensitive])

  /// Whether `line` is a date line: a calendar date with at most a weekday, a time, a zone,
  /// "Updated"/"Published" and a short label ("Analysis | Friday 8 August 2025", "Munich,
  /// Saturday 12 August 2023") around it. Returns the date as YYYY-MM-DD.
  public static func dateLine(_ line: String) -> String? {
    guard line.utf8.count <= 90, let found = calendarDate(in: line) else { return nil }
    let rest = (line as NSString).replacingCharacters(in: found.range, with: " ")
    let left = dateLineLeftovers.stringByReplacingMatches(
      in: rest, range: NSRange(location: 0, length: (rest as NSString).length), withTemplate: " ")
    return left.split(separator: " ").count <= 3 ? found.iso : nil
  }
}
