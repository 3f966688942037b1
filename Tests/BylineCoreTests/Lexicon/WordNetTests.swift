import Foundation
import Testing

@testable import BylineCore

/// WordNet read from Debian's own database files (`make deps` installs `wordnet-base`).
@Suite struct WordNetTests {
  static let wordNet = WordNet(folder: WordNet.defaultFolder)

  @Test func findsLemmasByBinarySearchOverTheSortedIndex() throws {
    let wn = try #require(Self.wordNet, "WordNet is not installed in \(WordNet.defaultFolder)")
    #expect(!wn.offsets(of: "chairman", .noun).isEmpty)
    #expect(!wn.offsets(of: "chief executive officer", .noun).isEmpty)
    #expect(wn.offsets(of: "zzzzqqq", .noun).isEmpty)
    // The first and last lemmas of a file are found too.
    #expect(!wn.offsets(of: "a", .noun).isEmpty)
  }

  @Test func synonymsAndDerivationsComeFromTheSynsets() throws {
    let wn = try #require(Self.wordNet)
    #expect(wn.relatedWords(of: "ceo").contains("chief executive officer"))
    #expect(wn.relatedWords(of: "acquire").contains("acquisition"))
    #expect(wn.relatedWords(of: "decide").contains("decision"))
  }

  @Test func irregularFormsGoThroughTheExceptionLists() throws {
    let wn = try #require(Self.wordNet)
    #expect(wn.baseForms(of: "geese", .noun).contains("goose"))
    #expect(wn.baseForms(of: "bought", .verb).contains("buy"))
    #expect(wn.baseForms(of: "committees", .noun).first == "committee")
  }

  @Test func lexicographerFilesNameWhatANounIs() throws {
    let wn = try #require(Self.wordNet)
    #expect(wn.nounFiles(of: "chairman").first == WordNet.NounFile.person)
    #expect(wn.nounFiles(of: "committee").first == WordNet.NounFile.group)
    #expect(wn.nounFiles(of: "fee").first == WordNet.NounFile.possession)
  }

  @Test func aMissingDatabaseIsNilNotACrash() {
    #expect(WordNet(folder: "/nonexistent/wordnet") == nil)
  }
}
