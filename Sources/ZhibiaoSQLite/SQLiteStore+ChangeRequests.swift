import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Files a change request in one transaction with its audit entry, after
  /// ``ChangeFiling/init(_:current:locked:pending:)`` has checked it against the figure.
  public func fileChangeRequest(_ filing: ChangeRequestFiling) async throws -> ChangeRequest {
    try await guarded {
      try await writer.write { db in
        let plan = filing.plan.rawValue
        let orgPeriod = OrgPeriod(org: filing.org, period: filing.period)
        let key = ObservationKey(indicator: filing.indicator.rawValue, orgPeriod: orgPeriod)
        let decided = try ChangeFiling(
          filing, current: try ChangeRequestWrites.figure(db, plan: plan, key: key),
          locked: try Self.isLocked(db, [plan, orgPeriod.org, orgPeriod.year, orgPeriod.quarter]),
          pending: try ChangeRequestWrites.pending(db, plan: plan, orgPeriod: orgPeriod)[key] ?? [])
        let ids = try ChangeRequestWrites(db).file([decided])
        return try ChangeRequestWrites.request(db, plan: plan, id: ids[0])
      }
    }
  }

  /// The change requests of `plan`, oldest first, optionally of one org and in one state.
  public func changeRequests(plan: PlanID, org: OrgID?, state: ChangeRequest.State?) async throws -> [ChangeRequest] {
    var sql = "SELECT \(ChangeRequestWrites.columns) FROM change_request WHERE plan = ?"
    var arguments: StatementArguments = [plan.rawValue]
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    if let state {
      sql += " AND state = ?"
      arguments += [state.rawValue]
    }
    sql += " ORDER BY id"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(ChangeRequestWrites.request)
      }
    }
  }

  /// Accepts or rejects a pending change request in one transaction: the figure's new revision
  /// when accepted, the request's decision, and the audit entry.
  public func decideChangeRequest(
    plan: PlanID, id: Int, decision: ChangeRequest.Decision, comment: String?, by commission: OrgID, user: String?,
    at time: Date
  ) async throws -> ChangeRequest {
    let decider = try ChangeRequestDecider(decision: decision, comment: comment)
    return try await guarded {
      try await writer.write { db in
        let request = try ChangeRequestWrites.request(db, plan: plan.rawValue, id: id)
        let orgPeriod = OrgPeriod(org: request.org, period: request.period)
        let key = ObservationKey(indicator: request.indicator.rawValue, orgPeriod: orgPeriod)
        let current = try ChangeRequestWrites.figure(db, plan: plan.rawValue, key: key)
        let next = try decider.figure(after: request, current: current)
        let at = Timestamp.text(time)
        let source = ChangeRequest.source(id)
        if let next {
          try ChangeRequestWrites.write(
            next, of: request, replacing: current, key: key, at: at, source: source, db)
        }
        try db.execute(
          sql: """
            UPDATE change_request SET state = ?, decided_by = ?, decided_user = ?, decided_at = ?, decision_comment = ?
            WHERE id = ?
            """,
          arguments: [decider.state.rawValue, commission.rawValue, user, at, decider.comment, id])
        let old = (current.map { Stored.text($0.value) }, current?.status.rawValue)
        let new = next.map { (Stored.text($0.value), $0.status.rawValue) } ?? (Stored.text(request.value), nil)
        try AuditWriter(db, plan: plan, actor: commission, role: .commission, user: user, time: time).append(
          decider.action, indicator: key.indicator, org: orgPeriod.org, year: orgPeriod.year,
          quarter: orgPeriod.quarter, old: old, new: new,
          reason: decision == .accept ? request.reason : decider.comment, source: source, changeRequest: id)
        return try ChangeRequestWrites.request(db, plan: plan.rawValue, id: id)
      }
    }
  }
}

/// The statements of change requests: filing them with their audit entries, reading them, and
/// the figure an accepted one writes.
struct ChangeRequestWrites {
  private let db: Database
  private let insert: Statement

  init(_ db: Database) throws {
    self.db = db
    insert = try db.cachedStatement(
      sql: """
        INSERT INTO change_request (plan, indicator, org, year, quarter, seen_revision, value, note, reason, filed_by,
          filed_role, filed_user, filed_at, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')
        """)
  }

  /// Inserts `filings` in order, each with its audit entry; returns their numbers.
  func file(_ filings: [ChangeFiling]) throws -> [Int] {
    var ids: [Int] = []
    for change in filings {
      let filing = change.filing
      let quarter = Stored.quarter(filing.period)
      let value = Stored.text(filing.value)
      try insert.execute(arguments: [
        filing.plan.rawValue, filing.indicator.rawValue, filing.org.rawValue, filing.period.year, quarter,
        change.seenRevision, value, filing.note, filing.reason, filing.filer.rawValue, filing.role.rawValue,
        filing.user, Timestamp.text(filing.time),
      ])
      let id = Int(db.lastInsertedRowID)
      try AuditWriter(
        db, plan: filing.plan, actor: filing.filer, role: filing.role, user: filing.user, time: filing.time
      ).append(
        .changeRequest, indicator: filing.indicator.rawValue, org: filing.org.rawValue, year: filing.period.year,
        quarter: quarter, old: (change.old.map { Stored.text($0.value) }, change.old?.status.rawValue),
        new: (value, nil), reason: filing.reason, source: filing.source, changeRequest: id)
      ids.append(id)
    }
    return ids
  }

