import GRDB

/// A figure's first revision where its observation holds it (see ``Schema/keyOrder`` and
/// ``ZhibiaoStore/WriteOrder``): the observation at revision 1 with no revision row of that
/// number is its own first revision, with no reason and not changed after approval.
enum FirstRevision {
  /// Writes out the first revision of one figure while its observation still holds it; does
  /// nothing when the figure has none, has moved past it, or has its row already. Called before
  /// any change of an observation that may be at its first revision.
  static func writeOut(
    _ db: Database, plan: String, indicator: String, org: String, year: Int, quarter: Int
  ) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
          source, note, reason, changed_after_approval)
        SELECT plan, indicator, org, year, quarter, 1, value, status, reported_by, reported_at, source, note, NULL, 0
        FROM observation o
        WHERE plan = ? AND org = ? AND year = ? AND quarter = ? AND indicator = ? AND revision = 1
          AND NOT EXISTS (
            SELECT 1 FROM revision r
            WHERE r.plan = o.plan AND r.org = o.org AND r.year = o.year AND r.quarter = o.quarter
              AND r.indicator = o.indicator AND r.number = 1)
        """
    ).execute(arguments: [plan, org, year, quarter, indicator])
  }

  /// Every revision of one figure, oldest first, its first read from its observation where that
  /// holds it; the arguments are the figure's key in the order plan, org, year, quarter,
  /// indicator.
  static let history = """
    SELECT number, value, status, reported_by, reported_at, source, note, reason, changed_after_approval
    FROM revision WHERE plan = ?1 AND org = ?2 AND year = ?3 AND quarter = ?4 AND indicator = ?5
    UNION ALL
    SELECT 1, value, status, reported_by, reported_at, source, note, NULL, 0
    FROM observation o
    WHERE plan = ?1 AND org = ?2 AND year = ?3 AND quarter = ?4 AND indicator = ?5 AND revision = 1
      AND NOT EXISTS (
        SELECT 1 FROM revision r
        WHERE r.plan = o.plan AND r.org = o.org AND r.year = o.year AND r.quarter = o.quarter
          AND r.indicator = o.indicator AND r.number = 1)
    ORDER BY number
    """
}
