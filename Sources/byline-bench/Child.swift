import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program to completion with posix_spawn and wait4: its wall time and its own peak RSS
/// (which Foundation's `Process` does not report).
enum Child {
  /// What one run took.
  struct Result {
    var ms: Double
    /// User and system CPU time of the child, in milliseconds.
    var cpuMS: Double
    var rssMB: Double
    var status: Int32
  }

  /// Runs `path` with `arguments`, feeding `input` on standard input; output is discarded.
  static func run(_ path: String, _ arguments: [String], input: String? = nil) throws -> Result {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    posix_spawn_file_actions_addclose(&actions, fds[1])
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = Date()
    let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
    close(fds[0])
    guard rc == 0 else {
      close(fds[1])
      throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
    }
    if let input {
      var bytes = Array(input.utf8)
      var written = 0
      while written < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(fds[1], $0.baseAddress! + written, $0.count - written) }
        if n <= 0 { break }
        written += n
      }
    }
    close(fds[1])
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let ms = Date().timeIntervalSince(start) * 1000
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    guard code == 0 else { throw ChildError.failed(path: path, arguments: arguments, status: code) }
    return Result(ms: ms, cpuMS: Bench.cpuMS(usage), rssMB: Double(usage.ru_maxrss) / 1024, status: code)
  }

  enum ChildError: Error {
    case failed(path: String, arguments: [String], status: Int32)
  }
}
