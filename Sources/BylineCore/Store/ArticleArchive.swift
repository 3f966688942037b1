/// A store of indexed articles as the engine and the front ends hold it: the ranked reads of
/// ``PassageIndex`` plus the article listing and the update from a corpus folder.
///
/// ``ArticleStore`` (a SQLite file) is the default; a store on a database server (the
/// `BylinePostgres` module's `PostgresStore`) conforms too and is handed to
/// ``BylineEngine/init(location:store:adding:rebuild:progress:)``, so that the core knows no
/// database driver but SQLite's.
public protocol ArticleArchive: PassageIndex {
  /// What opening the store had to do, in words for the user (empty when nothing was wrong).
  var notices: [String] { get }
  /// True when the corpus is not indexed into this store by the commands that answer: a
  /// read-only file, or a shared server that only `byline index` writes.
  var isReadOnly: Bool { get }
  /// The store as messages name it: a path, or a URL without its password.
  var displayName: String { get }

  /// The full article with `id`, if stored.
  func article(id: String) throws -> Article?

  /// Brings the store up to date with the corpus folder and the files or folders `adding`
  /// names (see ``ArticleStore/sync(knowledge:adding:rebuild:onBatch:progress:)``).
  func update(knowledge: String, adding: [String], rebuild: Bool, progress: IndexProgressHandler?) throws
    -> SyncReport

  /// Brings the store up to date for the files or folders a corpus watcher saw change.
  func update(changed paths: [String]) throws -> SyncReport
}

extension ArticleStore: ArticleArchive {
  /// The store file's path.
  public var displayName: String { path }

  /// ``sync(knowledge:adding:rebuild:onBatch:progress:)`` without a batch callback.
  public func update(knowledge: String, adding: [String], rebuild: Bool, progress: IndexProgressHandler?) throws
    -> SyncReport
  {
    try sync(knowledge: knowledge, adding: adding, rebuild: rebuild, progress: progress)
  }

  /// ``sync(changed:onBatch:)`` without a batch callback.
  public func update(changed paths: [String]) throws -> SyncReport {
    try sync(changed: paths)
  }
}
