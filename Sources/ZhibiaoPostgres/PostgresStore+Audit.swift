import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

/// The audit entries of one change, written in its transaction, in order, with `COPY` (the
/// entries of a large submission are as many as its rows).
struct AuditBatch {
  /// The columns of an entry, in the order of ``entry(_:indicator:org:year:quarter:old:new:reason:source:changeRequest:)``.
  static let columns = [
    "at", "actor_org", "actor_role", "actor_user", "action", "plan", "indicator", "org", "year", "quarter",
    "old_value", "new_value", "old_status", "new_status", "reason", "source", "change_request",
  ]
  private var rows = CopyRows(table: "audit_log", columns: columns)
  private let actor: [String?]

  /// Entries of the changes of `actor` in `role`, signed in as `user` when there is an account.
  init(plan: PlanID, actor: OrgID, role: Role, user: String?, time: Date) {
    self.actor = [Timestamp.text(time), actor.rawValue, role.rawValue, user, plan.rawValue]
  }

  /// One entry; `indicator` nil for a whole org's period, `changeRequest` the number of the change
  /// request it is about.
  mutating func append(
    _ action: AuditAction, indicator: String?, org: String, year: Int, quarter: Int, old: (String?, String?),
    new: (String?, String?), reason: String?, source: String, changeRequest: Int? = nil
  ) {
    entry(
      action, to: &rows, indicator: indicator, org: org, year: year, quarter: quarter, old: old, new: new,
      reason: reason, source: source, changeRequest: changeRequest)
  }

  /// Adds one entry to `rows`, for a caller that sends entries as it makes them.
  func entry(
    _ action: AuditAction, to rows: inout CopyRows, indicator: String?, org: String, year: Int, quarter: Int,
    old: (String?, String?), new: (String?, String?), reason: String?, source: String, changeRequest: Int? = nil
  ) {
    for value in actor.prefix(4) { rows.append(value) }
    rows.append(action.rawValue)
    rows.append(actor[4])
    rows.append(indicator)
    rows.append(org)
    rows.append(year)
    rows.append(quarter)
    rows.append(old.0)
    rows.append(new.0)
    rows.append(old.1)
    rows.append(new.1)
    rows.append(reason)
    rows.append(source)
    if let changeRequest { rows.append(changeRequest) } else { rows.append(nil as String?) }
    rows.endRow()
  }

  func write(_ store: PostgresStore, on connection: PostgresConnection) async throws {
    try await store.copy(rows, on: connection)
  }
}

extension PostgresStore {
  /// The audit log of `plan`, oldest first, optionally of one org.
  public func auditLog(plan: PlanID, org: OrgID?) async throws -> [AuditEntry] {
    var query = QueryBuilder(
      """
      SELECT sequence, \(Column.time("at")), actor_org, actor_role, actor_user, action, indicator, org, year, quarter,
        \(Column.value("old_value")), \(Column.value("new_value")), old_status, new_status, reason, source,
        change_request
      FROM audit_log
      """)
    query.append(" WHERE plan = $?", plan.rawValue)
    if let org { query.append(" AND org = $?", org.rawValue) }
    query.append(" ORDER BY sequence")
    return try await reading {
      try await rows(query.query) { row in
        let role = try row.text(3)
        let action = try row.text(5)
        guard let role = Role(rawValue: role), let action = AuditAction(rawValue: action) else {
          throw MalformedColumn(column: "audit_log", text: "\(role) \(action)", expected: "a role and an action")
        }
        return AuditEntry(
          sequence: try row[0].decode(Int.self), time: try row.date(1, column: "audit_log.at"),
          actor: OrgID(try row.text(2)), role: role, user: try row.optionalText(4), action: action, plan: plan,
          indicator: try row.optionalText(6).map { IndicatorID($0) }, org: OrgID(try row.text(7)),
          period: try row.period(year: 8, quarter: 9),
          oldValue: try row.optionalDecimal(10, column: "audit_log.value"),
          newValue: try row.optionalDecimal(11, column: "audit_log.value"),
          oldStatus: try row.optionalStatus(12, column: "audit_log.status"),
          newStatus: try row.optionalStatus(13, column: "audit_log.status"), reason: try row.optionalText(14),
          source: try row.text(15), changeRequest: try row[16].decode(Int?.self))
      }
    }
  }
}

extension PostgresStore {
  /// The last audit entry's number (every figure, review, lock and change request writes one)
  /// and the register entries' count and latest write.
  public func changeMark() async throws -> String {
    let query: PostgresQuery = """
      SELECT (SELECT coalesce(max(sequence), 0) FROM audit_log)::text || '|'
        || (SELECT count(*) FROM register_entry)::text || '|'
        || coalesce((SELECT max(submitted_at) FROM register_entry)::text, '') || '|'
        || (SELECT count(*) FROM target_issue)::text || '|'
        || (SELECT coalesce(max(sequence), 0) FROM task_report_event)::text || '|'
        || (SELECT count(*) FROM assessment_event)::text || '|'
        || (SELECT count(withdrawn_at) FROM assessment_event)::text
      """
    return try await reading { try await rows(query) { try $0.text(0) }.first ?? "" }
  }
}

extension PostgresStore {
  /// The writes other processes commit, from `LISTEN zhibiao_change` on a connection of its own;
  /// when the connection is lost, listening starts again after a pause (a change made meanwhile
  /// is then only seen through ``changeMark()``).
  public func changesElsewhere() -> AsyncStream<StoreChange> {
    let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(256))
    let listening = Task {
      var pause = Duration.seconds(1)
      while !Task.isCancelled {
        do {
          try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
              pause = .seconds(1)
              for try await notification in notifications {
                guard let (sender, change) = StoreChange.parse(notification.payload), sender != instance else {
                  continue
                }
                continuation.yield(change)
              }
            }
          }
        } catch {
          if Task.isCancelled { break }
          logger.warning("listening for changes failed; trying again", metadata: ["error": "\(error)"])
        }
        try? await Task.sleep(for: pause)
        pause = min(pause * 2, .seconds(30))
      }
      continuation.finish()
    }
    continuation.onTermination = { _ in listening.cancel() }
    return stream
  }
}
