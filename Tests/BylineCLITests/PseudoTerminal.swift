// Runs the binary on a real pseudo-terminal: stdin, stdout and stderr are the pty's slave side,
// which is also the child's controlling terminal (so Ctrl-C raises SIGINT as on a real terminal).
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

enum PTYError: Error, CustomStringConvertible {
  case system(String, Int32)
  case timeout(waitingFor: String, output: String)
  case exited(waitingFor: String, output: String)

  var description: String {
    switch self {
    case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
    case .timeout(let marker, let output):
      return "timed out waiting for \(marker.debugDescription); output so far:\n\(output.debugDescription)"
    case .exited(let marker, let output):
      return "the process ended while waiting for \(marker.debugDescription); output:\n\(output.debugDescription)"
    }
  }
}

/// One run of `byline` on a pseudo-terminal.
final class PTYSession {
  let pid: pid_t
  let master: Int32
  /// Everything read so far (raw, with escapes).
  private(set) var output = Data()
  /// Where the next `expect` starts looking.
  private var mark = 0
  private(set) var exitStatus: Int32?
  private var masterOpen = true

  static let spawnSetSID: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc >= 2.26)

  init(box: Sandbox, arguments: [String], env: [String: String] = [:], rows: UInt16 = 40, columns: UInt16 = 120)
    throws
  {
    let master = LibC.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw PTYError.system("posix_openpt", errno) }
    guard LibC.grantpt(master) == 0, LibC.unlockpt(master) == 0 else {
      close(master)
      throw PTYError.system("grantpt/unlockpt", errno)
    }
    var nameBuffer = [CChar](repeating: 0, count: 128)
    guard LibC.ptsname_r(master, &nameBuffer, nameBuffer.count) == 0 else {
      close(master)
      throw PTYError.system("ptsname_r", errno)
    }
    let slaveName = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = withUnsafeMutablePointer(to: &size) { ioctl(master, UInt(TIOCSWINSZ), $0) }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // After setsid the child has no controlling terminal; opening the slave (without O_NOCTTY) makes
    // it the controlling terminal, then it becomes stdin, stdout and stderr.
    posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    // Nothing else open in the test process reaches the child: a socket Foundation's Process
    // keeps for another child, inherited here, would hide that child's end until this one exits.
    if let closeFrom = LibC.addCloseFrom { _ = closeFrom(&actions, 3) }

    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    // Default signal handling and an empty mask in the child, whatever the test runner does.
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    posix_spawnattr_setsigdefault(&attr, &defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attr, &empty)
    posix_spawnattr_setflags(
      &attr, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let path = Byline.binary.path
    let argv = ([path] + box.arguments(arguments)).map { strdup($0) } + [nil]
    let environment = box.environment(
      ["TERM": "xterm", "COLUMNS": "\(columns)", "LINES": "\(rows)"].merging(env) {
        $1
      })
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
    guard rc == 0 else {
      close(master)
      throw PTYError.system("posix_spawn \(path)", rc)
    }
    self.pid = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    if masterOpen { close(master) }
  }

  /// Sends keystrokes.
  func send(_ keys: String) {
    var bytes = Array(keys.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
      if n > 0 {
        offset += n
      } else if errno != EAGAIN && errno != EINTR {
        return
      } else {
        usleep(1000)
      }
    }
  }

  /// Reads whatever is available; returns false at end of file (the slave side is closed).
  @discardableResult
  private func drain() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
      let n = read(master, &buffer, buffer.count)
      if n > 0 {
        output.append(contentsOf: buffer[0..<n])
      } else if n < 0 && (errno == EAGAIN || errno == EINTR) {
        return true
      } else {
        return false  // 0 or EIO: the child closed the terminal
      }
    }
  }

  /// Output since the last `expect`, escapes removed.
  var pending: String { String(String.UnicodeScalarView(allText.unicodeScalars.dropFirst(mark))) }
  var allText: String { Self.plain(output) }

  /// Waits until the text after the last match contains `marker` (escapes removed); returns that text
  /// up to and including the marker, and continues after it next time.
  @discardableResult
  func expect(_ marker: String, timeout: Double = 20) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let alive = drain()
      let text = pending
      if let range = text.range(of: marker) {
        mark += text.unicodeScalars[..<range.upperBound].count
        return String(text[..<range.upperBound])
      }
      if !alive { throw PTYError.exited(waitingFor: marker, output: text) }
      if Date() > deadline { throw PTYError.timeout(waitingFor: marker, output: text) }
      try await Task.sleep(nanoseconds: 20_000_000)
    }
  }

  /// Waits for `prompt`, then until the line editor has the terminal in non-canonical mode, so the
  /// next keys reach the editor. libedit flushes the prompt before it switches the terminal to raw
  /// mode; a key sent in that gap goes through the canonical line discipline (Ctrl-D becomes a NUL
  /// byte and is lost). No person types that fast, but a loaded test machine hits the gap.
  @discardableResult
  func expectPrompt(_ prompt: String = "byline>", timeout: Double = 20) async throws -> String {
    let text = try await expect(prompt, timeout: timeout)
    let deadline = Date().addingTimeInterval(timeout)
    var mode = termios()
    // On Linux the master reports the slave's settings.
    while tcgetattr(master, &mode) == 0 && mode.c_lflag & tcflag_t(ICANON) != 0 {
      if !drain() { throw PTYError.exited(waitingFor: "the line editor", output: pending) }
      if Date() > deadline { throw PTYError.timeout(waitingFor: "the line editor", output: pending) }
      try await Task.sleep(nanoseconds: 2_000_000)
    }
    return text
  }

  /// Collects output for `seconds` (for checking that something does NOT appear).
  func settle(_ seconds: Double) async -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      drain()
      try? await Task.sleep(nanoseconds: 20_000_000)
    }
    drain()
    return pending
  }

  /// Waits for the child to exit; returns its exit code (or 128+signal), nil on timeout.
  func waitForExit(timeout: Double = 20) async -> Int32? {
    if let exitStatus { return exitStatus }
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      drain()
      var status: Int32 = 0
      let r = waitpid(pid, &status, WNOHANG)
      if r == pid {
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        exitStatus = code
        drain()
        return code
      }
      try? await Task.sleep(nanoseconds: 20_000_000)
    }
    return nil
  }

  /// True while the child has not exited.
  var isRunning: Bool {
    if exitStatus != nil { return false }
    var status: Int32 = 0
    let r = waitpid(pid, &status, WNOHANG)
    if r == pid {
      let signal = status & 0x7F
      exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
      return false
    }
    return true
  }

  /// Removes ANSI escape sequences (CSI, OSC, two-byte ESC x) and carriage returns.
  static func plain<D: DataProtocol>(_ data: D) -> String {
    let text = String(decoding: data, as: UTF8.self)
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if scalar == "\u{1B}" {
        guard let next = scalars.next() else { break }
        if next == "[" {
          while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
        } else if next == "]" {
          while let c = scalars.next(), c != "\u{07}" && c != "\u{1B}" {}
        }
        continue
      }
      if scalar == "\r" { continue }
      out.append(scalar)
    }
    return String(out)
  }
}

/// The pty functions glibc declares only under _XOPEN_SOURCE/_GNU_SOURCE, which the Glibc module
/// does not expose: looked up at run time instead.
enum LibC {
  nonisolated(unsafe) private static let handle = dlopen(nil, RTLD_NOW)

  private static func function<T>(_ name: String, as type: T.Type) -> T {
    guard let symbol = dlsym(handle, name) else { fatalError("libc lacks \(name)") }
    return unsafeBitCast(symbol, to: type)
  }

  static let posix_openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
  static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
  static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
  /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later), when there is one.
  static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
    dlsym(handle, "posix_spawn_file_actions_addclosefrom_np").map {
      unsafeBitCast(
        $0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }
  static let ptsname_r = function(
    "ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
}

enum Keys {
  static let enter = "\r"
  static let tab = "\t"
  static let up = "\u{1B}[A"
  static let ctrlC = "\u{03}"
  static let ctrlD = "\u{04}"
}
