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
  /// The store's server refused the connection's settings (a wrong password, user or database);
  /// `path` is the store's URL without its password.
  case misconfigured(path: String, reason: String)
  /// The store was made by a newer Byline: it is left as it is, never migrated down.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The store's server went away while it was in use.
  case lost(path: String, reason: String)

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
    case .misconfigured(let path, let reason):
      return "cannot open the article store at \(path): \(reason); check the user, password and database in --store"
    case .newerSchema(let path, let found, let supported):
      return
        "the article store at \(path) was made by a newer Byline (schema \(found); this one knows up to \(supported)); it was left as it is: upgrade Byline or pass --store to use another"
    case .lost(let path, let reason):
      return "lost the article store at \(path): \(reason); is the server still running?"
    }
  }
}
