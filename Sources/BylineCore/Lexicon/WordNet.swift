import Foundation

/// Princeton WordNet 3.0, read from its own database files (Debian `wordnet-base`:
/// /usr/share/wordnet, format in `man 5 wndb`).
///
/// The index files are sorted by lemma, so a lookup is a binary search over the memory-mapped
/// file; a synset is read at the byte offset the index gives. Nothing is parsed up front: a
/// one-shot `byline ask` pays a few microseconds a word, not the 28 MB.
public final class WordNet: @unchecked Sendable {
  /// A part of speech, as WordNet names its files.
  public enum PartOfSpeech: String, CaseIterable, Sendable {
    case noun, verb, adj, adv
  }

  /// One synset: its lexicographer file (what kind of thing it names), its words and the
  /// derivationally related forms of each word.
  public struct Synset: Sendable {
    /// The lexicographer file number (`man 5 lexnames`): 18 is noun.person, 14 noun.group, …
    public var lexicalFile: Int
    /// The synset's words, lower-cased, with spaces for WordNet's underscores.
    public var words: [String]
    /// Whether WordNet writes its first word with a capital: a proper name ("Britain").
    public var isProperName = false
    /// Derivationally related forms (`+` pointers) and, for adjectives, the nouns they pertain
    /// to (`\\` pointers: "british" → "Great Britain"): (source word number from 1, target
    /// synset offset, target part of speech, target word number from 1).
    var derivations: [(source: Int, offset: Int, pos: PartOfSpeech, target: Int)]
    /// The offsets of its hyponyms (`~` pointers): the kinds of the thing it names.
    var hyponyms: [Int] = []
  }

  private let index: [PartOfSpeech: MappedFile]
  private let data: [PartOfSpeech: MappedFile]
  private let exceptions: [PartOfSpeech: MappedFile]

  /// The folder Debian installs the database in.
  public static let defaultFolder = "/usr/share/wordnet"

  /// The database at `BYLINE_WORDNET` or ``defaultFolder``, or nil when it is not installed
  /// (answering then goes on without synonyms).
  public static let shared: WordNet? = WordNet(
    folder: ProcessInfo.processInfo.environment["BYLINE_WORDNET"] ?? defaultFolder)

  /// Opens the database in `folder`, or returns nil when its index and data files are missing.
  public init?(folder: String) {
    var index: [PartOfSpeech: MappedFile] = [:]
    var data: [PartOfSpeech: MappedFile] = [:]
    var exceptions: [PartOfSpeech: MappedFile] = [:]
    for pos in PartOfSpeech.allCases {
      guard let i = MappedFile(path: "\(folder)/index.\(pos.rawValue)"),
        let d = MappedFile(path: "\(folder)/data.\(pos.rawValue)")
      else { return nil }
      index[pos] = i
      data[pos] = d
      exceptions[pos] = MappedFile(path: "\(folder)/\(pos.rawValue).exc")
    }
    self.index = index
    self.data = data
    self.exceptions = exceptions
  }

  /// The synset offsets of `lemma` (lower case, spaces or underscores), most frequent sense first.
  public func offsets(of lemma: String, _ pos: PartOfSpeech) -> [Int] {
    let key = lemma.lowercased().replacingOccurrences(of: " ", with: "_")
    guard let line = index[pos]?.line(startingWith: key) else { return [] }
    // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
    let fields = line.split(separator: " ")
    guard fields.count > 4, let synsets = Int(fields[2]), let pointers = Int(fields[3]) else { return [] }
    let first = 4 + pointers + 2
    guard fields.count >= first + synsets else { return [] }
    return fields[first..<(first + synsets)].compactMap { Int($0) }
  }

  /// Whether WordNet has `word` (lower case) as a lemma or an inflected form of any part of speech.
  public func knows(_ word: String) -> Bool {
    PartOfSpeech.allCases.contains { !baseForms(of: word, $0).isEmpty }
  }

