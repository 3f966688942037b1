import Foundation

/// The entry point front ends use: opens the store for a corpus folder, brings it up to date,
/// and answers questions through a backend, keeping the conversation.
public final class BylineEngine: @unchecked Sendable {
  /// Where the corpus and store are.
  public let location: StoreLocation
  /// The store: a SQLite file unless another ``ArticleArchive`` was handed in.
  public let store: any ArticleArchive
  /// What the last update of the store did.
  public private(set) var lastSync: SyncReport
  /// What opening the store had to do (see ``ArticleStore/notices``), for the user.
  public var notices: [String] { store.notices }
  private var cachedRules: RuleAnswerer?
  /// Whether the rule engine primes itself when made (true for sessions; a one-shot `ask`
  /// sets it false, since priming costs more than it saves for one question).
  public var warmUp = true
  /// The backend that phrases answers: rules unless a model backend was set.
  public var backend: any AnswerBackend = RulesBackend()
  /// The weights and thresholds the rule engine answers with (set before the first answer).
  public var tuning = AnswerTuning.standard
  private let rulesLock = NSLock()
  private var watcher: CorpusWatcher?
  /// Set when another process changed a store this engine does not index (a shared server).
  private let changedElsewhere = ChangeFlag()

  /// The rule-based engine (also the fallback of every other backend), made on first use, so
  /// that commands that only index or list never pay for it.
  public var rules: RuleAnswerer {
    get throws {
      rulesLock.lock()
      defer { rulesLock.unlock() }
      if let cachedRules { return cachedRules }
      let made = try RuleAnswerer(store: store, warmUp: warmUp)
      made.tuning = tuning
      cachedRules = made
      return made
    }
  }

  /// Opens the store at `location` and brings it up to date with the corpus.
  ///
  /// - Parameters:
  ///   - adding: files or folders to index along with the corpus folder.
  ///   - rebuild: read every article again.
  ///   - access: one connection for a command that answers and exits, a pool for a session.
  ///   - progress: told how the update of the store goes; returning false stops it
  ///     (``IndexInterrupted``).
  public convenience init(
    location: StoreLocation, adding: [String] = [], rebuild: Bool = false, access: ArticleStore.Access = .session,
    progress: IndexProgressHandler? = nil
  ) throws {
    try self.init(
      location: location, store: ArticleStore(path: location.store, access: access), adding: adding,
      rebuild: rebuild, progress: progress)
  }

  /// Opens the engine over a store already open (a database server's, say). A store that is
  /// ``ArticleArchive/isReadOnly`` is answered from as it is, with `adding` and `rebuild`
  /// ignored; its changes by other processes drop what the engine derived from it (see
  /// ``refresh()``).
  ///
  /// - Parameters:
  ///   - location: the corpus folder, and the store as messages name it.
  ///   - store: the store.
  ///   - adding: files or folders to index along with the corpus folder.
  ///   - rebuild: read every article again.
  ///   - progress: told how the update of the store goes; returning false stops it.
  public init(
    location: StoreLocation, store: any ArticleArchive, adding: [String] = [], rebuild: Bool = false,
    progress: IndexProgressHandler? = nil
  ) throws {
    self.location = location
    self.store = store
    self.lastSync = try store.update(
      knowledge: location.knowledge, adding: adding, rebuild: rebuild, progress: progress)
    if store.isReadOnly {
      let flag = changedElsewhere
      store.observeChanges { flag.set() }
    }
  }

  /// Starts watching the corpus folder, so that ``refresh()`` reads only the files that changed.
  /// Returns false when the system cannot watch it.
  @discardableResult
  public func watchCorpus() -> Bool {
    if watcher == nil { watcher = CorpusWatcher(folder: location.knowledge) }
    return watcher != nil
  }

