import Foundation

@testable import BylineCore

/// A temporary corpus folder and store for one test, removed when the value is dropped.
final class TempCorpus {
  let root: String
  var knowledge: String { root + "/Knowledge" }
  var store: String { root + "/store.sqlite" }

  /// A folder holding copies of the seed articles (or none, when `seeds` is false).
  init(seeds: Bool = true) throws {
    root = NSTemporaryDirectory() + "byline-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: knowledge, withIntermediateDirectories: true)
    if seeds {
      for name in try FileManager.default.contentsOfDirectory(atPath: Seeds.folder) where name.hasSuffix(".txt") {
        try FileManager.default.copyItem(atPath: Seeds.folder + "/" + name, toPath: knowledge + "/" + name)
      }
    }
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  /// Writes a file into the corpus folder.
  func write(_ name: String, _ contents: String) throws {
    try contents.write(toFile: knowledge + "/" + name, atomically: true, encoding: .utf8)
  }

  /// Writes raw bytes into the corpus folder.
  func write(_ name: String, bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: knowledge + "/" + name))
  }

  /// Opens the engine on this corpus.
  func engine() throws -> BylineEngine {
    try BylineEngine(location: StoreLocation(knowledge: knowledge, store: store))
  }
}

/// One engine over the seed corpus, shared by the tests that only read.
enum SeedEngine {
  static let shared: BylineEngine = {
    let path = NSTemporaryDirectory() + "byline-seed-store-\(getpid()).sqlite"
    try? FileManager.default.removeItem(atPath: path)
    return try! BylineEngine(location: StoreLocation(knowledge: Seeds.folder, store: path))
  }()
}
