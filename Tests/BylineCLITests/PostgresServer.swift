// A real PostgreSQL 15 server for the tests, started by Tests/Postgres/server.sh: initdb into a
// temporary folder (as the "postgres" user when the tests run as root, since PostgreSQL refuses
// root), listening on 127.0.0.1 on a free port, stopped and removed when the tests end.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The folder of the shared server, stopped when the test process exits.
nonisolated(unsafe) private var sharedServerFolder: String?

/// One throw-away server.
final class PostgresServer: @unchecked Sendable {
  /// Where Debian puts PostgreSQL 15's programs.
  static let binaries = "/usr/lib/postgresql/15/bin"
  /// Whether PostgreSQL is installed (the tests are skipped, saying so, when it is not; `make
  /// test` and `.ci/run` install it).
  static let isInstalled = FileManager.default.isExecutableFile(atPath: binaries + "/initdb")
  static let script = Byline.packageRoot.appendingPathComponent("Tests/Postgres/server.sh").path

  /// The server most tests share, each in a database of its own.
  static let shared: PostgresServer = {
    let server = PostgresServer()
    sharedServerFolder = server.folder
    atexit {
      if let folder = sharedServerFolder { _ = PostgresServer.script(["stop", folder]) }
    }
    return server
  }()

  let folder: String
  let port: Int
  /// The maintenance database's URL, with the password.
  let url: String
  private let lock = NSLock()
  private var databases = 0

  /// Starts a server (a failure to start is recorded as an issue).
  init() {
    var template = Array((NSTemporaryDirectory() + "byline-pg-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    folder = String(cString: template)
    chmod(folder, 0o755)
    port = Self.freePort()
    let (status, out) = Self.script(["start", folder, String(port)])
    if status != 0 { Issue.record("PostgreSQL did not start: \(out)") }
    url = out.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Stops the server and removes its folder.
  func stop() {
    _ = Self.script(["stop", folder])
  }

  /// Stops the server at once (immediate shutdown), as a crash would.
  func kill() {
    _ = Self.script(["kill", folder])
  }

  /// A new, empty database; returns its URL (with the password).
  func database(_ name: String) -> String {
    lock.lock()
    databases += 1
    let db = "\(name)_\(databases)"
    lock.unlock()
    let (status, out) = Self.script(["createdb", folder, String(port), db])
    if status != 0 { Issue.record("createdb \(db) failed: \(out)") }
    return "postgresql://byline:byline-test-password@127.0.0.1:\(port)/\(db)"
  }

  /// Runs `sql` in database `db` and returns what psql printed.
  func sql(_ db: String, _ sql: String) -> String {
    Self.script(["sql", folder, String(port), db, sql]).1.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs server.sh with `arguments`; returns its status and output (stdout and stderr).
  ///
  /// The output goes to a file, never a pipe: the server the script starts would inherit the
  /// write end of a pipe that another test's script was given at the same moment, and that
  /// script's reader would then wait for the server to exit.
  @discardableResult
  static func script(_ arguments: [String]) -> (Int32, String) {
    let output = NSTemporaryDirectory() + "byline-pg-script-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: output) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [script] + arguments
    let handle = FileHandle(forWritingAtPath: output)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "\(error)") }
    process.waitUntilExit()
    try? handle?.close()
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    return (process.terminationStatus, text)
  }

  /// A TCP port nothing listens on now (the kernel's pick for port 0).
  static func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var size = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
