import Foundation

/// The shorthand people type in a question ("ftx jury deliberation hrs?", "sentence yrs +
/// forfeiture amt") written out, so that it matches the articles' words. General English
/// typing abbreviations only; nothing here names anything from a corpus.
enum Shorthand {
  /// Each abbreviation (lower case, whole word) and what it stands for.
  static let expansions: [String: String] = [
    "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "mins": "minutes", "secs": "seconds",
    "wk": "week", "wks": "weeks", "mo": "month", "mos": "months", "amt": "amount", "govt": "government",
    "gov't": "government", "dept": "department", "approx": "approximately", "pct": "percent", "ppl": "people",
    "intl": "international", "natl": "national", "info": "information", "abt": "about", "w/": "with",
    "w/o": "without", "b/c": "because", "bc": "because", "yo": "years old", "num": "number", "qty": "quantity",
  ]

  /// `text` with every abbreviation of ``expansions`` written out; `text` itself when it has none.
  static func expanded(_ text: String) -> String {
    var changed = false
    let words = text.split(separator: " ", omittingEmptySubsequences: false).map { raw -> String in
      let word = String(raw)
      // The word without the punctuation around it ("hrs?", "(approx)").
      let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "?!.,;:()\"“”"))
      guard !core.isEmpty, let full = expansions[core.lowercased()], let range = word.range(of: core) else {
        return word
      }
      changed = true
      return word.replacingCharacters(in: range, with: full)
    }
    return changed ? words.joined(separator: " ") : text
  }
}
