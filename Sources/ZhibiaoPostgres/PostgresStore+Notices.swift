import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Records answers and decisions on notices in one transaction with their audit entries, after
  /// ``NoticeActionFiling/actions(_:after:)`` has checked them against the stored ones. Two
  /// actors on one notice are serialised: the second finds the first's action and is refused as
  /// stale.
  public func recordNoticeActions(_ filings: [NoticeActionFiling]) async throws -> [NoticeAction] {
    guard let plan = filings.first?.action.plan else { return [] }
    return try await transaction { connection in
      let stored = try await self.noticeActions(plan: plan, org: nil, on: connection)
      let actions = try NoticeActionFiling.actions(filings, after: stored)
      for action in actions {
        try await connection.query(
          """
          INSERT INTO notice_action (plan, notice, number, org, kind, text, evidence, actor_org, actor_role,
            actor_user, at, source)
          VALUES (\(action.plan.rawValue), \(action.notice.description), \(action.number),
            \(action.notice.org.rawValue), \(action.kind.rawValue), \(action.text), \(action.evidence),
            \(action.actor.rawValue), \(action.role.rawValue), \(action.user),
            \(Timestamp.text(action.time))::timestamptz, \(action.source))
          """, logger: self.logger)
        var audit = AuditBatch(plan: plan, actor: action.actor, role: action.role, user: action.user, time: action.time)
        let period = OrgPeriod(org: action.notice.org, period: action.notice.period)
        audit.append(
          action.auditAction, indicator: action.notice.indicator?.rawValue, org: period.org, year: period.year,
          quarter: period.quarter, old: (nil, nil), new: (nil, nil), reason: action.text,
          source: "\(action.source) · \(action.notice)")
        try await audit.write(self, on: connection)
      }
      return actions
    }
  }

  /// The notice actions of `plan`, by notice then number, optionally of notices addressed to `org`.
  public func noticeActions(plan: PlanID, org: OrgID?) async throws -> [NoticeAction] {
    try await reading { try await noticeActions(plan: plan, org: org, on: nil) }
  }

  private func noticeActions(plan: PlanID, org: OrgID?, on connection: PostgresConnection?) async throws
    -> [NoticeAction]
  {
    var query = QueryBuilder(
      """
      SELECT notice, number, kind, text, evidence, actor_org, actor_role, actor_user, \(Column.time("at")), source
      FROM notice_action
      """)
    query.append(" WHERE plan = $?", plan.rawValue)
    if let org { query.append(" AND org = $?", org.rawValue) }
    return try await rows(query.query, on: connection) { row in
      let (notice, kind, role) = (try row.text(0), try row.text(2), try row.text(6))
      guard let id = NoticeID(notice), let kind = NoticeActivity.Kind(rawValue: kind), let role = Role(rawValue: role)
      else {
        throw MalformedColumn(column: "notice_action", text: "\(notice) \(kind) \(role)", expected: "a notice action")
      }
      return NoticeAction(
        plan: plan, notice: id, number: try row.int(1), kind: kind, text: try row.optionalText(3),
        evidence: try row.optionalText(4), actor: OrgID(try row.text(5)), role: role, user: try row.optionalText(7),
        time: try row.date(8, column: "notice_action.at"), source: try row.text(9))
    }
    .sorted { ($0.notice.description, $0.number) < ($1.notice.description, $1.number) }
  }
}