  /// The stored state of one figure, drafts included; nil when it has none.
  static func figure(_ db: Database, plan: String, key: ObservationKey) throws -> ObservationState? {
    let row = try Row.fetchOne(
      db,
      sql: """
        SELECT value, note, status, revision, changed_after_approval FROM observation
        WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
        """,
      arguments: [plan, key.indicator, key.orgPeriod.org, key.orgPeriod.year, key.orgPeriod.quarter])
    guard let row else { return nil }
    return ObservationState(
      value: try Stored.decimal(try row.decode(atIndex: 0), column: "observation.value"),
      note: try row.decode(atIndex: 1),
      status: try Stored.status(try row.decode(atIndex: 2), column: "observation.status"),
      revision: try row.decode(atIndex: 3), changedAfterApproval: try row.decode(atIndex: 4))
  }

  /// The pending change requests of an org's period, by figure.
  static func pending(_ db: Database, plan: String, orgPeriod: OrgPeriod) throws -> [ObservationKey: [PendingChange]] {
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT id, indicator, value, note, seen_revision FROM change_request
          WHERE plan = ? AND org = ? AND year = ? AND quarter = ? AND state = 'pending' ORDER BY id
          """),
      arguments: [plan, orgPeriod.org, orgPeriod.year, orgPeriod.quarter])
    var pending: [ObservationKey: [PendingChange]] = [:]
    while let row = try rows.next() {
      let key = ObservationKey(indicator: try row.decode(atIndex: 1), orgPeriod: orgPeriod)
      pending[key, default: []].append(
        PendingChange(
          id: try row.decode(atIndex: 0),
          value: try Stored.decimal(try row.decode(atIndex: 2), column: "change_request.value"),
          note: try row.decode(atIndex: 3), seenRevision: try row.decode(atIndex: 4)))
    }
    return pending
  }

  /// Writes the figure an accepted request gives: the observation (inserted when it had none, its
  /// first revision written out first where it held it) and its revision, which carries the
  /// request's reason and says whether it changed an approved value.
  static func write(
    _ next: ObservationState, of request: ChangeRequest, replacing current: ObservationState?, key: ObservationKey,
    at time: String, source: String, _ db: Database
  ) throws {
    let value = Stored.text(next.value)
    let figure: StatementArguments = [
      request.plan.rawValue, key.indicator, key.orgPeriod.org, key.orgPeriod.year, key.orgPeriod.quarter,
    ]
    if current == nil {
      try db.execute(
        sql: """
          INSERT INTO observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
            reported_at, source, note, changed_after_approval)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: figure + [
          value, next.status.rawValue, next.revision, request.filedBy.rawValue, time, source, next.note,
          next.changedAfterApproval,
        ])
    } else {
      if current?.revision == 1 {
        try FirstRevision.writeOut(
          db, plan: request.plan.rawValue, indicator: key.indicator, org: key.orgPeriod.org, year: key.orgPeriod.year,
          quarter: key.orgPeriod.quarter)
      }
      try db.execute(
        sql: """
          UPDATE observation SET value = ?, status = ?, revision = ?, reported_by = ?, reported_at = ?, source = ?,
            note = ?, changed_after_approval = ?, review_comment = NULL
          WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
          """,
        arguments: [
          value, next.status.rawValue, next.revision, request.filedBy.rawValue, time, source, next.note,
          next.changedAfterApproval,
        ] + figure)
    }
    try db.execute(
      sql: """
        INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
          source, note, reason, changed_after_approval)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: figure + [
        next.revision, value, next.status.rawValue, request.filedBy.rawValue, time, source, next.note,
        request.reason, current?.status == .approved,
      ])
  }

  /// The columns a request is read from, in the order ``request(_:)`` reads them.
  static let columns = """
    id, plan, indicator, org, year, quarter, seen_revision, value, note, reason, filed_by, filed_role, filed_user,
    filed_at, state, decided_by, decided_user, decided_at, decision_comment
    """

  /// Request `id` of `plan`; refused as unknown when there is none.
  static func request(_ db: Database, plan: String, id: Int) throws -> ChangeRequest {
    let row = try Row.fetchOne(
      db, sql: "SELECT \(columns) FROM change_request WHERE plan = ? AND id = ?", arguments: [plan, id])
    guard let row else { throw StoreError.refused(ReviewRules.unknownChangeRefusal(id: id), rows: []) }
    return try request(row)
  }

  /// The request a row of ``columns`` holds.
  static func request(_ row: Row) throws -> ChangeRequest {
    ChangeRequest(
      id: try row.decode(atIndex: 0), plan: PlanID(try row.decode(String.self, atIndex: 1)),
      indicator: IndicatorID(try row.decode(String.self, atIndex: 2)),
      org: OrgID(try row.decode(String.self, atIndex: 3)),
      period: try Stored.period(year: try row.decode(atIndex: 4), quarter: try row.decode(atIndex: 5)),
      seenRevision: try row.decode(atIndex: 6),
      value: try Stored.decimal(try row.decode(atIndex: 7), column: "change_request.value"),
      note: try row.decode(atIndex: 8), reason: try row.decode(atIndex: 9),
      filedBy: OrgID(try row.decode(String.self, atIndex: 10)),
      filedRole: try Stored.role(try row.decode(atIndex: 11), column: "change_request.filed_role"),
      filedUser: try row.decode(atIndex: 12),
      filedAt: try Stored.date(try row.decode(atIndex: 13), column: "change_request.filed_at"),
      state: try Stored.changeState(try row.decode(atIndex: 14), column: "change_request.state"),
      decidedBy: try row.decode(String?.self, atIndex: 15).map { OrgID($0) },
      decidedUser: try row.decode(atIndex: 16),
      decidedAt: try row.decode(String?.self, atIndex: 17).map {
        try Stored.date($0, column: "change_request.decided_at")
      },
      decisionComment: try row.decode(atIndex: 18))
  }
}
