import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Writes a submission in one transaction — all rows or none, with an audit entry for every
  /// figure it moves — and says what changed.
  ///
  /// The rows are decided in memory by the same ``SubmissionDecider`` as the SQLite store's, from
  /// the current values of the orgs' periods the rows touch, read in one query. They are decided
  /// in the observation table's key order while the new figures are copied in, so that the
  /// server stores each chunk of them while the next rows are decided; a refusal found on the
  /// way ends the transaction, and nothing is kept. The other writes follow in a few statements,
  /// whatever the number of rows.
  public func submit(_ submission: Submission) async throws -> SubmissionResult {
    let periods = PeriodLocks(
      submission.rows.map { OrgPeriod(org: $0.org, period: $0.period) }, plan: submission.plan, exclusive: false)
    return try await transaction(periods: periods) { connection in
      let current = try await self.current(for: submission, on: connection)
      var decider = SubmissionDecider(submission: submission, current: current)
      let rows = SubmissionRows(submission)
      // Each write's value as text, made once for its observation, revision and audit entry.
      var values: [String] = []
      values.reserveCapacity(submission.rows.count)
      try await self.copy(
        decider.keyOrder, into: "observation", columns: ObservationColumns.observation.map(\.0), on: connection
      ) { position, copied in
        guard let write = decider.decide(position) else { return }
        // NaN would be written as text that no longer reads as a number.
        guard write.kind == .promote || !write.state.value.isNaN else {
          throw MalformedColumn(column: "observation.value", text: "NaN", expected: "a decimal number")
        }
        values.append(Stored.text(write.state.value))
        if write.kind == .add { rows.observation(write, value: values[values.count - 1], to: &copied) }
      }
      let decided = try decider.finish()
      try await self.write(decided, values: values, rows: rows, of: submission, on: connection)
      return decided.result
    }
  }

  /// The locks and current observations of every org's period `submission` touches.
  private func current(for submission: Submission, on connection: PostgresConnection) async throws
    -> CurrentObservations
  {
    var current = CurrentObservations()
    var periods = RowBatch([("org", "text"), ("year", "integer"), ("quarter", "integer")])
    for row in submission.rows {
      let orgPeriod = OrgPeriod(org: row.org, period: row.period)
      guard current.locked[orgPeriod] == nil else { continue }
      current.locked[orgPeriod] = false
      periods.add([orgPeriod.org, String(orgPeriod.year), String(orgPeriod.quarter)])
    }
    var locks = QueryBuilder("")
    let lockKeys = periods.unnest(as: "k", in: &locks)
    locks.append(
      """
      SELECT l.org, l.year, l.quarter FROM period_lock l JOIN \(lockKeys)
        ON l.org = k.org AND l.year = k.year AND l.quarter = k.quarter
      """)
    locks.append(" WHERE l.plan = $?", submission.plan.rawValue)
    for locked in try await rows(
      locks.query, on: connection,
      { row in
        OrgPeriod(org: try row.text(0), year: try row.int(1), quarter: try row.int(2))
      })
    {
      current.locked[locked] = true
    }
    var stored = QueryBuilder("")
    let storedKeys = periods.unnest(as: "k", in: &stored)
    stored.append(
      """
      SELECT o.indicator, o.org, o.year, o.quarter, \(Column.value("o.value")), o.note, o.status, o.revision,
        o.changed_after_approval
      FROM observation o JOIN \(storedKeys) ON o.org = k.org AND o.year = k.year AND o.quarter = k.quarter
      """)
    stored.append(" WHERE o.plan = $?", submission.plan.rawValue)
    for (key, state) in try await rows(
      stored.query, on: connection,
      { row in
        (
          ObservationKey(
            indicator: try row.text(0),
            orgPeriod: OrgPeriod(org: try row.text(1), year: try row.int(2), quarter: try row.int(3))),
          ObservationState(
            value: try row.decimal(4, column: "observation.value"), note: try row.optionalText(5),
            status: try row.status(6, column: "observation.status"), revision: try row.int(7),
            changedAfterApproval: try row.bool(8))
        )
      })
    {
      current.observations[key] = state
    }
    // Pending change requests matter only to a submission with a reason, the only kind that files them.
    if ReviewRules.changeNeedsReason(submission.reason) == nil {
      current.pending = try await pending(
        plan: submission.plan, periods: Array(current.locked.keys), on: connection)
    }
    return current
  }

  /// Makes the writes after the new observations, in the order ``WriteOrder`` gives: the first
  /// revisions of observations about to change written out where they held them, then each
  /// revised or promoted observation updated to its final state, every revision not left to its
  /// observation, the change requests filed, and an audit entry per write and request.
  ///
  /// The rows go to the server in chunks as they are made from the decided writes, so that what
  /// is held is the writes themselves, not each table's copy of them as text.
  private func write(
    _ decided: SubmissionDecision, values: [String], rows: SubmissionRows, of submission: Submission,
    on connection: PostgresConnection
  ) async throws {
    let (writes, order) = (decided.writes, decided.order)
    // Where each observation written again ends: its last value written, with its last status.
    var final: [ObservationKey: FinalState] = [:]
    var keys: [ObservationKey] = []
    var firstRevisions = RowBatch(ObservationColumns.figure)
    for index in order.order where writes[index].kind != .add {
      let write = writes[index]
      let figure = WriteOrder.key(write)
      if final[figure] == nil { keys.append(figure) }
      final[figure, default: FinalState(status: write.state.status)].status = write.state.status
      if write.kind == .revise { final[figure]?.written = (write, values[index]) }
      if order.writesOutFirstRevision(write) { firstRevisions.add(rows.key(write.row)) }
    }
    try await FirstRevision.writeOut(firstRevisions, on: connection, logger: logger)
    var revised = RowBatch(ObservationColumns.observation)
    var promoted = RowBatch(ObservationColumns.status)
    for figure in keys {
      guard let state = final[figure] else { continue }
      guard var (written, value) = state.written else {
        promoted.add(
          [
            submission.plan.rawValue, figure.indicator, figure.orgPeriod.org, String(figure.orgPeriod.year),
            String(figure.orgPeriod.quarter), state.status.rawValue,
          ])
        continue
      }
      written.state.status = state.status
      revised.add(rows.observation(written, value: value))
    }
    try await update(
      revised, in: "observation", key: ObservationColumns.key, extra: "review_comment = NULL", on: connection)
    try await update(
      promoted, in: "observation", key: ObservationColumns.key, extra: "review_comment = NULL", on: connection)
    try await copy(order.order, into: "revision", columns: ObservationColumns.revision.map(\.0), on: connection) {
      index, copied in
      guard writes[index].kind != .promote, !order.leavesFirstRevisionToObservation(writes[index]) else { return }
      rows.revision(writes[index], value: values[index], to: &copied)
    }
    var audit = AuditBatch(
      plan: submission.plan, actor: submission.submitter, role: submission.role, user: submission.user,
      time: submission.time)
    try await copy(order.order, into: "audit_log", columns: AuditBatch.columns, on: connection) { index, copied in
      let row = writes[index].row
      let status = writes[index].state.status
      let old = writes[index].old
      audit.entry(
        status == .draft ? .draft : .submit, to: &copied, indicator: row.indicator.rawValue, org: row.org.rawValue,
        year: row.period.year, quarter: Stored.quarter(row.period),
        old: (old.map { Stored.text($0.value) }, old?.status.rawValue), new: (values[index], status.rawValue),
        reason: submission.reason, source: submission.source)
    }
    _ = try await file(decided.changes, audit: &audit, on: connection)
    try await audit.write(self, on: connection)
  }
}

