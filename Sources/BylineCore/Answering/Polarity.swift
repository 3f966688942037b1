import Foundation

/// Tells whether a sentence says no to what a question asks, for yes-or-no answers.
public enum Polarity {
  /// Words that negate what follows them.
  static let negators: Set<String> = [
    "no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "unconfirmed", "unclear", "unknown", "withhold", "withheld", "withholding", "decline",
    "declined", "refuse", "refused", "denied", "denies", "deny", "reject", "rejected", "rejects",
    "fail", "fails", "failed", "lack", "lacks", "rather", "instead", "isn", "aren", "wasn", "weren",
    "won", "don", "doesn", "didn", "hasn", "haven", "hadn", "shouldn", "wouldn", "couldn",
  ]

  /// The words of ``negators`` that deny a whole clause ("will not …", "never"), for telling
  /// whether a name stands in a denied clause; not "instead", "rather", "without" or "fail",
  /// which deny one thing while affirming another ("will instead return on a Dragon").
  static let clauseNegators: Set<String> = [
    "not", "never", "no", "nor", "isn", "aren", "wasn", "weren", "won", "don", "doesn", "didn", "cannot",
  ]

  /// Whether `text` negates one of the question's terms (`near`, as stems): a negator within the
  /// five words before it, or a sentence that opens with "No"/"None"/"Neither". Without terms,
  /// whether the text holds any negation.
  public static func isNegative(_ text: String, near: Set<String> = []) -> Bool {
    let words = Tokenizer.words(text)
    guard let first = words.first else { return false }
    if ["no", "none", "neither", "nobody", "nothing"].contains(first) { return true }
    if near.isEmpty { return words.contains(where: negators.contains) }
    for (i, word) in words.enumerated() where near.contains(PorterStemmer.stem(word)) {
      let before = words[max(0, i - 5)..<i]
      if before.contains(where: negators.contains) { return true }
    }
    return false
  }

  /// Whether a question is itself negated ("Isn't …", "… not …").
  public static func questionIsNegative(_ text: String) -> Bool {
    Tokenizer.words(text).contains { ["not", "never", "isn", "aren", "doesn", "didn", "won", "wasn"].contains($0) }
  }

  /// Phrases by which a question asks whether something happens at once.
  static let immediacy = [
    "right away", "immediately", "at once", "on day one", "from day one", "at launch", "from the start",
    "straight away", "straightaway", "from the outset", "instantly", "at first", "at the same time",
    "simultaneously", "concurrently", "on the same day", "in parallel",
  ]
  /// Phrases by which a sentence puts something off or orders it after something else.
  static let deferral = [
    "eventually", "not necessarily on day one", "after initially", "at a later", "later on", "down the line",
    "in time", "over time", "only after", "not immediately", "not right away", "in a later", "phased",
    "staggered", "delayed", "not until",
  ]

  /// Whether the sentence answers a question about immediacy ("… right away?") by deferral
  /// ("eventually, not necessarily on day one", "after initially …"): a No.
  public static func defers(_ sentence: String, question: String) -> Bool {
    let q = TextNormalizer.fold(question).lowercased()
    guard immediacy.contains(where: { q.contains($0) }) else { return false }
    let s = TextNormalizer.fold(sentence).lowercased()
    return deferral.contains(where: { s.contains($0) })
  }
}
