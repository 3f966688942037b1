import Foundation

extension RuleAnswerer {
  /// Verbs that put a figure forward without settling it: "the three-year term the prosecution
  /// asked for", "the nine-year term recommended by probation officers".
  static let proposalVerbs: Set<String> = [
    "asked", "sought", "recommended", "requested", "proposed", "demanded", "urged", "wanted", "suggested",
    "asking", "seeking", "recommending", "requesting", "proposing", "demanding",
  ]

  /// The words of the clause of a yes-or-no question that says who put its figure forward
  /// ("the prosecution asked for", "recommended by probation officers"), in lower case: the
  /// verb, and up to two words before it (back to a determiner) or the two after a "by". Nil when
  /// the question has no such clause.
  static func proposalClause(in question: String) -> Set<String>? {
    let words = Tokenizer.words(question)
    guard let i = words.indices.dropFirst().first(where: { proposalVerbs.contains(words[$0]) }) else { return nil }
    var clause: Set<String> = [words[i]]
    // ("the term recommended by probation officers": who asked comes after "by".)
    let byFollows = i + 1 < words.count && words[i + 1] == "by"
    var j = i - 1
    var taken = byFollows ? 2 : 0
    while j > 0, taken < 2 {
      let w = words[j]
      if ["the", "that", "which", "a", "an"].contains(w) || w.contains(where: \.isNumber) { break }
      if !QuestionAnalyzer.auxiliaries.contains(w) {
        clause.insert(w)
        taken += 1
      }
      j -= 1
    }
    if byFollows {
      for w in words.dropFirst(i + 2).prefix(2) where !Tokenizer.stopWords.contains(w) { clause.insert(w) }
    }
    return clause
  }

  /// Whether `sentence` puts a figure forward ("Prosecutors had asked for 36 months"): it says
  /// what someone wanted, not what happened.
  static func restatesProposal(_ sentence: String) -> Bool {
    Tokenizer.words(TextNormalizer.fold(sentence)).contains(where: proposalVerbs.contains)
  }

  /// For "Did Zhao get the three-year term the prosecution asked for?" led by the sentence that
  /// restates what was asked ("Prosecutors had asked for 36 months"): the sentence that gives
  /// what happened, found by searching again without the clause of who asked ("Zhao … was
  /// sentenced to four months"), holding the question's names, a figure of its kind (a length
  /// of time when it gives one) and no proposal of its own. Nil when the question has no such clause, the
  /// lead does not restate it, or no sentence tells the outcome.
  func outcomeEvidence(_ question: Question, lead: ScoredPassage) throws -> ScoredPassage? {
    guard let clause = Self.proposalClause(in: question.text), Self.restatesProposal(lead.passage.text) else {
      return nil
    }
    var outcome = question
    outcome.terms = question.terms.filter { !clause.contains($0.surface.lowercased()) }
    // (Without a name to hold, a sentence with a figure need not be about the one asked of.)
    guard outcome.terms.count < question.terms.count, !question.entities.isEmpty else { return nil }
    // (Measured against the best sentence that tells no proposal: the one that restates it still
    // holds most of the question.)
    let found = try retriever.retrieve(outcome, limit: tuning.outcomeSearchLimit, articleIds: nil)
      .filter { !Self.restatesProposal($0.passage.text) }
    guard let best = found.first else { return nil }
    let wantsLength = !Self.lengths(in: question.text).isEmpty
    return found.first { p in
      let text = p.passage.text
      let figure = wantsLength ? Self.givesSettledLength(text) : text.contains(where: \.isNumber)
      let lower = text.lowercased()
      let named = question.entities.allSatisfy { name in
        Tokenizer.words(name).contains { TextNormalizer.has(lower, $0) }
      }
      return figure && named && p.score >= best.score * tuning.wholeClaimLeadShare
    }
  }

  /// Words that make a length a bound or a rule rather than what happened: "a maximum of ten
  /// years", "a range of 10 to 18 months", "at least 85%".
  static let boundWords: Set<String> = ["maximum", "minimum", "up", "least", "most", "range", "between", "limit"]

  /// Whether `sentence` gives a length of time that is not a bound ("was sentenced to four
  /// months", not "carries a maximum of ten years"): one with no ``boundWords`` among the four
  /// words before it.
  static func givesSettledLength(_ sentence: String) -> Bool {
    let lower = TextNormalizer.fold(sentence).lowercased()
    return lengths(in: lower).contains { length in
      !Tokenizer.words(String(lower[..<length.range.lowerBound])).suffix(4).contains(where: boundWords.contains)
    }
  }
}
