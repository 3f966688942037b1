import Foundation

/// Tells whether a sentence or question is negative, for yes-or-no answers.
public enum Polarity {
  private static let regex = try! NSRegularExpression(
    pattern: #"\b(no|not|never|none|nobody|nothing|neither|nor|without|unconfirmed|unclear|unknown|withhold|withheld|withholding|declined?|refused?|denied|denies|rejects?|rejected|fails?|failed|lacks?|\w+n't|cannot|won't|abandon(?:s|ed|ing)?|walking away|rather than|instead of)\b"#,
    options: [.caseInsensitive])

  /// Whether `text` holds a negation.
  public static func isNegative(_ text: String) -> Bool {
    let t = TextNormalizer.fold(text)
    let count = regex.numberOfMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length))
    return count % 2 == 1
  }
}
