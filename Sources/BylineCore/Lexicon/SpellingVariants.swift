/// British and American spellings of one word ("apologise" / "apologize", "colour" / "color",
/// "centre" / "center", "travelled" / "traveled", "defence" / "defense"), by the regular
/// correspondences of their endings. A variant is kept only when WordNet knows it (or knows the
/// word it came from), so that a rule never invents a word.
public enum SpellingVariants {
  /// Endings that correspond, each pair in both directions (British first).
  static let endings: [(String, String)] = [
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ises", "izes"), ("ised", "ized"),
    ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"),
    ("ysing", "yzing"), ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"),
    ("ourite", "orite"), ("ourable", "orable"), ("tre", "ter"), ("tres", "ters"), ("lled", "led"),
    ("lling", "ling"), ("ller", "ler"), ("llers", "lers"), ("ence", "ense"), ("ogue", "og"),
    ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"),
  ]

  /// The other spellings of `word` (lower case), none when it has none.
  public static func of(_ word: String) -> [String] {
    let word = word.lowercased()
    guard word.count >= 5, word.allSatisfy(\.isLetter) else { return [] }
    var out: [String] = []
    for (british, american) in endings {
      for (from, to) in [(british, american), (american, british)] where word.hasSuffix(from) {
        let stem = word.dropLast(from.count)
        guard stem.count >= 3 else { continue }
        let variant = String(stem) + to
        if variant != word, !out.contains(variant), known(variant) || known(word) { out.append(variant) }
      }
    }
    return out
  }

  /// Whether WordNet has `word` (through its dictionary forms) as any part of speech.
  static func known(_ word: String) -> Bool {
    guard let wordNet = WordNet.shared else { return false }
    return WordNet.PartOfSpeech.allCases.contains { !wordNet.baseForms(of: word, $0).isEmpty }
  }
}
