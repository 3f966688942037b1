import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One plain HTTP/1.1 exchange over a TCP socket, for model servers on this machine or the
/// local network. Every wait is a `poll(2)` of at most 100 ms, so a deadline or a cancellation
/// ends the exchange promptly, and an idle wait costs no CPU. (Foundation's URLSession on
/// Linux was measured busy-polling: 5.8 s of CPU while waiting 6 s for a reply.)
struct HTTPConnection {
  /// The response head.
  struct Head {
    var status: Int
    var headers: [String: String]
  }

  let url: URL
  /// The server as named in errors (the base URL the user gave).
  let server: String
  /// Seconds allowed for the whole exchange.
  let timeout: Double
  let deadline: Date
  let isCancelled: () -> Bool

  init(url: URL, server: String, timeout: Double, isCancelled: @escaping () -> Bool) {
    self.url = url
    self.server = server
    self.timeout = timeout
    self.deadline = Date(timeIntervalSinceNow: timeout)
    self.isCancelled = isCancelled
  }

  /// Sends the request, passes the decoded body to `onBody` as it arrives (chunked transfer
  /// encoding undone), and returns the response head.
  ///
  /// - Throws: ``ModelError`` for an unreachable server, a timeout or a broken reply;
  ///   `CancellationError` when `isCancelled` turns true.
  func exchange(
    method: String, headers: [(String, String)], body: Data, onHead: (Head) -> Void, onBody: (Data) -> Void
  ) throws {
    guard url.scheme == "http", let host = url.host else {
      throw ModelError.unreachable(url: server, reason: "only plain http:// model servers are supported")
    }
    let port = url.port ?? 80
    let fd = try connect(host: host, port: port)
    defer { close(fd) }
    var path = url.path.isEmpty ? "/" : url.path
    if let query = url.query { path += "?" + query }
    var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
    head += "Content-Length: \(body.count)\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    try write(fd, Data((head + "\r\n").utf8) + body)
    try readResponse(fd, onHead: onHead, onBody: onBody)
  }

  private func connect(host: String, port: Int) throws -> Int32 {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var info: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
      throw ModelError.unreachable(url: server, reason: "unknown host \(host)")
    }
    defer { freeaddrinfo(info) }
    var lastError = ECONNREFUSED
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let ai = entry {
      entry = ai.pointee.ai_next
      let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
      if fd < 0 { continue }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return fd }
      if errno == EINPROGRESS {
        do {
          try wait(fd, for: Int16(POLLOUT))
        } catch {
          close(fd)
          throw error
        }
        var soError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
        if soError == 0 { return fd }
        lastError = soError
      } else {
        lastError = errno
      }
      close(fd)
    }
    let reason = lastError == ECONNREFUSED ? "connection refused" : String(cString: strerror(lastError))
    throw ModelError.unreachable(url: server, reason: reason)
  }

  /// Waits until `fd` is ready for `events`, in 100 ms slices that check the deadline and
  /// cancellation.
  private func wait(_ fd: Int32, for events: Int16) throws {
    while true {
      if isCancelled() { throw CancellationError() }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 {
        throw ModelError.timedOut(url: server, seconds: timeout)
      }
      var pfd = pollfd(fd: fd, events: events, revents: 0)
      let ready = poll(&pfd, 1, Int32(min(100, max(1, remaining * 1000))))
      if ready > 0 { return }
      if ready < 0 && errno != EINTR {
        throw ModelError.malformed("the connection failed: \(String(cString: strerror(errno)))")
      }
    }
  }

  private func write(_ fd: Int32, _ data: Data) throws {
    var offset = 0
    let bytes = [UInt8](data)
    while offset < bytes.count {
      try wait(fd, for: Int16(POLLOUT))
      let n = bytes[offset...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n < 0 {
        if errno == EAGAIN || errno == EINTR { continue }
        throw ModelError.unreachable(url: server, reason: String(cString: strerror(errno)))
      }
      offset += n
    }
  }

  private func readResponse(_ fd: Int32, onHead: (Head) -> Void, onBody: (Data) -> Void) throws {
    var buffer = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 16_384)
    var head: Head?
    var body = BodyDecoder()
    while true {
      try wait(fd, for: Int16(POLLIN))
      let n = read(fd, &chunk, chunk.count)
      if n < 0 {
        if errno == EAGAIN || errno == EINTR { continue }
        throw ModelError.malformed("the connection broke: \(String(cString: strerror(errno)))")
      }
      if n == 0 {
        guard head != nil else { throw ModelError.malformed("the server closed the connection without a reply") }
        return
      }
      buffer += chunk[0..<n]
      if head == nil {
        guard let end = Self.headerEnd(buffer) else {
          if buffer.count > 65_536 { throw ModelError.malformed("the reply's header is too long") }
          continue
        }
        let parsed = try Self.parseHead(buffer[0..<end])
        head = parsed
        onHead(parsed)
        body = BodyDecoder(headers: parsed.headers)
        buffer.removeFirst(end + 4)
      }
      let (pieces, finished) = try body.feed(&buffer)
      for piece in pieces where !piece.isEmpty { onBody(piece) }
      if finished { return }
    }
  }

  static func headerEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for i in 0...(bytes.count - 4)
    where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
      return i
    }
    return nil
  }

  static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> Head {
    let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    let status = lines.first?.split(separator: " ")
    guard let status, status.count >= 2, status[0].hasPrefix("HTTP/"), let code = Int(status[1]) else {
      throw ModelError.malformed("the reply is not HTTP")
    }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return Head(status: code, headers: headers)
  }
}

