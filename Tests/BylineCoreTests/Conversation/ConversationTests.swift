import BylineTestSupport
import Testing

@testable import BylineCore

@Suite struct ConversationTests {
  let engine = SeedEngine.shared

  @Test func pronounsTakeThePersonFromTheLastAnswer() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who wrote that open-source AI was the path forward?", in: conversation)
    let (answer, _) = try engine.answer("When did he write it?", in: conversation)
    #expect(answer.understoodAs?.contains("Mark Zuckerberg") == true)
    #expect(answer.note?.contains("Mark Zuckerberg") == true)
    #expect(answer.answer.lowercased().contains("july 2024"))
  }

  @Test func ellipticalTurnsReuseTheTopic() throws {
    let conversation = Conversation()
    _ = try engine.answer("What did SiliconANGLE call the strategy?", in: conversation)
    let (why, _) = try engine.answer("Why?", in: conversation)
    #expect(!why.abstained)
    #expect(why.kind == .reason)
    #expect(why.citations.contains { $0.id.hasPrefix("003") })
  }

  @Test func anotherPersonStandsInForTheEarlierPerson() throws {
    let conversation = Conversation()
    _ = try engine.answer("What did Mark Zuckerberg say about open-source AI?", in: conversation)
    // The rewritten question holds every earlier word but the name it replaced: the earlier
    // question is no context, or its name would be missing from every sentence about Wang.
    let resolution = try #require(conversation.resolve("And Alexandr Wang?", analyzer: QuestionAnalyzer()))
    #expect(resolution.contextWeight == 0)
    let (answer, _) = try engine.answer("And Alexandr Wang?", in: conversation)
    #expect(answer.understoodAs == "What did Alexandr Wang say about open-source AI?")
  }

  @Test func aWhatAboutTurnWithItsOwnQuestionIsNoEllipsis() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who is leading Meta's next AI models?", in: conversation)
    // "What about X, how …?" asks its own question after the comma: it is not put into the
    // earlier question in place of a name.
    let resolution = conversation.resolve(
      "What about Llama 2, when was it first released?", analyzer: QuestionAnalyzer())
    #expect(resolution.map { !$0.focus.contains("leading") } ?? true)
  }

  @Test func selfContainedQuestionsAreNeverRewritten() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who is leading Meta's next AI models?", in: conversation)
    let (answer, _) = try engine.answer("When did Meta launch Llama 2?", in: conversation)
    #expect(answer.understoodAs == nil)
    #expect(answer.answer.contains("July 2023"))
  }

  @Test func resetForgetsEarlierTurns() throws {
    let conversation = Conversation()
    _ = try engine.answer("Who wrote that open-source AI was the path forward?", in: conversation)
    conversation.reset()
    let (answer, _) = try engine.answer("When did he write it?", in: conversation)
    #expect(answer.understoodAs == nil)
  }

  static let harbour: [String: String] = [
    "830_harbour_grounding_courier.txt": """
    Grain ship refloated after two days in the harbour mouth
    Saltmarsh Courier
    6 May 2025

    The Northern Star, a 300-metre grain carrier, ran aground on a sandbank in the harbour mouth on Monday.

    Four tugs refloated the vessel on Wednesday morning at high water.

    After it was refloated, the Northern Star was taken to Kestrel Anchorage, where divers will inspect its hull.
    """
  ]

  /// A conversation whose one turn is `first`, answered by `rules`, and that answer.
  func conversation(after first: String, rules: RuleAnswerer) throws -> (Conversation, Answer) {
    let conversation = Conversation()
    let (earlier, _) = try rules.answer(first)
    conversation.record(Turn(question: first, understood: first, answer: earlier))
    return (conversation, earlier)
  }

  @Test func itInAFollowUpIsTheThingTheEarlierQuestionNamed() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.harbour), warmUp: false)
    let (conversation, _) = try conversation(after: "Where did the Northern Star get stuck?", rules: rules)
    let next = "And where was it taken after it was refloated?"
    let resolution = try #require(conversation.resolve(next, analyzer: QuestionAnalyzer()))
    #expect(resolution.focus.contains("Northern Star"), "\(resolution.focus)")
    #expect(resolution.substituted == ["Northern Star"])
    let (answer, _) = try rules.answer(next, resolution: resolution)
    #expect(answer.answer.contains("Kestrel Anchorage"), "\(answer.answer)")
    // Only the earlier question's subject: "How much was it?" after a pledge for the ship asks
    // about the pledge.
    #expect(Conversation.isSubject("Northern Star", of: "Did the Northern Star sink?"))
    #expect(!Conversation.isSubject("Northern Star", of: "Who made the first pledge for the Northern Star?"))
    #expect(!Conversation.isSubject("Northern Star", of: "What did the Northern Star hit?"))
    #expect(Conversation.isSubject("Northern Star", of: "What was the Northern Star?"))
  }

  @Test func aShortQuestionAboutTheSomethingFollowsOn() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.harbour), warmUp: false)
    let (conversation, _) = try conversation(after: "How many tugs refloated the Northern Star?", rules: rules)
    let analyzer = QuestionAnalyzer()
    let resolution = try #require(conversation.resolve("How long did the job take?", analyzer: analyzer))
    #expect(resolution.context.contains("Northern Star"), "\(resolution.context)")
    #expect(conversation.resolve("Where will divers inspect the hull of the grain carrier?", analyzer: analyzer) == nil)
  }

  static let floods: [String: String] = [
    "860_flood_damage_gazette.txt": """
    Flood damage estimate climbs
    Dunmore Gazette
    9 May 2025

    Kestrel Analytics, a Dunmore-based firm that models flood damage, said the cost was approaching $2 billion.

    Mara Quill, the director of Kestrel Analytics, said insurers would cover less than half of it.
    """
  ]

  @Test func itsInAFollowUpIsTheOrganisationTheAnswerNamed() throws {
    #expect(SpanFinder.isCompoundAdjective("Dunmore-based"))
    #expect(!SpanFinder.isPerson("Kestrel Analytics"))
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.floods), warmUp: false)
    let (conversation, earlier) = try conversation(
      after: "Which firm estimated the flood damage at close to $2 billion?", rules: rules)
    #expect(earlier.focus == "Kestrel Analytics", "\(earlier.focus ?? "nil")")
    let resolution = try #require(conversation.resolve("Who is its director?", analyzer: QuestionAnalyzer()))
    #expect(resolution.focus == "Who is Kestrel Analytics's director?")
    let (answer, _) = try rules.answer("Who is its director?", resolution: resolution)
    #expect(answer.answer.hasPrefix("Mara Quill"), "\(answer.answer)")
  }
  static let lenders: [String: String] = [
    "870_lenders_closed_ledger.txt": """
    Regulators close a second lender as bank turmoil spreads
    Granite Ledger
    13 March 2023

    Federal regulators closed Harlow Valley Bank on Friday after depositors pulled $42bn in a single day.

    The same statement disclosed that Brantwood Bank in New York, a lender with close ties to the crypto industry, had been closed by state regulators that weekend.

    Brantwood had about $110bn in assets, which makes its collapse the third-largest bank failure in US history.
    """
  ]

  @Test func aFollowUpRefusedWithTheEarlierWordsIsAskedOnItsOwn() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.lenders), warmUp: false)
    let (conversation, earlier) = try conversation(
      after: "Which crypto-friendly New York lender did state regulators close that weekend?", rules: rules)
    #expect(earlier.focus == "Brantwood Bank", "\(earlier.answer)")
    let resolution = try #require(conversation.resolve("How big was it?", analyzer: QuestionAnalyzer()))
    #expect(resolution.focus == "How big was Brantwood Bank?", "\(resolution.focus)")
    // The sentence that answers holds none of the earlier turn's words ("New York", "closed",
    // "weekend"): with them the follow-up falls below the threshold; on its own words it does not.
    let (answer, _) = try rules.answer("How big was it?", resolution: resolution)
    #expect(answer.answer.contains("$110bn"), "\(answer.answer)")
  }
}

