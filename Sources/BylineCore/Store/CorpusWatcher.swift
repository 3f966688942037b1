import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Watches a corpus folder and its sub-folders with Linux inotify and collects the paths that
/// changed, so that a long session can bring its store up to date by reading only those
/// (``ArticleStore/sync(changed:)``) instead of a `stat` of every file in the corpus.
///
/// Nothing runs in the background: the kernel queues the events and ``changes()`` reads them
/// without waiting. When the queue overflowed, or a watch could not be added, the changes are
/// incomplete and ``Changes/complete`` is false: scan the whole corpus then.
public final class CorpusWatcher: @unchecked Sendable {
  /// What changed since the last call.
  public struct Changes: Sendable {
    /// Files and folders written, created, moved or deleted, sorted.
    public var paths: [String]
    /// False when events were lost: only a full scan can tell what changed.
    public var complete: Bool
  }

  private let fd: Int32
  private var folders: [Int32: String] = [:]
  private var lost = false
  private let lock = NSLock()

  private static let mask: UInt32 =
    UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
    | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR)

  /// Starts watching `folder` and every folder under it (hidden ones are skipped, as the index
  /// skips them). Nil when inotify is not available.
  public init?(folder: String) {
    fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard fd >= 0 else { return nil }
    guard addWatches(under: folder) else {
      close(fd)
      return nil
    }
  }

  deinit { close(fd) }

  /// The paths that changed since the last call (never waits).
  public func changes() -> Changes {
    lock.lock()
    defer { lock.unlock() }
    var paths = Set<String>()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= count {
        let (wd, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
          let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
          return (event.wd, event.mask, Int(event.len))
        }
        let nameStart = offset + MemoryLayout<inotify_event>.size
        offset = nameStart + nameLength
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
          lost = true
          continue
        }
        guard let folder = folders[wd] else { continue }
        if mask & UInt32(IN_IGNORED) != 0 {
          folders[wd] = nil
          continue
        }
        if mask & UInt32(IN_DELETE_SELF) != 0 {
          paths.insert(folder)
          continue
        }
        let name = buffer[nameStart..<min(offset, count)].prefix { $0 != 0 }
        guard !name.isEmpty, name.first != 0x2E else { continue }
        let path = folder + "/" + String(decoding: name, as: UTF8.self)
        paths.insert(path)
        // A folder made or moved in: watch it too (its files are read by the sync of its path).
        if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
          if !addWatches(under: path) { lost = true }
        }
      }
    }
    let complete = !lost
    lost = false
    return Changes(paths: paths.sorted(), complete: complete)
  }

  /// Adds a watch for `folder` and the folders under it; false when one could not be added.
  private func addWatches(under folder: String) -> Bool {
    let wd = inotify_add_watch(fd, folder, Self.mask)
    guard wd >= 0 else { return false }
    folders[wd] = folder
    guard let dir = opendir(folder) else { return true }
    defer { closedir(dir) }
    var ok = true
    while let entry = readdir(dir) {
      guard entry.pointee.d_type == DT_DIR || entry.pointee.d_type == DT_UNKNOWN else { continue }
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard !name.hasPrefix(".") else { continue }
      let path = folder + "/" + name
      var st = stat()
      guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { continue }
      if !addWatches(under: path) { ok = false }
    }
    return ok
  }
}
