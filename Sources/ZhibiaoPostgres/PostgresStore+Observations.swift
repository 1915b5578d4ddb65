import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// The current value of every reported observation of `plan` (never a draft) that matches the
  /// filters, ordered by indicator, org and period (a year after its quarters, as ``Period`` sorts).
  public func observations(
    plan: PlanID, indicator: IndicatorID?, org: OrgID?, period: Period?
  ) async throws -> [ObservationRecord] {
    try await records(plan: plan, indicator: indicator, org: org, period: period, drafts: false)
  }

  /// The drafts of `plan`, optionally of one org, in the same order.
  public func drafts(plan: PlanID, org: OrgID?) async throws -> [ObservationRecord] {
    try await records(plan: plan, indicator: nil, org: org, period: nil, drafts: true)
  }

  private func records(
    plan: PlanID, indicator: IndicatorID?, org: OrgID?, period: Period?, drafts: Bool
  ) async throws -> [ObservationRecord] {
    var query = QueryBuilder(
      """
      SELECT indicator, org, year, quarter, \(Column.value("value")), status, revision, reported_by,
        \(Column.time("reported_at")), source, note, changed_after_approval, review_comment
      FROM observation WHERE status \(drafts ? "=" : "<>") 'draft'
      """)
    query.append(" AND plan = $?", plan.rawValue)
    if let indicator { query.append(" AND indicator = $?", indicator.rawValue) }
    if let org { query.append(" AND org = $?", org.rawValue) }
    if let period {
      query.append(" AND year = $?", period.year)
      query.append(" AND quarter = $?", Stored.quarter(period))
    }
    // COLLATE "C" orders text by its bytes, as SQLite does, whatever the database's locale.
    query.append(
      " ORDER BY indicator COLLATE \"C\", org COLLATE \"C\", year, CASE quarter WHEN 0 THEN 5 ELSE quarter END")
    return try await reading {
      try await rows(query.query) { row in
        ObservationRecord(
          indicator: IndicatorID(try row.text(0)), org: OrgID(try row.text(1)),
          period: try row.period(year: 2, quarter: 3), value: try row.decimal(4, column: "observation.value"),
          status: try row.status(5, column: "observation.status"), revision: try row.int(6),
          reportedBy: OrgID(try row.text(7)), reportedAt: try row.date(8, column: "observation.reported_at"),
          source: try row.text(9), note: try row.optionalText(10), changedAfterApproval: try row.bool(11),
          reviewComment: try row.optionalText(12))
      }
    }
  }

  /// Every revision of one observation, oldest first, the first read from the observation where
  /// that holds it; approvals are revisions with the source `approval`.
  public func history(plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period) async throws -> [Revision] {
    try await reading {
      try await rows(
        """
        SELECT number, \(unescaped: Column.value("value")), status, reported_by,
          \(unescaped: Column.time("reported_at")), source, note, reason, changed_after_approval
        FROM revision WHERE plan = \(plan.rawValue) AND org = \(org.rawValue) AND year = \(period.year)
          AND quarter = \(Stored.quarter(period)) AND indicator = \(indicator.rawValue)
        UNION ALL
        SELECT 1, \(unescaped: Column.value("o.value")), o.status, o.reported_by,
          \(unescaped: Column.time("o.reported_at")), o.source, o.note, NULL, false
        FROM observation o WHERE o.plan = \(plan.rawValue) AND o.org = \(org.rawValue) AND o.year = \(period.year)
          AND o.quarter = \(Stored.quarter(period)) AND o.indicator = \(indicator.rawValue)
          AND \(unescaped: FirstRevision.heldBy)
        ORDER BY 1
        """
      ) { row in
        Revision(
          number: try row.int(0), value: try row.decimal(1, column: "revision.value"),
          status: try row.status(2, column: "revision.status"), reportedBy: OrgID(try row.text(3)),
          reportedAt: try row.date(4, column: "revision.reported_at"), source: try row.text(5),
          note: try row.optionalText(6), reason: try row.optionalText(7), changedAfterApproval: try row.bool(8))
      }
    }
  }
}
