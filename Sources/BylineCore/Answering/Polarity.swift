import Foundation

/// Tells whether a sentence says no to what a question asks, for yes-or-no answers.
public enum Polarity {
  /// Negative auxiliaries as the tokenizer leaves them ("couldn't" → "couldn"), but "won",
  /// which is also the verb: function words in a question, negators in a sentence.
  static let contractedNegatives: Set<String> = [
    "isn", "aren", "wasn", "weren", "don", "doesn", "didn", "hasn", "haven", "hadn", "shouldn", "wouldn", "couldn",
  ]

  /// Words that negate what follows them.
  static let negators: Set<String> = Set([
    "no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "unconfirmed", "unclear", "unknown", "withhold", "withheld", "withholding", "decline",
    "declined", "refuse", "refused", "denied", "denies", "deny", "reject", "rejected", "rejects",
    "fail", "fails", "failed", "lack", "lacks", "rather", "instead", "won",
  ]).union(contractedNegatives)

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
    if near.isEmpty { return words.indices.contains { negates(words, at: $0) } }
    for (i, word) in words.enumerated() {
      // "uninsured" for "insured": the word denies itself.
      if word.hasPrefix("un"), word.count >= 7, near.contains(PorterStemmer.stem(String(word.dropFirst(2)))) {
        return true
      }
      guard near.contains(PorterStemmer.stem(word)) else { continue }
      if (max(0, i - 5)..<i).contains(where: { negates(words, at: $0) }) { return true }
      if words[max(0, i - 12)..<i].indices.contains(where: { failedAttempt(words, at: $0) }) { return true }
    }
    return false
  }

  /// Whether `words[i]` negates: a word of ``negators``, but "won" and "don" only as "won't"
  /// and "don't" (the tokens split at the apostrophe), not "won the election" or "Don Smith".
  static func negates(_ words: [String], at i: Int) -> Bool {
    guard negators.contains(words[i]) else { return false }
    if words[i] == "won" || words[i] == "don" { return i + 1 < words.count && words[i + 1] == "t" }
    return true
  }

  /// Verbs that say an attempt came to nothing ("lost its bid", "abandoned the effort").
  static let failingVerbs: Set<String> = [
    "lost", "lose", "loses", "losing", "failed", "abandoned", "abandons", "dropped", "drops", "withdrew",
    "scrapped", "thwarted", "blocked", "defeated",
  ]
  /// Nouns for an attempt.
  static let attemptNouns: Set<String> = [
    "attempt", "attempts", "bid", "bids", "effort", "efforts", "challenge", "appeal", "case", "fight", "push",
    "suit", "lawsuit", "battle", "plan", "plans", "offer", "request", "motion",
  ]

  /// Whether `words[i]` opens a failed attempt ("lost its attempt in July to get a court order
  /// …", "failed in its bid to …"): what follows, up to a dozen words on, did not happen.
  static func failedAttempt(_ words: [String], at i: Int) -> Bool {
    guard failingVerbs.contains(words[i]) else { return false }
    return words[(i + 1)..<min(words.count, i + 4)].contains(where: attemptNouns.contains)
  }

  /// Whether a question is itself negated ("Isn't …", "… not …").
  public static func questionIsNegative(_ text: String) -> Bool {
    // ("Has Tesla won the appeal?" is not negated: "won" only as "won't".)
    let words = Tokenizer.words(text)
    return words.indices.contains {
      ["not", "never", "isn", "aren", "doesn", "didn", "won", "wasn"].contains(words[$0]) && negates(words, at: $0)
    }
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
