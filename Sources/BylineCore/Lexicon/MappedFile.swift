import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A read-only file mapped into memory, searched as sorted lines (WordNet's index and exception
/// files) or read a line at a byte offset (its data files).
final class MappedFile: @unchecked Sendable {
  private let base: UnsafeRawPointer
  private let count: Int

  /// Maps the file at `path`, or returns nil when it cannot be opened or is empty.
  init?(path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
    base = UnsafeRawPointer(pointer)
    count = size
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

  private func byte(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }

  /// The line that starts at byte `offset`, without its newline.
  func line(at offset: Int) -> String? {
    guard offset >= 0, offset < count else { return nil }
    var end = offset
    while end < count, byte(end) != 0x0A { end += 1 }
    return String(decoding: UnsafeRawBufferPointer(start: base + offset, count: end - offset), as: UTF8.self)
  }

  /// The line whose first field (up to a space) is `key`, found by binary search over lines
  /// sorted by that field; lines that start with a space (licence headers) sort first.
  func line(startingWith key: String) -> String? {
    let key = Array(key.utf8)
    guard !key.isEmpty else { return nil }
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      // The start of the line holding `mid`.
      var start = mid
      while start > 0, byte(start - 1) != 0x0A { start -= 1 }
      switch compare(key, atLine: start) {
      case 0: return line(at: start)
      case let c where c < 0:
        high = start
      default:
        var next = mid
        while next < count, byte(next) != 0x0A { next += 1 }
        low = next + 1
      }
    }
    return nil
  }

  /// -1 when `key` sorts before the first field of the line at `start`, 0 when equal, 1 after.
  private func compare(_ key: [UInt8], atLine start: Int) -> Int {
    var i = 0
    while true {
      let p = start + i
      let b: UInt8 = p < count ? byte(p) : 0x0A
      let fieldEnded = b == 0x20 || b == 0x0A
      if i == key.count { return fieldEnded ? 0 : -1 }
      if fieldEnded { return 1 }
      if key[i] != b { return key[i] < b ? -1 : 1 }
      i += 1
    }
  }
}
