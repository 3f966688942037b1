import Foundation

/// The measured quantities a number question can ask for ("How wide …", "What is the mass of
/// …", "What wind speed …") and the units news states them in: a figure in another unit ("at
/// 7:14 p.m.", "39 people") is about something else. General units of measurement only.
enum Measure: String, CaseIterable {
  case length, mass, speed, temperature, area, volume

  /// The units of the quantity, as they follow a figure ("530 feet", "165 mph", "1.2 miles per
  /// hour"). Checked as the start of the words after the figure.
  var units: [String] {
    switch self {
    case .length:
      return [
        "feet", "foot", "ft", "metres", "meters", "metre", "meter", "m", "km", "kilometres", "kilometers",
        "kilometre", "kilometer", "miles", "mile", "inches", "inch", "in", "cm", "centimetres", "centimeters",
        "centimetre", "centimeter", "mm",
        "millimetres", "millimeters", "millimetre", "millimeter",
        "yards", "yard", "nautical miles",
      ]
    case .mass:
      return [
        "kg", "kilograms", "kilogrammes", "kilogram", "tonnes", "tons", "tonne", "ton", "pounds", "lb", "lbs",
        "grams", "g", "ounces", "oz",
      ]
    case .speed:
      return [
        "mph", "km/h", "kph", "kmh", "knots", "miles per hour", "miles an hour", "kilometres per hour",
        "kilometers per hour", "kilometres an hour", "kilometers an hour", "metres per second", "meters per second",
        "m/s", "km per hour",
      ]
    case .temperature: return ["degrees", "°c", "°f", "c", "f", "celsius", "fahrenheit"]
    case .area: return ["square", "sq", "acres", "acre", "hectares", "hectare"]
    case .volume: return ["litres", "liters", "litre", "liter", "gallons", "gallon", "cubic", "barrels", "barrel"]
    }
  }

  /// Units written both as a symbol and as words, each group one spelling ("58 km" = "58
  /// kilometres"). One-letter symbols are left out: "m" after a figure is a million as often.
  static let unitSpellings: [[String]] = [
    ["km", "kilometre", "kilometres", "kilometer", "kilometers"],
    ["cm", "centimetre", "centimetres", "centimeter", "centimeters"],
    ["mm", "millimetre", "millimetres", "millimeter", "millimeters"],
    ["kg", "kilogram", "kilograms", "kilogramme", "kilogrammes"],
    ["ft", "foot", "feet"], ["lb", "lbs", "pound", "pounds"], ["oz", "ounce", "ounces"], ["sq", "square"],
    ["kw", "kilowatt", "kilowatts"], ["mw", "megawatt", "megawatts"], ["gw", "gigawatt", "gigawatts"],
    // (A squared or cubed symbol is written out in two words: "m3" is "cubic metres".)
    ["m2", "sq m", "square metre", "square metres", "square meter", "square meters"],
    ["km2", "sq km", "square kilometre", "square kilometres", "square kilometer", "square kilometers"],
    ["m3", "cubic metre", "cubic metres", "cubic meter", "cubic meters"],
  ]

  /// The other spellings of the unit `word` (lower case), or none when it is not a unit.
  static func spellings(of word: String) -> [String] {
    unitSpellings.first { $0.contains(word) }?.filter { $0 != word } ?? []
  }

  /// Units of time, as a speed's divisor.
  static let timeUnits: Set<String> = ["second", "minute", "hour", "day", "year"]

  /// The adjectives of "how ADJ" that ask for each quantity. "Long" and "fast" are left out:
  /// "how long" asks for a time as often, "how fast" for a rate.
  static let adjectives: [String: Measure] = [
    "wide": .length, "deep": .length, "high": .length, "tall": .length, "far": .length, "heavy": .mass,
    "hot": .temperature,
  ]
  /// The nouns (and the verb "weigh") that name each quantity ("What is the mass …", "wind speed?").
  static let nouns: [String: Measure] = [
    "width": .length, "depth": .length, "height": .length, "distance": .length, "diameter": .length,
    "altitude": .length, "mass": .mass, "weight": .mass, "weigh": .mass, "speed": .speed,
    "temperature": .temperature, "area": .area, "volume": .volume,
  ]

