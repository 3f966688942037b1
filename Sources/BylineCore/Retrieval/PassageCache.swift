import Foundation

/// Passages read from the store and what the rerank derives from them (stem sets, neighbouring
/// sentences, the stems of a paragraph and of its title, answer spans), kept across questions by
/// passage row id, so that a passage is read and analysed once, not once per question that
/// retrieves it.
///
/// Every entry is dropped when the index reports a committed change to its passages or articles
/// (``PassageIndex/observeChanges(_:)``), and when the cache holds `limit` passages.
final class PassageCache: @unchecked Sendable {
  /// A passage and the stems the quick rerank needs.
  struct Entry {
    /// The passage as stored (its `score` is 0; the caller sets the rank of its query).
    var passage: StoredPassage
    /// Its stems as a set.
    var stemSet: Set<String>
    /// The stems it holds only in capitalised words after its first: parts of names ("car" of
    /// "Laurence des Cars").
    var nameOnly: Set<String>
    /// Whether `stemSet` and `nameOnly` are made: a passage read only as the context of
    /// another (its paragraph, the one before, the lede) is kept unanalysed until it is a
    /// candidate itself, as most never are.
    private(set) var analysed = true

    /// A passage kept only for its text, analysed when it is first a candidate.
    init(unanalysed passage: StoredPassage) {
      self.passage = passage
      self.stemSet = []
      self.nameOnly = []
      self.analysed = false
    }

    init(passage: StoredPassage, stemSet: Set<String>) {
      self.passage = passage
      self.stemSet = stemSet
      // Only the capitalised words are stemmed again: a stem they account for every time it
      // occurs in the passage's stems never stands in lower case.
      // (A title before a person's name, "Judge Amit Mehta", is the word itself: a judge.)
      var capital: [String: Int] = [:]
      let tokens = passage.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
      let capitalised = tokens.dropFirst().filter { $0.first?.isUppercase == true }
      let titles =
        capitalised.isEmpty
        ? [] : Set(SpanFinder.names(in: TextNormalizer.fold(passage.text)).flatMap(QuestionAnalyzer.titleWords))
      for token in capitalised where !titles.contains(token.lowercased()) {
        for stem in Tokenizer.stems(String(token)) { capital[stem, default: 0] += 1 }
      }
      if capital.isEmpty {
        nameOnly = []
      } else {
        var total: [String: Int] = [:]
        for stem in passage.stems where capital[stem] != nil { total[stem, default: 0] += 1 }
        nameOnly = Set(capital.filter { stem, n in n >= (total[stem] ?? 0) }.keys)
      }
    }
  }

  /// What the full rerank reads around a passage: its neighbours and the stems of its context.
  struct Context {
    /// The sentences just before and after it in its paragraph.
    var neighbours: [StoredPassage]
    /// The neighbours' stems, and the heading's when there is one, one list each.
    var lists: [[String]]
    /// Every stem of `lists`.
    var stems: Set<String>
    /// The stems of the article's title.
    var titleStems: Set<String>
    /// The stems of the whole paragraph, the one before it and the title (where a name may stand
    /// for "the company", "she" or "the board").
    var scope: Set<String>
    /// The stems of the article's lede (``PassageCache/ledeParagraphs``), where the story's
    /// names stand for "the ship", "the telescope" or "it" anywhere in it.
    var lede: Set<String> = []
    /// The passage's word tokens.
    var words: [String]
    /// The stems of the one person an opening "He" or "She" stands for (the one person the
    /// sentence before names), else empty.
    var referent: [String] = []
    /// The sentence before, also when it closes the paragraph before.
    var before: StoredPassage?
  }

  /// How many opening paragraphs of an article are its lede: news names who and what the story
  /// is about in its first paragraph and the one after it (the "nut graf"), and calls them "the
  /// ship", "the telescope" or "it" from then on. Two, by that convention of news writing.
  static let ledeParagraphs = 2

  private let store: any PassageIndex
  private let lock = NSLock()
  private let limit: Int
  private var entries: [Int: Entry] = [:]
  private var contexts: [Int: Context] = [:]
  private var paragraphs: [String: [Int]] = [:]
  /// Spans by answer type (its raw value), then by row id.
  private var spans: [String: [Int: [String]]] = [:]
  private var watching = false
  /// Counts the times the cache was emptied: what was read before a change is not kept after it.
  private var generation = 0

  /// A cache over `store` holding at most `limit` passages (with their derived data, a few KB
  /// each: 10,000 is tens of MB at most, and about a hundred questions' worth at 100k articles).
  init(store: any PassageIndex, limit: Int = 10_000) {
    self.store = store
    self.limit = limit
  }

