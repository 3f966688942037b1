import Foundation

/// Errors of the article store.
public enum StoreError: Error, LocalizedError, Sendable {
  /// The corpus folder does not exist.
  case missingKnowledge(String)
  /// The store file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The store file is damaged and could not be rebuilt.
  case corrupt(path: String, reason: String)
  /// A path given to `index` does not exist.
  case missingPath(String)
  /// The store could not be written (a full disk, a file-size limit, an I/O error); the update
  /// was rolled back and the store is as it was.
  case cannotWrite(path: String, reason: String)

  /// A message that names the thing and says what to do.
  public var errorDescription: String? {
    switch self {
    case .missingKnowledge(let path):
      return "no corpus folder at \(path); pass --knowledge DIR or set BYLINE_KNOWLEDGE"
    case .cannotOpen(let path, let reason):
      return "cannot open the article store at \(path): \(reason); pass --store PATH to use another"
    case .corrupt(let path, let reason):
      return "the article store at \(path) is damaged (\(reason)); remove it and run `byline index --rebuild`"
    case .missingPath(let path):
      return "no such file or folder: \(path)"
    case .cannotWrite(let path, let reason):
      return
        "cannot write the article store at \(path): \(reason); nothing was changed, the store is as it was"
    }
  }
}
