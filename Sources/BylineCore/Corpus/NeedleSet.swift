/// A fixed set of strings to look for in text, all in one pass over its bytes: the cheap test
/// that gates the attribution patterns, which would otherwise scan each sentence once a word.
///
/// Laid out flat (buckets of needle numbers by first byte, needle bytes end to end) so that the
/// scan reads plain buffers: it runs over every sentence of every article indexed.
struct NeedleSet: Sendable {
  /// All needles' bytes, end to end; needle `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
  private let bytes: [UInt8]
  private let offsets: [Int]
  /// Needle numbers by first byte: bucket `b` is `bucketItems[bucketStarts[b]..<bucketStarts[b + 1]]`.
  private let bucketStarts: [Int32]
  private let bucketItems: [Int]
  /// Byte to compare: itself, or its lower case when folding ASCII case.
  private let fold: [UInt8]
  /// Whether a match must stand as whole words (no ASCII letter or digit just before or after).
  private let wholeWords: Bool

  /// The number of needles.
  var count: Int { offsets.count - 1 }

  /// A set of `needles`; with `foldingASCIICase`, "Report" in text matches the needle "report"
  /// (needles are then given in lower case); with `wholeWords`, "AP" does not match in "apply".
  init(_ needles: [String], foldingASCIICase: Bool = false, wholeWords: Bool = false) {
    self.wholeWords = wholeWords
    var bytes: [UInt8] = []
    var offsets = [0]
    for needle in needles {
      bytes += needle.utf8
      offsets.append(bytes.count)
    }
    var fold = [UInt8](repeating: 0, count: 256)
    for b in 0..<256 {
      let isUpper = b >= 65 && b <= 90
      fold[b] = UInt8(foldingASCIICase && isUpper ? b + 32 : b)
    }
    // Needles are bucketed by their first two bytes (many share a first byte: " said",
    // " reported", …); one-byte needles by their byte, in the buckets after the 65,536.
    var buckets = [[Int]](repeating: [], count: 65_536 + 256)
    for i in needles.indices where offsets[i + 1] > offsets[i] {
      let first = Int(bytes[offsets[i]])
      if offsets[i + 1] - offsets[i] == 1 {
        buckets[65_536 + first].append(i)
      } else {
        buckets[first << 8 | Int(bytes[offsets[i] + 1])].append(i)
      }
    }
    var starts: [Int32] = [0]
    var items: [Int] = []
    for bucket in buckets {
      items += bucket
      starts.append(Int32(items.count))
    }
    self.bytes = bytes
    self.offsets = offsets
    bucketStarts = starts
    bucketItems = items
    self.fold = fold
  }

  /// Whether any needle occurs in `text`.
  func occurs(in text: String) -> Bool {
    var found: [Bool] = []
    return scan(text, stopAtFirst: true, found: &found)
  }

  /// For each needle, in order, whether it occurs in `text`.
  func occurrences(in text: String) -> [Bool] {
    var found = [Bool](repeating: false, count: count)
    _ = scan(text, stopAtFirst: false, found: &found)
    return found
  }

  /// Marks in `found` the needles that occur (or, with `stopAtFirst`, returns at the first one).
  private func scan(_ text: String, stopAtFirst: Bool, found: inout [Bool]) -> Bool {
    var text = text
    return text.withUTF8 { hay in
      bytes.withUnsafeBufferPointer { needles in
        offsets.withUnsafeBufferPointer { offsets in
          bucketStarts.withUnsafeBufferPointer { starts in
            bucketItems.withUnsafeBufferPointer { items in
              fold.withUnsafeBufferPointer { fold in
                var any = false
                for position in 0..<hay.count {
                  // A whole word starts only after a byte that is not part of a word.
                  if wholeWords && position > 0 && TextNormalizer.isWordByte(hay[position - 1]) { continue }
                  let first = Int(fold[Int(hay[position])])
                  // The one-byte needles of this byte, then the longer ones of these two bytes.
                  let single = 65_536 + first
                  let pair = position + 1 < hay.count ? first << 8 | Int(fold[Int(hay[position + 1])]) : -1
                  var round = 0
                  while round < 2 {
                    let bucket = round == 0 ? single : pair
                    round += 1
                    if bucket < 0 { continue }
                    var k = Int(starts[bucket])
                    let end = Int(starts[bucket + 1])
                    while k < end {
                      let i = items[k]
                      k += 1
                      let start = offsets[i]
                      let length = offsets[i + 1] - start
                      guard position + length <= hay.count else { continue }
                      var j = 1
                      while j < length && fold[Int(hay[position + j])] == needles[start + j] { j += 1 }
                      guard j == length else { continue }
                      if wholeWords
                        && (position > 0 && TextNormalizer.isWordByte(hay[position - 1])
                          || position + length < hay.count && TextNormalizer.isWordByte(hay[position + length]))
                      {
                        continue
                      }
                      if stopAtFirst { return true }
                      found[i] = true
                      any = true
                    }
                  }
                }
                return any
              }
            }
          }
        }
      }
    }
  }
}
