import Foundation

/// How a follow-up was understood: the question rewritten to stand alone, and the earlier
/// turn's words that give it context.
public struct Resolution: Sendable, Hashable {
  /// The question with its references filled in ("When did Mark Zuckerberg write it?").
  public var focus: String
  /// Words from the earlier turn that the question relies on (searched with less weight).
  public var context: String
  /// How to show the reading to the user.
  public var display: String
  /// Outlets the earlier turn was about, kept for short follow-ups ("Why?", "When?").
  public var outlets: [String] = []
  /// Whether the follow-up is too short to stand on its words alone.
  public var short = false
  /// The earlier turn's question type, for "And the licensing terms?" after "When …?".
  public var kind: AnswerKind?
  /// How much the earlier turn's words weigh beside the follow-up's own (0 to 1).
  public var contextWeight = 0.35
  /// Answers the follow-up must not give again ("Who else …?" after a name).
  public var excluded: [String] = []
  /// The sentences the earlier answer quoted.
  public var previousQuotes: [String] = []
  /// Names put in for pronouns ("she" → Laurence des Cars): the articles go on saying "she".
  public var substituted: [String] = []
  /// The name the earlier answer gave, put in for "it" or "they" ("How far off the coast does
  /// it discharge the water?" after TEPCO): required at first, and not if that is refused (the
  /// articles go on saying "it" too).
  public var answered: [String] = []
}

/// Keeps the turns of one conversation and resolves follow-up questions ("When did he write
/// it?", "Why?", "And Reuters?") from the entities and topic of earlier turns. A question that
/// stands on its own is never changed.
public final class Conversation: @unchecked Sendable {
  /// Turns so far, oldest first.
  public private(set) var turns: [Turn] = []

  /// Creates an empty conversation.
  public init() {}

  /// Forgets every turn.
  public func reset() { turns.removeAll() }

  /// Records an answered turn.
  public func record(_ turn: Turn) {
    turns.append(turn)
    if turns.count > 20 { turns.removeFirst() }
  }

  /// Weight of an earlier turn's words in a follow-up that brings its own subject ("And
  /// Google?") or says what it asks in its own words: enough to frame the search, too little to
  /// pull the earlier answer back.
  static let framingWeight = 0.15
  /// Content words (weight 0.5 or more) from which a follow-up says what it asks by itself.
  static let selfContainedTerms = 3
  static let personPronouns: Set<String> = ["he", "him", "his", "she", "her", "hers", "himself", "herself"]
  /// At most this many content words and words in all make a question without names about "the"
  /// something a follow-up ("How long did the job take?"). By judgement: longer questions
  /// name their topic.
  static let definiteTermLimit = 2
  static let definiteWordLimit = 8
  static let thingPronouns: Set<String> = ["it", "its", "they", "them", "their", "theirs", "itself"]
  /// The pronouns that stand for an organisation or outlet the last answer named.
  static let answerPronouns: Set<String> = ["it", "its", "they", "them", "their"]
  static let demonstratives: Set<String> = ["that", "this", "those", "these", "there", "then"]
  /// Words that open a question of its own.
  static let questionWords: Set<String> = [
    "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "is", "are",
    "was", "were", "will", "has", "have", "can", "could", "would", "should",
  ]
  static let elliptical = try! NSRegularExpression(
    pattern: #"^\s*(?:and|but|also|what about|how about|and what about)\b[,\s]*(.*?)[?.!]*\s*$"#,
    options: [.caseInsensitive])

