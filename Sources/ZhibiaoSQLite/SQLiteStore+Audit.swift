import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

/// Appends audit entries inside the transaction of the change they record.
struct AuditWriter {
  private let statement: Statement
  private let plan: String
  private let actor: String
  private let role: String
  private let user: String?
  private let time: String

  /// A writer for the changes of `actor` in `role`, signed in as `user` when there is an account.
  init(_ db: Database, plan: PlanID, actor: OrgID, role: Role, user: String?, time: Date) throws {
    statement = try db.cachedStatement(
      sql: """
        INSERT INTO audit_log (at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter,
          old_value, new_value, old_status, new_status, reason, source, change_request)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    self.plan = plan.rawValue
    self.actor = actor.rawValue
    self.role = role.rawValue
    self.user = user
    self.time = Timestamp.text(time)
  }

  /// The columns of an entry, in the order ``append(_:to:indicator:org:year:quarter:old:new:reason:source:)`` adds them.
  static let columns = [
    "at", "actor_org", "actor_role", "actor_user", "action", "plan", "indicator", "org", "year", "quarter",
    "old_value", "new_value", "old_status", "new_status", "reason", "source", "change_request",
  ]

  /// Adds one entry to `batch`, an ``InsertBatch`` of ``columns``, as ``append(_:indicator:org:year:quarter:old:new:reason:source:changeRequest:)`` writes it.
  func append(
    _ action: AuditAction, to batch: inout InsertBatch, indicator: String?, org: String, year: Int, quarter: Int,
    old: (String?, String?), new: (String?, String?), reason: String?, source: String
  ) {
    batch.append(time)
    batch.append(actor)
    batch.append(role)
    batch.append(user)
    batch.append(action.rawValue)
    batch.append(plan)
    batch.append(indicator)
    batch.append(org)
    batch.append(year)
    batch.append(quarter)
    batch.append(old.0)
    batch.append(new.0)
    batch.append(old.1)
    batch.append(new.1)
    batch.append(reason)
    batch.append(source)
    batch.append(nil as String?)
  }

  /// One entry; `indicator` nil for a whole org's period, `changeRequest` the number of the change
  /// request it is about.
  func append(
    _ action: AuditAction, indicator: String?, org: String, year: Int, quarter: Int, old: (String?, String?),
    new: (String?, String?), reason: String?, source: String, changeRequest: Int? = nil
  ) throws {
    try statement.execute(arguments: [
      time, actor, role, user, action.rawValue, plan, indicator, org, year, quarter, old.0, new.0, old.1, new.1, reason,
      source, changeRequest,
    ])
  }
}

extension SQLiteStore {
  /// The audit log of `plan`, oldest first, optionally of one org.
  public func auditLog(plan: PlanID, org: OrgID?) async throws -> [AuditEntry] {
    var sql = """
      SELECT sequence, at, actor_org, actor_role, actor_user, action, indicator, org, year, quarter, old_value,
        new_value, old_status, new_status, reason, source, change_request
      FROM audit_log WHERE plan = ?
      """
    var arguments: StatementArguments = [plan.rawValue]
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    sql += " ORDER BY sequence"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
          func decimal(_ index: Int) throws -> Decimal? {
            try row.decode(String?.self, atIndex: index).map { try Stored.decimal($0, column: "audit_log.value") }
          }
          func status(_ index: Int) throws -> ObservationStatus? {
            try row.decode(String?.self, atIndex: index).map { try Stored.status($0, column: "audit_log.status") }
          }
          let role: String = try row.decode(atIndex: 3)
          let action: String = try row.decode(atIndex: 5)
          guard let role = Role(rawValue: role), let action = AuditAction(rawValue: action) else {
            throw MalformedColumn(column: "audit_log", text: "\(role) \(action)", expected: "a role and an action")
          }
          return AuditEntry(
            sequence: try row.decode(atIndex: 0),
            time: try Stored.date(try row.decode(atIndex: 1), column: "audit_log.at"),
            actor: OrgID(try row.decode(String.self, atIndex: 2)), role: role, user: try row.decode(atIndex: 4),
            action: action, plan: plan, indicator: try row.decode(String?.self, atIndex: 6).map { IndicatorID($0) },
            org: OrgID(try row.decode(String.self, atIndex: 7)),
            period: try Stored.period(year: try row.decode(atIndex: 8), quarter: try row.decode(atIndex: 9)),
            oldValue: try decimal(10), newValue: try decimal(11), oldStatus: try status(12), newStatus: try status(13),
            reason: try row.decode(atIndex: 14), source: try row.decode(atIndex: 15),
            changeRequest: try row.decode(atIndex: 16))
        }
      }
    }
  }
}

extension SQLiteStore {
  /// The last audit entry's number (every figure, review, lock and change request writes one)
  /// and the register entries' count and latest write.
  public func changeMark() async throws -> String {
    try await guarded {
      try await writer.read { db in
        try String.fetchOne(
          db,
          sql: """
            SELECT (SELECT coalesce(max(sequence), 0) FROM audit_log) || '|'
              || (SELECT count(*) FROM register_entry) || '|'
              || (SELECT coalesce(max(submitted_at), '') FROM register_entry) || '|'
              || (SELECT count(*) FROM target_issue) || '|'
              || (SELECT coalesce(max(sequence), 0) FROM task_report_event) || '|'
              || (SELECT count(*) FROM assessment_event) || '|'
              || (SELECT count(withdrawn_at) FROM assessment_event)
            """) ?? ""
      }
    }
  }
}

extension SQLiteStore {
  /// None: the embedded store is served by one process.
  public func changesElsewhere() -> AsyncStream<StoreChange> { AsyncStream { $0.finish() } }
}