/// A follow-up whose pronoun stood for the earlier answer's name, on the in-memory index.
@Suite struct AnsweredNameTests {
  static let files: [String: String] = [
    "600_release_wire.txt": """
    Utility begins releasing treated water
    Harbour Wire
    2 May 2025

    Kellan Power Company (KPC) said on Monday that it had begun the first release of treated water from the plant.

    In that time it pumped 7,000 tonnes of water through a tunnel to an outlet about 1km off the coast.
    """
  ]

  @Test func theNameTheEarlierAnswerGaveIsRequiredOnlyAtFirst() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    let focus = "How far off the coast does KPC pump the water?"
    var resolution = Resolution(focus: focus, context: "Which company runs the plant?", display: "")
    // KPC required: the sentence that answers says "it".
    let (strict, _) = try rules.answer(focus, resolution: resolution)
    #expect(strict.abstained, "\(strict.answer)")
    // KPC stood for "it": refused with it, asked again without.
    resolution.answered = ["KPC"]
    let (answer, _) = try rules.answer(focus, resolution: resolution)
    #expect(!answer.abstained && answer.answer.contains("1km"), "\(answer.answer)")
  }
}

@Suite struct AnswerReferenceTests {
  static func conversation(after question: String, answer: String, kind: AnswerKind, focus: String? = nil)
    -> Conversation
  {
    var given = Answer(question: question, answer: answer, abstained: false, kind: kind, confidence: 0.8, citations: [])
    given.focus = focus
    let conversation = Conversation()
    conversation.record(Turn(question: question, understood: question, answer: given))
    return conversation
  }

