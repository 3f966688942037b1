import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

@Suite struct QuestionAnalyzerTests {
  let analyzer = QuestionAnalyzer()

  static let rescue: [String: String] = [
    "880_rescue_wire.txt": """
    All out of the cave
    Delta Wire
    11 July 2018

    All twelve boys and their coach were brought out of the flooded cave on Tuesday.

    A few hours later, the three navy divers and the army doctor who had stayed with the group also came out safely.
    """
  ]

  @Test func theNameOfAPersonIsAskedForAsAPerson() throws {
    #expect(analyzer.analyze("What is the name of the army doctor who stayed with the boys?").kind == .person)
    #expect(analyzer.analyze("What is the name of the company that built the pumps?").kind == .organisation)
    // A group ("the three navy divers") names nobody: the question is refused.
    let rules = try RuleAnswerer(store: MemoryPassageIndex(files: Self.rescue), warmUp: false)
    let (answer, _) = try rules.answer("What is the name of the army doctor who stayed with the boys?")
    #expect(answer.abstained, "\(answer.answer)")
  }

  @Test func aColonInsideATimeIsNoClauseBreak() {
    #expect(analyzer.analyze("Does the runner's 2:03:17 in Chicago stand as the course record?").kind == .yesNo)
    #expect(analyzer.analyze("Did the 3:1 win send the club top?").kind == .yesNo)
    // A colon between clauses still parts the scene from the question.
    #expect(analyzer.analyze("On the Chicago race: did the runner set a record?").kind == .yesNo)
    #expect(QuestionAnalyzer.topicSwitch("Switching to the race at 10:30: who won it?")?.1 == "Who won it?")
  }

  @Test func britishAndAmericanSpellingsAreTheSameWord() {
    #expect(SpellingVariants.of("apologised").contains("apologized"))
    #expect(SpellingVariants.of("colour").contains("color"))
    #expect(SpellingVariants.of("center").contains("centre"))
    #expect(SpellingVariants.of("travelled").contains("traveled"))
    #expect(SpellingVariants.of("house").isEmpty)
    let term = QuestionAnalyzer().analyze("Why did the ministry apologise?").terms.first { $0.surface == "apologise" }
    #expect(term?.variants.isEmpty == false)
  }

  @Test func theNounAskedForMatchesItsKinds() throws {
    let question = analyzer.analyze("Which spacecraft will bring the astronauts home?")
    let head = try #require(question.terms.first { $0.surface == "spacecraft" })
    #expect(head.kinds.contains(PorterStemmer.stem("capsule")), "\(head.kinds.prefix(20))")
    let room = analyzer.analyze("Which room of the museum did the thieves enter?").terms.first { $0.surface == "room" }
    #expect(room?.kinds.contains(PorterStemmer.stem("gallery")) == true)
    // Only the noun asked for: not the other words of the question.
    #expect(question.terms.filter { !$0.kinds.isEmpty }.count == 1)
    #expect(analyzer.analyze("When did the astronauts land?").terms.allSatisfy { $0.kinds.isEmpty })
  }

  @Test func aVerbThatFramesAnotherBeforeUpWeighsLittle() {
    // "Did he end up testifying?" asks whether he testified; the sentence that answers it
    // need not say "end".
    let terms = analyzer.analyze("Did Bankman-Fried end up testifying at his trial?").terms
    #expect((terms.first { $0.surface == "end" }?.weight ?? 1) < 0.5)
    #expect((terms.first { $0.surface == "testifying" }?.weight ?? 0) >= 0.5)
    #expect((analyzer.analyze("When did the trial end?").terms.first { $0.surface == "end" }?.weight ?? 0) >= 0.5)
  }

  @Test func titlesBeforeNamesGo() {
    #expect(QuestionAnalyzer.withoutTitle("Rear Admiral John Mauger") == "John Mauger")
    #expect(QuestionAnalyzer.withoutTitle("Kelly Ortberg") == "Kelly Ortberg")
    #expect(QuestionAnalyzer.withoutTitle("General Motors") == "General Motors")
  }

  @Test func titlesInsideNamesAreFound() {
    #expect(QuestionAnalyzer.titleWords(of: "U.S. District Judge Amit Mehta") == ["judge"])
    #expect(QuestionAnalyzer.titleWords(of: "Defence Minister Margarita Robles") == ["minister"])
    #expect(QuestionAnalyzer.titleWords(of: "General Motors").isEmpty)
    #expect(QuestionAnalyzer.titleWords(of: "Bank of England").isEmpty)
  }