  /// How many passages the cache holds.
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return entries.count
  }

  /// Forgets every entry.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    clearLocked()
  }

  private func clearLocked() {
    generation += 1
    entries.removeAll(keepingCapacity: true)
    contexts.removeAll(keepingCapacity: true)
    paragraphs.removeAll(keepingCapacity: true)
    spans.removeAll(keepingCapacity: true)
  }

  /// Starts watching the index for changes (once): a commit that touches passages or articles
  /// empties the cache. Called without the lock held: the observer takes it when it fires.
  private func watch() {
    lock.lock()
    let start = !watching
    watching = true
    lock.unlock()
    if start { store.observeChanges { [weak self] in self?.clear() } }
  }

  /// Passages matching `pattern`, best first by the index's ranking, with their stem sets.
  /// Only passages not read before are read from the index.
  func passages(matching pattern: MatchQuery, limit count: Int) throws -> [Entry] {
    watch()
    let start = currentGeneration()
    // What the cache holds is taken as the ranking names it, so that a change clearing the
    // cache meanwhile cannot lose a ranked passage.
    var found: [Int: Entry] = [:]
    let ranked = try store.rank(pattern, limit: count) { rowID in
      lock.lock()
      defer { lock.unlock() }
      guard let entry = entries[Int(rowID)] else { return false }
      found[Int(rowID)] = entry
      return true
    }
    // Passages just read, and those held only as context so far, are analysed (out of the lock).
    let fresh = ranked.compactMap(\.passage) + found.values.filter { !$0.analysed }.map(\.passage)
    for entry in remember(fresh, since: start) { found[Int(entry.passage.rowID)] = entry }
    return ranked.compactMap { r in
      guard var entry = found[Int(r.rowID)] else { return nil }
      entry.passage.score = r.score
      return entry
    }
  }

  private func currentGeneration() -> Int {
    lock.lock()
    defer { lock.unlock() }
    return generation
  }

  /// Entries for `passages` just read, kept unless the cache was emptied since generation
  /// `start`.
  private func remember(_ passages: [StoredPassage], since start: Int) -> [Entry] {
    guard !passages.isEmpty else { return [] }
    let loaded = passages.map { Entry(passage: $0, stemSet: Set($0.stems)) }
    lock.lock()
    defer { lock.unlock() }
    guard generation == start else { return loaded }
    // (An entry held unanalysed is replaced, not added.)
    let added = loaded.filter { entries[Int($0.passage.rowID)] == nil }.count
    if entries.count + added > limit { clearLocked() }
    for entry in loaded { entries[Int(entry.passage.rowID)] = entry }
    return loaded
  }

  /// Reads, in one go, the paragraphs (and the paragraphs before them) of those of `passages`
  /// whose context is not known yet.
  func prefetchContexts(of passages: [StoredPassage]) throws {
    lock.lock()
    let start = generation
    var keys: [(articleId: String, paragraph: Int)] = []
    var seen = Set<String>()
    for p in passages where contexts[Int(p.rowID)] == nil {
      // The paragraph, and the one before it (which a paragraph carrying on from it lends names).
      // (And the article's lede, where the story's names stand.)
      for number in [p.paragraph, p.paragraph - 1] + Array(0..<Self.ledeParagraphs) where number >= 0 {
        let key = "\(p.articleId)#\(number)"
        if paragraphs[key] == nil, seen.insert(key).inserted { keys.append((p.articleId, number)) }
      }
    }
    lock.unlock()
    guard keys.count > 1 else { return }
    var read = try store.paragraphs(keys)
    // (A paragraph number no passage has is known to be empty, not read again.)
    for (articleId, number) in keys where read["\(articleId)#\(number)"] == nil { read["\(articleId)#\(number)"] = [] }
    store(read, since: start)
  }

  /// Keeps the passages of paragraphs read from the store, keyed by "ARTICLE#PARAGRAPH", unless
  /// the cache was emptied since generation `start`.
  private func store(_ read: [String: [StoredPassage]], since start: Int) {
    lock.lock()
    defer { lock.unlock() }
    guard generation == start else { return }
    let count = read.values.reduce(0) { $0 + $1.count }
    if entries.count + count > limit { clearLocked() }
    for (key, members) in read {
      for p in members where entries[Int(p.rowID)] == nil {
        entries[Int(p.rowID)] = Entry(unanalysed: p)
      }
      paragraphs[key] = members.map { Int($0.rowID) }
    }
  }

  /// The neighbours and context stems of `passage`.
  func context(of passage: StoredPassage) throws -> Context {
    lock.lock()
    let start = generation
    if let known = contexts[Int(passage.rowID)] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let members = try paragraph(of: passage)
    let neighbours = members.filter { abs($0.ordinal - passage.ordinal) == 1 }
    let lists = neighbours.map(\.stems) + (passage.heading.isEmpty ? [] : [Tokenizer.stems(passage.heading)])
    let titleStems = Tokenizer.stems(passage.title)
    // A paragraph that carries on from the one before ("NTSB Chair Jennifer Homendy told
    // reporters …", then "Homendy said …. She cautioned that the board …") takes its names too.
    var scope = Set(members.flatMap(\.stems) + titleStems)
    var before = neighbours.first(where: { $0.ordinal == passage.ordinal - 1 })
    if passage.paragraph > 0, let opening = members.first {
      let previous = try paragraph(articleId: passage.articleId, number: passage.paragraph - 1)
      if Self.carriesOn(opening.text, from: previous.map(\.text)) { scope.formUnion(previous.flatMap(\.stems)) }
      if opening.rowID == passage.rowID { before = previous.last }
    }
    var lede = Set<String>()
    for number in 0..<min(Self.ledeParagraphs, passage.paragraph) {
      lede.formUnion(try paragraph(articleId: passage.articleId, number: number).flatMap(\.stems))
    }
    var made = Context(
      neighbours: neighbours, lists: lists, stems: Set(lists.joined()), titleStems: Set(titleStems),
      scope: scope, lede: lede, words: Tokenizer.words(passage.text), before: before)
    // (The sentence before may close the paragraph before: "He said …" opens a new one.)
    if let first = made.words.first, first == "he" || first == "she", let previous = before {
      let people = Set(SpanFinder.people(in: previous.text))
      if people.count == 1, let person = people.first { made.referent = Tokenizer.stems(person) }
    } else if made.words.first == "they", let previous = before {
      made.referent = Self.subjectNames(of: previous.text).flatMap(Tokenizer.stems)
    }
    lock.lock()
    defer { lock.unlock() }
    guard generation == start else { return made }
    if contexts.count >= limit { contexts.removeAll(keepingCapacity: true) }
    contexts[Int(passage.rowID)] = made
    return made
  }

  /// The names a sentence opens with, joined by "and" ("Wilmore and Williams lifted off …"):
  /// whom a "They" opening the next sentence stands for. Empty unless there are at least two.
  static func subjectNames(of sentence: String) -> [String] {
    var names: [String] = []
    var current: [String] = []
    for raw in TextNormalizer.fold(sentence).split(separator: " ") {
      let word = TextNormalizer.trimmed(raw, where: TextNormalizer.isPunctuation)
      if let initial = word.first, initial.isUppercase, !SpanFinder.notNames.contains(word) {
        current.append(word)
        if raw.last == "," {
          names.append(current.joined(separator: " "))
          current = []
        }
      } else if word == "and" && !current.isEmpty {
        names.append(current.joined(separator: " "))
        current = []
      } else {
        break
      }
    }
    if !current.isEmpty { names.append(current.joined(separator: " ")) }
    return names.count >= 2 ? names : []
  }

  /// Pronouns that open a paragraph about whoever the paragraph before was about.
  static let carryingPronouns: Set<String> = ["He", "She", "They", "It", "His", "Her", "Their", "Its"]

  /// Whether a paragraph opening with `sentence` carries on from the paragraph of `previous`: it
  /// opens with a pronoun, or with a name that paragraph used ("Homendy said …").
  static func carriesOn(_ sentence: String, from previous: [String]) -> Bool {
    guard
      let first = sentence.split(separator: " ").first.map({
        TextNormalizer.trimmed($0, where: TextNormalizer.isPunctuation)
      }),
      let initial = first.first, initial.isUppercase
    else { return false }
    if carryingPronouns.contains(first) { return true }
    guard !SpanFinder.notNames.contains(first), first.count > 1 else { return false }
    return previous.contains { text in
      // (A sentence that holds the name as a word holds it as text: the split only confirms it.)
      TextNormalizer.has(text, first)
        && text.split(separator: " ").dropFirst().contains {
          TextNormalizer.trimmed($0, where: TextNormalizer.isPunctuation) == first
        }
    }
  }

  /// Every passage of the paragraph of `passage`, in order.
  private func paragraph(of passage: StoredPassage) throws -> [StoredPassage] {
    try paragraph(articleId: passage.articleId, number: passage.paragraph, holding: passage.rowID)
  }

  /// Every passage of paragraph `number` of an article, in order; read again unless the cached
  /// list is whole and, when `rowID` is given, holds that passage.
  private func paragraph(articleId: String, number: Int, holding rowID: Int64? = nil) throws -> [StoredPassage] {
    let key = "\(articleId)#\(number)"
    lock.lock()
    let start = generation
    let ids = paragraphs[key]
    let known = ids.map { ids in ids.compactMap { entries[$0]?.passage } }
    lock.unlock()
    // A list that lost a member (evicted) or no longer holds the passage (its article was read
    // again under new row ids) is read again.
    if let known, known.count == ids?.count, rowID.map({ id in known.contains { $0.rowID == id } }) ?? true {
      return known
    }
    let members = try store.paragraphs([(articleId, number)])[key] ?? []
    store([key: members], since: start)
    return members
  }

  /// The spans of `kind` in the passage with `rowID`, computed by `make` the first time.
  func spans(of kind: AnswerKind, rowID: Int64, make: () -> [String]) -> [String] {
    lock.lock()
    let start = generation
    if let known = spans[kind.rawValue]?[Int(rowID)] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let made = make()
    lock.lock()
    defer { lock.unlock() }
    guard generation == start else { return made }
    if spans[kind.rawValue, default: [:]].count >= limit { spans.removeAll(keepingCapacity: true) }
    spans[kind.rawValue, default: [:]][Int(rowID)] = made
    return made
  }

}