  @Test func itIsTheThingTheAnswerNamedWhenTheQuestionAskedForTheObject() throws {
    let conversation = Self.conversation(
      after: "What did NASA's DART spacecraft crash into?",
      answer: "NASA said on Tuesday that its DART spacecraft had shortened the orbit of the asteroid Dimorphos [1].",
      kind: .description)
    let resolution = try #require(conversation.resolve("How wide is it?", analyzer: QuestionAnalyzer()))
    #expect(resolution.focus == "How wide is Dimorphos?")
    #expect(resolution.answered == ["Dimorphos"])
  }

  @Test func itStaysUnresolvedWhenTheAnswerNamesSeveralNewThings() throws {
    let conversation = Self.conversation(
      after: "What did the probe photograph?",
      answer: "The probe photographed Didymos and Dimorphos together [1].", kind: .description)
    let resolution = conversation.resolve("How wide is it?", analyzer: QuestionAnalyzer())
    #expect(resolution?.answered.isEmpty ?? true)
  }

  @Test func thereIsThePlaceTheAnswerNamed() throws {
    let conversation = Self.conversation(
      after: "Which hotel was the player taken to?", answer: "He was moved to the Park Hotel in Carlton [1].",
      kind: .organisation, focus: "Park Hotel")
    let resolution = try #require(conversation.resolve("How long was he kept there?", analyzer: QuestionAnalyzer()))
    #expect(resolution.focus.contains("in Park Hotel"))
    #expect(resolution.answered.contains("Park Hotel"))
  }
}

@Suite struct FramingNameTests {
  static let files: [String: String] = [
    "700_exit_wire.txt": """
    Chief executive leaves as buyer takes over
    Exit Wire
    2 May 2025

    Parag Agrawal left the company on Thursday as the new owner took control.

    He was in line for a payout of about $42m under the terms of his contract, according to a research firm.
    """,
    "710_cathedral_wire.txt": """
    Cathedral roof work begins
    Stone Wire
    3 May 2025

    The restoration of the cathedral roof began on Friday. The work is expected to cost about €700m.
    """,
  ]

  @Test func aFollowUpIsAnsweredFromAnArticleAboutWhomItsPronounStandsFor() throws {
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.files), warmUp: false)
    var resolution = Resolution(
      focus: "How much was Parag Agrawal expected to get?", context: "Who ran the company?", display: "")
    resolution.substituted = ["Parag Agrawal"]
    let (answer, _) = try rules.answer("How much was he expected to get?", resolution: resolution)
    #expect(!answer.citations.contains { $0.id.hasPrefix("710") }, "\(answer.answer)")
  }
}