  /// The question resolved against earlier turns, or nil when it stands alone.
  public func resolve(_ text: String, analyzer: any QuestionAnalyzing) -> Resolution? {
    // Nothing to follow on from after a question about the corpus or one the corpus did not answer.
    // A refused turn still lends its names and words to the next one.
    guard let last = turns.last, last.answer.kind != .corpus else { return nil }
    // "Switching to the Tesla recall: …" starts a new topic: the question stands alone.
    if QuestionAnalyzer.topicSwitch(text) != nil { return nil }
    let question = analyzer.analyze(text)
    let words = Tokenizer.words(text)
    let previous = last.understood
    let context = Self.strip(previous) + (last.answer.abstained ? "" : " " + (last.answer.focus ?? ""))
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let ns = trimmed as NSString
    // "And what will it keep …?": a question of its own that carries on the topic.
    var carriesOn = false
    // "And Reuters?" / "What about SectorHQ?" / "And the licensing terms?"
    if let m = Self.elliptical.firstMatch(in: trimmed, range: NSRange(location: 0, length: ns.length)) {
      let rest = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
      // "And what total did Bloomberg give for 2021?" is a question of its own, not a fragment.
      let restWords = Tokenizer.words(rest)
      // ("What about its share price on the day, how far did it fall?" asks after its comma.)
      let asksItself =
        (restWords.first.map(Self.questionWords.contains) ?? false)
        && !(restWords.count > 1 && restWords[1] == "about")
        || rest.split(separator: ",").dropFirst().contains { clause in
          Tokenizer.words(String(clause)).first.map(Self.questionWords.contains) ?? false
        }
      carriesOn = asksItself
      if !rest.isEmpty, !asksItself {
        let focus = ellipsis(rest, previous: previous, analyzer: analyzer)
        var resolution = Resolution(
          focus: focus, context: context, display: "reading it as “\(focus)”, after “\(Self.strip(previous))”")
        if !focus.hasPrefix("What about ") {
          // "What about OpenTools?" after a question about another outlet is "What does
          // OpenTools say?"; "And Missy Cummings?" is the earlier question with her name for his,
          // holding every earlier word but the name it replaced. Neither takes the earlier
          // question as context: it would bring back the replaced name.
          resolution.contextWeight = 0
        } else {
          // "And Google?": the new subject carries the question; the old words only frame it.
          resolution.contextWeight = Self.framingWeight
          // "And the licensing terms?" after "When …?" asks the same kind of question.
          if rest.first?.isLowercase == true, [.date, .reason, .yesNo, .person, .place].contains(last.answer.kind) {
            resolution.kind = last.answer.kind
          }
        }
        return resolution
      }
    }
    let contentTerms = question.terms.filter { $0.weight >= 0.5 }
    let personRef = words.contains(where: Self.personPronouns.contains)
    let thingRef = words.contains(where: Self.thingPronouns.contains)
    let referring = personRef || thingRef || refersBack(words)
    let short = contentTerms.count <= 1 && words.count <= 4 && question.entities.isEmpty && question.outlets.isEmpty
    // "How long did the job take?" after "Which ship repaired the cable?": a short question
    // without names about "the" something refers to what the conversation was about.
    let definite =
      contentTerms.count <= Self.definiteTermLimit && words.count <= Self.definiteWordLimit
      && words.contains("the") && question.entities.isEmpty && question.outlets.isEmpty
    guard referring || short || definite else { return nil }
    if !question.entities.isEmpty && !personRef && !short && !thingRef { return nil }
    var focus = trimmed
    var notes: [String] = []
    var substituted: [String] = []
    var answered: [String] = []
    // "It", "they" for the name the earlier answer gave: required at first (``Resolution/answered``).
    func takeAnswered(_ thing: String) {
      focus = Self.substitute(in: focus, pronouns: Self.answerPronouns, with: thing)
      answered.append(thing)
      notes.append("taking “\(words.first(where: Self.answerPronouns.contains) ?? "it")” as \(thing)")
    }
    if personRef, let person = lastPerson() {
      substituted.append(person)
      focus = Self.substitute(in: focus, pronouns: Self.personPronouns, with: person)
      let pronoun = words.first(where: Self.personPronouns.contains) ?? "he"
      notes.append("taking “\(pronoun)” as \(person)")
    } else if thingRef, [.outlet, .organisation, .person].contains(last.answer.kind), let thing = last.answer.focus,
      !last.answer.abstained, question.entities.isEmpty
    {
      // "Who owns the ship?" then "What did Egypt demand from them?": the owner the answer named.
      // ("Who is its director?" after "Which firm estimated …?": the firm's director.)
      takeAnswered(thing)
    } else if thingRef, question.entities.isEmpty, case let earlier = analyzer.analyze(previous),
      case let things = earlier.entities.filter({ !earlier.outlets.contains($0) }),
      // (A name may read as a person's, "Ever Given": one that does not comes first.)
      let thing = things.first(where: { !SpanFinder.isPerson($0) }) ?? things.first,
      // (Only the earlier question's subject: after "Who made the first pledge for Notre-Dame?",
      // "How much was it?" asks about the pledge.)
      Self.isSubject(thing, of: previous)
    {
      // "Where did the Ever Given get stuck?" then "Where was it taken once refloated?": "it" is
      // the thing the earlier question named, which the articles go on naming.
      focus = Self.substitute(in: focus, pronouns: ["it", "its"], with: thing)
      substituted.append(thing)
      notes.append("taking “\(words.contains("it") ? "it" : "its")” as \(thing)")
    } else if thingRef, question.entities.isEmpty, !last.answer.abstained,
      let thing = Self.objectNamed(byAnswer: last.answer.answer, to: previous)
    {
      // "What did NASA's DART spacecraft crash into?" then "How wide is it?": "it" is the thing
      // the answer named, not the question's subject ("… the asteroid Dimorphos …").
      takeAnswered(thing)
    }
    if words.contains("there"), !last.answer.abstained, [.place, .organisation].contains(last.answer.kind),
      let place = last.answer.focus, !focus.contains(place)
    {
      // "Which hotel was he taken to?" then "How long was he kept there?": the place the answer
      // named.
      focus = Self.substitute(in: focus, pronouns: ["there"], with: "in " + place)
      answered.append(place)
      notes.append("taking “there” as \(place)")
    }
    let display = notes.isEmpty ? "following on from “\(Self.strip(previous))”" : notes.joined(separator: "; ")
    var outlets: [String] = []
    if short {
      outlets = analyzer.analyze(previous).outlets
      if let f = last.answer.focus, last.answer.kind == .outlet, !last.answer.abstained, !outlets.contains(f) {
        outlets.append(f)
      }
    }
    var resolution = Resolution(focus: focus, context: context, display: display, outlets: outlets, short: short)
    // "Why had the British regulator blocked it earlier?": a question that says what it asks
    // in its own words takes the earlier turn's words only as a frame.
    if contentTerms.count >= Self.selfContainedTerms || carriesOn { resolution.contextWeight = Self.framingWeight }
    // The earlier answer's sentences, which a new question should not get again unless they
    // answer it best by far.
    resolution.previousQuotes = last.answer.citations.map(\.quote)
    resolution.substituted = substituted
    resolution.answered = answered
    // "Who else quit?": not the one the last answer named.
    if words.contains("else") || words.contains("other") || words.contains("another") {
      resolution.excluded = (last.answer.focus.map { [$0] } ?? []) + analyzer.analyze(previous).entities
    }
    return resolution
  }

