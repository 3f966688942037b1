// `--store` with a URL: a scheme Byline does not serve is a usage error naming it, never a
// local folder named after the scheme; `file://` URLs are local paths.
import Foundation
import Testing

@Suite("Store addresses")
struct StoreAddressTests {
  @Test(arguments: ["mysql://host/db", "redis://127.0.0.1:6379/0", "s3://bucket/store.sqlite"])
  func aURLWithAnUnservedSchemeExits64AndCreatesNothing(url: String) async throws {
    let box = Sandbox(name: "store-url")
    let result = await box.run(
      ["ask", "--knowledge", box.knowledge.path, "--store", url, "Who leads Meta's new models?"], withStore: false)
    #expect(result.status == 64, "\(result.summary)")
    let scheme = String(url.prefix { $0 != ":" })
    #expect(result.stderr.contains("\"\(scheme)://\""), "\(result.stderr)")
    #expect(result.stderr.contains("file://"), "the message lists what is served: \(result.stderr)")
    let made = try FileManager.default.contentsOfDirectory(atPath: box.root.path)
    #expect(!made.contains { $0.hasPrefix(scheme) }, "created \(made)")
  }

  @Test func theEnvironmentVariableIsCheckedTheSameWay() async throws {
    let box = Sandbox(name: "store-env")
    let result = await box.run(
      ["articles", "--knowledge", box.knowledge.path], withStore: false,
      env: ["BYLINE_STORE": "mysql://db.example/byline"])
    #expect(result.status == 64, "\(result.summary)")
    #expect(result.stderr.contains("mysql"), "\(result.stderr)")
  }

  @Test func aFileURLIsALocalStore() async throws {
    let box = Sandbox(name: "store-file-url")
    let path = box.root.appendingPathComponent("via-url.sqlite").path
    let result = await box.run(
      ["index", "--knowledge", box.knowledge.path, "--store", "file://" + path], withStore: false)
    #expect(result.status == 0, "\(result.summary)")
    #expect(FileManager.default.fileExists(atPath: path))
    let remote = await box.run(
      ["index", "--knowledge", box.knowledge.path, "--store", "file://elsewhere/x.sqlite"], withStore: false)
    #expect(remote.status == 64, "\(remote.summary)")
  }
}
