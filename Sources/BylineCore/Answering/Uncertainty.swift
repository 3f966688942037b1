import Foundation

/// Recognises sentences in which the corpus itself says something is unknown or unconfirmed.
public enum Uncertainty {
  private static let regex = try! NSRegularExpression(
    pattern:
      #"\b(unclear|unknown|uncertain|unconfirmed|eventually|not necessarily|not (?:been |be )?(?:disclosed|confirmed|specified|finalized|announced|known)|has not (?:been )?\w+ed|have not|no (?:official|outlet|reporting|visibility|independent|concrete)|remains? (?:unclear|unknown|open)|not yet|(?:did|does|do) not (?:say|disclose|reveal|specify|publish|announce|name)|declined to|would not say|without on-the-record|no (?:indication|guidance|figure|timetable|details|word)|gave no|under wraps|undisclosed|not (?:been )?(?:made public|revealed|published)|too early to (?:say|tell)|to be (?:decided|determined|settled|worked out)|yet to be|(?:has|have) yet to|would not (?:comment|confirm)|neither \w+ (?:has|have) (?:published|disclosed|confirmed|said))\b"#,
    options: [.caseInsensitive])

  /// The words that say something is unknown ("remains unclear", "eventually"), if any.
  public static func phrase(in text: String) -> String? {
    let t = TextNormalizer.fold(text)
    let ns = t as NSString
    guard let m = regex.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) else { return nil }
    return ns.substring(with: m.range)
  }

  /// Every phrase of `text` that says something is unknown, in order.
  public static func phrases(in text: String) -> [String] {
    let t = TextNormalizer.fold(text)
    let ns = t as NSString
    return regex.matches(in: t, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
  }

  /// Whether `text` says something is unknown, unclear or unconfirmed.
  public static func isUncertain(_ text: String) -> Bool {
    let t = TextNormalizer.fold(text)
    return regex.firstMatch(in: t, range: NSRange(location: 0, length: (t as NSString).length)) != nil
  }
}