  private func ellipsis(_ rest: String, previous: String, analyzer: any QuestionAnalyzing) -> String {
    let prev = analyzer.analyze(previous)
    let restQuestion = analyzer.analyze("What about " + rest + "?")
    if let outlet = restQuestion.outlets.first {
      if let old = prev.outlets.first, previous.contains(old) {
        return previous.replacingOccurrences(of: old, with: outlet)
      }
      return "What does \(outlet) say?"
    }
    let isName = rest.first?.isUppercase == true
    // "And Missy Cummings?" after "What did Michael Brooks say about the Tesla recall?": a
    // person stands in for the earlier person, anything else for the earlier name of its kind.
    let person = SpanFinder.isPerson(rest)
    let sameKind = prev.entities.filter { SpanFinder.isPerson($0) == person && previous.contains($0) }
    if isName, let old = sameKind.last ?? prev.entities.last, previous.contains(old), prev.kind != .organisation {
      return previous.replacingOccurrences(of: old, with: rest)
    }
    return "What about \(rest)?"
  }

  private func refersBack(_ words: [String]) -> Bool {
    for (i, w) in words.enumerated() where Self.demonstratives.contains(w) {
      if words.count - i - 1 <= 2 { return true }
    }
    return false
  }

  /// Whether `name` is the subject of `question`: right after its question word and auxiliary
  /// ("Where did the Ever Given get stuck?", "When was SLIM launched?").
  static func isSubject(_ name: String, of question: String) -> Bool {
    let words = Tokenizer.words(TextNormalizer.fold(question))
    let own = Tokenizer.words(TextNormalizer.fold(name))
    guard words.count > 2, questionWords.contains(words[0]), let first = own.first else { return false }
    var i = 1
    // "Did the Ever Given …?" opens with its auxiliary.
    if !QuestionAnalyzer.auxiliaries.contains(words[0]) {
      if ["many", "much", "long"].contains(words[i]) { i += 1 }
      guard i < words.count, QuestionAnalyzer.auxiliaries.contains(words[i]) else { return false }
      // "What did NASA's DART crash into?": the thing asked for is the object, which the answer
      // names, and a later "it" is that thing, not the subject.
      if ["what", "which", "who", "whom"].contains(words[0]), ["did", "does", "do"].contains(words[i]) {
        return false
      }
      i += 1
    }
    if i < words.count, words[i] == "the" { i += 1 }
    return i < words.count && words[i] == first
  }

