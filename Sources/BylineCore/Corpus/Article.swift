import Foundation

/// A news article as Byline knows it: identity, metadata and the text it was read from.
public struct Article: Sendable, Hashable, Codable {
  /// The article id: the file stem for `.txt` and `.md` files, the `id` field for JSON Lines.
  public var id: String
  /// The headline.
  public var title: String
  /// The outlet that published the article, or an empty string when the text does not name one.
  public var outlet: String
  /// The publication date as the source gives it, or an empty string.
  public var date: String
  /// The article's address, or an empty string.
  public var url: String
  /// The path of the file the article was read from.
  public var path: String
  /// The article body (without front matter), as read.
  public var body: String

  /// Creates an article.
  public init(
    id: String, title: String, outlet: String = "", date: String = "", url: String = "",
    path: String = "", body: String
  ) {
    self.id = id
    self.title = title
    self.outlet = outlet
    self.date = date
    self.url = url
    self.path = path
    self.body = body
  }
}

/// One sentence (or heading-free list item) of an article, the unit Byline retrieves and quotes.
public struct Passage: Sendable, Hashable, Codable {
  /// Position of the passage within its article, from 0.
  public var ordinal: Int
  /// Index of the paragraph the passage belongs to, from 0.
  public var paragraph: Int
  /// The heading of the section the passage is under, or an empty string.
  public var heading: String
  /// The sentence, verbatim.
  public var text: String
  /// Character offset of the sentence in the article body.
  public var start: Int
  /// Character offset just past the sentence in the article body.
  public var end: Int
  /// Outlets this sentence credits directly ("according to Axios", "(axios.com)").
  public var cites: [String]
  /// Outlets credited by the run of sentences the passage belongs to, or by the whole article.
  public var inheritedCites: [String]

  /// Creates a passage.
  public init(
    ordinal: Int, paragraph: Int, heading: String, text: String, start: Int, end: Int,
    cites: [String] = [], inheritedCites: [String] = []
  ) {
    self.ordinal = ordinal
    self.paragraph = paragraph
    self.heading = heading
    self.text = text
    self.start = start
    self.end = end
    self.cites = cites
    self.inheritedCites = inheritedCites
  }

  /// The outlets credited for this passage: its own, else those of its run or article.
  public var credited: [String] { cites.isEmpty ? inheritedCites : cites }
}

/// An article read and structured: headings, passages and the sources credited at article level.
public struct ParsedArticle: Sendable, Hashable {
  /// The article and its metadata.
  public var article: Article
  /// Section headings, in order.
  public var headings: [String]
  /// Sentences in reading order.
  public var passages: [Passage]
  /// Outlets the article credits as a whole ("Source: Axios", "Primary source • SiliconANGLE",
  /// a wire dateline "(Reuters)", a byline "By NAME, Reuters", "With files from AFP").
  public var sources: [String]
  /// Every outlet the article credits, in order of first mention.
  public var credits: [String] = []
  /// Lines dropped as page furniture, each as "kind: line" ("byline: By Jane Doe").
  public var furniture: [String] = []
}

extension Article {
  /// The name to show for the article's source: its publisher, else its site (from `url`:
  /// "https://www.example-news.com/a" → "Example-News"), else its title; never its file id.
  public var displayName: String {
    Article.displayName(outlet: outlet, url: url, title: title)
  }

  /// ``displayName`` from the stored fields of an article.
  public static func displayName(outlet: String, url: String, title: String) -> String {
    if !outlet.isEmpty { return outlet }
    if let host = URL(string: url)?.host, OutletDirectory.isDomain(host) || host.contains(".") {
      return OutletDirectory.standard.outlet(forDomain: host)
    }
    return title
  }
}