  @Test func anOutletBeforeItsPeopleIsNoSource() {
    let analyzer = QuestionAnalyzer()
    #expect(analyzer.analyze("What did the BBC chairman apologise for?").outlets.isEmpty)
    #expect(analyzer.analyze("According to the BBC, who resigned?").outlets == ["BBC"])
  }

  @Test(arguments: [
    ("Who is leading Meta's next AI models?", AnswerKind.person),
    ("Which outlet described Meta's internal review board?", .outlet),
    ("Who broke the story?", .outlet),
    ("When did Zuckerberg write that?", .date),
    ("In what year was the deal struck?", .date),
    ("How much was the Scale AI deal worth?", .money),
    ("What is the estimated cost of a replacement bridge?", .money),
    ("Which organisation produced the estimate?", .organisation),
    ("Which news agency reported the deal?", .outlet),
    ("By how much did the Bank of England cut rates?", .number),
    ("By when must the BBC respond?", .date),
    ("Until what date is the contract valid?", .date),
    ("What did Reuters report about the fall in the bank's share price?", .description),
    ("How many downloads had Llama passed?", .number),
    ("Where did Reuters say the AI work was reorganized?", .place),
    ("Why is Meta keeping some models proprietary?", .reason),
    ("Is the open-source plan confirmed by Meta?", .yesNo),
    ("Which model was Meta's most recent family?", .organisation),
    ("What operating system did Zuckerberg liken open-source AI to?", .organisation),
    ("What does Meta hope its open code will spark?", .description),
    ("Which outlets are cited?", .corpus),
    ("List the articles", .corpus),
    ("And how many flights did Delta end up cancelling?", .number),
    ("But why did the regulator block it?", .reason),
    ("UBS Credit Suisse deal price?", .money),
    ("pragyan rover speed", .number),
    ("Chandrayaan landing date", .date),
    ("What pay package will the new chief executive get?", .money),
    ("How wide is the crater the probe left?", .number),
    ("What is the measured mass of the asteroid?", .number),
    ("At his sentencing hearing, did the founder admit any crime?", .yesNo),
    ("In the end, how many counts was he convicted on?", .number),
  ])
  func classifiesAnswerTypes(_ question: String, _ kind: AnswerKind) {
    #expect(analyzer.analyze(question).kind == kind)
  }

  @Test func aProductDescribingItsMakerIsNoNameTheSentenceMustHold() {
    // "the Photoshop maker" is Adobe, which the articles may name instead.
    let q = analyzer.analyze("Why did the Photoshop maker drop the deal?")
    #expect(!q.entities.contains("Photoshop"))
    #expect(q.terms.first { $0.surface == "photoshop" }?.weight == TermWeight.name)
    #expect(analyzer.analyze("Why did Photoshop crash?").entities == ["Photoshop"])
  }

  @Test func aWhatAboutClauseNamesTheTopicNotTheAnswer() {
    // The question proper follows the comma: how far the shares fell is a figure.
    #expect(
      analyzer.analyze("What about the company's shares on the first day, how far did they fall?").kind == .number)
  }

  @Test func typedShorthandIsReadWrittenOut() {
    #expect(Shorthand.expanded("jury deliberation hrs?") == "jury deliberation hours?")
    #expect(Shorthand.expanded("sentence yrs + forfeiture amt") == "sentence years + forfeiture amount")
    #expect(Shorthand.expanded("How many hours?") == "How many hours?")
    // A plural unit of time typed last asks how long.
    let terse = analyzer.analyze("airport detention hrs")
    #expect(terse.kind == .number && terse.asksDuration)
    #expect(!analyzer.analyze("Which airport held him for hours?").asksDuration)
    let terms = analyzer.analyze("ftx jury deliberation hrs?").terms.map(\.stem)
    #expect(terms.contains(PorterStemmer.stem("hours")))
  }

  @Test func findsNamesOutletsQuotesAndNegation() {
    let q = analyzer.analyze("Did Reuters say \"double-edged sword\" about Alexandr Wang's plan, or not?")
    #expect(q.entities.contains("Alexandr Wang"))
    #expect(q.outlets == ["Reuters"])
    #expect(q.quoted == ["double-edged sword"])
    #expect(q.negated)
    #expect(!q.terms.contains { $0.surface == "the" || $0.surface == "did" })
  }

  @Test func paraphrasePhrasesBecomeTerms() {
    let q = analyzer.analyze("Who is in charge of Meta's new models?")
    #expect(q.terms.contains { $0.stem == "in charg of" })
    #expect(Paraphrases.alternatives(of: "in charg of").contains("spearhead"))
  }

  @Test func roleAcronymsAreNotNames() {
    #expect(analyzer.analyze("Who is the CEO of OpenAI?").entities == ["OpenAI"])
  }
}

