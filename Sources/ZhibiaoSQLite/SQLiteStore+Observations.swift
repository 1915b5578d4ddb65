import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
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
    var sql = """
      SELECT indicator, org, year, quarter, value, status, revision, reported_by, reported_at, source, note,
        changed_after_approval, review_comment
      FROM observation WHERE plan = ? AND status \(drafts ? "=" : "<>") 'draft'
      """
    var arguments: StatementArguments = [plan.rawValue]
    if let indicator {
      sql += " AND indicator = ?"
      arguments += [indicator.rawValue]
    }
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    if let period {
      sql += " AND year = ? AND quarter = ?"
      arguments += [period.year, Stored.quarter(period)]
    }
    sql += " ORDER BY indicator, org, year, CASE quarter WHEN 0 THEN 5 ELSE quarter END"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var records: [ObservationRecord] = []
        while let row = try rows.next() {
          records.append(
            ObservationRecord(
              indicator: IndicatorID(try row.decode(String.self, atIndex: 0)),
              org: OrgID(try row.decode(String.self, atIndex: 1)),
              period: try Stored.period(year: try row.decode(atIndex: 2), quarter: try row.decode(atIndex: 3)),
              value: try Stored.decimal(try row.decode(atIndex: 4), column: "observation.value"),
              status: try Stored.status(try row.decode(atIndex: 5), column: "observation.status"),
              revision: try row.decode(atIndex: 6),
              reportedBy: OrgID(try row.decode(String.self, atIndex: 7)),
              reportedAt: try Stored.date(try row.decode(atIndex: 8), column: "observation.reported_at"),
              source: try row.decode(atIndex: 9),
              note: try row.decode(atIndex: 10),
              changedAfterApproval: try row.decode(atIndex: 11),
              reviewComment: try row.decode(atIndex: 12)))
        }
        return records
      }
    }
  }

  /// Every revision of one observation, oldest first, the first read from the observation where
  /// that holds it; approvals are revisions with the source `approval`.
  public func history(plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period) async throws -> [Revision] {
    try await guarded {
      try await writer.read { db in
        let rows = try Row.fetchCursor(
          db.cachedStatement(sql: FirstRevision.history),
          arguments: [plan.rawValue, org.rawValue, period.year, Stored.quarter(period), indicator.rawValue])
        var revisions: [Revision] = []
        while let row = try rows.next() {
          revisions.append(
            Revision(
              number: try row.decode(atIndex: 0),
              value: try Stored.decimal(try row.decode(atIndex: 1), column: "revision.value"),
              status: try Stored.status(try row.decode(atIndex: 2), column: "revision.status"),
              reportedBy: OrgID(try row.decode(String.self, atIndex: 3)),
              reportedAt: try Stored.date(try row.decode(atIndex: 4), column: "revision.reported_at"),
              source: try row.decode(atIndex: 5),
              note: try row.decode(atIndex: 6),
              reason: try row.decode(atIndex: 7),
              changedAfterApproval: try row.decode(atIndex: 8)))
        }
        return revisions
      }
    }
  }
}
