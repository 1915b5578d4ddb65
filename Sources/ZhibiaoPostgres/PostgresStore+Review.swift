import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Approves or returns the submitted figures of `org` for `period` among `indicators`; returns
  /// how many moved. Each decision is a revision with the same value, an audit entry and the
  /// new status, all in one transaction; two reviewers of one figure are serialised, so the
  /// second finds it already moved.
  public func review(
    plan: PlanID, org: OrgID, period: Period, indicators: [IndicatorID], decision: ReviewDecision, comment: String?,
    seen: [IndicatorID: Int], by reviewer: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> Int {
    let decider = try ReviewDecider(
      indicators: indicators, decision: decision, comment: comment, seen: seen, org: org, period: period)
    let quarter = Stored.quarter(period)
    let periods = PeriodLocks([OrgPeriod(org: org, period: period)], plan: plan, exclusive: false)
    return try await transaction(periods: periods) { connection in
      let locked = try await self.isLocked(plan: plan, org: org, period: period, on: connection)
      var audit = AuditBatch(plan: plan, actor: reviewer, role: role, user: user, time: time)
      let figures = try await self.rows(
        """
        SELECT indicator, \(unescaped: Column.value("value")), status, revision, source FROM observation
        WHERE plan = \(plan.rawValue) AND org = \(org.rawValue) AND year = \(period.year) AND quarter = \(quarter)
          AND status <> 'draft'
        ORDER BY indicator COLLATE "C"
        """, on: connection
      ) { row in
        (
          try row.text(0), try row.text(1), try row.status(2, column: "observation.status"), try row.int(3),
          try row.text(4)
        )
      }
      var revisions = RowBatch(ObservationColumns.status + [("number", "integer")])
      var firstRevisions = RowBatch(ObservationColumns.figure)
      for (indicator, value, status, revision, source) in figures {
        guard
          let next = try decider.next(
            indicator: indicator, status: status, revision: revision, source: source, locked: locked)
        else { continue }
        if revision == 1 {
          firstRevisions.add([plan.rawValue, indicator, org.rawValue, String(period.year), String(quarter)])
        }
        revisions.add(
          [
            plan.rawValue, indicator, org.rawValue, String(period.year), String(quarter), next.rawValue,
            String(revision + 1),
          ])
        audit.append(
          decider.action, indicator: indicator, org: org.rawValue, year: period.year, quarter: quarter,
          old: (value, status.rawValue), new: (value, next.rawValue), reason: decider.comment, source: decider.source)
      }
      guard revisions.count > 0 else { return 0 }
      try await FirstRevision.writeOut(firstRevisions, on: connection, logger: self.logger)
      var insert = QueryBuilder("")
      let moves = revisions.unnest(as: "u", in: &insert)
      let (reviewerText, timeText) = (insert.bind(reviewer.rawValue), insert.bind(Timestamp.text(time)))
      let (sourceText, commentText) = (insert.bind(decider.source), insert.bind(decider.comment))
      insert.append(
        """
        INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
          source, note, reason, changed_after_approval)
        SELECT o.plan, o.indicator, o.org, o.year, o.quarter, u.number, o.value, u.status, \(reviewerText),
          \(timeText)::timestamptz, \(sourceText), o.note, \(commentText), false
        FROM observation o JOIN \(moves) ON o.plan = u.plan AND o.indicator = u.indicator AND o.org = u.org
          AND o.year = u.year AND o.quarter = u.quarter
        ORDER BY u.ord
        """)
      try await connection.query(insert.query, logger: self.logger)
      var update = QueryBuilder("")
      let source = revisions.unnest(as: "u", in: &update)
      let returned = update.bind(decider.reviewComment)
      update.append(
        """
        UPDATE observation AS o SET status = u.status, revision = u.number, review_comment = \(returned)
        FROM \(source) WHERE o.plan = u.plan AND o.indicator = u.indicator AND o.org = u.org AND o.year = u.year
          AND o.quarter = u.quarter
        """)
      try await connection.query(update.query, logger: self.logger)
      try await audit.write(self, on: connection)
      return revisions.count
    }
  }

  /// Locks `org`'s `period`, with its audit entry; false when it was locked already.
  public func lock(
    plan: PlanID, org: OrgID, period: Period, by commission: OrgID, user: String?, at time: Date
  ) async throws -> Bool {
    let quarter = Stored.quarter(period)
    let periods = PeriodLocks([OrgPeriod(org: org, period: period)], plan: plan, exclusive: true)
    return try await transaction(periods: periods) { connection in
      let inserted = try await self.rows(
        """
        INSERT INTO period_lock (plan, org, year, quarter, locked_by, locked_at)
        VALUES (\(plan.rawValue), \(org.rawValue), \(period.year), \(quarter), \(commission.rawValue),
          \(Timestamp.text(time))::timestamptz)
        ON CONFLICT (plan, org, year, quarter) DO NOTHING RETURNING 1
        """, on: connection
      ) { _ in true }
      guard !inserted.isEmpty else { return false }
      var audit = AuditBatch(plan: plan, actor: commission, role: .commission, user: user, time: time)
      audit.append(
        .lock, indicator: nil, org: org.rawValue, year: period.year, quarter: quarter, old: (nil, nil),
        new: (nil, nil), reason: nil, source: "lock")
      try await audit.write(self, on: connection)
      return true
    }
  }

  /// Whether `org`'s `period` is locked.
  public func isLocked(plan: PlanID, org: OrgID, period: Period) async throws -> Bool {
    try await reading { try await isLocked(plan: plan, org: org, period: period, on: nil) }
  }

  func isLocked(plan: PlanID, org: OrgID, period: Period, on connection: PostgresConnection?) async throws
    -> Bool
  {
    try await !rows(
      """
      SELECT 1 FROM period_lock WHERE plan = \(plan.rawValue) AND org = \(org.rawValue) AND year = \(period.year)
        AND quarter = \(Stored.quarter(period))
      """, on: connection
    ) { _ in true }.isEmpty
  }
}
