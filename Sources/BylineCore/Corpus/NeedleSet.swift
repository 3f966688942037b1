/// A fixed set of strings to look for in text, all in one pass over its bytes: the cheap test
/// that gates the attribution patterns, which would otherwise scan each sentence once a word.
struct NeedleSet: Sendable {
  private let needles: [[UInt8]]
  /// Indices of the needles by their first byte.
  private let byFirstByte: [[Int]]
  /// Whether some needle starts with the byte (the scan's test at every position).
  private let starts: [Bool]
  /// Compare ASCII letters without regard to case (the needles are given in lower case).
  private let foldsASCIICase: Bool

  /// A set of `needles`; with `foldingASCIICase`, "Report" in text matches the needle "report".
  init(_ needles: [String], foldingASCIICase: Bool = false) {
    self.needles = needles.map { Array($0.utf8) }
    self.foldsASCIICase = foldingASCIICase
    var table = [[Int]](repeating: [], count: 256)
    for (i, needle) in self.needles.enumerated() {
      if let first = needle.first { table[Int(first)].append(i) }
    }
    byFirstByte = table
    starts = table.map { !$0.isEmpty }
  }

  /// Whether any needle occurs in `text`.
  func occurs(in text: String) -> Bool {
    var found = false
    scan(text) { _ in
      found = true
      return false
    }
    return found
  }

  /// For each needle, in order, whether it occurs in `text`.
  func occurrences(in text: String) -> [Bool] {
    var found = [Bool](repeating: false, count: needles.count)
    scan(text) { i in
      found[i] = true
      return true
    }
    return found
  }

  /// Calls `hit` with each needle found at each position, until it returns false.
  private func scan(_ text: String, _ hit: (Int) -> Bool) {
    var text = text
    text.withUTF8 { bytes in
      starts.withUnsafeBufferPointer { starts in
        for start in 0..<bytes.count where starts[Int(fold(bytes[start]))] {
          for i in byFirstByte[Int(fold(bytes[start]))] {
            let needle = needles[i]
            guard start + needle.count <= bytes.count else { continue }
            var k = 1
            while k < needle.count && fold(bytes[start + k]) == needle[k] { k += 1 }
            if k == needle.count && !hit(i) { return }
          }
        }
      }
    }
  }

  private func fold(_ byte: UInt8) -> UInt8 {
    foldsASCIICase && byte >= 65 && byte <= 90 ? byte + 32 : byte
  }
}