extension QuestionAnalyzerTests {
  @Test func wordsLosePunctuationAsWithFoundation() {
    let set = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "'-"))
    for word in [
      "“Meta’s”", "(axios.com)", "‘open-source’", "U.S.", "—", "...", "Wang's", "-led", "'90s", "¿Qué?", "«Llama»",
      "", "AI,", "[1]", "$15", "50%", "#1", "e.g.,", "“”",
    ] {
      #expect(QuestionAnalyzer.trimmingPunctuation(word) == word.trimmingCharacters(in: set), "\(word)")
      #expect(
        TextNormalizer.trimmed(" \t\(word) ", where: TextNormalizer.isBlank)
          == " \t\(word) ".trimmingCharacters(in: .whitespaces))
    }
  }

  @Test(arguments: [
    ("Which rate-setter held out for a bigger cut?", AnswerKind.person),
    ("Which committee set the rate?", .organisation),
    // ("wound" is the verb, of "wind up", not the noun after "judge"; "models" before "are" is
    // the noun.)
    ("Which judge wound up the developer?", .person),
    ("Which Tesla models are included in the recall?", .organisation),
    // (After "at/in what", the noun says what is asked; any other noun is where.)
    ("At what price were the shares suspended?", .money),
    ("At what altitude did the panel blow out?", .number),
    ("In which city did the talks take place?", .place),
    ("What fee did the club accept?", .money),
    ("According to Reuters, when did the probe open?", .date),
    ("Switching topics: who chairs the board?", .person),
    ("How much generating capacity was lost?", .number),
    ("What made him decide to leave?", .reason),
  ])
  func kindsFromHeadNounsAndLeadingClauses(question: String, kind: AnswerKind) {
    #expect(analyzer.analyze(question).kind == kind, "\(question)")
  }

  @Test func monthsYearsAndTitlesAreNotNames() {
    let q = analyzer.analyze("How many cars did the December 2023 Autosteer recall cover, said the Boeing CEO?")
    #expect(q.entities.contains("Autosteer"))
    #expect(q.entities.contains("Boeing"))
    #expect(!q.entities.contains { $0.contains("December") || $0.contains("2023") || $0.contains("CEO") })
  }

  @Test func wordNetRelatesQuestionWordsTheArticlesMayUse() {
    let q = analyzer.analyze("Who is the chief executive who decided to acquire the startup?")
    let related = q.terms.flatMap(\.related)
    #expect(related.contains(PorterStemmer.stem("acquisition")))
  }

  @Test func amountsMatchInEveryWriting() {
    #expect(QuestionAnalyzer.amountForms("15bn", next: nil) == ["15 billion"])
    #expect(QuestionAnalyzer.amountForms("15", next: "billion").contains("15bn"))
    #expect(QuestionAnalyzer.amountForms("two", next: "million") == ["2"])
    let q = analyzer.analyze("Was the deal worth $15bn?")
    #expect(q.terms.contains { $0.related.contains("15 billion") })
  }

  @Test func aClauseOfReferenceWeighsLessThanWhatIsAsked() {
    let q = analyzer.analyze("Who took over running the carmaker after its chief quit over the cheating?")
    let weight = { (surface: String) in q.terms.first { $0.surface == surface }?.weight ?? 0 }
    #expect(weight("carmaker") == 1)
    #expect(weight("quit") == TermWeight.referenceClause)
    #expect(weight("cheating") == TermWeight.referenceClause)
    // A yes-or-no question's sequence is its claim: every word counts.
    let yesNo = analyzer.analyze("Did the carmaker recall the cars after its chief quit?")
    #expect(yesNo.terms.first { $0.surface == "quit" }?.weight == 1)
  }

  @Test func whatAQuestionSetsAsideIsScaffolding() {
    #expect(
      QuestionAnalyzer.setAsideWords("How big was the criminal fine, as opposed to the civil penalties, in the deal?")
        == ["as", "opposed", "to", "the", "civil", "penalties"])
    let q = analyzer.analyze("How big was the criminal fine, as opposed to the civil penalties, in the deal?")
    let civil = q.terms.first { $0.surface == "civil" }
    #expect(civil?.weight == TermWeight.setAside)
    #expect(civil?.topicWeight == 1)
    #expect(q.terms.first { $0.surface == "fine" }?.weight == 1)
  }
}
