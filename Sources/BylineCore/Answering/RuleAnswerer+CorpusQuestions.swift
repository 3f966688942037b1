import Foundation

/// Questions about the corpus and its outlets rather than about the news: the articles, the
/// outlets cited, what one outlet reported, the sources an outlet lists.
extension RuleAnswerer {
  /// Answers questions about the corpus itself: its articles, or the outlets it cites.
  func corpusAnswer(_ question: Question) throws -> Answer {
    let list = try articles()
    if question.corpusTopic == "outlets" {
      let outlets = try store.citedOutlets()
      let names = outlets.map { "\($0.outlet) (\($0.articles) article\($0.articles == 1 ? "" : "s"))" }
      let publishers = Array(Set(list.map(\.outlet).filter { !$0.isEmpty })).sorted()
      var text =
        names.isEmpty
        ? "The articles credit no outlets."
        : "The articles credit \(outlets.count) outlets: \(names.joined(separator: ", "))."
      if !publishers.isEmpty { text += " They were published by \(publishers.joined(separator: ", "))." }
      return Answer(
        question: question.text, answer: text, abstained: false, kind: .corpus, confidence: 1,
        citations: [])
    }
    let items = list.map { a in
      "\(a.id) (\(a.outlet.isEmpty ? "publisher not named" : a.outlet)): \(a.title)"
    }
    let text =
      "The corpus holds \(list.count) article\(list.count == 1 ? "" : "s"): " + items.joined(separator: "; ") + "."
    return Answer(
      question: question.text, answer: text, abstained: false, kind: .corpus, confidence: 1,
      citations: [])
  }

  /// "What did Reuters report?": the sentences that credit the outlet, or that it published.
  func outletAnswer(_ question: Question) throws -> Answer {
    let outlet = question.outlets[0]
    let published = try articles().filter { $0.outlet == outlet }.map(\.id)
    var picks: [StoredPassage] = []
    if let pattern = QueryBuilder.pattern(forText: outlet) {
      picks = try store.passages(matching: pattern, limit: 40).filter { $0.cites.contains(outlet) }
      // Sentences that name the outlet ("Reuters reported …") before those citing its web site.
      func rank(_ p: StoredPassage) -> Int {
        let text = TextNormalizer.fold(p.text)
        if text.range(
          of: "(according to|, citing) \(outlet)|\(outlet)( first)? (reports|reported|says|said)",
          options: .regularExpression) != nil
        {
          return 0
        }
        return text.contains(outlet) ? 1 : 2
      }
      picks = picks.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
    var credited = true
    if picks.isEmpty {
      // The outlet is a publisher here: what it reported is what its articles lead with.
      credited = false
      for id in published.prefix(3) {
        picks += try store.passages(articleId: id, ordinals: 0...0)
      }
    }
    guard !picks.isEmpty else {
      return abstain(question, "The corpus does not say what \(outlet) reported: no article credits it.")
    }
    var chosen: [StoredPassage] = []
    for p in picks where !chosen.contains(where: { $0.text == p.text }) {
      chosen.append(p)
      if chosen.count == 3 { break }
    }
    let citations = chosen.enumerated().map { i, p in
      Citation(
        n: i + 1, id: p.articleId, title: p.title, outlet: p.outlet, date: p.date, quote: p.text,
        cites: p.credited)
    }
    // The outlet's claim, as a sentence: the passage whole when short, else its clause that
    // names the outlet; a publisher's lead is introduced as what it reported.
    var sentence = TextNormalizer.plainSpacing(TextNormalizer.trimmed(chosen[0].text, where: TextNormalizer.isBlank))
    if ArticleStructurer.wordCount(sentence) > tuning.leadMaxWords {
      sentence =
        Self.bestClause(of: sentence, keep: [outlet], weights: [:])
        ?? ClauseTrimmer.trim(sentence, keep: [outlet], weights: [:], maxWords: tuning.trimmedLeadWords)
    }
    if sentence.hasSuffix(".") { sentence.removeLast() }
    let clause = Self.undotted(credited ? sentence : "\(outlet) reported that " + lowerFirst(sentence))
    let markers = citations.map { "[\($0.n)]" }.joined()
    let count = Set(chosen.map(\.articleId)).count
    let scope =
      credited
      ? "\(outlet) is credited in \(count) article\(count == 1 ? "" : "s") here."
      : "\(outlet) published \(published.count) article\(published.count == 1 ? "" : "s") here."
    return Answer(
      question: question.text, answer: clause + " " + markers + ". " + scope, abstained: false,
      kind: question.kind, confidence: 0.8, citations: citations)
  }

  /// "Which outlet does SectorHQ list as its primary source?": the sources an outlet's articles
  /// name for themselves ("Source: Axios", "Primary source • SiliconANGLE"), or nil when the
  /// question is not about them.
  func sourcesAnswer(_ question: Question) throws -> Answer? {
    let words = Set(Tokenizer.words(question.text))
    guard words.contains("source") || words.contains("sources"), !question.outlets.isEmpty else { return nil }
    let articles = try articles().filter { a in question.outlets.contains(a.outlet) && !a.sources.isEmpty }
    guard !articles.isEmpty else { return nil }
    var citations: [Citation] = []
    var parts: [String] = []
    for article in articles.prefix(3) {
      parts.append(
        "\(article.outlet) lists \(article.sources.joined(separator: ", ")) as the source of “\(article.title)”")
      // Quote the sentence of the article that credits that source, where there is one.
      if let quote = try creditingPassage(in: article.id, crediting: article.sources) {
        citations.append(
          Citation(
            n: citations.count + 1, id: article.id, title: article.title, outlet: article.outlet,
            date: article.date, quote: quote.text, cites: quote.credited))
      }
    }
    let markers = citations.map { "[\($0.n)]" }.joined()
    return Answer(
      question: question.text, answer: parts.joined(separator: "; ") + (markers.isEmpty ? "." : " " + markers + "."),
      abstained: false, kind: .outlet, confidence: 0.9, citations: citations)
  }

  /// The first passage of an article that credits one of `outlets` itself.
  func creditingPassage(in articleId: String, crediting outlets: [String]) throws -> StoredPassage? {
    guard let pattern = QueryBuilder.pattern(forText: outlets.joined(separator: " ")) else { return nil }
    return try store.passages(matching: pattern, in: [articleId], limit: 20).first { p in
      p.cites.contains(where: outlets.contains)
    }
  }
}
