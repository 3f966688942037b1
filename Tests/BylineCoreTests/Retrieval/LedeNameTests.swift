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

  @Test func aNameOfTheLedeCountsInALaterSentence() throws {
    let index = MemoryPassageIndex(files: Self.files)
    let question = analyzer.analyze("Why did the Halvard Radio Array drives from Vostok Station reach the centre late?")
    let top = try Retriever(store: index).retrieve(question)
    let drives = try #require(top.first { $0.passage.text.hasPrefix("The drives") })
    #expect(drives.entitiesFound)
  }

  @Test func theLedeAloneDoesNotNameTheSentence() throws {
    let index = MemoryPassageIndex(files: Self.files)
    let question = analyzer.analyze("Why were the Halvard Radio Array recordings late?")
    let top = try Retriever(store: index).retrieve(question)
    let sites = try #require(top.first { $0.passage.text.hasPrefix("The recordings") })
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
    let index = MemoryPassageIndex(files: Self.rescue)
    let question = analyzer.analyze("What did Thailand's prime minister say the boys were given?")
    let top = try Retriever(store: index).retrieve(question)
    let said = try #require(top.first { $0.passage.text.hasPrefix("Later, Prime Minister") })
    // "Thailand" stands only in the lede, three paragraphs up: a place the story happens in.
    #expect(said.entitiesFound)
    #expect(SpanFinder.isPlace("Thailand"))
  }
}
