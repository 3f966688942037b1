/// What an update of the store has committed so far, reported after each batch transaction by
/// ``ArticleStore/sync(knowledge:adding:rebuild:onBatch:)``: for progress display, and a place
/// to stop (an error thrown there ends the update with the committed batches kept).
public struct SyncProgress: Sendable, Equatable {
  /// Files read and committed so far.
  public var files = 0
  /// Files this update reads in all (added and changed ones).
  public var filesToWrite: Int
  /// Articles committed so far.
  public var articles = 0
  /// Passages committed so far.
  public var passages = 0
  /// Batches committed so far.
  public var batches = 0

  /// Progress of an update that reads `filesToWrite` files, before its first commit.
  public init(filesToWrite: Int) {
    self.filesToWrite = filesToWrite
  }
}
