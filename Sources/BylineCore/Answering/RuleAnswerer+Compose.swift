import Foundation

extension RuleAnswerer {
  /// Composes the answer from ranked passages that are known to answer the question.
  func compose(_ question: Question, _ passages: [ScoredPassage]) throws -> Answer {
    let bestScore = passages[0].score
    let spanKinds = Self.spanKinds
    // The question's term rarities, read once: the yes/no claim and the clause weights use them.
    let idf = (try? retriever.weights(for: question)) ?? [:]
    // Prefer a strong passage that holds a span of the expected type.
    var lead = passages[0]
    if spanKinds.contains(question.kind) || question.kind == .reason {
      // "Which workers closed the plug …?" where the best passage says the report "does not say
      // who closed the plug": a name from a sentence that holds less of the question is no answer.
      let unknownAtTop = Self.saysUnknown(question.kind, in: lead.passage.text)
      let strong = passages.filter {
        $0.score >= bestScore * (question.kind == .person ? tuning.typedPersonLeadShare : tuning.typedLeadShare)
          && !spans(question, $0).isEmpty && (!unknownAtTop || $0.sentenceCoverage >= lead.sentenceCoverage)
      }
      // "Which spacecraft will bring them home?": not the one a clause says will not ("NASA will
      // not risk bringing them home aboard Starliner") when another strong passage names one.
      let affirmed = strong.first { p in
        spans(question, p).first.map { !Self.inNegatedClause($0, of: p.passage.text) } ?? false
      }
      // "Why did the watchdog reject it?": a sentence that gives a cause ("on the grounds that
      // …") beats one whose only reason word tells time ("hours after the regulator cleared …").
      let causal =
        question.kind == .reason
        ? strong.first { p in spans(question, p).contains { !Self.temporalReasons.contains($0.lowercased()) } } : nil
      let named = [AnswerKind.person, .organisation, .place].contains(question.kind)
      // "According to the AP, how long …": the sentence that gives the AP as its source beats
      // one whose article credits the AP elsewhere.
      let sourced = strong.first { p in p.passage.cites.contains(where: question.outlets.contains) }
      // "Which hotel was he taken to?": a strong passage whose name ends in the noun asked for
      // ("the Park Hotel") beats one that names something else ("three Federal Court judges").
      let noun = question.terms.first { !$0.kinds.isEmpty }?.surface.lowercased()
      let member =
        named ? noun.flatMap { noun in strong.first { Self.namesMember(of: noun, in: $0.passage.text) } } : nil
      if let typed = member ?? sourced ?? causal ?? (named ? affirmed ?? strong.first : strong.first) {
        lead = typed
      } else if Self.asksForName(question), question.kind == .organisation,
        let unsure = passages.first(where: { Uncertainty.isUncertain($0.passage.text) })
      {
        // The name was asked for and the articles say it is not known: say that.
        lead = unsure
      } else if [.date, .number, .money].contains(question.kind),
        let typed = passages.first(where: {
          !spans(question, $0).isEmpty && Self.tellsOfTheSame(question, $0, as: lead)
        })
      {
        // A date or a figure was asked for: a weaker passage that gives one beats a strong one that does not.
        lead = typed
      } else if let unsure = passages.first(where: { Self.saysUnknown(question.kind, in: $0.passage.text) }) {
        // None gives it, and one says it is not known: that one answers ("Not known: …").
        lead = unsure
      }
    }
    // "Which four governments …?", "Name the three …": a strong passage that names that many
    // beats one that names fewer.
    // ("Name the four policymakers …" counts people: "Households" and "Bank Rate" are none.)
    var listed = false
    if let wanted = Self.listCount(question) {
      let people = Self.listCountsPeople(question)
      let count = { (p: ScoredPassage) in
        SpanFinder.names(in: p.passage.text).filter { !people || SpanFinder.isPerson($0) }.count
      }
      if count(lead) < wanted,
        let full = passages.first(where: { $0.score >= bestScore * tuning.typedLeadShare && count($0) >= wanted })
      {
        lead = full
      }
      // A sentence naming as many people as asked settles the list like an option.
      listed = people && count(lead) >= wanted
    }
    // "How many soldiers did Spain send?": a figure next to the counted word beats one that
    // counts something else ("about 100km south").
    if [.number, .money].contains(question.kind), let focus = Self.focus(of: question),
      !lead.matched.contains(focus) || lead.loosely.contains(focus),
      let counted = passages.first(where: {
        $0.matched.contains(focus) && !$0.loosely.contains(focus) && !spans(question, $0).isEmpty
      })
    {
      lead = counted
    }
    // "How many vessels were stuck …?": a lead that holds the counted word but puts no figure
    // before it ("a 400-metre vessel") gives way to a strong sentence that counts it ("369 ships").
    if question.kind == .number, !question.asksDuration, case let counted = Self.countedStems(of: question),
      !EvidenceJudge.counts(counted, in: lead.passage.text),
      let counting = passages.first(where: {
        $0.score >= bestScore * tuning.countingLeadShare && EvidenceJudge.counts(counted, in: $0.passage.text)
      })
    {
      lead = counting
    }
    // "When did the probe open?": a calendar date ("in August 2021") beats a weekday or "last
    // year" in a sentence that scores a little higher.
    if question.kind == .date, let first = spans(question, lead).first, !Self.isCalendarDate(first),
      let dated = passages.first(where: {
        $0.score >= bestScore * tuning.calendarDateLeadShare
          && spans(question, $0).first.map(Self.isCalendarDate) == true
          // (Not one that says less of the topic: "… ZeniMax Media, which Microsoft bought in
          // 2021" does not date the takeover completed "on Friday".)
          && $0.topicCoverage >= lead.topicCoverage
      })
    {
      lead = dated
    }
    // "For how long was the ship trapped?": a duration of the thing ("pinned beneath the
    // wreckage for seven weeks") beats one that modifies or offsets another ("a day after").
    if question.kind == .number, question.asksDuration, !Self.givesDuration(lead, spans(question, lead)),
      let durative = passages.first(where: {
        $0.score >= bestScore * tuning.durativeLeadShare && Self.givesDuration($0, spans(question, $0))
      })
    {
      lead = durative
    }
    // "Until what date …", "By when …": a date bound by the question's own preposition ("runs
    // until 30 June 2027", "gave the BBC until … Friday 14 November") beats another date.
    if question.kind == .date, let bounds = Self.dateBounds(question),
      !Self.boundsDate(lead.passage.text, bounds),
      let bound = passages.first(where: {
        $0.score >= bestScore * tuning.calendarDateLeadShare && Self.boundsDate($0.passage.text, bounds)
      })
    {
      lead = bound
    }
    // A follow-up: a new question deserves a new sentence when a strong one answers it.
    // (A sentence that already holds the span now asked for answers both: "When?" after "Did
    // they announce it?" is answered by the sentence that gives the day.)
    // "When?" after "Did Bayern announce the signing?": the earlier lead, when it gives the
    // day, tells when that happened; another sentence's day may date something else.
    // So does a longer follow-up's ("And how many flights did it cancel?" after "Delta cancelled
    // roughly 7,000 flights …") when that sentence is strong for it and holds its own words.
    if spanKinds.contains(question.kind), let earlier = question.previousQuotes.first,
      let again = passages.first(where: { $0.passage.text == earlier && !spans(question, $0).isEmpty }),
      question.isFollowUp || again.score >= bestScore * tuning.freshLeadShare && Self.holdsOwnWords(question, again)
    {
      lead = again
    } else if question.previousQuotes.contains(lead.passage.text),
      !spanKinds.contains(question.kind) || spans(question, lead).isEmpty || !Self.holdsOwnWords(question, lead),
      lead.sentenceCoverage < tuning.repeatSentenceCoverage,
      let fresh = passages.first(where: {
        !question.previousQuotes.contains($0.passage.text) && $0.score >= bestScore * tuning.freshLeadShare
          && (!spanKinds.contains(question.kind) || !spans(question, $0).isEmpty)
          // "Why not?": another sentence answers only if it gives a reason.
          && (question.kind != .reason || !spans(question, $0).isEmpty || Self.explains($0.passage.text))
      })
    {
      lead = fresh
    } else if question.kind == .reason, question.previousQuotes.contains(lead.passage.text),
      let fresh = passages.first(where: {
        !question.previousQuotes.contains($0.passage.text) && $0.score >= bestScore * tuning.freshReasonLeadShare
          && !spans(question, $0).isEmpty
      })
    {
      // "Why?" after an answer that gave its own reason in passing ("too risky"): the sentence
      // that explains it further is what is asked.
      lead = fresh
    }
    // "By car or on scooters?": a strong passage that names one option answers; of several, the
    // one that holds most of the rest of the question ("a press conference in Bern", not "its
    // Zurich neighbour").
    if question.kind == .yesNo, let options = Self.options(in: question.text),
      let settles = passages.filter({
        $0.score >= bestScore * tuning.uncertainLeadShare && Self.optionsHeld(options, in: $0.passage.text).count == 1
      }).max(by: { $0.topicCoverage < $1.topicCoverage }),
      Self.optionsHeld(options, in: lead.passage.text).count != 1 || settles.topicCoverage > lead.topicCoverage
    {
      lead = settles
    }
    // Yes or no: of the strong sentences, the one that holds most of the claim is the evidence.
    if question.kind == .yesNo, Self.options(in: question.text) == nil {
      let strong = passages.filter { $0.score >= bestScore * tuning.claimLeadShare }
      let share = { (p: ScoredPassage) in self.claimShare(question, p, idf: idf) ?? 0 }
      if let best = strong.max(by: { share($0) < share($1) }), share(best) > share(lead) {
        lead = best
      }
      // A lead that holds too little of the claim would say No for want of words: a weaker
      // sentence that holds the whole claim is the evidence instead ("presumed human remains had
      // been recovered" for "… had presumed human remains been recovered?").
      if share(lead) < tuning.yesClaimShare,
        let whole = passages.first(where: {
          $0.score >= bestScore * tuning.wholeClaimLeadShare && share($0) >= tuning.yesClaimShare
        })
      {
        lead = whole
      }
    }
    // "Was Adobe paying for Figma entirely in cash?": a sentence that answers the question and
    // pairs the thing it says "entirely" of with another ("in cash and stock") is the evidence,
    // though weaker, as a sentence holding the whole claim is (``wholeClaimLeadShare``).
    if question.kind == .yesNo, Self.options(in: question.text) == nil,
      let word = Self.exclusiveWord(question.text), !Self.pairs(word, in: lead.passage.text),
      let mixed = passages.first(where: {
        $0.score >= bestScore * tuning.wholeClaimLeadShare && Self.pairs(word, in: $0.passage.text)
      })
    {
      lead = mixed
    }
    // "Did Zhao get the three-year term the prosecution asked for?": not the sentence that says
    // what was asked, but the one that says what he got.
    if question.kind == .yesNo, Self.options(in: question.text) == nil,
      let outcome = try outcomeEvidence(question, lead: lead)
    {
      lead = outcome
    }
    // "What is still unknown about …", "Has the fee been made public?": where a strong passage
    // says it is not known, that passage answers.
    // ("Has the fee been made public?": a sentence that says nothing of making it known cannot
    // say Yes, so a weaker one saying "The club did not disclose the fee" answers.)
    let disclosure = Self.asksIfDisclosed(question) && !Self.tellsOfDisclosure(lead.passage.text)
    if Self.asksWhatIsUnknown(question) || question.kind == .yesNo,
      let unsure = passages.first(where: {
        $0.score >= bestScore * (disclosure ? tuning.disclosureLeadShare : tuning.uncertainLeadShare)
          && Uncertainty.isUncertain($0.passage.text)
      }), !Uncertainty.isUncertain(lead.passage.text),
      Self.asksWhatIsUnknown(question) || Self.asksIfDisclosed(question)
        || unsure.sentenceCoverage > lead.sentenceCoverage
        // (One that outscores the lead, as well: the lead was chosen for its claim words, and
        // the best passage says the claim is not confirmed.)
        || unsure.score > lead.score
    {
      lead = unsure
    }
    // "Will courts in mainland China enforce the liquidation?": news follows a fact with what is
    // not yet known of it ("…, but it is unclear whether they will do so in this case"). A
    // question about what will happen is answered by that next sentence when it says so of
    // one of the question's own words.
    if question.kind == .yesNo, Tokenizer.words(question.text).first == "will",
      !Uncertainty.isUncertain(lead.passage.text),
      let next = lead.neighbours.first(where: { $0.ordinal == lead.passage.ordinal + 1 }),
      Uncertainty.isUncertain(next.text),
      case let own = Set(question.terms.filter { !$0.isEntity && $0.weight >= 0.5 }.map(\.stem)),
      !own.isDisjoint(with: next.stems)
    {
      lead.passage = next
    }
    // "What made the engine fail?" where a strong passage says the cause is not known ("The cause
    // of the engine failure has not been disclosed") and the lead gives no reason: that passage
    // answers, as "Not known". ("What started the fire?" reads as a description: its lead gives no
    // cause when it holds no reason clause, "a cigarette … could have started the fire".)
    var causeUnknown = false
    if question.asksCause,
      question.kind == .reason
        ? spans(question, lead).isEmpty : SpanFinder.spans(of: .reason, in: lead.passage.text).isEmpty,
      let unsure = passages.first(where: {
        $0.score >= bestScore * tuning.disclosureLeadShare && Self.saysCauseUnknown($0.passage.text)
      })
    {
      lead = unsure
      causeUnknown = true
    }
    // "Why …": a claim without a reason clause is usually explained by the sentence after it.
    if question.kind == .reason, !causeUnknown, spans(question, lead).isEmpty,
      let next = lead.neighbours.first(where: { $0.ordinal == lead.passage.ordinal + 1 })
    {
      if !SpanFinder.spans(of: .reason, in: next.text).isEmpty || Self.explains(next.text) {
        lead.passage = next
      } else if Self.asksWhy(next.text),
        let answer = try store.paragraphs([(lead.passage.articleId, lead.passage.paragraph)]).values.joined()
          .first(where: { $0.ordinal == next.ordinal + 1 })
      {
        // "… scrap Fonden in 2021. Why does that matter now? Critics say …": news asks the
        // question itself, and the sentence after it answers.
        lead.passage = answer
      }
    }
    // "When will …": where the articles say the timing is unknown, say that.
    if question.kind == .date, Tokenizer.words(question.text).contains("will") || spans(question, lead).isEmpty,
      case let unsure = passages.filter({ $0.score >= bestScore * 0.75 && Uncertainty.isUncertain($0.passage.text) }),
      let pick = Tokenizer.words(question.text).contains("when") ? Self.timingFirst(unsure) : unsure.first
    {
      lead = pick
    }
    let allSpans = spans(question, lead)
    let span = question.kind == .date && Uncertainty.isUncertain(lead.passage.text) ? nil : allSpans.first
    let weights = Self.clauseWeights(question, idf: idf)
    var clause = leadSentence(
      lead, question: question, keep: span == nil ? Self.uncertainKeep(question, lead) : allSpans, weights: weights)
    clause = Self.undotted(clause)
    clause = Self.namingTheOutlet(clause, cites: lead.passage.credited, asked: question.outlets)
    if let previous = ([lead.before].compactMap { $0 } + lead.neighbours).first(where: {
      $0.ordinal == lead.passage.ordinal - 1 && $0.articleId == lead.passage.articleId
    }) {
      clause = Self.namingThePerson(clause, previous: previous.text)
    }
    var opening = clause
    // "France or Italy?": the option the lead settles is the answer's span.
    var settled = false
    switch question.kind {
    case .yesNo:
      if let verdict = verdict(question, lead: lead, sentence: clause) {
        // "No, with no option commanding a majority, …": a plain Yes or No opens the sentence it
        // answers with; "Not known:" and an option ("Bus:") stand as a label before it.
        opening =
          verdict == "Yes" || verdict == "No"
          ? verdict + ", " + Self.continuing(clause, around: lead.neighbours.map(\.text) + passages.map(\.passage.text))
          : verdict + ": " + clause
        settled = Self.options(in: question.text) != nil
      }
    case .date:
      // A relative date ("a month later") is anchored to the date in the sentence before it.
      if let span, DateFinder.isRelative(span),
        let previous = lead.neighbours.first(where: { $0.ordinal == lead.passage.ordinal - 1 }),
        let anchor = DateFinder.dates(in: TextNormalizer.fold(previous.text)).first(where: {
          !DateFinder.isRelative($0)
        })
      {
        var words = span.split(separator: " ").map(String.init)
        if let last = words.last?.lowercased() {
          words[words.count - 1] = last == "later" ? "after" : last == "earlier" ? "before" : last
        }
        let anchored = words.joined(separator: " ")
        opening = anchored.prefix(1).uppercased() + anchored.dropFirst() + " \(anchor): " + clause
      }
    case _ where causeUnknown:
      opening = "Not known: " + clause
    case .outlet:
      // "Which newspaper linked the crashes to Autopilot?": the outlet the sentence is credited
      // to answers, though the sentence may not name it.
      if let span, !clause.contains(span) { opening = span + ": " + clause }
    default:
      break
    }

    let listedPeople =
      listed ? SpanFinder.names(in: TextNormalizer.fold(lead.passage.text)).filter(SpanFinder.isPerson) : []
    // Supporting passages from other articles.
    var support: [ScoredPassage] = [lead]
    var seenArticles: Set<String> = [lead.passage.articleId]
    for p in passages where !seenArticles.contains(p.passage.articleId) {
      // Corroboration counts an article only when its sentence states the same thing: the same
      // span, or (without one) nearly as much of the question as the lead's sentence holds.
      guard p.score >= bestScore * tuning.supportScoreShare,
        p.sentenceCoverage >= max(tuning.candidateCoverage, tuning.supportCoverageShare * lead.sentenceCoverage)
      else { continue }
      if let span, spanKinds.contains(question.kind),
        !TextNormalizer.fold(p.passage.text).lowercased().contains(span.lowercased())
      {
        continue
      }
      // A list of people is corroborated by a sentence naming at least half of them.
      if listed, case let named = listedPeople.filter({ p.passage.text.contains($0) }),
        named.count * 2 < listedPeople.count
      {
        continue
      }
      support.append(p)
      seenArticles.insert(p.passage.articleId)
      if support.count == tuning.maxCitations { break }
    }
    let citations = support.enumerated().map { i, p in
      Citation(
        n: i + 1, id: p.passage.articleId, title: p.passage.title, outlet: p.passage.outlet,
        date: p.passage.date, quote: p.passage.text, cites: p.passage.credited)
    }
    let markers = citations.map { "[\($0.n)]" }.joined()
    var text = opening.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:")) + " " + markers + "."
    if let quote = Self.speakersWords(question, after: lead) {
      // "What did she say?" is answered by her words, with her name for the pronoun; the
      // sentence that introduced her follows.
      if question.kind == .description,
        let name = question.entities.first(where: { SpanFinder.isPerson($0) && lead.passage.text.contains($0) }),
        let named = Self.naming(quote, as: name)
      {
        let rest = clause.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
        text = named.trimmingCharacters(in: .whitespaces) + " " + markers + " " + rest + "."
      } else {
        text += " " + quote
      }
    }
    let corroboration = try corroborate(citations)
    if let c = corroboration { text += " " + c }
    if let other = disagreement(question, span: span, lead: lead, passages: passages, bestScore: bestScore) {
      text += " " + other
    }
    var answer = Answer(
      question: question.text, answer: text, abstained: false, kind: question.kind,
      confidence: confidence(question, lead: lead, hasSpan: span != nil || settled || listed), citations: citations,
      corroboration: corroboration)
    answer.focus = span
    // "When will the next mission fly?" answered by "It is not known when it will fly": the
    // articles say they do not know, so the question is not answered. The sentence is still
    // given, with its source, under "Not known".
    // (A name before the words of not knowing is who says so: "Norm Knight said the agency had
    // not yet decided which two astronauts …" does not name them.)
    if spanKinds.contains(question.kind), span.map({ Self.speaksBefore($0, unknownIn: lead.passage.text) }) ?? true,
      !settled, !Self.asksWhatIsUnknown(question), Self.saysUnknown(question.kind, in: lead.passage.text)
    {
      answer.abstained = true
      answer.answer = "Not known: " + text
    }
    return answer
  }

