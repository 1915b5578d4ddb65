import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Records answers and decisions on notices in one transaction with their audit entries, after
  /// ``NoticeActionFiling/actions(_:after:)`` has checked them against the stored ones.
  public func recordNoticeActions(_ filings: [NoticeActionFiling]) async throws -> [NoticeAction] {
    guard let plan = filings.first?.action.plan else { return [] }
    return try await guarded {
      try await writer.write { db in
        let stored = try Self.noticeActions(db, plan: plan, org: nil)
        let actions = try NoticeActionFiling.actions(filings, after: stored)
        for action in actions {
          try db.execute(
            sql: """
              INSERT INTO notice_action (plan, notice, number, org, kind, text, evidence, actor_org, actor_role,
                actor_user, at, source)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              action.plan.rawValue, action.notice.description, action.number, action.notice.org.rawValue,
              action.kind.rawValue, action.text, action.evidence, action.actor.rawValue, action.role.rawValue,
              action.user, Timestamp.text(action.time), action.source,
            ])
          let period = OrgPeriod(org: action.notice.org, period: action.notice.period)
          try AuditWriter(db, plan: plan, actor: action.actor, role: action.role, user: action.user, time: action.time)
            .append(
              action.auditAction, indicator: action.notice.indicator?.rawValue, org: period.org, year: period.year,
              quarter: period.quarter, old: (nil, nil), new: (nil, nil), reason: action.text,
              source: "\(action.source) · \(action.notice)")
        }
        return actions
      }
    }
  }

  /// The notice actions of `plan`, by notice then number, optionally of notices addressed to `org`.
  public func noticeActions(plan: PlanID, org: OrgID?) async throws -> [NoticeAction] {
    try await guarded {
      try await writer.read { db in try Self.noticeActions(db, plan: plan, org: org) }
    }
  }

  static func noticeActions(_ db: Database, plan: PlanID, org: OrgID?) throws -> [NoticeAction] {
    var sql = """
      SELECT notice, number, kind, text, evidence, actor_org, actor_role, actor_user, at, source
      FROM notice_action WHERE plan = ?
      """
    var arguments: StatementArguments = [plan.rawValue]
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
      let (notice, kind, role): (String, String, String) = (
        try row.decode(atIndex: 0), try row.decode(atIndex: 2), try row.decode(atIndex: 6)
      )
      guard let id = NoticeID(notice), let kind = NoticeActivity.Kind(rawValue: kind), let role = Role(rawValue: role)
      else {
        throw MalformedColumn(column: "notice_action", text: "\(notice) \(kind) \(role)", expected: "a notice action")
      }
      return NoticeAction(
        plan: plan, notice: id, number: try row.decode(atIndex: 1), kind: kind, text: try row.decode(atIndex: 3),
        evidence: try row.decode(atIndex: 4), actor: OrgID(try row.decode(String.self, atIndex: 5)), role: role,
        user: try row.decode(atIndex: 7), time: try Stored.date(try row.decode(atIndex: 8), column: "notice_action.at"),
        source: try row.decode(atIndex: 9))
    }
    .sorted { ($0.notice.description, $0.number) < ($1.notice.description, $1.number) }
  }
}
