import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// An https front for a ``ScriptedModelServer``: a real TLS server on 127.0.0.1 (SwiftNIO and
/// swift-nio-ssl) that decrypts each connection and relays its bytes to the plain server and
/// back, so that tests reach the scripted replies through `https://`. Its certificate is a
/// self-signed one for 127.0.0.1 made with the openssl command at start.
public final class TLSFrontend: @unchecked Sendable {
  /// The port it listens on.
  public let port: Int
  /// The base URL a client should use.
  public var baseURL: String { "https://127.0.0.1:\(port)/v1" }
  /// The PEM file of its self-signed certificate: what a client must trust.
  public let certificateFile: String

  private let channel: any Channel
  private let folder: String

  /// Starts a TLS server in front of `backend`.
  ///
  /// - Throws: when openssl cannot make the certificate or the port cannot be bound.
  public init(backend: ScriptedModelServer) throws {
    folder = NSTemporaryDirectory() + "byline-tls-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    certificateFile = folder + "/cert.pem"
    let keyFile = folder + "/key.pem"
    let openssl = Process()
    openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    openssl.arguments = [
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certificateFile,
      "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    openssl.standardOutput = FileHandle.nullDevice
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    guard openssl.terminationStatus == 0 else { throw POSIXError(.EIO) }

    let configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) },
      privateKey: .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)))
    let context = try NIOSSLContext(configuration: configuration)
    let backendPort = backend.port
    channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { client in
        client.eventLoop.makeCompletedFuture {
          try client.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
        }.flatMap {
          ClientBootstrap(group: client.eventLoop)
            .channelInitializer { plain in
              plain.eventLoop.makeCompletedFuture {
                try plain.pipeline.syncOperations.addHandler(Relay(peer: client))
              }
            }
            .connect(host: "127.0.0.1", port: backendPort)
        }.flatMap { plain in
          client.eventLoop.makeCompletedFuture {
            try client.pipeline.syncOperations.addHandler(Relay(peer: plain))
          }
        }
      }
      .bind(host: "127.0.0.1", port: 0).wait()
    port = channel.localAddress?.port ?? 0
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Stops listening.
  public func stop() {
    channel.close(promise: nil)
  }
}

/// Writes what one channel reads to its peer, and closes the peer when it closes.
private final class Relay: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let peer: any Channel

  init(peer: any Channel) {
    self.peer = peer
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    peer.close(promise: nil)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}
