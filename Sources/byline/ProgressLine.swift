import BylineCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One line on stderr that shows how an update of the store goes: files done of the total,
/// articles written, the rate and the time left. Redrawn in place at most ten times a second,
/// and cleared when the work ends. Only for a person at a terminal: ``make(format:)`` gives nil
/// when stdout or stderr is not a terminal, or the output is JSON.
final class ProgressLine {
  /// The fewest seconds between two redraws (ten a second at most).
  static let interval: Duration = .milliseconds(100)

  private let start = ContinuousClock.now
  /// When the first file was written: the rate and the time left are reckoned from here, not
  /// from the scan of the corpus before it.
  private var writingSince: ContinuousClock.Instant?
  private var lastDraw: ContinuousClock.Instant
  private var drawn = false
  private var lastPhase = IndexProgress.Phase.writing
  private let columns: Int

  /// A progress line, or nil when nobody would see it.
  static func make(format: OutputFormat) -> ProgressLine? {
    guard format == .text || format == .markdown, isatty(1) == 1, isatty(2) == 1 else { return nil }
    return ProgressLine()
  }

  private init() {
    lastDraw = start
    var size = winsize()
    let width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
    columns = width > 20 ? width : 80
  }

  /// Takes one report; redraws when the last redraw is at least ``interval`` old, or the phase
  /// of a line already shown changed.
  func report(_ progress: IndexProgress) {
    let now = ContinuousClock.now
    let since = writingSince ?? now
    writingSince = since
    // A phase change redraws at once, but only a line already shown: a short update draws nothing.
    guard now - lastDraw >= Self.interval || (drawn && progress.phase != lastPhase) else { return }
    lastDraw = now
    lastPhase = progress.phase
    draw(Self.text(progress, elapsed: (now - since).seconds))
  }

  /// Clears the line, when one was drawn.
  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }

  private func draw(_ text: String) {
    let line = text.count < columns ? text : String(text.prefix(columns - 2)) + "…"
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    drawn = true
  }

  /// The line for `progress` after `elapsed` seconds:
  /// "indexing 1,234/10,000 files · 1,240 articles · 820 files/s · 11 s left".
  static func text(_ progress: IndexProgress, elapsed: Double) -> String {
    var parts = [
      "indexing \(grouped(progress.filesDone))/\(grouped(progress.filesTotal)) files",
      "\(grouped(progress.articlesDone)) articles",
    ]
    if progress.phase == .finishing {
      parts.append("building the full-text index…")
      return parts.joined(separator: " · ")
    }
    // The rate and the time left once there is half a second of writing to reckon them from.
    if elapsed >= 0.5, progress.filesDone > 0 {
      parts.append("\(grouped(Int((Double(progress.filesDone) / elapsed).rounded()))) files/s")
      let fraction =
        progress.bytesTotal > 0
        ? Double(progress.bytesDone) / Double(progress.bytesTotal)
        : Double(progress.filesDone) / Double(max(progress.filesTotal, 1))
      if fraction > 0 { parts.append(duration(elapsed * (1 - fraction) / fraction) + " left") }
    }
    return parts.joined(separator: " · ")
  }

  /// 12345 as "12,345".
  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }

  /// Seconds as "8 s", "2 min 05 s" or "1 h 02 min".
  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded(.up))
    if s < 60 { return "\(s) s" }
    if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
    return "\(s / 3600) h \(String(format: "%02d", (s % 3600) / 60)) min"
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) / 1e18
  }
}
