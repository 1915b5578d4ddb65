import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  private static let eventColumns = """
    id, plan, year, kind, org, category, points, reason, entered_by, entered_role, entered_user, entered_at,
    withdrawn_at, withdrawn_by, withdrawal_reason
    """

  public func addAssessmentEvent(
    plan: PlanID, year: Int, entry: AssessmentEventEntry, by actor: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await guarded {
      try await writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO assessment_event (plan, year, kind, org, category, points, reason, entered_by, entered_role,
              entered_user, entered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            plan.rawValue, year, entry.kind.rawValue, entry.org.rawValue, entry.category,
            entry.points.map(Stored.text), entry.reason, actor.rawValue, role.rawValue, user, Timestamp.text(time),
          ])
        return try Self.event(db, id: Int(db.lastInsertedRowID), plan: plan)
          ?? AssessmentEventRecord(
            id: Int(db.lastInsertedRowID), plan: plan, year: year, entry: entry, enteredBy: actor, role: role,
            user: user, enteredAt: time)
      }
    }
  }

  public func assessmentEvents(plan: PlanID, year: Int?) async throws -> [AssessmentEventRecord] {
    var sql = "SELECT \(Self.eventColumns) FROM assessment_event WHERE plan = ?"
    var arguments: StatementArguments = [plan.rawValue]
    if let year {
      sql += " AND year = ?"
      arguments += [year]
    }
    sql += " ORDER BY id"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.event)
      }
    }
  }

  public func withdrawAssessmentEvent(
    plan: PlanID, id: Int, reason: String, by actor: OrgID, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await guarded {
      try await writer.write { db in
        guard let event = try Self.event(db, id: id, plan: plan) else {
          throw StoreError.refused(ReviewRules.eventRefusal(id: id, withdrawn: false), rows: [])
        }
        guard event.counts else {
          throw StoreError.refused(ReviewRules.eventRefusal(id: id, withdrawn: true), rows: [])
        }
        try db.execute(
          sql: """
            UPDATE assessment_event SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
            WHERE id = ? AND plan = ? AND withdrawn_at IS NULL
            """, arguments: [Timestamp.text(time), actor.rawValue, reason, id, plan.rawValue])
        return try Self.event(db, id: id, plan: plan) ?? event
      }
    }
  }

  private static func event(_ db: Database, id: Int, plan: PlanID) throws -> AssessmentEventRecord? {
    try Row.fetchOne(
      db, sql: "SELECT \(eventColumns) FROM assessment_event WHERE id = ? AND plan = ?", arguments: [id, plan.rawValue]
    ).map(event)
  }

  private static func event(_ row: Row) throws -> AssessmentEventRecord {
    try AssessmentEventRecord.read(
      id: try row.decode(atIndex: 0), plan: try row.decode(atIndex: 1), year: try row.decode(atIndex: 2),
      kind: try row.decode(atIndex: 3), org: try row.decode(atIndex: 4), category: try row.decode(atIndex: 5),
      points: try row.decode(atIndex: 6), reason: try row.decode(atIndex: 7), enteredBy: try row.decode(atIndex: 8),
      role: try row.decode(atIndex: 9), user: try row.decode(atIndex: 10),
      enteredAt: try Stored.date(try row.decode(atIndex: 11), column: "assessment_event.entered_at"),
      withdrawnAt: try (row.decode(String?.self, atIndex: 12)).map {
        try Stored.date($0, column: "assessment_event.withdrawn_at")
      }, withdrawnBy: try row.decode(atIndex: 13), withdrawalReason: try row.decode(atIndex: 14))
  }
}
