import Foundation

/// Where the store and the corpus live, from options, environment and XDG defaults.
public struct StoreLocation: Sendable, Hashable {
  /// The corpus folder.
  public var knowledge: String
  /// The SQLite store file.
  public var store: String

  /// Creates a location from explicit paths.
  public init(knowledge: String, store: String) {
    self.knowledge = knowledge
    self.store = store
  }

  /// Where a folder that ships with Byline (`Knowledge`, `Prompts`) may be, in order: the
  /// working directory, beside an installed binary (`../share/byline/NAME`), and at the root of
  /// the package a built binary came from.
  public static func shippedFolderCandidates(_ name: String, executableDirectory: String?) -> [String] {
    var candidates = [FileManager.default.currentDirectoryPath + "/" + name]
    if let dir = executableDirectory {
      candidates += [dir + "/../share/byline/" + name, dir + "/../../" + name, dir + "/../../../" + name]
    }
    return candidates
  }

  /// Resolves the corpus folder and store from options, then `BYLINE_KNOWLEDGE` /
  /// `BYLINE_STORE`, then defaults: `./Knowledge` (or the one installed beside the binary) and
  /// `$XDG_DATA_HOME/byline/store-HASH.sqlite`, one store per corpus folder.
  public static func resolve(
    knowledge: String?, store: String?, environment: [String: String],
    executableDirectory: String? = nil
  ) -> StoreLocation {
    let fm = FileManager.default
    var corpus = knowledge ?? environment["BYLINE_KNOWLEDGE"]
    if corpus == nil {
      let candidates = shippedFolderCandidates("Knowledge", executableDirectory: executableDirectory)
      corpus = candidates.first { fm.fileExists(atPath: $0) } ?? candidates[0]
    }
    let absolute = URL(fileURLWithPath: corpus!).standardizedFileURL.path
    if let store = store ?? environment["BYLINE_STORE"] {
      return StoreLocation(knowledge: absolute, store: store)
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    var base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
    if !isWritableDirectory(base), let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
      base = cache
    }
    let name = "store-" + String(ContentHash.of(Data(absolute.utf8)).prefix(12)) + ".sqlite"
    return StoreLocation(knowledge: absolute, store: base + "/byline/" + name)
  }

  private static func isWritableDirectory(_ path: String) -> Bool {
    let fm = FileManager.default
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDir) { return isDir.boolValue && fm.isWritableFile(atPath: path) }
    return (try? fm.createDirectory(atPath: path, withIntermediateDirectories: true)) != nil
  }
}

/// A fast content hash (64-bit FNV-1a) used to notice changed articles.
public enum ContentHash {
  /// The hash of `data` as 16 hexadecimal digits.
  public static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    data.withUnsafeBytes { raw in
      for byte in raw.bindMemory(to: UInt8.self) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
