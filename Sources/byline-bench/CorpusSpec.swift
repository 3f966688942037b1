import Foundation

/// A corpus `byline-bench` measures: the seed corpus (size 0), the Zipf corpus of `size`
/// articles ("10000"), or the corpus of recombined news sentences ("news10000").
struct CorpusSpec {
  /// Articles (0 for the seed corpus).
  var size: Int
  /// True for ``NewsCorpus``.
  var news: Bool

  /// Parses "0", "10000" or "news10000"; nil for anything else.
  init?(_ text: String) {
    news = text.hasPrefix("news")
    guard let n = Int(news ? String(text.dropFirst(4)) : text), n >= 0, !(news && n == 0) else { return nil }
    size = n
  }

  /// The name used for its folder and store: "0", "10000", "news10000".
  var name: String { news ? "news\(size)" : String(size) }

  /// Writes the corpus under `root` (articles already there are kept) and returns its folder.
  func write(root: String) throws -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if size == 0 { return cwd + "/Knowledge" }
    let folder = root + "/corpus-\(name)"
    if news {
      guard let corpus = NewsCorpus(root: cwd) else { throw Bench.BenchError.missing("news sentences under \(cwd)") }
      try corpus.write(count: size, to: folder)
    } else {
      try ScaleCorpus().write(count: size, to: folder)
    }
    return folder
  }

  /// The question mix: the seed questions, the Zipf mix, or questions about the news articles.
  func questions(_ count: Int) throws -> [String] {
    if size == 0 { return Bench.seedQuestions }
    if news {
      guard let corpus = NewsCorpus(root: FileManager.default.currentDirectoryPath) else { return [] }
      return corpus.questions(count, articles: size)
    }
    return ScaleCorpus().questions(count)
  }
}
