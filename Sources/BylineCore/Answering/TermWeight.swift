/// The weights the question analyzer gives a question's words. The query ranks passages by
/// them and the evidence stage counts coverage with them: 1 is a plain topic word, more is a word
/// the answering sentence must be about, less is a word that frames the question and that the
/// answering sentence rarely repeats. Set by hand on the seed corpus and corpus-b, each kept
/// only where no question set scored worse (make eval's sets, strict).
enum TermWeight {
  /// A word of a name the question asks about, or a demonym ("Spanish"): it pins the topic.
  static let name = 1.5
  /// A word after "about" in "What did she say about the camera?": what is asked.
  static let aboutFocus = 1.5
  /// A multi-word phrase the analyzer matched as one (a curated paraphrase or an idiom).
  static let phrase = 0.7
  /// A money word in a money question ("cost", "price"): the figure answers it, the word may
  /// not stand beside it.
  static let moneyWord = 0.6
  /// "timing", added to a "When will …" question: the articles may answer with what they say
  /// about the timing instead of a date.
  static let timing = 0.6
  /// "cause", added to "What started the fire?": the articles may answer by saying the cause is
  /// not known ("The cause of the fire remains unknown"). Weighted as ``timing``, by judgement.
  static let cause = 0.6
  /// A noun that only names the answer's type ("Which company …", "Which executive …").
  static let answerType = 0.5
  /// A word of a new topic a question switches to ("Switching to the Tesla recall: …").
  static let switchedTopic = 0.5
  /// The head of a "What smartphone platform …" run: the type of the answer, not its topic.
  static let typeHead = 0.4
  /// A word of a clause that places a wh-question in time after what it asks ("Who took over
  /// … after its chief quit over the diesel cheating?"): it names the earlier event, which the
  /// answering sentence need not repeat. Below a topic word, above a light one, by judgement.
  static let referenceClause = 0.5
  /// A word of a clause that sets something aside ("the criminal fine, as opposed to the civil
  /// penalties"): the answer is not about it, though its sentence may name it. Weighted as
  /// scaffolding.
  static let setAside = 0.2
  /// A light word (a common verb or noun of little content), or a duration question's verb
  /// ("last", "take").
  static let light = 0.35
  /// A word inside a matched phrase, kept for ranking only.
  static let phraseWord = 0.3
  /// Scaffolding: a date or outlet question's type noun ("date", "outlet"), "how long"'s
  /// adjective, a verb that frames another before "up" ("end up testifying").
  static let scaffold = 0.2
}