  /// The synset at `offset` of the data file for `pos`.
  public func synset(at offset: Int, _ pos: PartOfSpeech) -> Synset? {
    guard let line = data[pos]?.line(at: offset) else { return nil }
    let fields = line.split(separator: " ")
    // synset_offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt ptr…
    guard fields.count > 4, let lexFile = Int(fields[1]), let count = Int(fields[3], radix: 16) else { return nil }
    var words: [String] = []
    let isProper = fields[4].first?.isUppercase ?? false
    var k = 4
    for _ in 0..<count where k + 1 < fields.count {
      var word = String(fields[k]).lowercased().replacingOccurrences(of: "_", with: " ")
      // Adjective markers: "(a)", "(p)", "(ip)".
      if let paren = word.firstIndex(of: "(") { word = String(word[..<paren]) }
      words.append(word)
      k += 2
    }
    var derivations: [(Int, Int, PartOfSpeech, Int)] = []
    var hyponyms: [Int] = []
    if k < fields.count, let pointers = Int(fields[k]) {
      k += 1
      for _ in 0..<pointers where k + 3 < fields.count {
        if fields[k] == "+" || fields[k] == "\\", let target = Int(fields[k + 1]),
          let pos = Self.partOfSpeech(fields[k + 2]),
          let st = Int(fields[k + 3], radix: 16)
        {
          derivations.append((st >> 8, target, pos, st & 0xFF))
        } else if fields[k] == "~", fields[k + 2] == "n", let target = Int(fields[k + 1]) {
          hyponyms.append(target)
        }
        k += 4
      }
    }
    var synset = Synset(lexicalFile: lexFile, words: words, isProperName: isProper, derivations: derivations)
    synset.hyponyms = hyponyms
    return synset
  }

