/// How far an update of the store has come: reported to an ``IndexProgressHandler`` after each
/// file is written, so that a front end can show a progress line and stop the update.
public struct IndexProgress: Sendable, Equatable {
  /// What the update is doing.
  public enum Phase: Sendable, Equatable {
    /// Reading and writing the files that changed.
    case writing
    /// Every file is written; the full-text index is being built (one statement, no progress).
    case finishing
  }

  /// What the update is doing.
  public var phase: Phase
  /// Files written so far.
  public var filesDone: Int
  /// Files this update writes.
  public var filesTotal: Int
  /// Bytes of the files written so far.
  public var bytesDone: Int
  /// Bytes of all the files this update writes (what the time left is reckoned from).
  public var bytesTotal: Int
  /// Articles written so far (a JSON Lines file holds many).
  public var articlesDone: Int

  /// Creates a report.
  public init(
    phase: Phase = .writing, filesDone: Int, filesTotal: Int, bytesDone: Int = 0, bytesTotal: Int = 0,
    articlesDone: Int = 0
  ) {
    self.phase = phase
    self.filesDone = filesDone
    self.filesTotal = filesTotal
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
    self.articlesDone = articlesDone
  }
}

/// Receives an update's progress on the thread that writes, after each file. Returning false
/// stops the update once the batch in progress is committed (the store is whole then: every
/// batch holds whole articles), and the update throws ``IndexInterrupted``. It must return quickly: it runs once a file.
public typealias IndexProgressHandler = (IndexProgress) -> Bool

/// An update of the store stopped because its ``IndexProgressHandler`` asked it to.
public struct IndexInterrupted: Error, Sendable, Equatable {
  /// Files whose writes were committed before the stop, the batch in progress included.
  public var filesKept: Int

  /// Creates the error.
  public init(filesKept: Int) {
    self.filesKept = filesKept
  }
}
