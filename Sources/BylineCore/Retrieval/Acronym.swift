import Foundation

/// Acronyms a question uses for names an article spells out: "UCL" for "University College
/// London", "NTSB" for "National Transportation Safety Board", "USGS" for "US Geological Survey".
public enum Acronym {
  /// Lower-case words a name may hold between its capitalised ones ("Competition and Markets
  /// Authority"): they add no letter.
  static let connectors: Set<String> = ["of", "for", "and", "the", "on", "de", "du", "des", "la", "le", "&"]

  /// Whether `word` looks like an acronym: two to six capital letters, nothing else.
  public static func isAcronym(_ word: String) -> Bool {
    (2...6).contains(word.count) && word.allSatisfy { $0.isASCII && $0.isUppercase }
  }

  /// The run of capitalised words in `text` whose initials spell `acronym` (an all-capitals
  /// word contributes all its letters), or nil.
  public static func expansion(of acronym: String, in text: String) -> String? {
    guard isAcronym(acronym) else { return nil }
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
      TextNormalizer.trimmed($0) { $0 != "&" && TextNormalizer.isPunctuation($0) }
    }
    for start in tokens.indices {
      guard let first = tokens[start].first, first.isUppercase, tokens[start] != acronym else { continue }
      var initials = ""
      var end = start
      while end < tokens.count {
        let token = tokens[end]
        if let c = token.first, c.isUppercase {
          // "SBF" for "Sam Bankman-Fried": each capitalised part of a hyphenated name gives its
          // letter where the acronym has them.
          let parts = hyphenInitials(token)
          if let parts, acronym.hasPrefix(initials + parts) {
            initials += parts
          } else {
            initials += token.allSatisfy({ $0.isUppercase }) ? token : String(c)
          }
        } else if !connectors.contains(token.lowercased()) || end == start {
          break
        } else if let c = token.first, acronym.hasPrefix(initials + String(c).uppercased()),
          end + 1 < tokens.count, tokens[end + 1].first?.isUppercase == true
        {
          // "BoE" for "Bank of England": a connector may give its letter, where the acronym has it.
          initials += String(c).uppercased()
        }
        if initials == acronym, end > start { return tokens[start...end].joined(separator: " ") }
        guard acronym.hasPrefix(initials) else { break }
        end += 1
      }
    }
    return nil
  }

  /// The initials of a hyphenated name whose parts are all capitalised words ("Bankman-Fried"
  /// → "BF"), or nil for any other token ("Scale-AI" is no such name; "post-war" is none).
  static func hyphenInitials<S: StringProtocol>(_ token: S) -> String? {
    let parts = token.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 2 else { return nil }
    var letters = ""
    for part in parts {
      guard let c = part.first, c.isUppercase, part.count >= 2, part.dropFirst().allSatisfy(\.isLowercase)
      else { return nil }
      letters.append(c)
    }
    return letters
  }

  /// Whether `word`, as a question typed it, may be a name's initials in lower case ("boe next
  /// rate decision", "ntsb report"): two to five ASCII letters, lower case, that no WordNet entry
  /// knows (`known` tells).
  public static func mayBeTypedInitials(_ word: String, known: (String) -> Bool) -> Bool {
    (2...5).contains(word.count) && word.allSatisfy { $0.isASCII && $0.isLowercase } && !known(word)
  }

  /// The initials of a name of two or more capitalised words ("Silicon Valley Bank" → "SVB",
  /// "US Geological Survey" → "USGS"; connectors add no letter), or nil for any other text.
  public static func initials(of name: String) -> String? {
    let tokens = name.split(separator: " ").map(String.init)
    var letters = ""
    var capitalised = 0
    for token in tokens {
      guard let first = token.first else { continue }
      if let parts = hyphenInitials(token) {
        letters += parts
        capitalised += 1
      } else if first.isUppercase, token.allSatisfy({ $0.isLetter }) {
        letters += token.allSatisfy({ $0.isUppercase }) ? token : String(first)
        capitalised += 1
      } else if !connectors.contains(token.lowercased()) {
        return nil
      }
    }
    return capitalised >= 2 && isAcronym(letters) ? letters : nil
  }
}
