import Foundation

/// The words that say what a question asks about beyond its names: the role of a "Who is X's
/// chief financial officer?" ("officer"), the head noun of "Which federal prison …?"
/// ("prison"), the counted thing and what happened to it in "How many people were injured?"
/// ("people", "injured"). A sentence that lacks them tells of the question's names, not of
/// what it asks; the evidence stage lowers its confidence (``AnswerTuning/missingFocusFactor``).
/// Category nouns that an answer names an instance of without the word ("Which company …?"
/// answered by "Acme …") are no focus.
enum QuestionFocus {
  /// The focus stems of `question` (empty when it has none: "What did Reuters report?", "Why …").
  static func stems(of question: Question) -> [String] {
    let asked = QuestionAnalyzer.withoutLeadingSource(TextNormalizer.fold(question.text))
    // Hyphenated compounds ("parameter-count cut-off") are left out: their parts are no head noun.
    let words = Tokenizer.words(asked.split(separator: " ").filter { !$0.contains("-") }.joined(separator: " "))
    guard words.count >= 2 else { return [] }
    let names = Set(question.entities.flatMap { Tokenizer.words($0) })
    let own = Set(question.terms.filter { !$0.isEntity }.map(\.stem))
    let found: [String]
    switch (question.kind, words[0]) {
    case (.number, "how"):
      found = countFocus(words, names: names)
    case (.person, "who"):
      // "Who is/was the judge who …", "Who is Meta's chief financial officer?": the role.
      guard QuestionAnalyzer.auxiliaries.contains(words[1]) else { return [] }
      found = headNoun(words, from: 2, names: names).map { [$0] } ?? []
    case (_, "which"), (_, "what"):
      guard !QuestionAnalyzer.auxiliaries.contains(words[1]),
        [.organisation, .person, .place, .description, .number].contains(question.kind)
      else { return [] }
      // "Which Argentine player …", "Which regulator …": a noun WordNet files under people,
      // groups or places names the kind of the answer, which names one without the word.
      let kinds = [WordNet.NounFile.person, WordNet.NounFile.group, WordNet.NounFile.location]
      found =
        headNoun(words, from: 1, names: names).map { [$0] }?.filter { noun in
          !QuestionAnalyzer.personNouns.contains(noun)
            && !(WordNet.shared?.nounFiles(of: noun).contains(where: kinds.contains) ?? false)
        } ?? []
    default:
      return []
    }
    return found.map(PorterStemmer.stem).filter { own.contains($0) }
  }

  /// Nouns that name only the kind of answer: an answer names one without the word.
  static let categoryNouns: Set<String> = QuestionAnalyzer.orgNouns.union(QuestionAnalyzer.namedThingNouns)
    .union(QuestionAnalyzer.placeNouns).union(QuestionAnalyzer.dateNouns).union(QuestionAnalyzer.outletNouns)
    .union(QuestionAnalyzer.newsOrgNouns).union(QuestionAnalyzer.countNouns).union(QuestionAnalyzer.measureNouns)
    .union(["person", "people", "man", "woman", "one", "thing", "things", "kind", "type", "name", "names", "way"])

  /// The last noun of the run of words from `start` (past articles, names and possessives),
  /// unless it names only a category. Nil when the run holds a verb first ("Who was appointed
  /// …") or nothing.
  static func headNoun(_ words: [String], from start: Int, names: Set<String>) -> String? {
    guard let wordNet = WordNet.shared else { return nil }
    var run: [String] = []
    var i = start
    while i < words.count, run.count < 3 {
      let w = words[i]
      if run.isEmpty, ["the", "a", "an", "s"].contains(w) || names.contains(w) {
        i += 1
        continue
      }
      if Tokenizer.stopWords.contains(w) || QuestionAnalyzer.auxiliaries.contains(w) || names.contains(w) { break }
      // A word WordNet knows only as a verb ("appointed", "leads") ends the noun phrase, and so
      // does a participle after its noun ("the prosecutor leading the inquiry").
      if wordNet.baseForms(of: w, .noun).isEmpty && wordNet.baseForms(of: w, .adj).isEmpty { break }
      if !run.isEmpty, w.hasSuffix("ing") || w.hasSuffix("ed"), !wordNet.baseForms(of: w, .verb).isEmpty { break }
      run.append(w)
      i += 1
    }
    guard let head = run.last, !categoryNouns.contains(head), !wordNet.baseForms(of: head, .noun).isEmpty else {
      return nil
    }
    return head
  }

  /// "How many people were injured", "How many flights were cancelled", "How many people
  /// died": the counted word and the verb that says what happened to it.
  static func countFocus(_ words: [String], names: Set<String>) -> [String] {
    guard let many = words.firstIndex(where: { $0 == "many" }), many + 1 < words.count, let wordNet = WordNet.shared
    else { return [] }
    var i = many + 1
    let counted = words[i]
    i += 1
    while i < words.count,
      ["were", "was", "have", "has", "had", "been", "are", "is", "being", "got"].contains(words[i])
    {
      i += 1
    }
    guard i < words.count, i > many + 2 || words[i].hasSuffix("ed"), !names.contains(words[i]),
      !Tokenizer.stopWords.contains(words[i]), !wordNet.baseForms(of: words[i], .verb).isEmpty
    else { return [] }
    return [counted, words[i]]
  }
}