  /// The name an answer gave for the object `question` asked about ("What did NASA's DART
  /// crash into?" asks for the object: ``isSubject(_:of:)`` is false for its subject), when its
  /// lead names exactly one thing the question did not: nil otherwise.
  static func objectNamed(byAnswer answer: String, to question: String) -> String? {
    let words = Tokenizer.words(TextNormalizer.fold(question))
    guard words.count > 2, ["what", "which"].contains(words[0]), ["did", "does", "do"].contains(words[1]) else {
      return nil
    }
    let lead = answer.components(separatedBy: "[").first ?? ""
    // (The question's own names are words of its text.)
    let folded = TextNormalizer.fold(question).lowercased()
    let new = SpanFinder.names(in: lead).filter { name in
      !folded.contains(name.lowercased()) && DateFinder.dates(in: name).isEmpty && !SpanFinder.isPerson(name)
        && OutletDirectory.standard.canonical(name) == nil
    }
    return new.count == 1 ? new[0] : nil
  }

  /// The last person the conversation named: in the last answer's lead, else its question.
  func lastPerson() -> String? {
    for turn in turns.reversed() {
      // (The hotel a "Which hotel …?" answer named reads like a person's name: only a person's
      // answer gives its focus.)
      if let f = turn.answer.focus, ![.place, .organisation, .outlet].contains(turn.answer.kind), SpanFinder.isPerson(f)
      {
        return f
      }
      let lead = turn.answer.answer.components(separatedBy: "[").first ?? ""
      if let p = Self.person(in: lead) { return p }
      if let p = Self.person(in: turn.understood) { return p }
      for c in turn.answer.citations.prefix(1) {
        if let p = Self.person(in: c.quote) { return p }
      }
    }
    return nil
  }

  /// The first name in `text` that reads as a person's, titles kept, and does not follow "the"
  /// (``SpanFinder/followsThe(_:in:)``).
  static func person(in text: String) -> String? {
    SpanFinder.names(in: text).first { SpanFinder.isPerson($0) && !SpanFinder.followsThe($0, in: text) }
  }

  static func strip(_ s: String) -> String {
    s.trimmingCharacters(in: CharacterSet(charactersIn: "?!. ").union(.whitespacesAndNewlines))
  }

  static func substitute(in text: String, pronouns: Set<String>, with name: String) -> String {
    var out: [String] = []
    for token in text.split(separator: " ", omittingEmptySubsequences: false) {
      let core = token.trimmingCharacters(in: .punctuationCharacters)
      let lower = core.lowercased()
      if pronouns.contains(lower) {
        let replacement = lower == "his" || lower == "its" || lower == "their" ? name + "'s" : name
        out.append(token.replacingOccurrences(of: core, with: replacement))
      } else {
        out.append(String(token))
      }
    }
    return out.joined(separator: " ")
  }
}
