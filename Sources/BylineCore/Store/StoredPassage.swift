/// A passage as read back from the store, with its article's metadata.
public struct StoredPassage: Sendable, Hashable, Codable {
  /// The passage's row id.
  public var rowID: Int64
  /// The article id.
  public var articleId: String
  /// The article's title.
  public var title: String
  /// The article's publisher, or an empty string.
  public var outlet: String
  /// The article's date, or an empty string.
  public var date: String
  /// Position within the article.
  public var ordinal: Int
  /// Paragraph index within the article.
  public var paragraph: Int
  /// The section heading, or an empty string.
  public var heading: String
  /// The sentence, verbatim.
  public var text: String
  /// The Porter stems of the sentence's words, in order (made from the text when read).
  public var stems: [String]
  /// Outlets the sentence itself credits.
  public var cites: [String]
  /// Outlets credited by its run of sentences or its article.
  public var inheritedCites: [String]
  /// BM25 score from the full-text index (lower is better in SQLite; here negated, higher is better).
  public var score: Double

  /// The outlets credited for this passage: its own, else those of its run or article.
  public var credited: [String] { cites.isEmpty ? inheritedCites : cites }

  /// Creates a passage as an index hands it out.
  public init(
    rowID: Int64, articleId: String, title: String, outlet: String, date: String, ordinal: Int, paragraph: Int,
    heading: String, text: String, stems: [String], cites: [String], inheritedCites: [String], score: Double
  ) {
    self.rowID = rowID
    self.articleId = articleId
    self.title = title
    self.outlet = outlet
    self.date = date
    self.ordinal = ordinal
    self.paragraph = paragraph
    self.heading = heading
    self.text = text
    self.stems = stems
    self.cites = cites
    self.inheritedCites = inheritedCites
    self.score = score
  }
}

/// One row of `byline articles`.
public struct ArticleSummary: Sendable, Hashable, Codable {
  /// The article id.
  public var id: String
  /// The publisher, or an empty string.
  public var outlet: String
  /// The headline.
  public var title: String
  /// The date, or an empty string.
  public var date: String
  /// The article's address, or an empty string.
  public var url: String
  /// How many passages were indexed.
  public var passages: Int
  /// Outlets the article credits as a whole.
  public var sources: [String]
  /// Every outlet the article credits, in order of first mention.
  public var credits: [String] = []
  /// Lines the reader dropped as page furniture ("byline: By Jane Doe").
  public var furniture: [String] = []

  /// Creates an article summary as an index hands it out.
  public init(
    id: String, outlet: String, title: String, date: String, url: String, passages: Int, sources: [String],
    credits: [String] = [], furniture: [String] = []
  ) {
    self.id = id
    self.outlet = outlet
    self.title = title
    self.date = date
    self.url = url
    self.passages = passages
    self.sources = sources
    self.credits = credits
    self.furniture = furniture
  }

  /// The name to show for the article's source: publisher, else site, else title (see
  /// ``Article/displayName(outlet:url:title:)``).
  public var displayName: String { Article.displayName(outlet: outlet, url: url, title: title) }
}

/// What a store update did.
public struct SyncReport: Sendable {
  /// Article files read anew (added or changed).
  public var updatedFiles: [String] = []
  /// Article files whose articles were removed.
  public var removedFiles: [String] = []
  /// Problems with single files; those files were skipped.
  public var warnings: [CorpusWarning] = []
  /// True when another process changed the store (a shared server) since the last look.
  public var changedElsewhere = false
  /// An update that changed nothing (yet).
  public init() {}

  /// Whether anything changed.
  public var changed: Bool { !updatedFiles.isEmpty || !removedFiles.isEmpty }
}
