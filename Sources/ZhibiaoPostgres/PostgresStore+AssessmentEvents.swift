import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  private static let eventColumns = """
    id, plan, year, kind, org, category, points::text, reason, entered_by, entered_role, entered_user,
    \(Column.time("entered_at")), \(Column.time("withdrawn_at")), withdrawn_by, withdrawal_reason
    """

  public func addAssessmentEvent(
    plan: PlanID, year: Int, entry: AssessmentEventEntry, by actor: OrgID, role: Role, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await transaction(notifying: StoreChange(isLock: false, periods: nil)) { connection in
      let points = entry.points.map(Stored.text)
      let ids = try await self.rows(
        """
        INSERT INTO assessment_event (plan, year, kind, org, category, points, reason, entered_by, entered_role,
          entered_user, entered_at)
        VALUES (\(plan.rawValue), \(year), \(entry.kind.rawValue), \(entry.org.rawValue), \(entry.category),
          \(points)::numeric, \(entry.reason), \(actor.rawValue), \(role.rawValue), \(user),
          \(Timestamp.text(time))::timestamptz)
        RETURNING id
        """, on: connection
      ) { try $0.int(0) }
      guard let id = ids.first, let event = try await self.event(id: id, plan: plan, on: connection) else {
        throw StoreError.unavailable(path: self.location, reason: "the new assessment event could not be read back")
      }
      return event
    }
  }

  public func assessmentEvents(plan: PlanID, year: Int?) async throws -> [AssessmentEventRecord] {
    var query = QueryBuilder("SELECT \(Self.eventColumns) FROM assessment_event WHERE plan = ")
    query.append("$?", plan.rawValue)
    if let year { query.append(" AND year = $?", year) }
    query.append(" ORDER BY id")
    return try await reading { try await rows(query.query, on: nil, Self.event) }
  }

  public func withdrawAssessmentEvent(
    plan: PlanID, id: Int, reason: String, by actor: OrgID, user: String?, at time: Date
  ) async throws -> AssessmentEventRecord {
    try await transaction(notifying: StoreChange(isLock: false, periods: nil)) { connection in
      guard let event = try await self.event(id: id, plan: plan, on: connection) else {
        throw StoreError.refused(ReviewRules.eventRefusal(id: id, withdrawn: false), rows: [])
      }
      guard event.counts else { throw StoreError.refused(ReviewRules.eventRefusal(id: id, withdrawn: true), rows: []) }
      try await connection.query(
        """
        UPDATE assessment_event SET withdrawn_at = \(Timestamp.text(time))::timestamptz,
          withdrawn_by = \(actor.rawValue), withdrawal_reason = \(reason)
        WHERE id = \(id) AND plan = \(plan.rawValue) AND withdrawn_at IS NULL
        """, logger: self.logger)
      return try await self.event(id: id, plan: plan, on: connection) ?? event
    }
  }

  private func event(id: Int, plan: PlanID, on connection: PostgresConnection) async throws -> AssessmentEventRecord? {
    var query = QueryBuilder("SELECT \(Self.eventColumns) FROM assessment_event WHERE id = ")
    query.append("$?", id)
    query.append(" AND plan = $?", plan.rawValue)
    return try await rows(query.query, on: connection, Self.event).first
  }

  private static func event(_ row: PostgresRandomAccessRow) throws -> AssessmentEventRecord {
    try AssessmentEventRecord.read(
      id: try row.int(0), plan: try row.text(1), year: try row.int(2), kind: try row.text(3), org: try row.text(4),
      category: try row.optionalText(5), points: try row.optionalText(6), reason: try row.text(7),
      enteredBy: try row.text(8), role: try row.text(9), user: try row.optionalText(10),
      enteredAt: try row.date(11, column: "assessment_event.entered_at"),
      withdrawnAt: try row.optionalText(12).map { try Stored.date($0, column: "assessment_event.withdrawn_at") },
      withdrawnBy: try row.optionalText(13), withdrawalReason: try row.optionalText(14))
  }
}
