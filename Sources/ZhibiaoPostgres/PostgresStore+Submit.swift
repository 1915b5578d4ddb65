import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  /// Writes a submission in one transaction — all rows or none, with an audit entry for every
  /// figure it moves — and says what changed.
  ///
  /// The rows are decided in memory by the same ``SubmissionDecision`` as the SQLite store's,
  /// from the current values of the orgs' periods the rows touch, read in one query; the writes
  /// go in a few statements over arrays, whatever the number of rows.
  public func submit(_ submission: Submission) async throws -> SubmissionResult {
    let periods = PeriodLocks(
      submission.rows.map { OrgPeriod(org: $0.org, period: $0.period) }, plan: submission.plan, exclusive: false)
    return try await transaction(periods: periods) { connection in
      let current = try await self.current(for: submission, on: connection)
      let decided = try SubmissionDecision(submission: submission, current: current)
      try await self.write(decided.writes, in: decided.order, changes: decided.changes, of: submission, on: connection)
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

  /// Makes the writes, in the order ``WriteOrder`` gives: new observations copied in by the
  /// table's key, the first revisions of those about to change written out where their
  /// observations held them, then each revised or promoted one updated to its final state, every
  /// revision not left to its observation, the change requests filed, and an audit entry per
  /// write and request.
  ///
  /// The rows go to the server in chunks as they are made from the decided writes, so that what
  /// is held is the writes themselves, not each table's copy of them as text.
  private func write(
    _ writes: [ObservationWrite], in order: WriteOrder, changes: [ChangeFiling], of submission: Submission,
    on connection: PostgresConnection
  ) async throws {
    // NaN would be written as text that no longer reads as a number.
    if writes.contains(where: { $0.kind != .promote && $0.state.value.isNaN }) {
      throw MalformedColumn(column: "observation.value", text: "NaN", expected: "a decimal number")
    }
    let plan = submission.plan.rawValue
    let submitter = submission.submitter.rawValue
    let time = Timestamp.text(submission.time)
    func key(_ row: ObservationInput) -> [String?] {
      [plan, row.indicator.rawValue, row.org.rawValue, String(row.period.year), String(Stored.quarter(row.period))]
    }
    // A figure sent earlier than its import (a date in the file) keeps the day it was sent.
    func reportedAt(_ row: ObservationInput) -> String { row.reportedAt.map(Timestamp.text) ?? time }
    // Each value's text, made once for its observation, revision and audit entry.
    let values = writes.map { Stored.text($0.state.value) }
    func observation(_ state: ObservationState, _ row: ObservationInput, value: String) -> [String?] {
      key(row) + [
        value, state.status.rawValue, String(state.revision), submitter, reportedAt(row),
        submission.source, state.note, state.changedAfterApproval ? "t" : "f",
      ]
    }
    // A row's key, written in place.
    func append(key row: ObservationInput, to rows: inout CopyRows) {
      rows.append(plan)
      rows.append(row.indicator.rawValue)
      rows.append(row.org.rawValue)
      rows.append(row.period.year)
      rows.append(Stored.quarter(row.period))
    }
    try await copy(order.order, into: "observation", columns: ObservationColumns.observation.map(\.0), on: connection) {
      index, rows in
      guard writes[index].kind == .add else { return }
      let row = writes[index].row
      let state = writes[index].state
      append(key: row, to: &rows)
      rows.append(values[index])
      rows.append(state.status.rawValue)
      rows.append(state.revision)
      rows.append(submitter)
      rows.append(reportedAt(row))
      rows.append(submission.source)
      rows.append(state.note)
      rows.append(state.changedAfterApproval ? "t" : "f")
      rows.endRow()
    }
    // Where each observation written again ends: its last value written, with its last status.
    var final: [ObservationKey: FinalState] = [:]
    var keys: [ObservationKey] = []
    var firstRevisions = RowBatch(ObservationColumns.figure)
    for (write, value) in zip(writes, values) where write.kind != .add {
      let figure = WriteOrder.key(write)
      if final[figure] == nil { keys.append(figure) }
      final[figure, default: FinalState(status: write.state.status)].status = write.state.status
      if write.kind == .revise { final[figure]?.written = (write.state, write.row, value) }
      if order.writesOutFirstRevision(write) { firstRevisions.add(key(write.row)) }
    }
    try await FirstRevision.writeOut(firstRevisions, on: connection, logger: logger)
    var revised = RowBatch(ObservationColumns.observation)
    var promoted = RowBatch(ObservationColumns.status)
    for figure in keys {
      guard let state = final[figure] else { continue }
      let keyValues: [String?] = [
        plan, figure.indicator, figure.orgPeriod.org, String(figure.orgPeriod.year), String(figure.orgPeriod.quarter),
      ]
      guard var (written, row, value) = state.written else {
        promoted.add(keyValues + [state.status.rawValue])
        continue
      }
      written.status = state.status
      revised.add(observation(written, row, value: value))
    }
    try await update(
      revised, in: "observation", key: ObservationColumns.key, extra: "review_comment = NULL", on: connection)
    try await update(
      promoted, in: "observation", key: ObservationColumns.key, extra: "review_comment = NULL", on: connection)
    try await copy(order.order, into: "revision", columns: ObservationColumns.revision.map(\.0), on: connection) {
      index, rows in
      guard writes[index].kind != .promote, !order.leavesFirstRevisionToObservation(writes[index]) else { return }
      let row = writes[index].row
      let state = writes[index].state
      append(key: row, to: &rows)
      rows.append(state.revision)
      rows.append(values[index])
      rows.append(state.status.rawValue)
      rows.append(submitter)
      rows.append(reportedAt(row))
      rows.append(submission.source)
      rows.append(state.note)
      rows.append(submission.reason)
      rows.append("f")
      rows.endRow()
    }
    var audit = AuditBatch(
      plan: submission.plan, actor: submission.submitter, role: submission.role, user: submission.user,
      time: submission.time)
    try await copy(order.order, into: "audit_log", columns: AuditBatch.columns, on: connection) { index, rows in
      let row = writes[index].row
      let status = writes[index].state.status
      let old = writes[index].old
      audit.entry(
        status == .draft ? .draft : .submit, to: &rows, indicator: row.indicator.rawValue, org: row.org.rawValue,
        year: row.period.year, quarter: Stored.quarter(row.period),
        old: (old.map { Stored.text($0.value) }, old?.status.rawValue), new: (values[index], status.rawValue),
        reason: submission.reason, source: submission.source)
    }
    _ = try await file(changes, audit: &audit, on: connection)
    try await audit.write(self, on: connection)
  }
}

/// Where one observation written again in a submission ends.
private struct FinalState {
  /// Its status at the end.
  var status: ObservationStatus
  /// The last value written to it, with its row and the value's text; nil when its status only moved.
  var written: (ObservationState, ObservationInput, String)?
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
