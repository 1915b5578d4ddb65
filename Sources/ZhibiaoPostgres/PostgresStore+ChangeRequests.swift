import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Files a change request in one transaction with its audit entry, after
  /// ``ChangeFiling/init(_:current:locked:pending:)`` has checked it against the figure; the
  /// period's lock is taken as for a submission into it.
  public func fileChangeRequest(_ filing: ChangeRequestFiling) async throws -> ChangeRequest {
    let orgPeriod = OrgPeriod(org: filing.org, period: filing.period)
    let periods = PeriodLocks([orgPeriod], plan: filing.plan, exclusive: false)
    return try await transaction(periods: periods) { connection in
      let key = ObservationKey(indicator: filing.indicator.rawValue, orgPeriod: orgPeriod)
      let decided = try ChangeFiling(
        filing, current: try await self.figure(plan: filing.plan, key: key, on: connection),
        locked: try await self.isLocked(plan: filing.plan, org: filing.org, period: filing.period, on: connection),
        pending: try await self.pending(plan: filing.plan, periods: [orgPeriod], on: connection)[key] ?? [])
      var audit = AuditBatch(
        plan: filing.plan, actor: filing.filer, role: filing.role, user: filing.user, time: filing.time)
      let ids = try await self.file([decided], audit: &audit, on: connection)
      try await audit.write(self, on: connection)
      return try await self.request(plan: filing.plan, id: ids[0], on: connection)
    }
  }

  /// The change requests of `plan`, oldest first, optionally of one org and in one state.
  public func changeRequests(plan: PlanID, org: OrgID?, state: ChangeRequest.State?) async throws -> [ChangeRequest] {
    var query = QueryBuilder("SELECT \(Self.changeRequestColumns) FROM change_request WHERE plan = ")
    query.append("$?", plan.rawValue)
    if let org { query.append(" AND org = $?", org.rawValue) }
    if let state { query.append(" AND state = $?", state.rawValue) }
    query.append(" ORDER BY id")
    return try await reading { try await rows(query.query, Self.changeRequest) }
  }

  /// Accepts or rejects a pending change request in one transaction, holding its period's lock as
  /// a review does: the figure's new revision when accepted, the request's decision, and the
  /// audit entry. Two decisions of one request are serialised, so the second finds it decided.
  public func decideChangeRequest(
    plan: PlanID, id: Int, decision: ChangeRequest.Decision, comment: String?, by commission: OrgID, user: String?,
    at time: Date
  ) async throws -> ChangeRequest {
    let decider = try ChangeRequestDecider(decision: decision, comment: comment)
    let filed = try await reading { try await request(plan: plan, id: id, on: nil) }
    let orgPeriod = OrgPeriod(org: filed.org, period: filed.period)
    let periods = PeriodLocks([orgPeriod], plan: plan, exclusive: false)
    return try await transaction(periods: periods) { connection in
      let request = try await self.request(plan: plan, id: id, on: connection)
      let key = ObservationKey(indicator: request.indicator.rawValue, orgPeriod: orgPeriod)
      let current = try await self.figure(plan: plan, key: key, on: connection)
      let next = try decider.figure(after: request, current: current)
      let at = Timestamp.text(time)
      let source = ChangeRequest.source(id)
      if let next {
        try await self.write(next, of: request, replacing: current, at: at, source: source, on: connection)
      }
      try await connection.query(
        """
        UPDATE change_request SET state = \(decider.state.rawValue), decided_by = \(commission.rawValue),
          decided_user = \(user), decided_at = \(at)::timestamptz, decision_comment = \(decider.comment)
        WHERE id = \(id)
        """, logger: self.logger)
      var audit = AuditBatch(plan: plan, actor: commission, role: .commission, user: user, time: time)
      audit.append(
        decider.action, indicator: key.indicator, org: orgPeriod.org, year: orgPeriod.year,
        quarter: orgPeriod.quarter, old: (current.map { Stored.text($0.value) }, current?.status.rawValue),
        new: next.map { (Stored.text($0.value), $0.status.rawValue) } ?? (Stored.text(request.value), nil),
        reason: decision == .accept ? request.reason : decider.comment, source: source, changeRequest: id)
      try await audit.write(self, on: connection)
      return try await self.request(plan: plan, id: id, on: connection)
    }
  }

  /// Inserts `filings` in order, numbered in that order, and appends their audit entries to
  /// `audit`; returns their numbers.
  func file(_ filings: [ChangeFiling], audit: inout AuditBatch, on connection: PostgresConnection) async throws
    -> [Int]
  {
    guard !filings.isEmpty else { return [] }
    let ids = try await rows(
      """
      SELECT nextval(pg_get_serial_sequence('change_request', 'id')) FROM generate_series(1, \(filings.count))
      """, on: connection
    ) { try $0[0].decode(Int.self) }.sorted()
    var batch = RowBatch([
      ("id", "bigint"), ("plan", "text"), ("indicator", "text"), ("org", "text"), ("year", "integer"),
      ("quarter", "integer"), ("seen_revision", "integer"), ("value", "numeric"), ("note", "text"),
      ("reason", "text"), ("filed_by", "text"), ("filed_role", "text"), ("filed_user", "text"),
      ("filed_at", "timestamptz"), ("state", "text"),
    ])
    for (id, change) in zip(ids, filings) {
      let filing = change.filing
      let quarter = Stored.quarter(filing.period)
      let value = Stored.text(filing.value)
      batch.add([
        String(id), filing.plan.rawValue, filing.indicator.rawValue, filing.org.rawValue, String(filing.period.year),
        String(quarter), String(change.seenRevision), value, filing.note, filing.reason, filing.filer.rawValue,
        filing.role.rawValue, filing.user, Timestamp.text(filing.time), ChangeRequest.State.pending.rawValue,
      ])
      audit.append(
        .changeRequest, indicator: filing.indicator.rawValue, org: filing.org.rawValue, year: filing.period.year,
        quarter: quarter, old: (change.old.map { Stored.text($0.value) }, change.old?.status.rawValue),
        new: (value, nil), reason: filing.reason, source: filing.source, changeRequest: id)
    }
    try await insert(batch, into: "change_request", overridingIdentity: true, on: connection)
    return ids
  }

  /// The pending change requests of the org's periods `periods`, by figure.
  func pending(plan: PlanID, periods: [OrgPeriod], on connection: PostgresConnection) async throws
    -> [ObservationKey: [PendingChange]]
  {
    var keys = RowBatch([("org", "text"), ("year", "integer"), ("quarter", "integer")])
    for period in Set(periods) { keys.add([period.org, String(period.year), String(period.quarter)]) }
    var query = QueryBuilder("")
    let source = keys.unnest(as: "k", in: &query)
    query.append(
      """
      SELECT c.id, c.indicator, c.org, c.year, c.quarter, \(Column.value("c.value")), c.note, c.seen_revision
      FROM change_request c JOIN \(source) ON c.org = k.org AND c.year = k.year AND c.quarter = k.quarter
      """)
    query.append(" WHERE c.plan = $? AND c.state = 'pending' ORDER BY c.id", plan.rawValue)
    var pending: [ObservationKey: [PendingChange]] = [:]
    for (key, change) in try await rows(
      query.query, on: connection,
      { row in
        (
          ObservationKey(
            indicator: try row.text(1),
            orgPeriod: OrgPeriod(org: try row.text(2), year: try row.int(3), quarter: try row.int(4))),
          PendingChange(
            id: try row.int(0), value: try row.decimal(5, column: "change_request.value"),
            note: try row.optionalText(6), seenRevision: try row.int(7))
        )
      })
    {
      pending[key, default: []].append(change)
    }
    return pending
  }

  /// The stored state of one figure, drafts included; nil when it has none.
  private func figure(plan: PlanID, key: ObservationKey, on connection: PostgresConnection) async throws
    -> ObservationState?
  {
    try await rows(
      """
      SELECT \(unescaped: Column.value("value")), note, status, revision, changed_after_approval FROM observation
      WHERE plan = \(plan.rawValue) AND indicator = \(key.indicator) AND org = \(key.orgPeriod.org)
        AND year = \(key.orgPeriod.year) AND quarter = \(key.orgPeriod.quarter)
      """, on: connection
    ) { row in
      ObservationState(
        value: try row.decimal(0, column: "observation.value"), note: try row.optionalText(1),
        status: try row.status(2, column: "observation.status"), revision: try row.int(3),
        changedAfterApproval: try row.bool(4))
    }.first
  }

  /// Writes the figure an accepted request gives: the observation (inserted when it had none, its
  /// first revision written out first where it held it) and its revision, which carries the
  /// request's reason and says whether it changed an approved value.
  private func write(
    _ next: ObservationState, of request: ChangeRequest, replacing current: ObservationState?, at time: String,
    source: String, on connection: PostgresConnection
  ) async throws {
    let quarter = Stored.quarter(request.period)
    var values = RowBatch(ObservationColumns.observation)
    values.add([
      request.plan.rawValue, request.indicator.rawValue, request.org.rawValue, String(request.period.year),
      String(quarter), Stored.text(next.value), next.status.rawValue, String(next.revision), request.filedBy.rawValue,
      time, source, next.note, next.changedAfterApproval ? "t" : "f",
    ])
    if current == nil {
      try await insert(values, into: "observation", on: connection)
    } else {
      if current?.revision == 1 {
        var figure = RowBatch(ObservationColumns.figure)
        figure.add([
          request.plan.rawValue, request.indicator.rawValue, request.org.rawValue, String(request.period.year),
          String(quarter),
        ])
        try await FirstRevision.writeOut(figure, on: connection, logger: logger)
      }
      try await update(
        values, in: "observation", key: ObservationColumns.key, extra: "review_comment = NULL", on: connection)
    }
    var revision = RowBatch(ObservationColumns.revision)
    revision.add([
      request.plan.rawValue, request.indicator.rawValue, request.org.rawValue, String(request.period.year),
      String(quarter), String(next.revision), Stored.text(next.value), next.status.rawValue, request.filedBy.rawValue,
      time, source, next.note, request.reason, current?.status == .approved ? "t" : "f",
    ])
    try await insert(revision, into: "revision", on: connection)
  }

  /// Request `id` of `plan`; refused as unknown when there is none.
  private func request(plan: PlanID, id: Int, on connection: PostgresConnection?) async throws -> ChangeRequest {
    var query = QueryBuilder("SELECT \(Self.changeRequestColumns) FROM change_request WHERE plan = ")
    query.append("$?", plan.rawValue)
    query.append(" AND id = $?", id)
    guard let request = try await rows(query.query, on: connection, Self.changeRequest).first else {
      throw StoreError.refused(ReviewRules.unknownChangeRefusal(id: id), rows: [])
    }
    return request
  }

  /// The columns a request is read from, in the order ``changeRequest(_:)`` reads them.
  private static let changeRequestColumns = """
    id, plan, indicator, org, year, quarter, seen_revision, \(Column.value("value")), note, reason, filed_by,
    filed_role, filed_user, \(Column.time("filed_at")), state, decided_by, decided_user, \(Column.time("decided_at")),
    decision_comment
    """

  /// The request a row of ``changeRequestColumns`` holds.
  private static func changeRequest(_ row: PostgresRandomAccessRow) throws -> ChangeRequest {
    ChangeRequest(
      id: try row.int(0), plan: PlanID(try row.text(1)), indicator: IndicatorID(try row.text(2)),
      org: OrgID(try row.text(3)), period: try row.period(year: 4, quarter: 5), seenRevision: try row.int(6),
      value: try row.decimal(7, column: "change_request.value"), note: try row.optionalText(8),
      reason: try row.text(9), filedBy: OrgID(try row.text(10)),
      filedRole: try Stored.role(try row.text(11), column: "change_request.filed_role"),
      filedUser: try row.optionalText(12), filedAt: try row.date(13, column: "change_request.filed_at"),
      state: try Stored.changeState(try row.text(14), column: "change_request.state"),
      decidedBy: try row.optionalText(15).map { OrgID($0) }, decidedUser: try row.optionalText(16),
      decidedAt: try row.optionalText(17).map { try Stored.date($0, column: "change_request.decided_at") },
      decisionComment: try row.optionalText(18))
  }
}
