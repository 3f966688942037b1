// `--store` values: PostgreSQL URLs are served, and messages show them without the password.
import BylineCore
import Testing

@Suite("Store address parsing")
struct StoreAddressParsingTests {
  @Test(arguments: ["postgresql://u:p@db.example:5432/byline", "postgres://u@127.0.0.1/byline"])
  func aPostgreSQLURLNamesAServerStore(url: String) throws {
    #expect(try StoreAddress.parse(url) == .postgresql(url))
  }

  @Test func aPostgreSQLURLWithoutAHostIsRefused() {
    #expect(throws: StoreAddressError.self) { try StoreAddress.parse("postgresql:///byline") }
  }

  @Test func thePasswordIsLeftOutOfMessages() {
    #expect(StoreAddress.redacted("postgresql://u:s3cr:et@db:5432/x") == "postgresql://u@db:5432/x")
    #expect(StoreAddress.redacted("postgresql://u@db/x") == "postgresql://u@db/x")
    #expect(StoreAddress.redacted("postgresql://db/x?sslmode=disable") == "postgresql://db/x?sslmode=disable")
    #expect(StoreAddress.redacted("/tmp/a:b@c/store.sqlite") == "/tmp/a:b@c/store.sqlite")
  }
}
