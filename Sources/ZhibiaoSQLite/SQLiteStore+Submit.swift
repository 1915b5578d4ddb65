import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Writes a submission in one transaction — all rows or none, with an audit entry for every
  /// figure it moves — and says what changed.
  ///
  /// The current values of the orgs and periods the rows touch are read in bulk first, so the
  /// rows are decided in memory (by ``ReviewRules``) and every row costs two or three cached
  /// inserts or updates.
  public func submit(_ submission: Submission) async throws -> SubmissionResult {
    try await guarded {
      try await writer.write { db in
        let current = try CurrentObservations.read(db, for: submission)
        let decided = try SubmissionDecision(submission: submission, current: current)
        try ObservationWrites(db, submission: submission).apply(decided.writes)
        if !decided.changes.isEmpty { _ = try ChangeRequestWrites(db).file(decided.changes) }
        return decided.result
      }
    }
  }
}

extension CurrentObservations {
  /// Reads them, one indexed query per org's period rather than one per row: an import holds
  /// many indicators of few orgs and periods. Pending change requests are read only for a
  /// submission with a reason, the only kind that files them.
  static func read(_ db: Database, for submission: Submission) throws -> CurrentObservations {
    let filesChanges = ReviewRules.changeNeedsReason(submission.reason) == nil
    let plan = submission.plan.rawValue
    let lock = try db.cachedStatement(
      sql: "SELECT 1 FROM period_lock WHERE plan = ? AND org = ? AND year = ? AND quarter = ?")
    let observations = try db.cachedStatement(
      sql: """
        SELECT indicator, value, note, status, revision, changed_after_approval FROM observation
        WHERE plan = ? AND org = ? AND year = ? AND quarter = ?
        """)
    var current = CurrentObservations()
    current.observations.reserveCapacity(submission.rows.count)
    for row in submission.rows {
      let orgPeriod = OrgPeriod(org: row.org, period: row.period)
      guard current.locked[orgPeriod] == nil else { continue }
      let arguments: StatementArguments = [plan, orgPeriod.org, orgPeriod.year, orgPeriod.quarter]
      current.locked[orgPeriod] = try Row.fetchOne(lock, arguments: arguments) != nil
      let rows = try Row.fetchCursor(observations, arguments: arguments)
      while let stored = try rows.next() {
        let key = ObservationKey(indicator: try stored.decode(String.self, atIndex: 0), orgPeriod: orgPeriod)
        current.observations[key] = ObservationState(
          value: try Stored.decimal(try stored.decode(String.self, atIndex: 1), column: "observation.value"),
          note: try stored.decode(String?.self, atIndex: 2),
          status: try Stored.status(try stored.decode(String.self, atIndex: 3), column: "observation.status"),
          revision: try stored.decode(Int.self, atIndex: 4),
          changedAfterApproval: try stored.decode(Bool.self, atIndex: 5))
      }
      if filesChanges {
        for (key, pending) in try ChangeRequestWrites.pending(db, plan: plan, orgPeriod: orgPeriod) {
          current.pending[key] = pending
        }
      }
    }
    return current
  }
}

/// The statements that write a submission's observations and revisions.
struct ObservationWrites {
  private let db: Database
  private let plan: String
  private let submitter: String
  private let source: String
  private let time: String
  private let reason: String?
  private let audit: AuditWriter
  private let updateObservation: Statement
  private let promoteObservation: Statement
  private let insertRevision: Statement

  static let observationColumns = [
    "plan", "indicator", "org", "year", "quarter", "value", "status", "revision", "reported_by", "reported_at",
    "source", "note", "changed_after_approval",
  ]
  static let revisionColumns = [
    "plan", "indicator", "org", "year", "quarter", "number", "value", "status", "reported_by", "reported_at", "source",
    "note", "reason", "changed_after_approval",
  ]

