// Shared helpers for the end-to-end tests: find the real `byline` binary, run it in a sandbox
// (temporary store, XDG dirs and HOME) with a timeout, and decode its JSON output.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The shared sandbox's folder, removed when the test process exits (statics are never deinitialised).
nonisolated(unsafe) private var sharedRoot: String?

/// Where the binary and the repository's corpus live.
enum Byline {
  /// The package root, found from this file's path: <root>/Tests/BylineCLITests/BinaryRunner.swift.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// BYLINE_TEST_BINARY, else <root>/.build/release/byline, else <root>/.build/debug/byline.
  static let binary: URL = {
    let fm = FileManager.default
    if let path = ProcessInfo.processInfo.environment["BYLINE_TEST_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    for config in ["release", "debug"] {
      let url = packageRoot.appendingPathComponent(".build/\(config)/byline")
      if fm.isExecutableFile(atPath: url.path) { return url }
    }
    return packageRoot.appendingPathComponent(".build/release/byline")
  }()

  /// The repository's seed articles.
  static let knowledge: URL = packageRoot.appendingPathComponent("Knowledge")

  static let seedIDs = [
    "000_0270aeca28a1971a", "001_36827da89e547575", "002_42c547952601a526",
    "003_cd614558ed0673bd", "004_df841a73e9ac7c56",
  ]

  /// A store over the repository's Knowledge/ built once (by `byline index`) and shared by the
  /// read-only tests, so parallel tests never race to create it.
  static let sharedSandbox: Sandbox = {
    let box = Sandbox(name: "shared")
    let result = box.runSync(["index"], timeout: 60)
    precondition(result.status == 0, "byline index failed: \(result.stderr)")
    sharedRoot = box.root.path
    atexit {
      if let root = sharedRoot { try? FileManager.default.removeItem(atPath: root) }
    }
    return box
  }()
}

/// The outcome of one run of the binary.
struct RunResult: Sendable {
  var status: Int32
  /// True when the process ended by a signal (then `status` is the signal number).
  var signaled: Bool
  var timedOut: Bool
  var stdoutData: Data
  var stderrData: Data
  var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
  var stderr: String { String(decoding: stderrData, as: UTF8.self) }
  var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

  /// A short description for failure messages.
  var summary: String {
    "status \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (TIMED OUT)" : ""); stderr: \(stderr.prefix(600))"
  }
}

/// A temporary directory holding a store, XDG dirs and HOME, removed when the sandbox goes away.
final class Sandbox: Sendable {
  let root: URL
  let store: URL
  let home: URL
  let stateHome: URL
  let dataHome: URL
  /// The corpus folder passed with --knowledge.
  let knowledge: URL

