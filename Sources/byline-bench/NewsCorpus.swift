import BylineCore
import Foundation

/// A deterministic generator of news-like articles for benchmarks: real news sentences (the
/// seed corpus and the evaluation corpora) recombined into articles of about 3 KB, with the
/// names, figures and outlets in them substituted from larger pools, so that question terms
/// have the frequencies of news text rather than of a Zipf vocabulary. Each article draws most
/// of its sentences from one source article (a topic) and the rest from any.
struct NewsCorpus {
  /// The folders whose articles give the sentences, relative to the package root; missing ones
  /// are skipped.
  static let sources = [
    "Knowledge", "../shared/eval/corpus-b/knowledge", "Tests/Eval/corpus-c/knowledge", "Tests/Eval/corpus-d/knowledge",
  ]
  /// Share of an article's sentences drawn from its topic's source article.
  static let topicShare = 0.7

  static let firstNames = [
    "Maria", "John", "Aiko", "Omar", "Lena", "Carlos", "Priya", "Tom", "Sofia", "Kwame", "Elena", "David", "Mei",
    "Ahmed", "Nora", "Lucas", "Anika", "Peter", "Fatima", "Jonas", "Clara", "Ravi", "Hana", "Samuel", "Ines",
    "Victor", "Yuki", "Grace", "Mateo", "Leila", "Oscar", "Amara", "Felix", "Zara", "Hugo", "Rosa", "Ivan",
    "Nadia", "Emil", "Chloe",
  ]
  static let lastNames = [
    "Lopez", "Smith", "Tanaka", "Haddad", "Novak", "Silva", "Rao", "Becker", "Rossi", "Mensah", "Kowalski",
    "Nguyen", "Okafor", "Larsen", "Moreau", "Duarte", "Fischer", "Kaur", "Petrov", "Castillo", "Ibrahim",
    "Schmidt", "Yamamoto", "Andersen", "Costa", "Dubois", "Hoffman", "Jensen", "Khan", "Lindqvist", "Mbeki",
    "Olsen", "Park", "Quinn", "Romero", "Sato", "Torres", "Varga", "Weber", "Zhou",
  ]
  static let outlets = [
    "Reuters", "Axios", "Bloomberg", "The Verge", "TechCrunch", "Associated Press", "CNBC", "Financial Times",
    "The Information", "Wired", "City Ledger", "Northgate Post", "Harbour Times", "Valley Courier",
    "Metro Wire", "Coastal Herald", "Daily Meridian", "Civic Record", "Market Signal", "Capital Report",
  ]

  struct Sentence {
    var text: String
    var source: Int
  }

  let seed: UInt64
  let sentences: [Sentence]
  let bySource: [[Int]]
  /// Names found in the source sentences (two or three capitalised words), replaced in output.
  let names: [String]

