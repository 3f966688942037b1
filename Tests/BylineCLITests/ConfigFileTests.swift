// The TOML config file: its settings under the environment's and the flags'; the old key = value
// file still read with a warning; an unknown key or bad TOML exits 78 naming it.
import Foundation
import Testing

@Suite("Config file")
struct ConfigFileTests {
  /// A sandbox whose $XDG_CONFIG_HOME/byline/NAME holds `text`.
  func sandbox(_ name: String, _ text: String) throws -> Sandbox {
    let box = Sandbox(name: "config")
    let dir = box.root.appendingPathComponent("config/byline")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    return box
  }

  @Test func tomlSettingsApplyUnderTheEnvironmentAndFlags() async throws {
    let box = try sandbox(
      "config.toml",
      """
      # a comment
      model = "from-toml"
      model_url = "http://127.0.0.1:9/v1"
      timeout = 12.5
      """)
    let plain = await box.run(["backends", "--format", "json"])
    #expect(plain.status == 0, "\(plain.summary)")
    let json = try #require(JSON.object(plain.stdout))
    #expect(json.string("model") == "from-toml")
    #expect(json.string("model_url") == "http://127.0.0.1:9/v1")
    let sources = json["sources"] as? [String: String] ?? [:]
    #expect(sources["model"]?.hasSuffix("byline/config.toml") == true, "\(sources)")
    #expect(sources["timeout"]?.hasSuffix("config.toml") == true, "\(sources)")
    #expect(!plain.stderr.contains("warning"), "\(plain.stderr)")

    let env = await box.run(["backends", "--format", "json"], env: ["BYLINE_MODEL": "from-env"])
    #expect(JSON.object(env.stdout)?.string("model") == "from-env")
    let flag = await box.run(
      ["backends", "--format", "json", "--model", "from-flag"], env: ["BYLINE_MODEL": "from-env"])
    #expect(JSON.object(flag.stdout)?.string("model") == "from-flag")
  }

  @Test func anUnknownKeyExits78NamingIt() async throws {
    let box = try sandbox("config.toml", "model = \"m\"\nmodel_colour = \"blue\"\n")
    let result = await box.run(["ask", "Who leads Meta's new models?"])
    #expect(result.status == 78, "\(result.summary)")
    #expect(result.stderr.contains("model_colour") && result.stderr.contains("config.toml"), "\(result.stderr)")
  }

  @Test(arguments: ["model = ", "timeout = \"soon\"", "model = [1, 2]", "[backend\nmodel = 1"])
  func badTOMLOrAWrongTypeExits78(text: String) async throws {
    let box = try sandbox("config.toml", text + "\n")
    let result = await box.run(["backends"])
    #expect(result.status == 78, "\(result.summary)")
    #expect(result.stderr.contains("config.toml"), "\(result.stderr)")
  }

  @Test func theOldFileIsStillReadWithAWarningNamingTheNewOne() async throws {
    let box = try sandbox("config", "model = legacy-model\n")
    let result = await box.run(["backends", "--format", "json"])
    #expect(result.status == 0, "\(result.summary)")
    #expect(JSON.object(result.stdout)?.string("model") == "legacy-model")
    #expect(result.stderr.contains("warning") && result.stderr.contains("config.toml"), "\(result.stderr)")
    let bad = try sandbox("config", "colour = blue\n")
    let unknown = await bad.run(["backends"])
    #expect(unknown.status == 78 && unknown.stderr.contains("colour"), "\(unknown.summary)")
  }
}
