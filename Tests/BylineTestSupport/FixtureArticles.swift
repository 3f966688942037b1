/// A small invented corpus for stage tests: two stories, three outlets, credits, a figure, a
/// date and a person, in the plain-text format a corpus folder holds.
public enum FixtureArticles {
  /// File name → contents.
  public static let files: [String: String] = [
    "500_harbour_tidewater.txt": """
    Harbour authority approves new container terminal
    Tidewater Gazette
    By Ana Ruiz
    12 March 2025

    The Port of Kellan's board approved a new container terminal on Tuesday, Reuters reported.

    The terminal will cost $420 million and is due to open in 2028, according to the port's chief executive, Maren Holt.

    Dock workers' unions said they had not been consulted about the plan.
    """,
    "501_harbour_ledger.txt": """
    Kellan port expansion wins approval
    Coastline Ledger
    13 March 2025

    Holt told the Associated Press that construction would begin in the autumn.

    The expansion is expected to double the port's capacity, the board said.
    """,
    "510_orchard_tidewater.txt": """
    Frost damages apple orchards across the valley
    Tidewater Gazette
    2 April 2025

    A late frost destroyed about a third of the valley's apple blossom this week, growers said.

    Insurers have not said how much the losses will cost them.
    """,
  ]
}
