@preconcurrency import CEditLine
import Foundation

/// An interactive line editor built on libedit (BSD editline).
///
/// It gives the prompt emacs-style editing, persistent history (Up/Down,
/// Ctrl-R), Tab completion through a caller-supplied completer, and the user's
/// `~/.editrc`. Ctrl-C cancels the current line instead of killing the process,
/// and sets ``isInterrupted`` so work in progress can be cancelled too.
///
/// Use it only when standard input and output are terminals; the initialiser
/// throws ``LineEditorError/notATerminal`` otherwise. libedit's callbacks are C
/// functions without context, so one editor is active at a time: the most
/// recently created one, or the one that most recently called ``readLine(prompt:)``.
/// Not thread-safe: use it from one thread.
public final class LineEditor {
  /// Returns candidate full words for Tab completion.
  ///
  /// The first argument is the word being completed (the text after the last
  /// blank before the cursor, possibly empty); the second is the whole line so
  /// far, from its start up to the cursor.
  public typealias Completer = @Sendable (_ word: String, _ lineSoFar: String) -> [String]

  /// The editor whose callbacks libedit is currently driving.
  nonisolated(unsafe) private static weak var active: LineEditor?

  private let editLine: OpaquePointer
  private let history: EditHistory
  private let completer: Completer?

  /// The most recent failure to save the history file, or nil if the last save
  /// worked. ``addHistory(_:)`` never throws; check this to warn the user.
  public private(set) var historyError: LineEditorError?

