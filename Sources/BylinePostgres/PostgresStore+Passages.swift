import BylineCore
import Foundation
import PostgresNIO

extension PostgresStore {
  /// The columns every passage query selects, in the order ``passage(_:)`` reads them.
  static let passageColumns =
    "p.id, p.article_id, p.ordinal, p.paragraph, p.heading, p.text, p.cites, p.inherited_cites, a.title, a.outlet, a.date"

  /// The passages with row ids `ids`, in no particular order (ids no longer stored are left out).
  public func passages(ids: [Int64]) throws -> [StoredPassage] {
    guard !ids.isEmpty else { return [] }
    return try connector.withConnection { link in try passages(ids: ids, link) }
  }

  /// ``passages(ids:)`` on the caller's connection (within its transaction).
  func passages(ids: [Int64], _ link: PostgresLink) throws -> [StoredPassage] {
    guard !ids.isEmpty else { return [] }
    var binds = PostgresBindings()
    binds.append(ids)
    return try link.query(
      "SELECT \(Self.passageColumns) FROM passage p JOIN article a ON a.id = p.article_id WHERE p.id = ANY($1::int8[])",
      binds
    ).map(passage)
  }

  /// Passages of one article whose ordinals fall in `range`, in order.
  public func passages(articleId: String, ordinals range: ClosedRange<Int>) throws -> [StoredPassage] {
    try connector.withConnection { link in
      var binds = PostgresBindings()
      binds.append(articleId)
      binds.append(range.lowerBound)
      binds.append(range.upperBound)
      return try link.query(
        """
        SELECT \(Self.passageColumns) FROM passage p JOIN article a ON a.id = p.article_id
        WHERE p.article_id = $1 AND p.ordinal BETWEEN $2 AND $3 ORDER BY p.ordinal
        """, binds
      ).map(passage)
    }
  }

  /// Every passage of each paragraph, keyed by "ARTICLE#PARAGRAPH", in order, in one query.
  public func paragraphs(_ keys: [(articleId: String, paragraph: Int)]) throws -> [String: [StoredPassage]] {
    guard !keys.isEmpty else { return [:] }
    return try connector.withConnection { link in
      var binds = PostgresBindings()
      binds.append(keys.map(\.articleId))
      binds.append(keys.map(\.paragraph))
      var out: [String: [StoredPassage]] = [:]
      for key in keys { out["\(key.articleId)#\(key.paragraph)"] = [] }
      let rows = try link.query(
        """
        SELECT \(Self.passageColumns) FROM passage p JOIN article a ON a.id = p.article_id
        JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::int8[]) AS k(article_id, paragraph)) k
          ON k.article_id = p.article_id AND k.paragraph = p.paragraph
        ORDER BY p.article_id, p.paragraph, p.ordinal
        """, binds)
      for p in try rows.map(passage) { out["\(p.articleId)#\(p.paragraph)", default: []].append(p) }
      return out
    }
  }

  /// Reads a passage row (the columns of ``passageColumns``); its stems are made from the
  /// text, once a passage until the store changes.
  func passage(_ row: PostgresRow) throws -> StoredPassage {
    let (id, articleId, ordinal, paragraph, heading, text, cites, inherited, title, outlet, date) = try row.decode(
      (Int64, String, Int, Int, String, String, String, String, String, String, String).self)
    let stems = cache.stems(of: id, text: text, make: Tokenizer.stems)
    return StoredPassage(
      rowID: id, articleId: articleId, title: title, outlet: outlet, date: date, ordinal: ordinal,
      paragraph: paragraph, heading: heading, text: text, stems: stems, cites: Self.list(cites),
      inheritedCites: Self.list(inherited), score: 0)
  }
}
