/// Every weight and threshold the rule-based answerer decides with, in one documented value.
///
/// How values were chosen: thresholds that decide whether to answer were fitted
/// leave-one-corpus-out on the development corpora (the seeds, ../shared/eval/corpus-b and
/// Tests/Eval/corpus-c, -d and -e) with `Tests/Eval/calibrate.py`: fit on the others, report on
/// the one held out; the value kept is the one the folds agree on (or their middle value). Shape limits (words a
/// lead may hold) come from what a reader takes in at once and from the strict scoring rule.
public struct AnswerTuning: Sendable, Equatable {
  /// Share of the question's term weight (idf-weighted, synonyms counted lower) a passage or its
  /// neighbours must hold to become a candidate answer at all. A floor, not the decision: the
  /// decision is ``answerThreshold`` on the candidate's confidence. Chosen low so that
  /// paraphrased questions reach composition (0.55 refused most paraphrases on blind sets).
  public var candidateCoverage = 0.30
  /// Share of the question's (idf-weighted) term weight held by words that no article uses, and
  /// that no paraphrase or WordNet synonym of theirs stands in for, above which the answerer
  /// refuses at once ("none of its articles mentions …"). High: a common word the corpus never
  /// uses is often only the question's own phrasing; names are checked separately.
  public var missingWordShare = 0.6
  /// "How much lower will payments be?": a sentence with a figure answers even without the
  /// counted word ("lower") when it holds this share of the question in itself, and of the
  /// question's words other than names (names alone do not say what was counted).
  public var unfocusedFigureCoverage = 0.5
  /// The same floor for a short follow-up ("When?"), whose words come mostly from earlier turns,
  /// and for a passage that puts a figure before the word a count question counts.
  public var followUpCandidateCoverage = 0.25
  /// A follow-up keeps the earlier answer's sentence when that sentence holds this share of the
  /// new question's words in itself ("And what will it keep behind its firewall?" after "What
  /// will Meta release on GitHub?": one sentence says both). By judgement: near all of them.
  public var repeatSentenceCoverage = 0.9
  /// "Why?" after an answer: a passage with a reason span other than the earlier answer's
  /// sentence leads when its score is at least this share of the best. Lower than
  /// ``freshLeadShare`` because "Why?" brings no words of its own to score with; by judgement,
  /// checked on the follow-up sets of the four corpora.
  public var freshReasonLeadShare = 0.5
  /// Added to the confidence of an either-or answer whose lead names one option ("France or
  /// Italy?" led by a sentence about France). By judgement: it lifts a settled answer of middling
  /// coverage over the threshold (0.31 → 0.51 on corpus-c's scooter question) and leaves a weak
  /// one below it (corpus-c's France-or-Italy question, 0.26 with it); `make calibrate` then
  /// re-checks the threshold. A list question ("Name the four policymakers …") whose lead names
  /// as many people as it asks for is settled alike, and its topic words need not all stand
  /// there ("preferred to hold" for "wanted to keep").
  public var settledOptionBonus = 0.2
  /// Confidence (0–1) below which the answerer refuses. Fitted leave-one-corpus-out over five
  /// corpora (`make calibrate`): the folds chose 0.32 (held out corpus-b, corpus-e), 0.26 (seeds,
  /// corpus-d) and 0.18 (corpus-c); all three give the same total (261/311), so the value stays;
  /// see the README section "How an answer is made".
  public var answerThreshold = 0.32
  /// Weight of the coverage of the sentence with its neighbours in the confidence.
  public var confidenceCoverageWeight = 0.35
  /// Weight of the coverage of the sentence alone in the confidence.
  public var confidenceSentenceWeight = 0.35
  /// Weight of the coverage of the question's non-name words in the confidence: a sentence
  /// that holds only the names asks nothing of what the question is about.
  public var confidenceTopicWeight = 0.3
  /// Factor on the confidence when the question expects a typed span (a name, date, figure)
  /// and the lead sentence holds none.
  public var missingSpanFactor = 0.75
  /// Factor on the confidence when some name of the question stands in neither the sentence
  /// nor its paragraph or title.
  public var missingNameFactor = 0.6
  /// Factor on the confidence when the lead sentence lacks the question's focus
  /// (``QuestionFocus``: the role, head noun or counted thing and its verb), as a word, a
  /// paraphrase or a synonym: it tells of the question's names, not of what is asked. Fitted
  /// with the threshold leave-one-corpus-out over seven corpora (`make calibrate
  /// FIELD=missingFocusFactor=1.0,0.8,0.7,0.6,0.5,0.4`): the folds chose 0.5 with a threshold
  /// of 0.26 (corpus-d, -e, -f, -g, seeds) and 0.6 with 0.30–0.32 (corpus-b, -c); held out,
  /// 329/411 against 325/411 without the factor. On all corpora 0.6 at the standing threshold
  /// of 0.32 gives 332/411 and 0.5 at 0.26 gives 333: 0.6 is kept with the threshold, which
  /// one more answer does not justify lowering.
  public var missingFocusFactor = 0.6
  /// Share of a yes-or-no question's claim words (its non-name, non-light terms) the lead
  /// sentence must hold, as words, paraphrases or synonyms, to answer Yes: a sentence that
  /// leaves the claim out ("split 5-4" for "unanimous?") does not confirm it.
  public var yesClaimShare = 0.6
  /// Share of the question's topic weight (its non-name words) below which the lead is taken
  /// to hold only the question's names: "In what year did X found Y?" answered by a sentence
  /// about X and Y that says nothing of founding.
  public var minimumTopicCoverage = 0.2
  /// Factor on the confidence when the lead's topic coverage is under ``minimumTopicCoverage``.
  public var missingTopicFactor = 0.6
  /// Topic coverage below which the lead holds nothing of the question's topic: "Who scored
  /// Bayern's goals against Leipzig?" led by "Bayern face Leipzig on Saturday" (no scoring, no
  /// goals).
  public var absentTopicCoverage = 0.05
  /// ``missingTopicFactor`` for a lead under ``absentTopicCoverage``. 0.3 and 0.45 gave the same
  /// scores on every set (one refusal more on the corpus-b blind set than without it, nothing
  /// else moved); the milder is kept.
  public var absentTopicFactor = 0.45
  /// ``missingSpanFactor`` for questions about people: a sentence that names nobody does not
  /// say who.
  public var missingPersonFactor = 0.55
  /// A lead sentence up to this many words is quoted whole; a longer one is trimmed to the
  /// clause that holds the answer (the strict reading rule allows 40).
  public var leadMaxWords = 35
  /// ``leadMaxWords`` for list questions, whose items a trim would cut (still under the 40 of
  /// the strict rule, with the citation marker).
  public var listLeadMaxWords = 38
  /// Words kept when a long sentence is trimmed to its answering clause.
  public var trimmedLeadWords = 30
  /// A passage with a span of the expected type replaces the top passage as lead when its score
  /// is at least this share of the best score (people: a name is rarer, so less is asked).
  public var typedLeadShare = 0.85
  /// ``typedLeadShare`` for questions about people.
  public var typedPersonLeadShare = 0.7
  /// A passage saying something is not known replaces the lead, for questions about what is
  /// unknown and for yes-or-no questions, when its score is at least this share of the best.
  public var uncertainLeadShare = 0.7
  /// ``uncertainLeadShare`` for a question whether something was made known ("Has the fee been
  /// made public?") whose lead says nothing of making anything known: such a lead cannot answer,
  /// so a weaker sentence saying it was not disclosed may. By judgement (half the best score).
  public var disclosureLeadShare = 0.5
  /// A follow-up whose best passage is one the earlier answer quoted leads instead with the
  /// best other passage whose score is at least this share of the best.
  public var freshLeadShare = 0.8
  /// A date question whose lead gives only a weekday or a relative time leads instead with a
  /// passage giving a calendar date when its score is at least this share of the best.
  public var calendarDateLeadShare = 0.6
  /// A "how long" question whose lead gives no duration of the thing itself ("a day after …",
  /// "a six-month rotation flight") leads instead with a passage that does ("pinned beneath the
  /// wreckage for seven weeks", "a stay of about eight months") when its score is at least this
  /// share of the best. Set as ``calendarDateLeadShare``, the same kind of choice for dates.
  public var durativeLeadShare = 0.6
  /// The share of the best score a sentence that counts the thing a "How many X" question asks
  /// for ("369 ships") needs to replace a lead that only mentions it ("a 400-metre vessel").
  /// The same as ``durativeLeadShare``: both prefer the figure of the asked thing over another.
  public var countingLeadShare = 0.6
  /// A yes-or-no question leads with the sentence holding most of its claim among those whose
  /// score is at least this share of the best (0.9, 0.75 and 0.6 tried: 0.75 and 0.6 each gained
  /// one question on corpus-b and one on corpus-c and changed nothing on the seeds).
  public var claimLeadShare = 0.75
  /// A yes-or-no lead that holds less than ``yesClaimShare`` of the claim gives way to a weaker
  /// passage that holds at least that much, down to this share of the best score. Below
  /// ``claimLeadShare``, since a sentence holding the whole claim is rarer than one holding
  /// more of it; 0.5, half the best, by judgement.
  public var wholeClaimLeadShare = 0.5
  /// Passages searched for the outcome of a yes-or-no question about a figure someone asked for
  /// (``RuleAnswerer/outcomeEvidence(_:lead:)``): the answer's usual retrieval depth, 12.
  public var outcomeSearchLimit = 12
  /// Weight of the words of a name a follow-up's pronoun was read as ("she" → Laurence des
  /// Cars): less than a name the question typed, since the answering sentence may say "she".
  public var substitutedNameWeight = 0.6
  /// A supporting citation from another article needs at least this share of the best score.
  public var supportScoreShare = 0.6
  /// A supporting sentence from another article must hold at least this share of the question
  /// weight the lead's sentence holds ("Reported in 3 of 5 articles" counts only those that
  /// state it).
  public var supportCoverageShare = 0.8
  /// Most citations an answer carries.
  public var maxCitations = 4