  /// Creates an editor for the current terminal.
  ///
  /// Sets the C locale from the environment (`setlocale(LC_ALL, "")`) so
  /// non-ASCII input works, installs a SIGINT handler, loads the history file if
  /// it exists and reads `~/.editrc` (or `$EDITRC`).
  ///
  /// - Parameters:
  ///   - programName: Name used to select `~/.editrc` lines (`name:command`).
  ///   - historyFile: Where history persists across runs; nil keeps history in
  ///     memory only. `~` is expanded; missing parent directories are created.
  ///   - historyLimit: Most entries kept in memory and in the file.
  ///   - completer: Supplies Tab completions; nil makes Tab insert nothing.
  /// - Throws: ``LineEditorError`` when stdin/stdout are not terminals, libedit
  ///   fails to start, or the history directory cannot be created.
  public init(
    programName: String, historyFile: String?, historyLimit: Int = 1000,
    completer: Completer? = nil
  ) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw LineEditorError.notATerminal
    }
    setlocale(LC_ALL, "")
    history = try EditHistory(path: historyFile, limit: historyLimit)
    guard let editLine = el_init(programName, stdin, stdout, stderr) else {
      throw LineEditorError.initializationFailed("el_init")
    }
    self.editLine = editLine
    self.completer = completer

    _ = byline_set_prompt_text("")
    _ = byline_el_set_prompt(editLine)
    _ = byline_el_set_editor(editLine, "emacs")
    _ = byline_el_set_history(editLine, history.handle)
    _ = byline_el_add_function(
      editLine, "byline-complete", "Complete the word before the cursor",
      { editLine, _ in LineEditor.completeCallback(editLine) })
    _ = byline_el_bind(editLine, "^I", "byline-complete")
    // Last, so the user's ~/.editrc can override the bindings above.
    _ = el_source(editLine, nil)

    byline_install_sigint(1)
    Self.active = self
  }

  deinit {
    el_end(editLine)
    if Self.active === self { Self.active = nil }
  }

  /// Shows `prompt`, lets the user edit a line, and reports how editing ended.
  ///
  /// Clears ``isInterrupted`` on entry. Returns ``LineEditorEvent/line(_:)``
  /// without the trailing newline (and clears the flag again, so a Ctrl-C racing
  /// with Return does not cancel the next piece of work);
  /// ``LineEditorEvent/interrupted`` on Ctrl-C (the flag stays set); and
  /// ``LineEditorEvent/endOfFile`` on Ctrl-D on an empty line or a read error.
  /// The line is not added to history: call ``addHistory(_:)`` for that.
  ///
  /// - Parameter prompt: Text shown before the cursor. Wrap non-printing
  ///   sequences (colour codes) in `"\u{1}"` pairs so the width is right.
  public func readLine(prompt: String) -> LineEditorEvent {
    Self.active = self
    _ = byline_set_prompt_text(prompt)
    el_resize(editLine)  // Pick up a terminal resize since the last prompt.

    byline_sigint_reset()
    byline_install_sigint(0)  // No SA_RESTART: Ctrl-C makes el_gets return -1.
    var count: Int32 = 0
    let text = el_gets(editLine, &count)
    let interrupted = byline_sigint_pending() != 0
    byline_install_sigint(1)  // Leave the rest of the program's I/O alone.

    guard let text, count > 0 else {
      writeOutput("\n")
      return interrupted || count < 0 && byline_errno() == EINTR ? .interrupted : .endOfFile
    }
    byline_sigint_reset()
    var line = String(cString: text)
    while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  /// Adds `line` to history and immediately saves the history file.
  ///
  /// Blank lines and a repeat of the previous entry are skipped. The file is
  /// rewritten atomically with mode 0600 and holds at most `historyLimit`
  /// entries. A save failure does not throw; it is kept in ``historyError``.
  public func addHistory(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    do {
      try history.add(line)
      historyError = nil
    } catch let error as LineEditorError {
      historyError = error
    } catch {
      historyError = .historyFileUnavailable(
        path: history.fileURL?.path ?? "", reason: error.localizedDescription)
    }
  }

  /// Number of entries currently in history.
  public var historyCount: Int { history.count }

  /// Whether a SIGINT (Ctrl-C) arrived since the last reset.
  ///
  /// Poll this while doing work between prompts to cancel it on Ctrl-C. It is
  /// reset by ``resetInterrupted()`` and at the start of ``readLine(prompt:)``.
  public var isInterrupted: Bool { byline_sigint_pending() != 0 }

  /// Whether a SIGINT arrived since the last reset, readable from any thread (for a watcher
  /// that cancels work in progress).
  public static func interruptPending() -> Bool { byline_sigint_pending() != 0 }

  /// Clears ``isInterrupted``; call it before starting cancellable work.
  public func resetInterrupted() {
    byline_sigint_reset()
  }

  // MARK: - Tab completion

  /// Entry point for libedit's "byline-complete" function (bound to Tab).
  private static func completeCallback(_ editLine: OpaquePointer?) -> UInt8 {
    guard let editLine, let editor = active, editor.editLine == editLine else {
      return UInt8(CC_ERROR)
    }
    return editor.complete()
  }

  /// Completes the word before the cursor; returns a libedit `CC_*` code.
  private func complete() -> UInt8 {
    guard let completer, let info = el_line(editLine)?.pointee,
      let start = info.buffer, let cursor = info.cursor
    else { return UInt8(CC_REFRESH_BEEP) }
    let length = start.distance(to: cursor)
    let bytes = start.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
    let completion = TabCompletion(bytesBeforeCursor: bytes)
    switch completion.action(for: completer(completion.word, completion.lineBeforeCursor)) {
    case .beep:
      return UInt8(CC_REFRESH_BEEP)
    case .insert(let text):
      return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .replace(let text):
      el_deletestr(editLine, Int32(completion.word.count))
      return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
    case .list(let candidates):
      writeOutput("\n" + TabCompletion.columns(candidates, width: Self.terminalWidth()) + "\n")
      return UInt8(CC_REDISPLAY)
    }
  }

  /// Writes `text` to standard output (libedit's output stream) and flushes it.
  private func writeOutput(_ text: String) {
    fputs(text, stdout)
    fflush(stdout)
  }

  /// The terminal's width in columns, or 80 when unknown.
  private static func terminalWidth() -> Int {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}