  /// Brings the store up to date with what changed in the corpus since it was opened or last
  /// refreshed (a session calls it before each question): the files the watcher saw change, or
  /// a scan of the whole corpus when it lost events. Does nothing unless ``watchCorpus()`` was
  /// called.
  @discardableResult
  public func refresh() throws -> SyncReport {
    if changedElsewhere.take() {
      // Another process indexed into the shared store: outlets and articles are read again.
      rulesLock.lock()
      cachedRules = nil
      rulesLock.unlock()
      var report = SyncReport()
      report.changedElsewhere = true
      return report
    }
    guard let watcher, !store.isReadOnly else { return SyncReport() }
    let changes = watcher.changes()
    // A corpus folder that is gone (unmounted, moved) leaves the store as it is.
    guard FileManager.default.fileExists(atPath: location.knowledge) else { return SyncReport() }
    let report =
      changes.complete
      ? try store.update(changed: changes.paths)
      : try store.update(knowledge: location.knowledge, adding: [], rebuild: false, progress: nil)
    if report.changed {
      // The rule engine knows the corpus's outlets and articles: made again on next use.
      rulesLock.lock()
      cachedRules = nil
      rulesLock.unlock()
      lastSync = report
    }
    return report
  }

  /// Answers one question with the rule-based engine (no conversation).
  public func ask(_ question: String) throws -> Answer {
    try rules.answer(question).0
  }
}

extension BylineEngine {
  /// How many passages a backend is given: the rules answer's citations first, then the best
  /// of the rest.
  public static let evidenceLimit = 6

  /// Resolves `text` against `conversation`, retrieves and composes the rules answer, and
  /// returns what a backend needs to answer it (without recording the turn).
  public func request(for text: String, in conversation: Conversation) throws -> (AnswerRequest, AnswerTrace) {
    let rules = try self.rules
    // A paste, not a question: refused before follow-up resolution reads it.
    if let (refused, trace) = RuleAnswerer.refusal(forLength: text) {
      return (AnswerRequest(question: text, evidence: [], rules: refused), trace)
    }
    let resolution = conversation.resolve(text, analyzer: rules.analyzer)
    var (answer, trace) = try rules.answer(text, resolution: resolution)
    answer.question = text
    answer.understoodAs = resolution?.focus
    if let display = resolution?.display { answer.note = display }
    var evidence: [Citation] = []
    var seen = Set<String>()
    for c in answer.citations where seen.insert(c.id + "\u{0}" + c.quote).inserted {
      evidence.append(c)
    }
    if answer.kind != .corpus {
      for p in trace.passages where evidence.count < Self.evidenceLimit {
        let s = p.passage
        guard seen.insert(s.articleId + "\u{0}" + s.text).inserted else { continue }
        evidence.append(
          Citation(
            n: 0, id: s.articleId, title: s.title, outlet: s.outlet, date: s.date, quote: s.text, cites: s.credited))
      }
    }
    for i in evidence.indices { evidence[i].n = i + 1 }
    let request = AnswerRequest(
      question: text, resolved: resolution?.focus, history: conversation.turns, evidence: evidence, rules: answer)
    return (request, trace)
  }

  /// Answers `text` as the next turn of `conversation`: resolves follow-ups from earlier turns,
  /// answers through ``backend`` (rules unless another was set), records the turn. Returns the
  /// answer and how it was found. `stream` receives a model's checked sentences as they come.
  public func answer(_ text: String, in conversation: Conversation, stream: AnswerStream? = nil) throws -> (
    Answer, AnswerTrace
  ) {
    // A paste, not a question: refused, and not a turn.
    if let refused = RuleAnswerer.refusal(forLength: text) { return refused }
    let (request, trace) = try request(for: text, in: conversation)
    let clock = ContinuousClock.now
    var answer = try backend.answer(request, stream: stream)
    if answer.backend != "rules" || answer.fallbackReason != nil {
      answer.elapsedMs = request.rules.elapsedMs + (ContinuousClock.now - clock).milliseconds
    }
    answer.question = text
    answer.understoodAs = request.resolved
    if let display = request.rules.note, answer.note == nil { answer.note = display }
    conversation.record(Turn(question: text, understood: request.resolved ?? text, answer: answer))
    return (answer, trace)
  }
}
