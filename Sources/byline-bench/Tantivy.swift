import BylineCore
import Foundation

/// The Tantivy column of the bench: Tests/Bench/tantivy_bench.py, run by the Python that
/// `BYLINE_TANTIVY_PYTHON` names, on the store's passages and the same queries, top 40.
enum Tantivy {
  /// Query times and the top 40 row ids of each query, in order.
  struct Result {
    var p50: Double
    var p90: Double
    var indexSeconds: Double?
    var top: [[Int64]]
  }

  /// Runs the script; nil when no Python is configured.
  static func run(store: String, queries: [MatchQuery], folder: String) throws -> Result? {
    guard let python = ProcessInfo.processInfo.environment["BYLINE_TANTIVY_PYTHON"], !python.isEmpty else { return nil }
    let script = FileManager.default.currentDirectoryPath + "/Tests/Bench/tantivy_bench.py"
    let list = folder + ".queries.json"
    try JSONSerialization.data(withJSONObject: queries.map(\.phrases)).write(to: URL(fileURLWithPath: list))
    Bench.log("  tantivy")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: python)
    child.arguments = [script, store, list, folder]
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    child.waitUntilExit()
    guard child.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: out) as? [String: Any] else {
      Bench.log("  tantivy failed")
      return nil
    }
    let top = (json["top"] as? [[NSNumber]] ?? []).map { $0.map(\.int64Value) }
    return Result(
      p50: json["p50_ms"] as? Double ?? 0, p90: json["p90_ms"] as? Double ?? 0,
      indexSeconds: json["index_s"] as? Double, top: top)
  }
}