  /// The tuning the answerer ships with.
  public static let standard = AnswerTuning()

  /// Creates the standard tuning.
  public init() {}

  /// Sets the field called `name` (for calibration runs); false when there is no such field.
  public mutating func set(_ name: String, to value: Double) -> Bool {
    switch name {
    case "candidateCoverage": candidateCoverage = value
    case "missingWordShare": missingWordShare = value
    case "followUpCandidateCoverage": followUpCandidateCoverage = value
    case "answerThreshold": answerThreshold = value
    case "confidenceCoverageWeight": confidenceCoverageWeight = value
    case "confidenceSentenceWeight": confidenceSentenceWeight = value
    case "confidenceTopicWeight": confidenceTopicWeight = value
    case "missingSpanFactor": missingSpanFactor = value
    case "missingNameFactor": missingNameFactor = value
    case "missingFocusFactor": missingFocusFactor = value
    case "yesClaimShare": yesClaimShare = value
    case "minimumTopicCoverage": minimumTopicCoverage = value
    case "missingTopicFactor": missingTopicFactor = value
    case "absentTopicCoverage": absentTopicCoverage = value
    case "absentTopicFactor": absentTopicFactor = value
    case "missingPersonFactor": missingPersonFactor = value
    case "leadMaxWords": leadMaxWords = Int(value)
    case "listLeadMaxWords": listLeadMaxWords = Int(value)
    case "trimmedLeadWords": trimmedLeadWords = Int(value)
    case "typedLeadShare": typedLeadShare = value
    case "typedPersonLeadShare": typedPersonLeadShare = value
    case "uncertainLeadShare": uncertainLeadShare = value
    case "disclosureLeadShare": disclosureLeadShare = value
    case "supportScoreShare": supportScoreShare = value
    case "supportCoverageShare": supportCoverageShare = value
    case "freshLeadShare": freshLeadShare = value
    case "calendarDateLeadShare": calendarDateLeadShare = value
    case "claimLeadShare": claimLeadShare = value
    case "durativeLeadShare": durativeLeadShare = value
    case "countingLeadShare": countingLeadShare = value
    case "wholeClaimLeadShare": wholeClaimLeadShare = value
    case "outcomeSearchLimit": outcomeSearchLimit = Int(value)
    case "substitutedNameWeight": substitutedNameWeight = value
    case "unfocusedFigureCoverage": unfocusedFigureCoverage = value
    case "maxCitations": maxCitations = Int(value)
    case "settledOptionBonus": settledOptionBonus = value
    case "freshReasonLeadShare": freshReasonLeadShare = value
    case "repeatSentenceCoverage": repeatSentenceCoverage = value
    default: return false
    }
    return true
  }
}