/// Undoes a body's framing: `Content-Length`, chunked transfer encoding, or read-to-close.
struct BodyDecoder {
  enum Framing {
    case length(Int)
    case chunked
    case untilClose
  }
  var framing: Framing = .untilClose
  var received = 0
  var chunkLeft: Int?
  var ended = false

  init() {}

  init(headers: [String: String]) {
    if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
      framing = .chunked
    } else if let length = headers["content-length"].flatMap({ Int($0) }) {
      framing = .length(length)
    }
  }

  /// Takes what it can decode from `buffer`; returns the body pieces and whether the body ended.
  mutating func feed(_ buffer: inout [UInt8]) throws -> ([Data], Bool) {
    if ended {  // trailers, or bytes after the end: not body
      buffer.removeAll()
      return ([], true)
    }
    switch framing {
    case .untilClose:
      defer { buffer.removeAll() }
      return ([Data(buffer)], false)
    case .length(let total):
      let take = min(buffer.count, total - received)
      let piece = Data(buffer[0..<take])
      buffer.removeFirst(take)
      received += take
      return ([piece], received >= total)
    case .chunked:
      var pieces: [Data] = []
      while true {
        if let left = chunkLeft {
          if left == 0 {
            // the CRLF after a chunk's data
            guard buffer.count >= 2 else { return (pieces, false) }
            buffer.removeFirst(2)
            chunkLeft = nil
            continue
          }
          let take = min(left, buffer.count)
          if take == 0 { return (pieces, false) }
          pieces.append(Data(buffer[0..<take]))
          buffer.removeFirst(take)
          chunkLeft = left - take
          continue
        }
        guard let lineEnd = Self.crlf(buffer) else { return (pieces, false) }
        let sizeText = String(decoding: buffer[0..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
        guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
          throw ModelError.malformed("a bad chunk size in the reply")
        }
        buffer.removeFirst(lineEnd + 2)
        if size == 0 {
          ended = true
          return (pieces, true)
        }
        chunkLeft = size
      }
    }
  }

  static func crlf(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 2 else { return nil }
    for i in 0..<(bytes.count - 1) where bytes[i] == 13 && bytes[i + 1] == 10 { return i }
    return nil
  }
}
