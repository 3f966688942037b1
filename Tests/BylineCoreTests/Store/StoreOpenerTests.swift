import Foundation
import GRDB
import Testing

@testable import BylineCore

@Suite struct StoreOpenerTests {
  /// A store of another schema version is emptied in place, never deleted: a connection that
  /// already has it open keeps working and sees the rebuilt store.
  @Test func otherSchemaIsRebuiltInPlaceUnderAnOpenConnection() throws {
    let corpus = try TempCorpus()
    let first = try corpus.engine()
    #expect(try first.store.articles().count == 5)
    try (first.store as! ArticleStore).dbQueue.write { db in try db.execute(sql: "PRAGMA user_version = 1") }

    let second = try corpus.engine()
    #expect(second.notices.contains { $0.contains("another version") }, "\(second.notices)")
    #expect(second.lastSync.updatedFiles.count == 5)
    // The first connection still reads the same file, now rebuilt.
    #expect(try first.store.articles().count == 5)
    #expect(
      try (first.store as! ArticleStore).dbQueue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        == StoreSchema.version)
    #expect(try corpus.engine().notices.isEmpty, "a current store opens without notices")
  }

  @Test func integrityCheckFailureIsDamageNotAnError() throws {
    let corpus = try TempCorpus()
    _ = try corpus.engine()
    // Zero the second page: the header is fine, the b-tree is not.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: corpus.store))
    try handle.seek(toOffset: 4096)
    handle.write(Data(count: 8192))
    try handle.close()
    let engine = try corpus.engine()
    #expect(engine.notices.contains { $0.contains("damaged") }, "\(engine.notices)")
    #expect(try engine.store.articles().count == 5)
  }

  @Test func oversizeFileIsSkippedWithoutBeingRead() throws {
    let corpus = try TempCorpus()
    let path = corpus.knowledge + "/huge.txt"
    FileManager.default.createFile(atPath: path, contents: Data("Huge\n".utf8))
    // A sparse 20 MB file: reading it would be slow; the size alone rules it out.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 20 << 20)
    try handle.close()
    let engine = try corpus.engine()
    #expect(engine.lastSync.warnings.contains { $0.path == path && $0.message.contains("16 MB limit") })
    #expect(try engine.store.articles().count == 5)
  }

  @Test func tooLongQuestionIsRefusedWithAClearAnswer() throws {
    let engine = SeedEngine.shared
    let (answer, trace) = try engine.answer(String(repeating: "Who is Wang? ", count: 1_000), in: Conversation())
    #expect(answer.abstained && answer.answer.contains("too long"))
    #expect(trace.abstainReason?.contains("limit") == true)
    let (ok, _) = try engine.answer("Who is Alexandr Wang?", in: Conversation())
    #expect(!ok.abstained)
  }
}