  /// `knowledge` nil means the repository's Knowledge/ folder; `copySeeds` copies it into the sandbox instead.
  init(name: String = "sandbox", knowledge: URL? = nil, copySeeds: Bool = false) {
    let fm = FileManager.default
    var template = Array((NSTemporaryDirectory() + "byline-cli-\(name)-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    root = URL(fileURLWithPath: String(cString: template), isDirectory: true)
    store = root.appendingPathComponent("store.sqlite")
    home = root.appendingPathComponent("home", isDirectory: true)
    stateHome = root.appendingPathComponent("state", isDirectory: true)
    dataHome = root.appendingPathComponent("data", isDirectory: true)
    for dir in [home, stateHome, dataHome] { try? fm.createDirectory(at: dir, withIntermediateDirectories: true) }
    if copySeeds {
      let dest = root.appendingPathComponent("knowledge", isDirectory: true)
      try! fm.createDirectory(at: dest, withIntermediateDirectories: true)
      for file in try! fm.contentsOfDirectory(atPath: Byline.knowledge.path) where !file.hasPrefix(".") {
        let target = dest.appendingPathComponent(file)
        try! fm.copyItem(at: Byline.knowledge.appendingPathComponent(file), to: target)
        // The seeds may be read-only; tests rewrite and delete them.
        try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
      }
      self.knowledge = dest
    } else {
      self.knowledge = knowledge ?? Byline.knowledge
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var historyFile: URL { stateHome.appendingPathComponent("byline/history") }

  /// A clean environment: nothing from the user's shell leaks in (no BYLINE_*, NO_COLOR, real HOME).
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var env: [String: String] = [
      "PATH": "/usr/local/bin:/usr/bin:/bin",
      "HOME": home.path,
      "XDG_STATE_HOME": stateHome.path,
      "XDG_DATA_HOME": dataHome.path,
      "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
      "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
      "LANG": "C.UTF-8",
      "LC_ALL": "C.UTF-8",
    ]
    for (key, value) in extra { env[key] = value }
    return env
  }

  /// The arguments every run gets: the sandbox's store and corpus.
  var storeArguments: [String] { ["--store", store.path, "--knowledge", knowledge.path] }

  /// Puts `--store`/`--knowledge` after the subcommand (when there is one), then the given arguments.
  func arguments(_ args: [String], withStore: Bool = true) -> [String] {
    guard withStore else { return args }
    let subcommands: Set<String> = ["ask", "search", "articles", "index", "chat", "backends"]
    if let first = args.first, subcommands.contains(first) {
      return [first] + storeArguments + Array(args.dropFirst())
    }
    return storeArguments + args
  }

  /// Runs the binary with `args` (store and corpus added), `stdin` piped from a file, and a timeout.
  func run(
    _ args: [String], stdin: String = "", withStore: Bool = true, env: [String: String] = [:],
    timeout: Double = 20
  ) async -> RunResult {
    await run(args, stdinData: Data(stdin.utf8), withStore: withStore, env: env, timeout: timeout)
  }

  /// Runs the binary with raw bytes on stdin (invalid UTF-8, NUL bytes).
  func run(
    _ args: [String], stdinData: Data, withStore: Bool = true, env: [String: String] = [:], timeout: Double = 20,
    executable: URL? = nil
  ) async -> RunResult {
    let process = launch(args, stdinData: stdinData, withStore: withStore, env: env, executable: executable)
    return await process.finish(within: timeout)
  }

  /// The blocking variant, for building shared fixtures in static initialisers.
  func runSync(_ args: [String], stdin: String = "", timeout: Double = 20) -> RunResult {
    let process = launch(args, stdinData: Data(stdin.utf8), withStore: true, env: [:])
    return process.finish(timedOut: !process.exits(within: timeout, pause: { usleep(10_000) }))
  }

  /// A started process whose stdout and stderr go to files (no pipe can fill up and block it).
  struct Launched {
    let process: Process
    let outURL: URL
    let errURL: URL

    /// Waits for the process, killing it after `timeout` seconds; false when it had to be killed.
    func exits(within timeout: Double, pause: () -> Void) -> Bool {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning {
        if Date() > deadline {
          kill(process.processIdentifier, SIGKILL)
          return false
        }
        pause()
      }
      return true
    }

    /// Waits (without blocking a thread) for the process, killed after `timeout` seconds.
    func finish(within timeout: Double) async -> RunResult {
      let deadline = Date().addingTimeInterval(timeout)
      var timedOut = false
      while process.isRunning {
        if Date() > deadline {
          timedOut = true
          kill(process.processIdentifier, SIGKILL)
          break
        }
        try? await Task.sleep(nanoseconds: 10_000_000)
      }
      return finish(timedOut: timedOut)
    }

    func finish(timedOut: Bool) -> RunResult {
      // Foundation notices a child's end when a socket the child holds closes; a killed child
      // is normally noticed at once, but never block a test thread on it for long.
      let ended = timedOut ? exits(within: 10, pause: { usleep(10_000) }) : true
      if ended { process.waitUntilExit() }
      let out = (try? Data(contentsOf: outURL)) ?? Data()
      let err = (try? Data(contentsOf: errURL)) ?? Data()
      try? FileManager.default.removeItem(at: outURL)
      try? FileManager.default.removeItem(at: errURL)
      return RunResult(
        status: ended ? process.terminationStatus : -1,
        signaled: ended && process.terminationReason == .uncaughtSignal,
        timedOut: timedOut, stdoutData: out, stderrData: err)
    }
  }

  func launch(
    _ args: [String], stdin: String, withStore: Bool, env: [String: String], stdoutPipe: Pipe? = nil
  ) -> Launched {
    launch(args, stdinData: Data(stdin.utf8), withStore: withStore, env: env, stdoutPipe: stdoutPipe)
  }

  func launch(
    _ args: [String], stdinData: Data, withStore: Bool, env: [String: String], stdoutPipe: Pipe? = nil,
    executable: URL? = nil
  ) -> Launched {
    let id = UUID().uuidString
    let inURL = root.appendingPathComponent("in-\(id)")
    let outURL = root.appendingPathComponent("out-\(id)")
    let errURL = root.appendingPathComponent("err-\(id)")
    FileManager.default.createFile(atPath: inURL.path, contents: stdinData)
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = executable ?? Byline.binary
    process.arguments = arguments(args, withStore: withStore)
    process.environment = environment(env)
    process.currentDirectoryURL = root
    process.standardInput = FileHandle(forReadingAtPath: inURL.path)
    process.standardOutput = stdoutPipe ?? FileHandle(forWritingAtPath: outURL.path)
    process.standardError = FileHandle(forWritingAtPath: errURL.path)
    do {
      try process.run()
    } catch {
      Issue.record("could not start \(Byline.binary.path): \(error)")
    }
    return Launched(process: process, outURL: outURL, errURL: errURL)
  }
}

// MARK: - JSON helpers

enum JSON {
  /// Parses one JSON value, or nil.
  static func parse(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  static func object(_ text: String) -> [String: Any]? { parse(text) as? [String: Any] }
  static func array(_ text: String) -> [[String: Any]]? { parse(text) as? [[String: Any]] }

  /// Parses JSON Lines output: one object per line (nil entries for lines that are not objects).
  static func lines(_ text: String) -> [[String: Any]?] {
    text.split(separator: "\n", omittingEmptySubsequences: true).map { object(String($0)) }
  }
}

extension Dictionary where Key == String, Value == Any {
  func string(_ key: String) -> String? { self[key] as? String }
  func bool(_ key: String) -> Bool? { self[key] as? Bool }
  func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
  func objects(_ key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
}

/// True when `text` holds an ANSI/VT escape (ESC or CSI).
func containsEscape(_ text: String) -> Bool {
  text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }
}
