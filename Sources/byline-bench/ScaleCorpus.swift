import Foundation

/// A deterministic generator of synthetic news articles for benchmarks: Zipf-distributed
/// vocabulary, names, outlets with attribution phrases, numbers and dates, about 3 KB each.
struct ScaleCorpus {
  /// SplitMix64: small, fast and the same on every machine for a given seed.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  }

  static let outlets = [
    "Reuters", "Axios", "Bloomberg", "The Verge", "TechCrunch", "Associated Press", "CNBC",
    "Financial Times", "The Information", "Wired",
  ]
  static let firstNames = ["Maria", "John", "Aiko", "Omar", "Lena", "Carlos", "Priya", "Tom", "Sofia", "Kwame"]
  static let lastNames = ["Lopez", "Smith", "Tanaka", "Haddad", "Novak", "Silva", "Rao", "Becker", "Rossi", "Mensah"]
  static let companies = [
    "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Hooli", "Vandelay",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  static let function = ["the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "by", "its", "will"]

  let seed: UInt64
  let vocabulary: [String]
  let cumulative: [Double]

  /// A corpus generator; the same seed gives the same articles.
  init(seed: UInt64 = 42, vocabularySize: Int = 8_000) {
    self.seed = seed
    var rng = Random(state: seed)
    let letters = Array("abcdefghiklmnoprstuvwy")
    var words: [String] = []
    var seen = Set<String>()
    while words.count < vocabularySize {
      let length = 3 + rng.below(7)
      let word = String((0..<length).map { _ in letters[rng.below(letters.count)] })
      if seen.insert(word).inserted { words.append(word) }
    }
    vocabulary = words
    // Zipf with exponent 1: weight 1/rank.
    var total = 0.0
    var sums: [Double] = []
    for rank in 1...vocabularySize {
      total += 1 / Double(rank)
      sums.append(total)
    }
    cumulative = sums.map { $0 / total }
  }

  func word(_ rng: inout Random) -> String {
    let u = rng.unit()
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
    }
    return vocabulary[lo]
  }

  func sentence(_ rng: inout Random) -> String {
    var parts: [String] = []
    let length = 12 + rng.below(14)
    for i in 0..<length {
      if i % 4 == 1 { parts.append(Self.function[rng.below(Self.function.count)]) } else { parts.append(word(&rng)) }
    }
    switch rng.below(6) {
    case 0: parts.insert("\(Self.firstNames[rng.below(10)]) \(Self.lastNames[rng.below(10)]) said", at: 0)
    case 1: parts.append("according to \(Self.outlets[rng.below(Self.outlets.count)])")
    case 2: parts.append("for $\(1 + rng.below(900)) million")
    case 3: parts.insert("In \(Self.months[rng.below(12)]) \(2015 + rng.below(11)),", at: 0)
    case 4: parts.insert("\(Self.companies[rng.below(10)])", at: 0)
    default: break
    }
    var text = parts.joined(separator: " ")
    text = text.prefix(1).uppercased() + text.dropFirst() + "."
    if rng.below(8) == 0 {
      text =
        "\(Self.outlets[rng.below(Self.outlets.count)]) reported that " + text.prefix(1).lowercased() + text.dropFirst()
    }
    return text
  }

  /// Article number `index`: a title line, a publisher line, then paragraphs, about 3 KB.
  func article(_ index: Int) -> String {
    var rng = Random(state: seed &+ UInt64(index) &* 7919)
    let outlet = Self.outlets[rng.below(Self.outlets.count)]
    var text = (0..<6).map { _ in word(&rng) }.joined(separator: " ").capitalized + "\n\n"
    while text.utf8.count < 2_900 {
      text += (0..<(3 + rng.below(3))).map { _ in sentence(&rng) }.joined(separator: " ") + "\n\n"
    }
    return text + "More from \(outlet)\n"
  }

  /// Writes articles 0..<count into `folder` (skipping files already there).
  func write(count: Int, to folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for i in 0..<count {
      let path = folder + "/" + String(format: "a%06d.txt", i)
      if FileManager.default.fileExists(atPath: path) { continue }
      try article(i).write(toFile: path, atomically: false, encoding: .utf8)
    }
  }

  /// A fixed mix of questions over the generator's vocabulary.
  func questions(_ count: Int) -> [String] {
    var rng = Random(state: seed ^ 0xABCD)
    let templates: [(inout Random) -> String] = [
      { r in "Who said \(self.word(&r)) \(self.word(&r)) would \(self.word(&r))?" },
      { r in "When did \(Self.companies[r.below(10)]) \(self.word(&r)) the \(self.word(&r))?" },
      { r in "How much did the \(self.word(&r)) \(self.word(&r)) cost?" },
      { r in "What did \(Self.outlets[r.below(10)]) report about \(self.word(&r))?" },
      { r in "Why is \(Self.companies[r.below(10)]) \(self.word(&r)) \(self.word(&r))?" },
      { r in "What is the price of \(self.word(&r)) \(self.word(&r)) today?" },
    ]
    return (0..<count).map { i in templates[i % templates.count](&rng) }
  }
}
