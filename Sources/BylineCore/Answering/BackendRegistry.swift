import Foundation

/// Answer backends by name. The core registers `rules`; front ends register the backends of
/// other modules (the HTTP model backend) before making one from settings.
public final class BackendRegistry: @unchecked Sendable {
  /// Makes a backend from settings.
  public typealias Factory = @Sendable (BackendSettings) throws -> any AnswerBackend

  private var factories: [String: Factory] = ["rules": { _ in RulesBackend() }]
  private let lock = NSLock()

  /// A registry that knows `rules`.
  public init() {}

  /// Adds or replaces the backend called `name`.
  public func register(_ name: String, factory: @escaping Factory) {
    lock.withLock { factories[name] = factory }
  }

  /// The registered names, sorted.
  public var names: [String] { lock.withLock { factories.keys.sorted() } }

  /// Makes the backend `settings.backend` names.
  ///
  /// - Throws: ``BackendSettingsError/unknownBackend(_:known:)`` for a name not registered, or
  ///   what the factory throws.
  public func make(_ settings: BackendSettings) throws -> any AnswerBackend {
    guard let factory = lock.withLock({ factories[settings.backend] }) else {
      throw BackendSettingsError.unknownBackend(settings.backend, known: names)
    }
    return try factory(settings)
  }
}
