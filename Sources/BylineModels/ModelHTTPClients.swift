import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The HTTP clients model requests go through: one per trust setting, made on first use and
/// kept for the life of the process (an AsyncHTTPClient must be shut down before it is freed;
/// one that lives as long as the process never is), on NIO's shared event loops.
enum ModelHTTPClients {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var clients: [ModelTrust: HTTPClient] = [:]

  /// The client for `trust`.
  ///
  /// - Throws: ``ModelTrustError`` when the CA file cannot be used.
  static func client(for trust: ModelTrust) throws -> HTTPClient {
    try lock.withLock {
      if let client = clients[trust] { return client }
      var configuration = HTTPClient.Configuration(
        tlsConfiguration: try trust.tlsConfiguration(), redirectConfiguration: .disallow,
        timeout: .init(connect: .seconds(10)), decompression: .disabled)
      configuration.httpVersion = .http1Only
      // A refused connection or a failed TLS handshake is an answer now, not after retries
      // until the time limit: the rules answer (with the reason) should not wait for it.
      configuration.connectionPool.retryConnectionEstablishment = false
      let client = HTTPClient(
        eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
      clients[trust] = client
      return client
    }
  }

  /// A reason a person can act on for a failed connection: refused, timed out, or a
  /// certificate that is not trusted (with what to do about it).
  static func describe(_ error: any Error) -> String {
    let text = String(describing: error)
    if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificateVerificationFailed")
      || text.contains("unableToValidateCertificate")
    {
      return "TLS: the server's certificate is not trusted; trust its CA with --model-ca FILE or BYLINE_CA_FILE"
    }
    if let ssl = error as? NIOSSLError { return "TLS: \(ssl)" }
    if let ssl = error as? NIOSSLExtraError { return "TLS: \(ssl)" }
    if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
      return "connection refused"
    }
    if let http = error as? HTTPClientError {
      switch http {
      case .connectTimeout: return "no connection within 10 s"
      case .remoteConnectionClosed: return "the server closed the connection"
      default: return String(describing: http)
      }
    }
    if let io = error as? IOError { return io.description }
    return String(text.prefix(200))
  }
}