  /// "What did Missy Cummings say about the recall?" answered by "Missy Cummings … told The Verge
  /// the changes would make the system harder to misuse": news gives the speaker's own words in
  /// the next sentence of the paragraph, attributed to a pronoun ("\u{201C}It's progress,\u{201D} she
  /// said"). Returns that sentence, or nil when the question asks no one's words (no verb of
  /// ``RerankProfile/speechVerbs``) or the next sentence is not such a quote.
  static func speakersWords(_ question: Question, after lead: ScoredPassage) -> String? {
    guard question.kind == .description || question.kind == .reason,
      Tokenizer.words(question.text).contains(where: RerankProfile.speechVerbs.contains),
      let next = lead.neighbours.first(where: {
        $0.ordinal == lead.passage.ordinal + 1 && $0.paragraph == lead.passage.paragraph
      }),
      next.text.contains(where: { "\"\u{201C}\u{201D}".contains($0) }),
      next.text.range(of: Self.pronounAttribution, options: [.regularExpression, .caseInsensitive]) != nil,
      Tokenizer.words(next.text).count <= 40
    else { return nil }
    return next.text
  }

  /// `quote` with the pronoun of its attribution replaced by `name` ("“It's progress,” she said"
  /// → "“It's progress,” Missy Cummings said"), or nil when it has no such attribution.
  static func naming(_ quote: String, as name: String) -> String? {
    guard let r = quote.range(of: pronounAttribution, options: [.regularExpression, .caseInsensitive]) else {
      return nil
    }
    let attribution = quote[r]
    guard let space = attribution.firstIndex(where: \.isWhitespace) else { return nil }
    return quote.replacingCharacters(in: r, with: name + attribution[space...])
  }