  /// The dictionary forms of `word` as `pos` (WordNet's morphy: the exception list, then the
  /// detachment rules), the word itself first when WordNet has it.
  public func baseForms(of word: String, _ pos: PartOfSpeech) -> [String] {
    let word = word.lowercased()
    var out: [String] = []
    if !offsets(of: word, pos).isEmpty { out.append(word) }
    if let line = exceptions[pos]?.line(startingWith: word.replacingOccurrences(of: " ", with: "_")) {
      for base in line.split(separator: " ").dropFirst() {
        let b = base.replacingOccurrences(of: "_", with: " ")
        if !out.contains(b) { out.append(b) }
      }
    }
    for (suffix, ending) in Self.detachments[pos] ?? [] where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
      let base = String(word.dropLast(suffix.count)) + ending
      if !out.contains(base), !offsets(of: base, pos).isEmpty { out.append(base) }
    }
    return out
  }

  /// The synsets of `word` as `pos`, most frequent first, through its dictionary forms.
  public func synsets(of word: String, _ pos: PartOfSpeech, limit: Int = 3) -> [Synset] {
    guard let base = baseForms(of: word, pos).first else { return [] }
    return offsets(of: base, pos).prefix(limit).compactMap { synset(at: $0, pos) }
  }

  /// Words that may stand for `word` in a sentence: the other words of its most frequent
  /// senses and their derivationally related forms ("acquire" → "acquisition", "decide" →
  /// "decision"), phrases of at most three words.
  public func relatedWords(of word: String, senses: Int = 1, limit: Int = 6) -> [String] {
    var out: [String] = []
    let word = word.lowercased()
    func add(_ w: String) {
      guard w != word, !out.contains(w), w.split(separator: " ").count <= 3, w.count > 1,
        w.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" })
      else { return }
      out.append(w)
    }
    for pos in [PartOfSpeech.noun, .verb, .adj] {
      guard let base = baseForms(of: word, pos).first else { continue }
      for offset in offsets(of: base, pos).prefix(senses) {
        guard let synset = synset(at: offset, pos) else { continue }
        for w in synset.words { add(w) }
        let own = synset.words.firstIndex(of: base).map { $0 + 1 }
        for d in synset.derivations where d.source == own || d.source == 0 {
          if let target = self.synset(at: d.offset, d.pos), d.target >= 1, d.target <= target.words.count {
            add(target.words[d.target - 1])
          }
        }
      }
    }
    return Array(out.prefix(limit))
  }

  /// The kinds of thing the noun `word` names, down to `depth` levels of hyponyms of its first
  /// `senses` senses ("spacecraft" → "space capsule", "capsule", …; "officer" → "admiral"),
  /// phrases of at most three words, at most `limit` of them.
  public func kinds(of word: String, senses: Int = 2, depth: Int = 3, limit: Int = 400) -> [String] {
    var out: [String] = []
    var seen = Set<Int>()
    var level = synsets(of: word, .noun, limit: senses).flatMap(\.hyponyms)
    for _ in 0..<depth where !level.isEmpty && out.count < limit {
      var next: [Int] = []
      for offset in level where seen.insert(offset).inserted {
        guard let synset = synset(at: offset, .noun), !synset.isProperName else { continue }
        for w in synset.words where w.split(separator: " ").count <= 3 && !out.contains(w) && out.count < limit {
          out.append(w)
        }
        next += synset.hyponyms
      }
      level = next
    }
    return out
  }

  /// The other names of a place or an organisation `word` names ("Britain" → "united kingdom",
  /// "uk", "great britain"), and the places a demonym pertains to ("British" → "great
  /// britain", "Moroccans" → "morocco"); empty for any other word.
  public func placeNames(of word: String) -> [String] {
    var out: [String] = []
    let lower = word.lowercased()
    func add(_ w: String) {
      if w != lower, !out.contains(w), w.split(separator: " ").count <= 3 { out.append(w) }
    }
    for synset in synsets(of: word, .noun, limit: 1)
    where synset.isProperName && (synset.lexicalFile == NounFile.location || synset.lexicalFile == NounFile.group) {
      synset.words.forEach(add)
    }
    // A demonym: an adjective (or a people noun's adjective, "Americans" → "american") that
    // pertains to or derives from a place.
    let adjectives = [lower] + baseForms(of: lower, .noun)
    for adjective in adjectives {
      for synset in synsets(of: adjective, .adj, limit: 2) {
        for d in synset.derivations where d.pos == .noun {
          if let target = self.synset(at: d.offset, .noun), target.isProperName,
            target.lexicalFile == NounFile.location
          {
            target.words.forEach(add)
          }
        }
      }
    }
    return out
  }

  /// The lexicographer files of the first `senses` noun senses of `word`.
  public func nounFiles(of word: String, senses: Int = 1) -> [Int] {
    synsets(of: word, .noun, limit: senses).map(\.lexicalFile)
  }

  /// Lexicographer file numbers of the noun files answer kinds are read from (`man 5 lexnames`).
  public enum NounFile {
    /// noun.group: groupings of people or objects (committees, companies, teams).
    public static let group = 14
    /// noun.location: spatial position.
    public static let location = 15
    /// noun.person: people.
    public static let person = 18
    /// noun.possession: possession and transfer of possession (fees, prices, payments).
    public static let possession = 21
    /// noun.quantity: quantities and units of measure.
    public static let quantity = 23
    /// noun.time: time and temporal relations.
    public static let time = 28
  }

  private static func partOfSpeech(_ symbol: Substring) -> PartOfSpeech? {
    switch symbol {
    case "n": return .noun
    case "v": return .verb
    case "a", "s": return .adj
    case "r": return .adv
    default: return nil
    }
  }

  /// WordNet's detachment rules (`man 7 morphy`).
  private static let detachments: [PartOfSpeech: [(String, String)]] = [
    .noun: [
      ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
      ("ies", "y"),
    ],
    .verb: [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    .adj: [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
  ]
}
