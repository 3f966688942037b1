import Foundation

/// Why a ``LineEditor`` could not be created or could not keep its history.
public enum LineEditorError: Error, LocalizedError, Equatable, Sendable {
  /// Standard input or standard output is not a terminal.
  ///
  /// libedit should only drive an interactive terminal; for pipes and files read
  /// lines directly instead (batch mode).
  case notATerminal

  /// libedit failed to initialise; the string names the failing step.
  case initializationFailed(String)

  /// The history file (or its directory) could not be created, read or written.
  ///
  /// - Parameters:
  ///   - path: The history file the editor was asked to use.
  ///   - reason: A short, human-readable cause (usually from `strerror`).
  case historyFileUnavailable(path: String, reason: String)

  /// A one-line, user-facing description of the problem.
  public var errorDescription: String? {
    switch self {
    case .notATerminal:
      return "line editing needs a terminal on standard input and standard output"
    case .initializationFailed(let step):
      return "could not start the line editor (\(step) failed)"
    case .historyFileUnavailable(let path, let reason):
      return "cannot use history file \(path): \(reason)"
    }
  }
}