  /// Loads the source sentences from under `root`; nil when none are found.
  init?(root: String, seed: UInt64 = 7) {
    self.seed = seed
    let splitter = SentenceSplitter()
    var sentences: [Sentence] = []
    var bySource: [[Int]] = []
    var names = Set<String>()
    let fm = FileManager.default
    for folder in Self.sources {
      let path = root + "/" + folder
      guard let files = try? fm.contentsOfDirectory(atPath: path) else { continue }
      for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".md") {
        guard let text = try? String(contentsOfFile: path + "/" + file, encoding: .utf8) else { continue }
        var own: [Int] = []
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for paragraph in paragraphs where paragraph.count > 80 && !paragraph.hasPrefix("---") {
          for span in splitter.split(paragraph.replacingOccurrences(of: "\n", with: " ")) where span.text.count > 40 {
            own.append(sentences.count)
            sentences.append(Sentence(text: span.text, source: bySource.count))
            names.formUnion(Self.nameRuns(span.text))
          }
        }
        if !own.isEmpty { bySource.append(own) }
      }
    }
    guard !sentences.isEmpty else { return nil }
    self.sentences = sentences
    self.bySource = bySource
    self.names = names.sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 }
  }

  /// Runs of two or three capitalised words not at the start of the sentence: names, mostly.
  static func nameRuns(_ text: String) -> [String] {
    let words = text.split(separator: " ").map(String.init)
    var out: [String] = []
    var i = 1
    while i < words.count {
      var j = i
      while j < words.count, j - i < 3, let f = words[j].first, f.isUppercase, words[j].allSatisfy({ $0.isLetter }) {
        j += 1
      }
      if j - i >= 2 { out.append(words[i..<j].joined(separator: " ")) }
      i = max(j, i + 1)
    }
    return out
  }

  /// `text` with its names, outlets and figures replaced from the pools, by `rng`.
  func substitute(_ text: String, _ rng: inout ScaleCorpus.Random) -> String {
    var out = text
    for outlet in Self.outlets where out.contains(outlet) {
      out = out.replacingOccurrences(of: outlet, with: Self.outlets[rng.below(Self.outlets.count)])
    }
    for name in names where out.contains(name) {
      let made =
        Self.firstNames[rng.below(Self.firstNames.count)] + " " + Self.lastNames[rng.below(Self.lastNames.count)]
      out = out.replacingOccurrences(of: name, with: made)
    }
    // Figures: each digit replaced, so amounts and dates keep their shape.
    var scalars = String.UnicodeScalarView()
    for scalar in out.unicodeScalars {
      if scalar.properties.numericType != nil, scalar.isASCII {
        scalars.append(Unicode.Scalar(UInt8(48 + rng.below(10))))
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// The sentences of article `index`, substituted, by paragraph.
  func paragraphs(_ index: Int) -> (title: String, outlet: String, paragraphs: [[String]]) {
    var rng = ScaleCorpus.Random(state: seed &+ UInt64(index) &* 104_729)
    let topic = bySource[rng.below(bySource.count)]
    let outlet = Self.outlets[rng.below(Self.outlets.count)]
    var paragraphs: [[String]] = []
    var size = 0
    while size < 2_900 {
      var paragraph: [String] = []
      for _ in 0..<(2 + rng.below(3)) {
        let pick = rng.unit() < Self.topicShare ? topic[rng.below(topic.count)] : rng.below(sentences.count)
        let text = substitute(sentences[pick].text, &rng)
        size += text.utf8.count + 1
        paragraph.append(text)
      }
      paragraphs.append(paragraph)
    }
    let first = paragraphs[0][0].split(separator: " ").prefix(9).joined(separator: " ")
    return (first.trimmingCharacters(in: .punctuationCharacters), outlet, paragraphs)
  }

  /// Article number `index`: a title line, a publisher line, then paragraphs.
  func article(_ index: Int) -> String {
    let made = paragraphs(index)
    return made.title + "\n\n" + made.outlet + "\n\n"
      + made.paragraphs.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
      + "\n"
  }

  /// Writes articles 0..<count into `folder` (skipping files already there).
  func write(count: Int, to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for i in 0..<count {
      let path = folder + "/" + String(format: "n%06d.txt", i)
      if FileManager.default.fileExists(atPath: path) { continue }
      try article(i).write(toFile: path, atomically: false, encoding: .utf8)
    }
  }

  /// Questions about articles of a corpus of `articles`: each asks about one sentence of one
  /// article (who said it, what a named person said about its rarest long word, when, how much),
  /// in the words a reader would use.
  func questions(_ count: Int, articles: Int) -> [String] {
    var rng = ScaleCorpus.Random(state: seed ^ 0x5EED)
    var out: [String] = []
    var attempts = 0
    while out.count < count && attempts < count * 50 {
      attempts += 1
      let made = paragraphs(rng.below(max(articles, 1)))
      let all = made.paragraphs.flatMap { $0 }
      let sentence = all[rng.below(all.count)]
      let words = sentence.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
      let content = words.filter { $0.count >= 6 && $0.first?.isLowercase == true }
      guard content.count >= 2 else { continue }
      let topic = content.sorted { $0.count > $1.count }.prefix(2).joined(separator: " ")
      let person = Self.nameRuns(sentence).first
      switch out.count % 4 {
      case 0:
        guard let person else { continue }
        out.append("What did \(person) say about \(topic)?")
      case 1: out.append("Who said \(topic)?")
      case 2:
        guard sentence.contains(where: \.isNumber) else { continue }
        out.append("How much \(topic)?")
      default: out.append("What did \(made.outlet) report about \(topic)?")
      }
    }
    return out
  }
}
