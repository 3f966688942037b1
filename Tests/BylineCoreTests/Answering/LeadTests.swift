import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// How a lead sentence is shaped: clauses, abbreviations, verdicts and either-or options.
@Suite struct LeadTests {
  @Test func aNameInANegatedClauseIsNotAffirmed() {
    let text = "NASA will not bring them home aboard Starliner, officials said."
    #expect(RuleAnswerer.inNegatedClause("Starliner", of: text))
    #expect(!RuleAnswerer.inNegatedClause("NASA", of: "NASA chose Dragon, not Starliner."))
  }

  @Test func aSequenceToldFromTheReferenceEventIsTurnedRound() {
    let q = "Did the council vote come before or after the mayor resigned?"
    // The sentence places the resignation, not the vote: the vote came after.
    #expect(
      RuleAnswerer.sequenceSeenFromReference(
        "before", question: q, sentence: "Long before that, when the mayor resigned in May, the council was split.")
        == "after")
    // "… before the mayor resigned": the option reads as it stands.
    #expect(
      RuleAnswerer.sequenceSeenFromReference(
        "before", question: q, sentence: "The council voted on Monday, a week before the mayor resigned.") == nil)
  }

  @Test func anOptionLeadingIntoTheAskedEventIsTurnedRound() {
    let q = "Was the merger announced before or after the regulator opened its inquiry?"
    // "… before the merger was announced": the inquiry came first, so the merger came after.
    #expect(
      RuleAnswerer.sequenceSeenFromReference(
        "before", question: q,
        sentence: "Regulators had begun looking at the market weeks before the merger was announced.")
        == "after")
    // "… before the regulator opened its inquiry": the option reads as it stands.
    #expect(
      RuleAnswerer.sequenceSeenFromReference(
        "before", question: q, sentence: "The merger was announced in May, before the regulator opened its inquiry.")
        == nil)
  }

  @Test func aClaimOfOneThingAloneFailsWhereTheSentencePairsIt() {
    #expect(RuleAnswerer.exclusiveWord("Was Adobe paying for Figma entirely in cash?") == "cash")
    #expect(RuleAnswerer.exclusiveWord("Was it the only bid?") == nil)
    #expect(RuleAnswerer.pairs("cash", in: "Adobe agreed to buy Figma for about $20bn in cash and stock."))
    #expect(RuleAnswerer.pairs("cash", in: "Roughly $20bn, about half in cash and half in Adobe stock."))
    #expect(!RuleAnswerer.pairs("cash", in: "Adobe will pay the $1bn fee in cash."))
  }

  @Test func aNameWordNetKnowsAsACommonWordKeepsItsCapital() {
    let sentence = "Adobe agreed to buy Figma for about $20bn."
    #expect(RuleAnswerer.continuing(sentence).hasPrefix("adobe"))
    #expect(RuleAnswerer.continuing(sentence, around: ["Shares in Adobe fell 17%."]).hasPrefix("Adobe"))
    #expect(
      RuleAnswerer.continuing("Investigators said so.", around: ["Crash investigators said so."]).hasPrefix(
        "investigators"))
  }

  @Test func aNameEndingInTheNounAskedForNamesAMemberOfIt() {
    #expect(RuleAnswerer.namesMember(of: "hotel", in: "He was moved to the Park Hotel in Carlton."))
    #expect(RuleAnswerer.namesMember(of: "court", in: "Federal Court judges upheld the decision."))
    #expect(!RuleAnswerer.namesMember(of: "hotel", in: "He was moved to a hotel. Hotel staff said so."))
  }

  @Test func eitherOrOptionsSkipPrepositions() {
    #expect(RuleAnswerer.options(in: "Did the thieves flee by car or on scooters?") == ["car", "scooters"])
    #expect(RuleAnswerer.options(in: "Did it come out before or after Llama 2?") == ["before", "after"])
    #expect(RuleAnswerer.options(in: "Did the pound rise?") == nil)
  }

  @Test func anOptionInsideANameIsNotHeld() {
    let held = RuleAnswerer.optionsHeld(["car", "scooters"], in: "Laurence des Cars said the gang left on scooters.")
    #expect(held == ["scooters"])
  }

  @Test func abbreviationsDoNotEndTheLead() {
    #expect(
      RuleAnswerer.undotWords("The next decision is due on Sept. 18 at noon")
        == "The next decision is due on Sept 18 at noon")
    #expect(RuleAnswerer.undotWords("Mr. Levy said no.") == "Mr Levy said no.")
  }

  @Test func aListIsNotSplitIntoClauses() {
    let parts = RuleAnswerer.splitClauses("rivals such as OpenAI, Google, and DeepSeek gained ground", at: ", and ")
    #expect(parts.count == 1)
    let clauses = RuleAnswerer.splitClauses("Davie stepped down on Sunday, and Turness went with him", at: ", and ")
    #expect(clauses.count == 2)
  }

  @Test func theClauseWithTheAnswerLeads() {
    let clause = RuleAnswerer.bestClause(
      of: "The director general stepped down on Sunday evening, and the head of news, Deborah Turness, went with him.",
      keep: ["Deborah Turness"], weights: ["step": 1])
    #expect(clause == "The head of news, Deborah Turness, went with him")
  }

  @Test func deferralAnswersImmediacyWithNo() {
    #expect(
      Polarity.defers(
        "It will release them eventually, not necessarily on day one.", question: "Will it release them right away?"))
    #expect(!Polarity.defers("It will release them eventually.", question: "Will it release them?"))
  }

  @Test func aLongSentenceLeadsWithItsOpeningClauses() throws {
    let text =
      "The eight pieces of jewellery taken from the museum on Sunday are worth an estimated 88 million euros,"
      + " the city prosecutor, Laure Beccuau, said on Tuesday, the first time the authorities have put a number"
      + " on the haul."
    let opening = try #require(RuleAnswerer.openingClauses(of: text, keep: ["Laure Beccuau"], maxWords: 35))
    #expect(opening.keeps)
    #expect(opening.text.hasSuffix("said on Tuesday"))
    // Never inside a list.
    let list = "Developers wanted models they could fine-tune, distill, and run at lower cost than closed ones allow"
    #expect(RuleAnswerer.openingClauses(of: list, keep: [], maxWords: 12) == nil)
  }

  @Test func anOpeningNeverEndsInsideAnAppositive() {
    let text =
      "In the first ballot four members voted to cut the rate, four voted for no change and Alan Taylor,"
      + " an external member and one of the most dovish voices, held out for a half-point reduction"
      + " that nobody else on the committee wanted."
    let opening = RuleAnswerer.openingClauses(of: text, keep: ["Alan Taylor"], maxWords: 35)
    #expect(opening?.text.hasSuffix("dovish voices") != true)
    #expect(opening?.text.hasSuffix("Alan Taylor") != true)
  }

  @Test func theClauseOfItsOwnBeatsOnePointingBack() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: FixtureArticles.files), warmUp: false)
    let question = QuestionAnalyzer().analyze("What was the bank worth at the close on Friday?")
    let text =
      "That is a small fraction of Friday's price; at the close on Friday the bank was worth 7.4 billion francs."
    let passage = StoredPassage(
      rowID: 1, articleId: "x", title: "", outlet: "", date: "", ordinal: 0, paragraph: 0, heading: "", text: text,
      stems: Tokenizer.stems(text), cites: [], inheritedCites: [], score: 1)
    let scored = ScoredPassage(
      passage: passage, score: 1, coverage: 1, sentenceCoverage: 1, topicCoverage: 1, entitiesFound: true,
      nameShare: 0, matched: [], loosely: [], neighbours: [])
    let lead = rules.leadSentence(scored, question: question, keep: [], weights: ["close": 1, "friday": 1, "worth": 1])
    #expect(lead == "At the close on Friday the bank was worth 7.4 billion francs")
  }

  @Test func whatSomeoneSaidIsTheQuoteThatFollows() throws {
    func passage(_ ordinal: Int, _ text: String) -> StoredPassage {
      StoredPassage(
        rowID: Int64(ordinal + 1), articleId: "x", title: "", outlet: "", date: "", ordinal: ordinal, paragraph: 3,
        heading: "", text: text, stems: Tokenizer.stems(text), cites: [], inheritedCites: [], score: 1)
    }
    let intro = passage(0, "Ana Ruiz, a safety researcher, told a radio station the change would help a little.")
    let quote = passage(1, "\u{201C}It is progress,\u{201D} she said, \u{201C}but not much.\u{201D}")
    let lead = ScoredPassage(
      passage: intro, score: 1, coverage: 1, sentenceCoverage: 1, topicCoverage: 1, entitiesFound: true,
      nameShare: 0, matched: [], loosely: [], neighbours: [quote])
    let asked = QuestionAnalyzer().analyze("What did Ana Ruiz say about the change?")
    #expect(RuleAnswerer.speakersWords(asked, after: lead) == quote.text)
    #expect(
      RuleAnswerer.naming(quote.text, as: "Ana Ruiz")
        == "\u{201C}It is progress,\u{201D} Ana Ruiz said, \u{201C}but not much.\u{201D}")
    // Not for a question that asks no one's words, nor for a next sentence without a quote.
    #expect(RuleAnswerer.speakersWords(QuestionAnalyzer().analyze("When did the change start?"), after: lead) == nil)
    var plain = lead
    plain.neighbours = [passage(1, "She said it would help.")]
    #expect(RuleAnswerer.speakersWords(asked, after: plain) == nil)
  }

  @Test func aClosingAttributionIsNoAppositive() throws {
    let text =
      "Data from the ship's voyage recorder shows that its crew had only a few minutes between the first signs"
      + " of trouble and the moment the vessel hit the Francis Scott Key Bridge, the head of the National"
      + " Transportation Safety Board said."
    let opening = try #require(RuleAnswerer.openingClauses(of: text, keep: [], maxWords: 35))
    #expect(opening.text.hasPrefix("Data from the ship's voyage recorder"))
    #expect(opening.text.hasSuffix("Francis Scott Key Bridge"))
  }

  @Test func appositivesGoBeforeTheSentenceIsCut() {
    let text =
      "Michael Brooks, who runs a safety group, and Philip Koopman, a university professor who studies"
      + " autonomous vehicles for a living, both argued that the fix leaves the defect in place, the agency reported."
    let short = RuleAnswerer.withoutAppositives(text, maxWords: 25)
    #expect(short.contains("Philip Koopman both argued that the fix leaves the defect in place"))
    #expect(short.hasSuffix("the agency reported."))
  }

  @Test func appositivesInARowGoTogether() {
    let text =
      "James Cameron, the director of Titanic, who has made 33 dives to the wreck, told the BBC that he"
      + " suspected the worst as soon as he heard on Monday that the sub had lost its communications."
    let short = RuleAnswerer.withoutAppositives(text, maxWords: 30)
    #expect(short.hasPrefix("James Cameron told the BBC that he suspected the worst"))
  }

  @Test func aClauseAfterANameIsNoAppositive() {
    // "Matthias Müller" is the appositive of an opening phrase: the clause after its "who" clause
    // has its own subject, and cutting both would leave "Matthias Müller pushing it …".
    let text =
      "Under its chief executive, Matthias Müller, who took over from Martin Winterkorn in September, the company"
      + " had already set aside about €16.2 billion to cover the scandal's costs, pushing it to a net loss for 2015."
    let short = RuleAnswerer.withoutAppositives(text, maxWords: 25)
    #expect(!short.contains("Müller pushing"))
    #expect(!short.contains("Müller the company"))
  }

  static let rhetorical: [String: String] = [
    "940_fund_bulletin.txt": """
    Storm revives row over disaster fund
    Ironvale Bulletin
    9 November 2023

    The government has pledged billions to rebuild the coastal city after the storm.

    The scale of the destruction has revived criticism of the decision to scrap the federal disaster fund in 2021. Why does that matter now? Critics say that without a dedicated fund, money for the emergency must be found from the general budget, which slows down aid.
    """
  ]

  @Test func aRhetoricalWhyIsAnsweredByTheSentenceAfterIt() throws {
    #expect(RuleAnswerer.asksWhy("Why does that matter now?"))
    #expect(!RuleAnswerer.asksWhy("Why it matters."))
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.rhetorical), warmUp: false)
    let (answer, _) = try rules.answer("Why has the decision to scrap the disaster fund revived criticism?")
    #expect(answer.answer.hasPrefix("Critics say that without a dedicated fund"), "\(answer.answer)")
  }
}

/// "Which NOUN …?" led by the sentence that names a member of it, on the in-memory index.
@Suite struct NamedMemberLeadTests {
  static let files: [String: String] = [
    "610_player_wire.txt": """
    Player detained after visa cancelled
    Court Wire
    7 January 2022

    Rina Okafor's visa was cancelled on Thursday, and three Federal Court judges later upheld the decision to cancel it.

    By then Okafor had been moved to the Park Hotel in Carlton, a building used for immigration detention.
    """
  ]

  @Test func theSentenceNamingAHotelAnswersWhichHotel() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let (answer, _) = try rules.answer("Which hotel was Okafor taken to after her visa was cancelled?")
    #expect(answer.answer.contains("Park Hotel"), "\(answer.answer)")
  }
}
