import Foundation
import Testing

@testable import BylineModels

@Suite("HTTP body framing")
struct HTTPConnectionTests {
  @Test func chunkedBodiesAreDecodedAcrossReads() throws {
    var decoder = BodyDecoder(headers: ["transfer-encoding": "chunked"])
    let wire = Array("5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n".utf8)
    var out = Data()
    var finished = false
    var buffer: [UInt8] = []
    for byte in wire {  // one byte a read: the worst case
      buffer.append(byte)
      let (pieces, done) = try decoder.feed(&buffer)
      for piece in pieces { out += piece }
      finished = finished || done
    }
    #expect(String(decoding: out, as: UTF8.self) == "hello, world")
    #expect(finished)
  }

  @Test func contentLengthEndsTheBody() throws {
    var decoder = BodyDecoder(headers: ["content-length": "3"])
    var buffer = Array("abcdef".utf8)
    let (pieces, done) = try decoder.feed(&buffer)
    #expect(pieces.map { String(decoding: $0, as: UTF8.self) } == ["abc"])
    #expect(done)
  }

  @Test func aBadChunkSizeIsAnError() {
    var decoder = BodyDecoder(headers: ["transfer-encoding": "chunked"])
    var buffer = Array("zz\r\nhello\r\n".utf8)
    #expect(throws: ModelError.malformed("a bad chunk size in the reply")) { try decoder.feed(&buffer) }
  }

  @Test func theResponseHeadIsParsed() throws {
    let head = try HTTPConnection.parseHead(ArraySlice(Array("HTTP/1.1 503 Busy\r\nContent-Type: text/plain".utf8)))
    #expect(head.status == 503)
    #expect(head.headers["content-type"] == "text/plain")
    #expect(throws: ModelError.self) { try HTTPConnection.parseHead(ArraySlice(Array("garbage".utf8))) }
  }
}
