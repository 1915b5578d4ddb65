import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Approves every submitted observation of `org` for `period` and locks the period; returns
  /// how many observations it approved.
  ///
  /// Each approval is a revision with the same value, the status `approved` and the source
  /// `approval`, so that ``history(plan:indicator:org:period:)`` shows who approved it and when.
  /// Drafts are not approved but are locked with the period. Approving again approves nothing
  /// more and keeps the first approver and time.
  public func approve(plan: PlanID, org: OrgID, period: Period, by approver: OrgID, at time: Date) throws -> Int {
    let key: StatementArguments = [plan.rawValue, org.rawValue, period.year, Stored.quarter(period)]
    let by: StatementArguments = [approver.rawValue, Timestamp.text(time)]
    return try guarded {
      try writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO approval (plan, org, year, quarter, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (plan, org, year, quarter) DO NOTHING
            """,
          arguments: key + by)
        try db.execute(
          sql: """
            INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
              reported_at, source, note, reason, changed_after_approval)
            SELECT plan, indicator, org, year, quarter, revision + 1, value, 'approved', ?, ?, 'approval', note,
              NULL, 0
            FROM observation
            WHERE plan = ? AND org = ? AND year = ? AND quarter = ? AND status = 'submitted'
            """,
          arguments: by + key)
        try db.execute(
          sql: """
            UPDATE observation SET status = 'approved', revision = revision + 1
            WHERE plan = ? AND org = ? AND year = ? AND quarter = ? AND status = 'submitted'
            """,
          arguments: key)
        return db.changesCount
      }
    }
  }

  /// Whether `org`'s `period` is approved (locked).
  public func isApproved(plan: PlanID, org: OrgID, period: Period) throws -> Bool {
    try guarded {
      try writer.read { db in
        try Row.fetchOne(
          db, sql: "SELECT 1 FROM approval WHERE plan = ? AND org = ? AND year = ? AND quarter = ?",
          arguments: [plan.rawValue, org.rawValue, period.year, Stored.quarter(period)]) != nil
      }
    }
  }
}
