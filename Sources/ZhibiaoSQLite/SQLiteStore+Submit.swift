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

/// The cached statements that write a submission's observations and revisions.
struct ObservationWrites {
  private let plan: String
  private let submitter: String
  private let source: String
  private let time: String
  private let reason: String?
  private let audit: AuditWriter
  private let insertObservation: Statement
  private let updateObservation: Statement
  private let promoteObservation: Statement
  private let insertRevision: Statement

  init(_ db: Database, submission: Submission) throws {
    plan = submission.plan.rawValue
    submitter = submission.submitter.rawValue
    source = submission.source
    time = Timestamp.text(submission.time)
    reason = submission.reason
    audit = try AuditWriter(
      db, plan: submission.plan, actor: submission.submitter, role: submission.role, user: submission.user,
      time: submission.time)
    insertObservation = try db.cachedStatement(
      sql: """
        INSERT INTO observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
          reported_at, source, note, changed_after_approval)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
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
  /// Arguments go to `execute(arguments:)`, which binds up to 20 of them without copying the
  /// strings, and are built in place: this loop runs once per row of a 100,000-row import.
  func apply(_ writes: [ObservationWrite]) throws {
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
      switch write.kind {
      case .add, .revise:
        // NaN would be written as text that no longer reads as a number, making the store unreadable.
        guard !state.value.isNaN else {
          throw MalformedColumn(column: "observation.value", text: "NaN", expected: "a decimal number")
        }
        if write.kind == .add {
          try insertObservation.execute(arguments: [
            plan, indicator, org, year, quarter, value, status, state.revision, submitter, time, source, state.note,
            state.changedAfterApproval,
          ])
        } else {
          try updateObservation.execute(arguments: [
            value, status, state.revision, submitter, time, source, state.note, state.changedAfterApproval, plan,
            indicator, org, year, quarter,
          ])
        }
        try insertRevision.execute(arguments: [
          plan, indicator, org, year, quarter, state.revision, value, status, submitter, time, source, state.note,
          reason, false,
        ])
      case .promote:
        try promoteObservation.execute(arguments: [status, plan, indicator, org, year, quarter])
      }
      try audit.append(
        state.status == .draft ? .draft : .submit, indicator: indicator, org: org, year: year, quarter: quarter,
        old: (write.old.map { Stored.text($0.value) }, write.old?.status.rawValue),
        new: (value, status), reason: reason, source: source)
    }
  }
}
