import Foundation
import NIOSSL

/// Which servers an https model URL may be: the system's certificate authorities, plus the
/// ones in ``caFile`` (for a local server with a self-signed or private CA certificate).
public struct ModelTrust: Sendable, Hashable {
  /// A PEM file of CA certificates to trust besides the system's, or nil.
  public var caFile: String?

  /// Trust the system's certificate authorities, and those in `caFile`.
  public init(caFile: String? = nil) {
    self.caFile = caFile
  }

  /// The TLS configuration for a client with this trust.
  ///
  /// - Throws: ``BylineCore/BackendSettingsError/badValue(key:value:origin:)`` when the CA file
  ///   cannot be read or holds no PEM certificate.
  func tlsConfiguration() throws -> TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    if let caFile {
      let certificates: [NIOSSLCertificate]
      do {
        certificates = try NIOSSLCertificate.fromPEMFile(caFile)
      } catch {
        throw ModelTrustError.unreadableCAFile(caFile)
      }
      guard !certificates.isEmpty else { throw ModelTrustError.unreadableCAFile(caFile) }
      tls.additionalTrustRoots = [.certificates(certificates)]
    }
    return tls
  }
}

/// A trust setting that cannot be used.
public enum ModelTrustError: Error, LocalizedError, Equatable {
  /// The CA file is missing, unreadable, or holds no PEM certificate.
  case unreadableCAFile(String)

  public var errorDescription: String? {
    switch self {
    case .unreadableCAFile(let path):
      "the CA file \(path) (--model-ca, BYLINE_CA_FILE or ca_file) cannot be read as PEM certificates"
    }
  }
}
