import Testing

@testable import BylineCore

/// The measured quantity a number question asks for, and the figures that state it.
@Suite struct MeasureTests {
  let analyzer = QuestionAnalyzer()

  @Test func theQuantityAskedForComesFromItsAdjectiveOrNoun() {
    #expect(Measure.asked(by: analyzer.analyze("How wide is the crater?")) == .length)
    #expect(Measure.asked(by: analyzer.analyze("What is the measured mass of the asteroid?")) == .mass)
    #expect(Measure.asked(by: analyzer.analyze("What wind speed did the storm reach?")) == .speed)
    // "How far into the dive …" asks for a time; "How many …" for a count.
    #expect(Measure.asked(by: analyzer.analyze("How far into the dive did the ship lose contact?")) == nil)
    #expect(Measure.asked(by: analyzer.analyze("How many people died?")) == nil)
  }

  @Test func aFigureInTheQuantitysUnitStatesIt() {
    let across = "Dimorphos is about 530 feet (160 metres) across and circles a larger asteroid."
    #expect(Measure.length.states("about 530 feet", in: across, asked: []))
    #expect(Measure.length.states("12km", in: "a plume 12km long", asked: []))
    #expect(!Measure.length.states("7:14", in: "It struck at 7:14 p.m. Eastern time.", asked: []))
    #expect(Measure.speed.states("165 mph", in: "winds of 165 mph battered the coast", asked: []))
    #expect(Measure.speed.states("one", in: "The rover travels at roughly one centimetre a second.", asked: []))
    #expect(!Measure.speed.states("8", in: "it had covered a distance of about 8 metres", asked: []))
  }

  @Test func aFigureThatModifiesAnotherThingIsThatThingsMeasure() {
    let text = "adding to the momentum delivered by the 570 kg spacecraft itself."
    let asked = Set(["mass", "asteroid", "dimorpho"])
    #expect(!Measure.mass.states("570 kg", in: text, asked: asked))
    #expect(Measure.mass.states("570 kg", in: text, asked: asked.union(["spacecraft"])))
  }

  @Test func aHowAdjectiveSearchesForItsNoun() {
    let heavy = analyzer.analyze("How heavy was the spacecraft?").terms.first { $0.surface == "heavy" }
    #expect(heavy?.variants.contains(PorterStemmer.stem("weighed")) == true)
  }
}
