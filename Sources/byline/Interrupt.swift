#if canImport(Glibc)
  import Glibc
#endif

/// Set by the SIGINT handler; allocated before the handler is installed, so the handler only
/// stores to memory (async-signal-safe).
nonisolated(unsafe) private let interruptFlag: UnsafeMutablePointer<sig_atomic_t> = {
  let flag = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
  flag.pointee = 0
  return flag
}()

/// Ctrl-C during work that must stop at a clean point (an update of the store): while a
/// ``Interrupt`` is installed, SIGINT sets a flag instead of killing the process; the work
/// polls ``pending`` and stops itself.
struct Interrupt {
  private var previous = sigaction()

  /// Whether a Ctrl-C arrived since ``install()``.
  static var pending: Bool { interruptFlag.pointee != 0 }

  /// Catches SIGINT until ``restore()``.
  static func install() -> Interrupt {
    interruptFlag.pointee = 0
    var interrupt = Interrupt()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag.pointee = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, &interrupt.previous)
    return interrupt
  }

  /// Puts back the handler there was before ``install()``.
  func restore() {
    var previous = self.previous
    sigaction(SIGINT, &previous, nil)
  }
}
