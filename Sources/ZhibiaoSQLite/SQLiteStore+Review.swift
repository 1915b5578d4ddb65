import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Approves or returns the submitted figures of `org` for `period` among `indicators`; returns
  /// how many moved.
  ///
  /// Each decision is a revision with the same value, the new status and the source `approval`
  /// or `return` (the comment as its reason), so that ``history(plan:indicator:org:period:)``
  /// shows who reviewed it and when, and an audit entry; all in one transaction. Figures in any
  /// other state stay as they are, so reviewing again moves nothing more.
  public func review(
    plan: PlanID, org: OrgID, period: Period, indicators: [IndicatorID], decision: ReviewDecision, comment: String?,
    seen: [IndicatorID: Int], by reviewer: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> Int {
    let decider = try ReviewDecider(
      indicators: indicators, decision: decision, comment: comment, seen: seen, org: org, period: period)
    let key: StatementArguments = [plan.rawValue, org.rawValue, period.year, Stored.quarter(period)]
    return try await guarded {
      try await writer.write { db in
        let locked = try Self.isLocked(db, key)
        let audit = try AuditWriter(db, plan: plan, actor: reviewer, role: role, user: user, time: time)
        let figures = try Row.fetchAll(
          db,
          sql: """
            SELECT indicator, value, status, revision, source FROM observation
            WHERE plan = ? AND org = ? AND year = ? AND quarter = ? AND status <> 'draft' ORDER BY indicator
            """, arguments: key)
        var moved = 0
        for figure in figures {
          let indicator: String = try figure.decode(atIndex: 0)
          let value: String = try figure.decode(atIndex: 1)
          let status = try Stored.status(try figure.decode(atIndex: 2), column: "observation.status")
          let revision: Int = try figure.decode(atIndex: 3)
          let source: String = try figure.decode(atIndex: 4)
          guard
            let next = try decider.next(
              indicator: indicator, status: status, revision: revision, source: source, locked: locked)
          else { continue }
          let figureKey: StatementArguments = [
            plan.rawValue, indicator, org.rawValue, period.year, Stored.quarter(period),
          ]
          if revision == 1 {
            try FirstRevision.writeOut(
              db, plan: plan.rawValue, indicator: indicator, org: org.rawValue, year: period.year,
              quarter: Stored.quarter(period))
          }
          try db.execute(
            sql: """
              INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
                reported_at, source, note, reason, changed_after_approval)
              SELECT plan, indicator, org, year, quarter, revision + 1, value, ?, ?, ?, ?, note, ?, 0
              FROM observation WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
              """,
            arguments: [next.rawValue, reviewer.rawValue, Timestamp.text(time), decider.source, decider.comment]
              + figureKey)
          try db.execute(
            sql: """
              UPDATE observation SET status = ?, revision = ?, review_comment = ?
              WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
              """,
            arguments: [next.rawValue, revision + 1, decider.reviewComment] + figureKey)
          try audit.append(
            decider.action, indicator: indicator, org: org.rawValue, year: period.year,
            quarter: Stored.quarter(period), old: (value, status.rawValue), new: (value, next.rawValue),
            reason: decider.comment, source: decider.source)
          moved += 1
        }
        return moved
      }
    }
  }

  /// Locks `org`'s `period`, with its audit entry; false when it was locked already.
  public func lock(
    plan: PlanID, org: OrgID, period: Period, by commission: OrgID, user: String?, at time: Date
  ) async throws -> Bool {
    let key: StatementArguments = [plan.rawValue, org.rawValue, period.year, Stored.quarter(period)]
    return try await guarded {
      try await writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO period_lock (plan, org, year, quarter, locked_by, locked_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (plan, org, year, quarter) DO NOTHING
            """,
          arguments: key + [commission.rawValue, Timestamp.text(time)])
        guard db.changesCount == 1 else { return false }
        try AuditWriter(db, plan: plan, actor: commission, role: .commission, user: user, time: time).append(
          .lock, indicator: nil, org: org.rawValue, year: period.year, quarter: Stored.quarter(period),
          old: (nil, nil), new: (nil, nil), reason: nil, source: "lock")
        return true
      }
    }
  }

  /// Whether `org`'s `period` is locked.
  public func isLocked(plan: PlanID, org: OrgID, period: Period) async throws -> Bool {
    try await guarded {
      try await writer.read { db in
        try Self.isLocked(db, [plan.rawValue, org.rawValue, period.year, Stored.quarter(period)])
      }
    }
  }

  static func isLocked(_ db: Database, _ key: StatementArguments) throws -> Bool {
    try Row.fetchOne(
      db, sql: "SELECT 1 FROM period_lock WHERE plan = ? AND org = ? AND year = ? AND quarter = ?", arguments: key)
      != nil
  }
}
