import Logging
import PostgresNIO

/// A figure's first revision where its observation holds it (see ``PostgresSchema/keyOrder`` and
/// ``ZhibiaoStore/WriteOrder``): the observation at revision 1 with no revision row of that
/// number is its own first revision, with no reason and not changed after approval.
enum FirstRevision {
  /// The conditions, on an observation `o`, that it holds its first revision.
  static let heldBy = """
    o.revision = 1 AND NOT EXISTS (
      SELECT 1 FROM revision r
      WHERE r.plan = o.plan AND r.org = o.org AND r.year = o.year AND r.quarter = o.quarter
        AND r.indicator = o.indicator AND r.number = 1)
    """

  /// The first revision of each figure of `keys` (rows of ``ObservationColumns/figure``) whose
  /// observation still holds it, written out before the observations change; the others are
  /// left as they are.
  static func writeOut(_ keys: RowBatch, on connection: PostgresConnection, logger: Logger) async throws {
    guard keys.count > 0 else { return }
    var query = QueryBuilder("")
    let source = keys.unnest(as: "k", in: &query)
    query.append(
      """
      INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
        source, note, reason, changed_after_approval)
      SELECT o.plan, o.indicator, o.org, o.year, o.quarter, 1, o.value, o.status, o.reported_by, o.reported_at,
        o.source, o.note, NULL, false
      FROM observation o JOIN (SELECT DISTINCT plan, org, year, quarter, indicator FROM \(source)) k
        ON o.plan = k.plan AND o.org = k.org AND o.year = k.year AND o.quarter = k.quarter
          AND o.indicator = k.indicator
      WHERE \(heldBy)
      ORDER BY o.plan, o.org, o.year, o.quarter, o.indicator
      """)
    try await connection.query(query.query, logger: logger)
  }
}
