import BylineTestSupport
import Foundation
import Testing

@testable import BylineCore

/// A name the article's lede states stands in the story's later sentences ("the drives", "the
/// ship"), less surely than a name in their own paragraph.
@Suite struct LedeNameTests {
  let analyzer = QuestionAnalyzer()

  static let files: [String: String] = [
    "930_array_image_herald.txt": """
    Astronomers show a picture of the galaxy's heart
    Northfield Herald
    10 April 2019

    Scientists on Wednesday unveiled a picture of the heart of a distant galaxy.

    The picture was produced by the Halvard Radio Array, a network of eight dishes spread across the globe.

    A monster in Virgo

    The galaxy sits about 55 million light years from Earth.

    The recordings came from eight sites on four continents.

    The drives from Vostok Station did not arrive until December because the station was closed for the winter.
    """
  ]

  /// The retrieved passage of `files` that starts with `opening`, for `question`.
  func passage(starting opening: String, for question: String, in files: [String: String]) throws -> ScoredPassage {
    let top = try Retriever(store: MemoryPassageIndex(files: files)).retrieve(analyzer.analyze(question))
    return try #require(top.first { $0.passage.text.hasPrefix(opening) })
  }

  @Test func aNameOfTheLedeCountsInALaterSentence() throws {
    let drives = try passage(
      starting: "The drives", for: "Why did the Halvard Radio Array drives from Vostok Station reach the centre late?",
      in: Self.files)
    #expect(drives.entitiesFound)
  }

  @Test func theLedeAloneDoesNotNameTheSentence() throws {
    let sites = try passage(
      starting: "The recordings", for: "Why were the Halvard Radio Array recordings late?", in: Self.files)
    #expect(!sites.entitiesFound)
  }

  static let rescue: [String: String] = [
    "931_rescue_wire.txt": """
    Last boys brought out of the cave
    Delta Wire
    11 July 2018

    All twelve boys and their coach are out of Thailand's flooded cave.

    Divers brought the last four out on Tuesday.

    Doctors say the group is in good health.

    Later, Prime Minister Prayuth Chan-ocha said that they had been given a mild sedative.
    """
  ]

  @Test func aPlaceOfTheLedeCountsMoreThanAnotherName() throws {
    let said = try passage(
      starting: "Later, Prime Minister", for: "What did Thailand's prime minister say the boys were given?",
      in: Self.rescue)
    // "Thailand" stands only in the lede, three paragraphs up: a place the story happens in.
    #expect(said.entitiesFound)
    #expect(SpanFinder.isPlace("Thailand"))
  }
}