  init(_ db: Database, submission: Submission) throws {
    self.db = db
    plan = submission.plan.rawValue
    submitter = submission.submitter.rawValue
    source = submission.source
    time = Timestamp.text(submission.time)
    reason = submission.reason
    audit = try AuditWriter(
      db, plan: submission.plan, actor: submission.submitter, role: submission.role, user: submission.user,
      time: submission.time)
    updateObservation = try db.cachedStatement(
      sql: """
        UPDATE observation SET value = ?, status = ?, revision = ?, reported_by = ?, reported_at = ?, source = ?,
          note = ?, changed_after_approval = ?, review_comment = NULL
        WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
        """)
    promoteObservation = try db.cachedStatement(
      sql: """
        UPDATE observation SET status = ?, review_comment = NULL
        WHERE plan = ? AND indicator = ? AND org = ? AND year = ? AND quarter = ?
        """)
    insertRevision = try db.cachedStatement(
      sql: """
        INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
          source, note, reason, changed_after_approval)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  /// Makes the writes in order, each with its audit entry; the observation comes before its
  /// revision, which refers to it.
  ///
  /// New observations — nearly every row of a large import — go into the three tables in
  /// batches of many rows to a statement. A revised or promoted one first writes the batches
  /// waiting (it may revise a figure added earlier in the same submission), then itself, so the
  /// tables receive the rows, and the audit log its entries, in the submission's order.
  func apply(_ writes: [ObservationWrite]) throws {
    var added = InsertBatch(table: "observation", columns: Self.observationColumns)
    var revisions = InsertBatch(table: "revision", columns: Self.revisionColumns)
    var entries = InsertBatch(table: "audit_log", columns: AuditWriter.columns)
    func flush() throws {
      try added.flush(db)
      try revisions.flush(db)
      try entries.flush(db)
    }
    for write in writes {
      let row = write.row
      let indicator = row.indicator.rawValue
      let org = row.org.rawValue
      let year = row.period.year
      let quarter = Stored.quarter(row.period)
      let state = write.state
      let status = state.status.rawValue
      // A figure sent earlier than its import (a date in the file) keeps the day it was sent.
      let time = row.reportedAt.map(Timestamp.text) ?? self.time
      // The value's text, made once for the observation, its revision and its audit entry.
      let value = Stored.text(state.value)
      if write.kind != .promote {
        // NaN would be written as text that no longer reads as a number, making the store unreadable.
        guard !state.value.isNaN else {
          throw MalformedColumn(column: "observation.value", text: "NaN", expected: "a decimal number")
        }
      }
      let action: AuditAction = state.status == .draft ? .draft : .submit
      let old = (write.old.map { Stored.text($0.value) }, write.old?.status.rawValue)
      guard write.kind == .add else {
        try flush()
        if write.kind == .revise {
          try updateObservation.execute(arguments: [
            value, status, state.revision, submitter, time, source, state.note, state.changedAfterApproval, plan,
            indicator, org, year, quarter,
          ])
          try insertRevision.execute(arguments: [
            plan, indicator, org, year, quarter, state.revision, value, status, submitter, time, source, state.note,
            reason, false,
          ])
        } else {
          try promoteObservation.execute(arguments: [status, plan, indicator, org, year, quarter])
        }
        try audit.append(
          action, indicator: indicator, org: org, year: year, quarter: quarter, old: old, new: (value, status),
          reason: reason, source: source)
        continue
      }
      added.append(plan)
      added.append(indicator)
      added.append(org)
      added.append(year)
      added.append(quarter)
      added.append(value)
      added.append(status)
      added.append(state.revision)
      added.append(submitter)
      added.append(time)
      added.append(source)
      added.append(state.note)
      added.append(state.changedAfterApproval)
      revisions.append(plan)
      revisions.append(indicator)
      revisions.append(org)
      revisions.append(year)
      revisions.append(quarter)
      revisions.append(state.revision)
      revisions.append(value)
      revisions.append(status)
      revisions.append(submitter)
      revisions.append(time)
      revisions.append(source)
      revisions.append(state.note)
      revisions.append(reason)
      revisions.append(false)
      audit.append(
        action, to: &entries, indicator: indicator, org: org, year: year, quarter: quarter, old: old,
        new: (value, status), reason: reason, source: source)
      // The three batches fill together; observations go first, since revisions refer to them.
      if added.isFull { try flush() }
    }
    try flush()
  }
}
