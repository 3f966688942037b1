@preconcurrency import CEditLine
import Foundation

/// libedit's in-memory history list, optionally mirrored to a file.
///
/// The file is rewritten after every entry so that a crash loses nothing. It is
/// written to a temporary file created with mode 0600 in the same directory and
/// then renamed over the old one, so a crash mid-write never truncates it.
final class EditHistory {
  /// The libedit history object; handed to `EL_HIST`.
  let handle: OpaquePointer

  /// The file mirrored after each entry, or nil for memory-only history.
  let fileURL: URL?

  /// Creates the history, caps it at `limit` entries and loads `path` if it exists.
  ///
  /// A missing file is an empty history. A file libedit cannot parse is ignored
  /// (and replaced on the next save).
  ///
  /// - Throws: ``LineEditorError/historyFileUnavailable(path:reason:)`` when the
  ///   parent directory cannot be created.
  init(path: String?, limit: Int) throws {
    guard let handle = history_init() else {
      throw LineEditorError.initializationFailed("history_init")
    }
    self.handle = handle
    _ = byline_history_setsize(handle, Int32(clamping: max(1, limit)))
    _ = byline_history_setunique(handle, 1)

    guard let path, !path.isEmpty else {
      fileURL = nil
      return
    }
    let expanded = (path as NSString).expandingTildeInPath
    // Follow a symlinked history file so the rename replaces its target.
    let url = URL(fileURLWithPath: expanded).resolvingSymlinksInPath()
    fileURL = url

    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      history_end(handle)
      throw LineEditorError.historyFileUnavailable(
        path: path, reason: "cannot create \(directory.path): \(error.localizedDescription)")
    }
    if FileManager.default.fileExists(atPath: url.path) {
      // -1 means unreadable or not libedit's format: start empty.
      _ = byline_history_load(handle, url.path)
    }
  }

  deinit {
    history_end(handle)
  }

  /// Number of entries held in memory.
  var count: Int { Int(byline_history_count(handle)) }

  /// Adds `line` to memory and, when a file is set, saves the whole list.
  ///
  /// - Throws: ``LineEditorError/historyFileUnavailable(path:reason:)`` when saving fails;
  ///   the entry stays in memory either way.
  func add(_ line: String) throws {
    _ = byline_history_enter(handle, line)
    try save()
  }

  /// Writes every entry to the history file atomically, with mode 0600.
  func save() throws {
    guard let url = fileURL else { return }
    let target = url.path
    let temporary = "\(target).tmp.\(getpid())"
    func failure(_ step: String) -> LineEditorError {
      let reason = String(cString: strerror(byline_errno()))
      return .historyFileUnavailable(path: target, reason: "\(step): \(reason)")
    }

    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw failure("open") }
    guard let stream = fdopen(fd, "w") else {
      let error = failure("fdopen")
      close(fd)
      unlink(temporary)
      throw error
    }
    let written = byline_history_save_fp(handle, stream)
    let flushed = fflush(stream) == 0 && fsync(fd) == 0
    let error = (written < 0 || !flushed) ? failure("write") : nil
    fclose(stream)
    if let error {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, target) == 0 else {
      let error = failure("rename")
      unlink(temporary)
      throw error
    }
    _ = chmod(target, 0o600)
  }
}