  /// A quote's attribution to a pronoun: "she said", "he added", "they warned".
  static let pronounAttribution =
    #"\b(?:he|she|they)\s+(?:said|says|added|adds|argued|warned|noted|told|explained|insisted|wrote)\b"#

  /// "U.S. lead" → "US lead", "4 p.m. on" → "4 pm on": keeps a composed sentence from looking
  /// like two sentences. (What the regular expression `\b([A-Z])\.([A-Z])\.(?=\s)` and its
  /// lower-case twin replaced by `$1$2` do, by a scan.)
  static func undotAbbreviations(_ text: String) -> String {
    guard text.utf8.contains(0x2E) else { return text }
    let s = Array(text.unicodeScalars)
    func isCapital(_ c: Unicode.Scalar) -> Bool { c.value >= 65 && c.value <= 90 }
    func isSmall(_ c: Unicode.Scalar) -> Bool { c.value >= 97 && c.value <= 122 }
    // (Both letters of one case: "U.S.", "a.m."; not "e.G.")
    func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
      isCapital(a) && isCapital(b) || isSmall(a) && isSmall(b)
    }
    func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
      switch c.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
      default: return c.properties.isAlphabetic || c.value == 0x200C || c.value == 0x200D
      }
    }
    func isSpace(_ c: Unicode.Scalar) -> Bool {
      switch c.properties.generalCategory {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
      default: return c == "\t" || c == "\n" || c == "\r" || c.value == 0x0C
      }
    }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < s.count {
      if i + 4 < s.count, pair(s[i], s[i + 2]), s[i + 1] == ".", s[i + 3] == ".", isSpace(s[i + 4]),
        i == 0 || !isWordCharacter(s[i - 1])
      {
        out.append(s[i])
        out.append(s[i + 2])
        i += 4
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return String(out)
  }

  private static let explanation = try! NSRegularExpression(
    pattern:
      #"^(?:on one side|on the one hand|that is because|this is because|because|the reason|that means|this means|in other words|that's because|put simply|the logic|the thinking)\b"#,
    options: [.caseInsensitive])

  /// Whether a sentence is a question asking why ("Why does that matter now?"), as news asks
  /// one before it answers it.
  static func asksWhy(_ text: String) -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    return trimmed.hasSuffix("?") && Tokenizer.words(trimmed).first == "why"
  }

  /// Whether a sentence opens as the explanation of the one before it.
  static func explains(_ text: String) -> Bool {
    let t = TextNormalizer.fold(text)
    return explanation.firstMatch(in: t, range: NSRange(location: 0, length: (t as NSString).length)) != nil
  }

  /// Whether a date span names a month or a year ("August 2021", "Sept 18", "2019"), not only a
  /// weekday or a relative time ("Wednesday", "last year").
  /// Whether a follow-up's lead holds any of the words the new question brings itself (not its
  /// names, not the earlier turn's): "Where did Michael Prescott work as a journalist?" is not
  /// answered again by the memo sentence, which says nothing of work or journalists.
  static func holdsOwnWords(_ question: Question, _ lead: ScoredPassage) -> Bool {
    // (Words written in lower case: a name put in for "he" is the earlier turn's.)
    let lower = question.text.split(separator: " ").dropFirst().filter { $0.first?.isLowercase == true }
    let own = Set(
      lower.flatMap { Tokenizer.words(String($0)) }.filter { !Tokenizer.stopWords.contains($0) }.map(PorterStemmer.stem)
    )
    let topical = question.terms.filter { !$0.isEntity && own.contains($0.stem) && $0.weight >= 0.3 }
    return topical.isEmpty || topical.contains { lead.matched.contains($0.stem) }
  }

  /// The words that bind the date a question asks for by its opening preposition: "until",
  /// "till" and "by" ask for an end ("until", "through", "by", "deadline"), "since" for a start.
  static func dateBounds(_ question: Question) -> Set<String>? {
    let words = Tokenizer.words(question.text)
    switch words.first {
    case "until", "till": return ["until", "till", "through", "to"]
    case "by" where words.dropFirst().first.map(["when", "what", "which"].contains) == true:
      return ["by", "until", "till", "deadline", "before"]
    case "since": return ["since"]
    default: return nil
    }
  }

  /// Whether `text` holds a calendar date within three words after one of `bounds` ("until 5pm
  /// … on Friday 14 November" is cut at the comma, not at the words).
  static func boundsDate(_ text: String, _ bounds: Set<String>) -> Bool {
    let folded = TextNormalizer.fold(text)
    for clause in folded.split(whereSeparator: { ",;".contains($0) }) {
      let words = Tokenizer.words(String(clause))
      for (i, w) in words.enumerated() where bounds.contains(w) {
        let after = words[(i + 1)...].prefix(6).joined(separator: " ")
        if DateFinder.dates(in: after).contains(where: isCalendarDate) { return true }
      }
    }
    return false
  }

  static func isCalendarDate(_ span: String) -> Bool {
    span.contains(where: \.isNumber)
      || span.split(separator: " ").contains { QuestionAnalyzer.monthWords.contains(String($0.filter(\.isLetter))) }
  }

  /// How many names a question asks for ("Which four governments …", "Name the three …"),
  /// or nil when it asks for no count of them.
  static func listCount(_ question: Question) -> Int? {
    listed(question)?.count
  }

  /// Whether the things a list question counts are people ("the four policymakers"), by
  /// WordNet's filing of the noun after the number, or for a compound WordNet lacks
  /// ("policymakers", "rate-setters"), by an agent ending on a word it files under people.
  static func listCountsPeople(_ question: Question) -> Bool {
    guard let noun = listed(question)?.noun, let wordNet = WordNet.shared else { return false }
    let singular = noun.hasSuffix("s") ? String(noun.dropLast()) : noun
    for form in [noun, singular] {
      if let file = wordNet.nounFiles(of: form).first { return file == WordNet.NounFile.person }
    }
    // "policymaker": the last part that WordNet knows ("maker") says what it is.
    for cut in 1..<max(singular.count - 2, 1) {
      let tail = String(singular.dropFirst(cut)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
      if tail.count >= 4, let file = wordNet.nounFiles(of: tail).first { return file == WordNet.NounFile.person }
    }
    return false
  }

  /// The number a list question asks for and the word after it ("the four policymakers").
  static func listed(_ question: Question) -> (count: Int, noun: String?)? {
    let words = Tokenizer.words(question.text)
    for i in words.indices.dropLast() where ["which", "the", "what"].contains(words[i]) {
      let next = words[i + 1]
      if let n = QuestionAnalyzer.numberWords.firstIndex(of: next).map({ $0 + 1 }) ?? Int(next), (2...12).contains(n) {
        return (n, i + 2 < words.count ? words[i + 2] : nil)
      }
    }
    return nil
  }

  /// Whether the clause of `text` holding `span` (between commas, semicolons or sentence ends)
  /// is negated ("will not … aboard Starliner").
  static func inNegatedClause(_ span: String, of text: String) -> Bool {
    guard let range = text.range(of: span) else { return false }
    let stops: Set<Character> = [",", ";", ".", ":"]
    let start =
      text[..<range.lowerBound].lastIndex(where: stops.contains).map { text.index(after: $0) }
      ?? text.startIndex
    let end = text[range.upperBound...].firstIndex(where: stops.contains) ?? text.endIndex
    let words = Tokenizer.words(String(text[start..<end]))
    return words.indices.contains { Polarity.clauseNegators.contains(words[$0]) && Polarity.negates(words, at: $0) }
  }

  /// Whether the question asks what is not yet known ("What is still unclear about …").
  static func asksWhatIsUnknown(_ question: Question) -> Bool {
    let words = Tokenizer.words(question.text)
    let text = " " + words.joined(separator: " ") + " "
    return words.contains(where: {
      ["unknown", "unclear", "uncertain", "undecided", "unresolved", "unanswered"].contains($0)
    }) || text.contains(" not known ") || text.contains(" not yet known ")
  }

  /// Whether a yes-or-no question asks if something was made known ("Has the fee been made
  /// public?", "Has the Bank signalled when …?", "Has anyone been named …?"): a sentence saying
  /// it was not is the answer, however few of the question's other words it repeats.
  static func asksIfDisclosed(_ question: Question) -> Bool {
    guard question.kind == .yesNo else { return false }
    return Tokenizer.words(question.text).contains { disclosureWords.contains(PorterStemmer.stem($0)) }
  }

  /// Whether `text` uses a word of making something known (``disclosureWords``).
  static func tellsOfDisclosure(_ text: String) -> Bool {
    Tokenizer.stems(text).contains { stem in disclosureWords.contains { stem.hasPrefix($0) } }
  }

  /// Stems of the verbs news uses for making something known.
  static let disclosureWords: Set<String> = [
    "disclos", "reveal", "announc", "publish", "public", "confirm", "signal", "name", "specifi", "indic",
    "releas", "state",
  ]

  static let timingWords: Set<String> = [
    "time", "timing", "timeline", "roadmap", "weeks", "months", "quarters",
    "eventually", "later", "delay", "soon", "date", "schedule",
  ]

  /// The passage that speaks of timing ("unclear whether releases would follow weeks, months …"),
  /// else the first.
  static func timingFirst(_ passages: [ScoredPassage]) -> ScoredPassage? {
    passages.first { p in Tokenizer.words(p.passage.text).contains(where: timingWords.contains) } ?? passages.first
  }

  /// Words the clause must keep when there is no answer span: for a date question the articles
  /// leave open, the words that say so; for "what kinds of …", the examples.
  static func uncertainKeep(_ question: Question, _ lead: ScoredPassage) -> [String] {
    // (A yes-or-no lead that says the claim is unclear keeps saying so when it is cut: its
    // verdict is read from the cut clause.)
    if [.date, .yesNo].contains(question.kind), let phrase = Uncertainty.phrase(in: lead.passage.text) {
      return [phrase]
    }
    let words = Tokenizer.words(question.text)
    if words.contains(where: { ["kinds", "kind", "types", "type", "examples", "example", "sorts"].contains($0) }) {
      let text = TextNormalizer.fold(lead.passage.text).lowercased()
      return ["such as", "including", "think ", "for example", "e.g.", "like "].filter { text.contains($0) }
    }
    return []
  }

  /// Weights for choosing the clause: the question's stems, and their paraphrases a little less.
  static func clauseWeights(_ question: Question, idf: [String: Double]) -> [String: Double] {
    var weights: [String: Double] = [:]
    for term in question.terms {
      let w = term.weight * (idf[term.stem] ?? 1)
      for part in term.stem.split(separator: " ") { weights[String(part)] = max(weights[String(part)] ?? 0, w) }
      for alt in Paraphrases.alternatives(of: term.stem).union(Paraphrases.sameWord(as: term.stem)) {
        for part in alt.split(separator: " ") {
          weights[String(part)] = max(weights[String(part)] ?? 0, 0.8 * w)
        }
      }
    }
    return weights
  }

  /// The people a passage names by surname alone, as its neighbouring sentences name them in
  /// full ("Rush, 61, founded the company" after "its chief executive, Stockton Rush").
  static func peopleBySurname(in p: ScoredPassage) -> [String] {
    let single = SpanFinder.names(in: TextNormalizer.fold(p.passage.text)).filter { !$0.contains(" ") }
    guard !single.isEmpty else { return [] }
    let people = p.neighbours.flatMap { SpanFinder.people(in: $0.text) }
    var out: [String] = []
    for surname in single {
      let full = Set(people.filter { $0.split(separator: " ").last.map(String.init) == surname })
      if full.count == 1, let person = full.first, !out.contains(person) { out.append(person) }
    }
    return out
  }

  func spans(_ question: Question, _ p: ScoredPassage) -> [String] {
    let key = "\(question.kind.rawValue)|\(question.text)|\(p.passage.rowID)"
    if let cached = spanCache.value(for: key) { return cached }
    // The passage's spans of this type are the same for every question: kept per passage.
    let all = retriever.spans(of: question.kind, rowID: p.passage.rowID) {
      SpanFinder.unfiltered(of: question.kind, in: p.passage.text, credited: p.passage.credited)
    }
    var found = SpanFinder.filter(all, of: question.kind, for: question)
    // "How wide is the crater?": only a figure in a unit of width answers it.
    if let measure = Measure.asked(by: question) {
      let asked = Set(question.terms.map(\.stem))
      found = found.filter { measure.states($0, in: p.passage.text, asked: asked) }
    }
    if question.kind == .person, found.isEmpty {
      found = Self.peopleBySurname(in: p)
      // "Whose software update crashed …?": a company owns things as often as a person does.
      if found.isEmpty, Tokenizer.words(question.text).first == "whose" {
        found = SpanFinder.filter(
          SpanFinder.unfiltered(of: .organisation, in: p.passage.text, credited: p.passage.credited),
          of: .organisation, for: question)
      }
    }
    if !question.excluded.isEmpty {
      let excluded = Set(question.excluded.flatMap { Tokenizer.words($0) })
      found = found.filter { !Tokenizer.words($0).contains(where: excluded.contains) }
    }
    if question.kind == .person || question.kind == .organisation {
      // "Who is the Tottenham chairman …": "Bayern Munich" or "Harry Kane" share a word with the
      // question's names, so they are what it is about, not its answer.
      let named = Set(question.entities.flatMap { Tokenizer.words($0) })
      found = found.filter { !Tokenizer.words($0).contains(where: named.contains) }
    }
    if question.kind == .organisation {
      // The outlets a sentence credits are its sources, not what it is about.
      found = found.filter { !p.passage.credited.contains($0) }
      // "Meta Platforms" for a question about Meta is the same company, not an answer.
      let asked = Set(Tokenizer.words(question.text))
      let suffixes: Set<String> = ["platforms", "inc", "corp", "corporation", "group", "holdings", "co", "ltd", "plc"]
      found = found.filter { span in
        let words = Tokenizer.words(span).filter { !suffixes.contains($0) }
        return !words.allSatisfy(asked.contains)
      }
    }
    // "How long …": a duration answers it, a bare count does not.
    if question.kind == .number {
      // (Anywhere in it: "According to AFP, how long …".)
      // ("How many days …" counts time: "three days of national mourning" answers it.)
      // "How many people died?" is not answered by "less than a day".
      found = found.filter { SpanFinder.isDuration($0) == question.asksDuration }
    }
    if question.kind != .outlet {
      let entityStems = Set(question.terms.filter(\.isEntity).map(\.stem))
      found = SpanFinder.rank(found, in: p.passage.text, near: p.matched.subtracting(entityStems))
    }
    spanCache.store(found, for: key)
    return found
  }

  /// Whether a weaker passage `p` may give the figure or date the stronger `lead` does not: its
  /// sentence holds every name of the question the lead's holds ("How much did Ubisoft pay …?"
  /// is not answered by "… ZeniMax Media, which Microsoft bought for $7.5 billion"), or the word
  /// the question counts ("How many of Starliner's thrusters failed?": "five of the capsule's 28
  /// … thrusters"). A follow-up's names come from the turn before, which its sentence may call
  /// "it" or "the company".
  static func tellsOfTheSame(_ question: Question, _ p: ScoredPassage, as lead: ScoredPassage) -> Bool {
    if question.isFollowUp { return true }
    if let focus = focus(of: question), p.matched.contains(focus) { return true }
    let names = Set(question.terms.filter(\.isEntity).map(\.stem))
    return names.intersection(lead.matched).isSubset(of: p.matched)
  }

  /// Whether `text` holds a name that ends in `noun` written with a capital after another
  /// capitalised word ("the Park Hotel" for "hotel", "the Federal Court" for "court").
  static func namesMember(of noun: String, in text: String) -> Bool {
    let raw = TextNormalizer.fold(text).split(separator: " ").map { QuestionAnalyzer.trimmingPunctuation(String($0)) }
    return raw.indices.dropFirst().contains { i in
      raw[i].lowercased() == noun && raw[i].first?.isUppercase == true && raw[i - 1].first?.isUppercase == true
    }
  }

  /// The word a yes-or-no question says "entirely", "solely" or "only in" of ("Was it paid
  /// for entirely in cash?" → "cash"), or nil.
  static func exclusiveWord(_ question: String) -> String? {
    let words = Tokenizer.words(TextNormalizer.fold(question).lowercased())
    guard let i = words.firstIndex(where: exclusives.contains) else { return nil }
    var j = i + 1
    // ("only" is an exclusive only before a preposition: "only in cash", not "the only bidder".)
    if words[i] == "only", !(j < words.count && exclusivePrepositions.contains(words[j])) { return nil }
    while j < words.count, exclusivePrepositions.contains(words[j]) || ["the", "a", "an"].contains(words[j]) {
      j += 1
    }
    guard j < words.count, !Tokenizer.stopWords.contains(words[j]) else { return nil }
    return words[j]
  }

  /// Words that say a claim holds of one thing alone.
  static let exclusives: Set<String> = ["entirely", "solely", "exclusively", "wholly", "purely", "only"]
  /// Prepositions after an exclusive word ("entirely in cash", "only by road").
  static let exclusivePrepositions: Set<String> = ["in", "by", "with", "through", "from", "for", "on", "to"]

  /// Whether `text` pairs `word` with another thing ("in cash and stock", "stock and cash",
  /// "half in cash"): then the claim that it was `word` alone does not hold.
  static func pairs(_ word: String, in text: String) -> Bool {
    let words = Tokenizer.words(TextNormalizer.fold(text).lowercased())
    let stem = PorterStemmer.stem(word)
    return words.indices.contains { i in
      guard PorterStemmer.stem(words[i]) == stem else { return false }
      let after = words[(i + 1)...].prefix(3)
      let before = words[..<i].suffix(3)
      return after.first.map { ["and", "plus"].contains($0) } ?? false
        || Array(after) == ["as", "well", "as"]
        || (i >= 2 && words[i - 1] == "and" && !Tokenizer.stopWords.contains(words[i - 2]))
        || before.contains(where: shareWords.contains)
    }
  }

  /// Words before a thing that say it was only part of the whole ("half in cash").
  static let shareWords: Set<String> = ["half", "partly", "part", "mostly", "largely"]

  /// `sentence` as it reads after an opening "Yes," or "No,": its first word in lower case when
  /// that word is a function word or one WordNet knows only as a common word ("two of them",
  /// "investigators said"), kept as written when it may be a name ("Tesla's plan", "Bayern
  /// Munich", "Bobby Kotick"), a title before one ("Prime Minister Narendra Modi"), an acronym
  /// or "I".
  /// A word the sentences `around` it write with a capital inside a sentence is a name too
  /// ("Adobe agreed …", though WordNet knows "adobe" only as a brick).
  static func continuing(_ sentence: String, around: [String] = []) -> String {
    guard let first = sentence.split(separator: " ", maxSplits: 1).first.map(String.init),
      let initial = first.first, initial.isUppercase
    else { return sentence }
    let word = Tokenizer.words(first).first ?? ""
    // ("A federal jury …" reads "No, a federal jury …": a one-letter word is lowered too, but "I".)
    guard !first.dropFirst().contains(where: \.isUppercase), word != "i" else { return sentence }
    var common = Tokenizer.stopWords.contains(word) || QuestionAnalyzer.numberWords.contains(word)
    // ("Prime Minister Narendra Modi", "Bobby Kotick": a capital next marks a title or a name.)
    let next = sentence.split(separator: " ").dropFirst().first
    if !common, next?.first?.isUppercase != true, let wordNet = WordNet.shared {
      let senses = WordNet.PartOfSpeech.allCases.flatMap { wordNet.synsets(of: word, $0, limit: 8) }
      common = !senses.isEmpty && !senses.contains(where: \.isProperName)
      let written = String(first.prefix { $0.isLetter })
      if common, !written.isEmpty,
        ([sentence] + around).contains(where: { text in
          let raw = text.split(separator: " ")
          return raw.indices.dropFirst().contains { i in
            raw[i].hasPrefix(written) && raw[i - 1].last.map { $0 != "." && $0 != ":" && $0 != "?" } ?? false
          }
        })
      {
        common = false
      }
    }
    return common ? initial.lowercased() + sentence.dropFirst() : sentence
  }

  /// Whether one of `spans` (durations) of `p` is the length of something (``SpanFinder/isDurative(_:in:)``).
  static func givesDuration(_ p: ScoredPassage, _ spans: [String]) -> Bool {
    spans.contains { SpanFinder.isDurative($0, in: p.passage.text) }
  }

  /// Reason words that as often only tell what came first ("hours after …", "amid …").
  static let temporalReasons: Set<String> = ["after", "following", "amid", "given", "since"]

  /// "Reported in 3 of 5 articles, all tracing back to Axios." and the like: how many articles
  /// support the answer, and whether they are independent or repeat one original report.
  func corroborate(_ citations: [Citation]) throws -> String? {
    guard let first = citations.first else { return nil }
    if citations.count == 1 { return "Source: \(first.label)." }
    let total = try articleCount()
    let crediting = citations.filter { !$0.cites.isEmpty }
    let head = "Reported in \(citations.count) of \(total) articles"
    guard !crediting.isEmpty else { return head + "; none of them names its source." }
    let common = crediting.dropFirst().reduce(Set(crediting[0].cites)) { $0.intersection($1.cites) }
    if let origin = common.sorted().first {
      if crediting.count == citations.count { return head + ", all tracing back to \(origin)." }
      let silent = citations.count - crediting.count
      return head + "; those naming a source all credit \(origin) (\(silent) name\(silent == 1 ? "s" : "") none)."
    }
    // No single origin: name the outlet most of them credit, if one is credited more than once.
    var counts: [String: Int] = [:]
    for c in crediting { for outlet in Set(c.cites) { counts[outlet, default: 0] += 1 } }
    if let (top, n) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), n >= 2 {
      return head + "; \(n) of them credit \(top)."
    }
    let outlets = counts.keys.sorted()
    return head + ", crediting different sources (\(outlets.joined(separator: ", ")))."
  }

  /// When articles give different figures or dates for the question, says so with each version.
  func disagreement(
    _ question: Question, span: String?, lead: ScoredPassage, passages: [ScoredPassage], bestScore: Double
  )
    -> String?
  {
    guard let span, [.date, .number, .money].contains(question.kind) else { return nil }
    var versions: [(String, String)] = []
    // Only a sentence about the same thing gives another version of it: one that holds nearly as
    // much of the question, and of its topic, as the lead does (not "a guarantee of 9 billion
    // francs" against the price paid).
    for p in passages
    where p.score >= bestScore * 0.8 && p.coverage >= tuning.candidateCoverage
      && p.sentenceCoverage >= tuning.supportCoverageShare * lead.sentenceCoverage
      && p.topicCoverage >= tuning.supportCoverageShare * lead.topicCoverage
      // ("How many people …": a figure of people, not "one refused treatment".)
      && (!EvidenceJudge.countsFocus(question, in: lead.passage.text)
        || EvidenceJudge.countsFocus(question, in: p.passage.text))
    {
      // (Another article's: an article that breaks a figure down, "the forfeiture in three parts",
      // gives no other account of it.)
      guard p.passage.articleId != lead.passage.articleId,
        let other = spans(question, p).first, other.lowercased() != span.lowercased(),
        Self.sameUnit(other, span)
      else { continue }
      let digits = { (s: String) in s.filter(\.isNumber) }
      if digits(other) == digits(span) { continue }
      let who = Article.displayName(outlet: p.passage.outlet, url: "", title: p.passage.title)
      if !versions.contains(where: { $0.0 == other }) { versions.append((other, who)) }
    }
    guard !versions.isEmpty else { return nil }
    return "Other accounts differ: " + versions.prefix(3).map { "\($0.1) gives \($0.0)" }.joined(separator: "; ") + "."
  }

  /// Whether two figures are of one kind, so that one can be another account of the other:
  /// both sums of money or neither, both shares (%) or neither ("$11bn" and "three" are not).
  static func sameUnit(_ a: String, _ b: String) -> Bool {
    let currency: (String) -> Bool = { $0.contains(where: { "$€£¥₹₩".contains($0) }) }
    let share: (String) -> Bool = {
      $0.contains("%") || $0.lowercased().contains("per cent") || $0.lowercased().contains("percent")
    }
    return currency(a) == currency(b) && share(a) == share(b)
  }

  func lowerFirst(_ s: String) -> String {
    guard let first = s.first, first.isUppercase else { return s }
    let firstWord = s.prefix { !$0.isWhitespace && $0 != "," }
    if SpanFinder.notNames.contains(String(firstWord)) && !["U.S.", "US"].contains(String(firstWord))
      && firstWord.count > 1 || firstWord == "A"
    {
      return first.lowercased() + s.dropFirst()
    }
    return s
  }

  /// Whether `span` stands before the first uncertainty phrase of `text` and a speech verb
  /// follows it there ("Norm Knight, who leads flight operations, said the agency had not yet
  /// decided which …"): the span is who says it is not known.
  static func speaksBefore(_ span: String, unknownIn text: String) -> Bool {
    guard let phrase = Uncertainty.phrase(in: text), let at = text.range(of: phrase),
      let named = text.range(of: span), named.upperBound <= at.lowerBound
    else { return false }
    let between = Tokenizer.words(String(text[named.upperBound..<at.lowerBound]))
    return between.contains(where: RerankProfile.speechVerbs.contains)
  }

  /// The words that, just after an uncertainty phrase, say that the thing unknown is what a
  /// question of `kind` asks for: "not known when", "declined to estimate the cost", "unclear who".
  static let unknownTargets: [AnswerKind: Set<String>] = [
    .date: ["when", "date", "timing", "timetable", "how long", "schedule", "day"],
    .number: ["how many", "how much", "how long", "number", "figure", "size", "total", "count", "toll"],
    .money: ["how much", "cost", "price", "value", "amount", "figure", "fee", "sum", "bill", "terms"],
    .person: ["who", "whom", "whose", "which", "name", "identity", "successor"],
    .organisation: ["who", "which", "name", "identity"],
    .place: ["where", "location"],
    .outlet: ["who", "which", "source"],
  ]

  /// Whether `text` says the cause of something is not known ("The cause of the engine failure
  /// has not been disclosed", "It is unclear why the ship lost power").
  static func saysCauseUnknown(_ text: String) -> Bool {
    guard Uncertainty.isUncertain(text) else { return false }
    return Tokenizer.words(text).contains { causeWords.contains($0) }
  }

  /// Words that name a cause, for ``saysCauseUnknown(_:)``.
  static let causeWords: Set<String> = ["cause", "caused", "causes", "why", "reason", "reasons"]

  /// How many words before a phrase of not knowing may name what is not known ("the full cost of
  /// the repair will not be known"): a subject with a short complement. By judgement.
  static let unknownSubjectReach = 6
  /// The question words among ``unknownTargets``: they name what is unknown only after the phrase.
  static let whWords: Set<String> = ["who", "whom", "whose", "which", "when", "where", "why", "how"]

  /// Whether `text` says that what a question of `kind` asks for is not known: an uncertainty
  /// phrase followed within a few words by what is asked ("It is not known when it will fly",
  /// "declined to estimate either the cost"). An aside ("the board, still under wraps, will vet
  /// …") does not say it.
  static func saysUnknown(_ kind: AnswerKind, in text: String) -> Bool {
    guard let targets = unknownTargets[kind] else { return false }
    let folded = TextNormalizer.fold(text).lowercased()
    return Uncertainty.phrases(in: text).contains { phrase in
      guard let range = folded.range(of: phrase.lowercased()) else { return false }
      let after = Tokenizer.words(String(folded[range.upperBound...])).prefix(5)
      let joined = after.joined(separator: " ")
      // "The full cost of the repair will not be known until …": the thing not known may be the
      // subject before the phrase, a noun ("cost"), never a wh-word ("the board, which declined
      // to comment" does not say who).
      let before = Tokenizer.words(String(folded[..<range.lowerBound])).suffix(unknownSubjectReach)
      return targets.contains { target in
        target.contains(" ") ? joined.hasPrefix(target) || joined.contains(" " + target) : after.contains(target)
      } || before.contains { targets.contains($0) && !Self.whWords.contains($0) }
    }
  }
}
