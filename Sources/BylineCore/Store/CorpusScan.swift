/// The article files of a corpus folder as a store's update finds them, for stores outside
/// this module (``ArticleStore`` scans the same way): paths, sizes and modification times, with
/// hidden files and files of other kinds left out.
public enum CorpusScan {
  /// One article file.
  public struct File: Sendable, Hashable {
    /// Its path.
    public var path: String
    /// Its size in bytes.
    public var size: Int
    /// Its modification time, in seconds since 1970.
    public var mtime: Double
  }

  /// The article files under `path` (or `path` itself when it is a file), in directory order.
  public static func files(under path: String) -> [File] {
    ArticleStore.scan(path).map { File(path: $0.path, size: $0.size, mtime: $0.mtime) }
  }

  /// The file at `path`, or nil when it is not a regular file.
  public static func file(at path: String) -> File? {
    ArticleStore.stat(path).map { File(path: $0.path, size: $0.size, mtime: $0.mtime) }
  }
}
