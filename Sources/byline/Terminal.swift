import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The process's terminal: whether streams are terminals, colour rules, stderr, quiet exit on a
/// closed pipe.
enum Terminal {
  static var stdinIsTTY: Bool { isatty(0) == 1 }
  static var stdoutIsTTY: Bool { isatty(1) == 1 }

  /// Colour only on a terminal, never with NO_COLOR or TERM=dumb, unless forced.
  static func useColor(_ choice: ColorChoice, format: OutputFormat) -> Bool {
    guard format == .text else { return false }
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      let env = ProcessInfo.processInfo.environment
      if env["NO_COLOR"].map({ !$0.isEmpty }) == true || env["TERM"] == "dumb" { return false }
      return stdoutIsTTY
    }
  }

  /// Writes a line to stderr, with control characters and escape sequences removed: messages
  /// name files and quote text from articles, which must never drive the terminal.
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data((TextNormalizer.stripControls(message) + "\n").utf8))
  }

  /// Writes to stdout; a reader that went away ends the program quietly.
  static func write(_ text: String) {
    let data = Array(text.utf8)
    var offset = 0
    while offset < data.count {
      let n = data[offset...].withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        exit(errno == EPIPE ? 0 : 74)
      }
      offset += n
    }
  }

  /// Ignore SIGPIPE so a closed pipe shows up as EPIPE from write.
  static func ignoreSigpipe() { signal(SIGPIPE, SIG_IGN) }

  /// The folder the running binary is in.
  static var executableDirectory: String? {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (path as NSString).deletingLastPathComponent
  }
}