/// How a submission's observations and revisions are written as rows: its plan, submitter,
/// time and source beside each write's figure.
struct SubmissionRows: Sendable {
  let plan: String
  let submitter: String
  let time: String
  let source: String
  let reason: String?

  init(_ submission: Submission) {
    plan = submission.plan.rawValue
    submitter = submission.submitter.rawValue
    time = Timestamp.text(submission.time)
    source = submission.source
    reason = submission.reason
  }

  /// A figure's key, as ``ObservationColumns/key`` lists it.
  func key(_ row: ObservationInput) -> [String?] {
    [plan, row.indicator.rawValue, row.org.rawValue, String(row.period.year), String(Stored.quarter(row.period))]
  }

  /// When a figure counts as sent: a figure sent earlier than its import (a date in the file)
  /// keeps the day it was sent.
  func reportedAt(_ row: ObservationInput) -> String { row.reportedAt.map(Timestamp.text) ?? time }

  /// The observation `write` leaves, as ``ObservationColumns/observation`` lists it.
  func observation(_ write: ObservationWrite, value: String) -> [String?] {
    let state = write.state
    return key(write.row) + [
      value, state.status.rawValue, String(state.revision), submitter, reportedAt(write.row), source, state.note,
      state.changedAfterApproval ? "t" : "f",
    ]
  }

  /// The same observation, copied in place.
  func observation(_ write: ObservationWrite, value: String, to rows: inout CopyRows) {
    let state = write.state
    appendKey(write.row, to: &rows)
    rows.append(value)
    rows.append(state.status.rawValue)
    rows.append(state.revision)
    rows.append(submitter)
    rows.append(reportedAt(write.row))
    rows.append(source)
    rows.append(state.note)
    rows.append(state.changedAfterApproval ? "t" : "f")
    rows.endRow()
  }

  /// The revision `write` makes, copied in place, as ``ObservationColumns/revision`` lists it.
  func revision(_ write: ObservationWrite, value: String, to rows: inout CopyRows) {
    let state = write.state
    appendKey(write.row, to: &rows)
    rows.append(state.revision)
    rows.append(value)
    rows.append(state.status.rawValue)
    rows.append(submitter)
    rows.append(reportedAt(write.row))
    rows.append(source)
    rows.append(state.note)
    rows.append(reason)
    rows.append("f")
    rows.endRow()
  }

  private func appendKey(_ row: ObservationInput, to rows: inout CopyRows) {
    rows.append(plan)
    rows.append(row.indicator.rawValue)
    rows.append(row.org.rawValue)
    rows.append(row.period.year)
    rows.append(Stored.quarter(row.period))
  }
}

/// Where one observation written again in a submission ends.
private struct FinalState {
  /// Its status at the end.
  var status: ObservationStatus
  /// The last value written to it, with the value's text; nil when its status only moved.
  var written: (ObservationWrite, String)?
}

/// The columns of observation and revision rows as the store writes them.
enum ObservationColumns {
  static let key = ["plan", "indicator", "org", "year", "quarter"]
  /// The key's columns with their types.
  static let figure = [
    ("plan", "text"), ("indicator", "text"), ("org", "text"), ("year", "integer"), ("quarter", "integer"),
  ]
  static let observation =
    figure + [
      ("value", "numeric"), ("status", "text"), ("revision", "integer"), ("reported_by", "text"),
      ("reported_at", "timestamptz"), ("source", "text"), ("note", "text"), ("changed_after_approval", "boolean"),
    ]
  static let revision =
    figure + [
      ("number", "integer"), ("value", "numeric"), ("status", "text"), ("reported_by", "text"),
      ("reported_at", "timestamptz"), ("source", "text"), ("note", "text"), ("reason", "text"),
      ("changed_after_approval", "boolean"),
    ]
  static let status = figure + [("status", "text")]
}
