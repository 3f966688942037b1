/// Decodes a `text/event-stream` body (server-sent events, as the WHATWG HTML standard defines
/// them) fed in pieces as they arrive: lines end with LF, CR or CRLF; `data:` lines of one event
/// are joined with LF; a blank line ends the event; comments (`:`) and other fields are skipped.
struct EventStreamDecoder {
  private var line: [UInt8] = []
  private var data: [String] = []
  private var hasData = false
  private var afterCR = false

  /// Feeds bytes; returns the `data` of each event they complete, in order.
  mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
    var events: [String] = []
    for byte in bytes {
      if afterCR {
        afterCR = false
        if byte == 0x0A { continue }  // CRLF: the line already ended at CR
      }
      switch byte {
      case 0x0A:
        endLine(into: &events)
      case 0x0D:
        afterCR = true
        endLine(into: &events)
      default:
        line.append(byte)
      }
    }
    return events
  }

  /// Ends the stream: an event not closed by a blank line is dropped, as the standard says,
  /// except that a last `data:` line without its newline still counts (servers that close the
  /// connection right after it).
  mutating func finish() -> [String] {
    var events: [String] = []
    if !line.isEmpty { endLine(into: &events) }
    if hasData { events.append(data.joined(separator: "\n")) }
    data = []
    hasData = false
    return events
  }

  private mutating func endLine(into events: inout [String]) {
    defer { line.removeAll(keepingCapacity: true) }
    if line.isEmpty {
      if hasData { events.append(data.joined(separator: "\n")) }
      data = []
      hasData = false
      return
    }
    if line.first == 0x3A { return }  // a comment
    let colon = line.firstIndex(of: 0x3A) ?? line.endIndex
    guard String(decoding: line[..<colon], as: UTF8.self) == "data" else { return }
    var value = colon < line.endIndex ? line[(colon + 1)...] : []
    if value.first == 0x20 { value = value.dropFirst() }
    data.append(String(decoding: value, as: UTF8.self))
    hasData = true
  }
}