  /// The nouns and verbs that name the quantity a "how ADJ" adjective asks for ("heavy":
  /// "weigh", "weight", "mass"), the words an answer states it with.
  static func nounsFor(adjective: String) -> [String] {
    guard let measure = adjectives[adjective] else { return [] }
    let named: [String: [String]] = [
      "wide": ["width", "across"], "deep": ["depth"], "high": ["height", "altitude"], "tall": ["height"],
      "far": ["distance", "away"], "heavy": ["weigh", "weight", "mass"], "hot": ["temperature", "degrees"],
    ]
    return named[adjective] ?? nouns.filter { $0.value == measure }.map(\.key).sorted()
  }

  /// The quantity a number question asks for, or nil when it asks for a count or another figure.
  static func asked(by question: Question) -> Measure? {
    guard question.kind == .number else { return nil }
    let words = Tokenizer.words(TextNormalizer.fold(question.text).lowercased())
    if let how = words.firstIndex(of: "how"), how + 1 < words.count, let m = adjectives[words[how + 1]] {
      // "How far into the dive …" asks for a time.
      if how + 2 < words.count, ["into", "along", "through"].contains(words[how + 2]) { return nil }
      return m
    }
    return words.lazy.compactMap { nouns[$0] }.first
  }

  /// Whether `span`, a figure of `text`, is stated in one of the quantity's units (in the span
  /// itself or in the words just after it), and is not a modifier of another thing: in "the
  /// 570 kg spacecraft" the figure is the spacecraft's, which a question about an asteroid's
  /// mass does not ask (`asked` holds the question's stems).
  func states(_ span: String, in text: String, asked: Set<String>) -> Bool {
    let lowerSpan = TextNormalizer.fold(span).lowercased()
    let lower = TextNormalizer.fold(text).lowercased()
    var after: [String] = []
    if let range = lower.range(of: lowerSpan) {
      after = lower[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "-" }).prefix(5)
        .map { String($0) }
    }
    // The words after the span's last figure ("about 1,260 pounds" → "pounds", then the text's).
    let spanWords = lowerSpan.split(separator: " ").map(String.init)
    let lastFigure =
      spanWords.lastIndex { $0.first?.isNumber == true || QuestionAnalyzer.numberWords.contains($0) } ?? 0
    let following = Array(spanWords.dropFirst(lastFigure + 1)) + after
    let trimmed = following.map { $0.trimmingCharacters(in: .punctuationCharacters) }
    // The unit stands first after the figure ("530 feet across"), or a figure of the span
    // carries it ("160m").
    let compact = lowerSpan.split(separator: " ").contains { word in
      word.first?.isNumber == true && units.contains { $0.count >= 2 && $0 != "in" && word.hasSuffix($0) }
    }
    var unitLength = compact ? 0 : -1
    if !compact {
      for unit in units {
        let parts = unit.split(separator: " ").map(String.init)
        if trimmed.count >= parts.count, Array(trimmed.prefix(parts.count)) == parts, parts.count > unitLength {
          unitLength = parts.count
        }
      }
    }
    // A speed is also a length a unit of time ("1 centimetre per second", "10 km an hour").
    if unitLength < 0, self == .speed, trimmed.count >= 3, Measure.length.units.contains(trimmed[0]),
      ["per", "a", "an"].contains(trimmed[1]), Self.timeUnits.contains(trimmed[2])
    {
      unitLength = 3
    }
    guard unitLength >= 0 else { return false }
    // The word after the unit, when the unit ends no clause there and WordNet knows it as a
    // noun: what the figure measures.
    let rest = Array(following.dropFirst(unitLength))
    guard let next = rest.first, let lastUnitWord = (unitLength > 0 ? following[unitLength - 1] : lowerSpan).last,
      lastUnitWord.isLetter || lastUnitWord.isNumber
    else { return true }
    let word = next.trimmingCharacters(in: .punctuationCharacters)
    guard word == next, word.allSatisfy(\.isLetter), !Tokenizer.stopWords.contains(word),
      Self.adjectives[word] == nil, Self.nouns[word] == nil,
      !["across", "long", "away", "apart", "below", "above", "deep", "wide", "high", "tall", "per"].contains(word),
      !(WordNet.shared?.nounFiles(of: word).isEmpty ?? true)
    else { return true }
    return asked.contains(PorterStemmer.stem(word))
  }
}
