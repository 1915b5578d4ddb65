import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  /// Writes a submission in one transaction — all rows or none, with an audit entry for every
  /// figure it moves — and says what changed.
  ///
  /// The current values of the orgs and periods the rows touch are read in bulk first, so the
  /// rows are decided in memory (by ``SubmissionDecider``, in the observations' key order): a new
  /// figure costs its observation and its audit entry, a changed one its update, its revision
  /// and its audit entry, each in a batch or a cached statement.
  public func submit(_ submission: Submission) async throws -> SubmissionResult {
    try await guarded {
      try await writer.write { db in
        try Self.withPageCache(db, forRows: submission.rows.count) {
          let current = try CurrentObservations.read(db, for: submission)
          let decided = try SubmissionDecision(submission: submission, current: current)
          try ObservationWrites(db, submission: submission).apply(decided.writes, in: decided.order)
          if !decided.changes.isEmpty { _ = try ChangeRequestWrites(db).file(decided.changes) }
          return decided.result
        }
      }
    }
  }

  /// Runs `body` with a page cache of 256 bytes for each of `rows` figures, up to 256 MiB, when
  /// that is more than the connection's own (64 MiB), and gives the connection its own back after.
  ///
  /// A large import changes its tables' B-trees in many places at once (each org's period of the
  /// observations, each org's run in the audit log's index by org, into a store that already holds
  /// figures): once the pages changed outgrow the cache, SQLite writes them to the log before the
  /// commit and reads them back. The cache only takes memory as pages fill it.
  static func withPageCache<T>(_ db: Database, forRows rows: Int, _ body: () throws -> T) throws -> T {
    let kibibytes = min(rows / 4, 262_144)
    guard let own = try Int.fetchOne(db, sql: "PRAGMA cache_size"), -own < kibibytes else { return try body() }
    try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
    defer { try? db.execute(sql: "PRAGMA cache_size = \(own)") }
    return try body()
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

  /// Makes the writes, each with its audit entry, in the order ``WriteOrder`` gives — new figures
  /// by the observation table's key, then every other write in the submission's order — one
  /// table after the other: first every observation (new ones in batches of many rows to a
  /// statement; a revised or promoted one updated in its turn, its first revision written out
  /// first where its observation held it), then every revision that is not left to its
  /// observation, then every audit entry.
  ///
  /// Filling one table's B-trees at a time, each in its own order, keeps few of their pages in
  /// use at once: in an import of a million figures, rows all over an index made the page cache
  /// write pages out and read them back.
  func apply(_ writes: [ObservationWrite], in order: WriteOrder) throws {
    // The value's text, made once for the observation, its revision and its audit entry.
    var values: [String] = []
    values.reserveCapacity(writes.count)
    for write in writes {
      if write.kind != .promote {
        // NaN would be written as text that no longer reads as a number, making the store unreadable.
        guard !write.state.value.isNaN else {
          throw MalformedColumn(column: "observation.value", text: "NaN", expected: "a decimal number")
        }
      }
      values.append(Stored.text(write.state.value))
    }
    try writeObservations(writes, values: values, order: order)
    try writeRevisions(writes, values: values, order: order)
    try writeAuditEntries(writes, values: values, order: order)
  }

  /// The observations: new ones in batches, the others updated in their turn.
  private func writeObservations(_ writes: [ObservationWrite], values: [String], order: WriteOrder) throws {
    var added = InsertBatch(table: "observation", columns: Self.observationColumns)
    for index in order.order {
      let write = writes[index]
      let row = write.row
      let indicator = row.indicator.rawValue
      let org = row.org.rawValue
      let year = row.period.year
      let quarter = Stored.quarter(row.period)
      let state = write.state
      let status = state.status.rawValue
      switch write.kind {
      case .add:
        added.append(plan)
        added.append(indicator)
        added.append(org)
        added.append(year)
        added.append(quarter)
        added.append(values[index])
        added.append(status)
        added.append(state.revision)
        added.append(submitter)
        added.append(reportedAt(row))
        added.append(source)
        added.append(state.note)
        added.append(state.changedAfterApproval)
        if added.isFull { try added.flush(db) }
      case .revise:
        try added.flush(db)
        try writeOutFirstRevision(write, order: order)
        try updateObservation.execute(arguments: [
          values[index], status, state.revision, submitter, reportedAt(row), source, state.note,
          state.changedAfterApproval, plan, indicator, org, year, quarter,
        ])
      case .promote:
        try added.flush(db)
        try writeOutFirstRevision(write, order: order)
        try promoteObservation.execute(arguments: [status, plan, indicator, org, year, quarter])
      }
    }
    try added.flush(db)
  }

  /// Writes out the first revision `write`'s observation may hold, before the write changes it.
  private func writeOutFirstRevision(_ write: ObservationWrite, order: WriteOrder) throws {
    guard order.writesOutFirstRevision(write) else { return }
    let row = write.row
    try FirstRevision.writeOut(
      db, plan: plan, indicator: row.indicator.rawValue, org: row.org.rawValue, year: row.period.year,
      quarter: Stored.quarter(row.period))
  }

  /// A revision for every write that gives a value (all but promotions), but for the first
  /// revisions left to their observations.
  private func writeRevisions(_ writes: [ObservationWrite], values: [String], order: WriteOrder) throws {
    var revisions = InsertBatch(table: "revision", columns: Self.revisionColumns)
    for index in order.order {
      let write = writes[index]
      guard write.kind != .promote, !order.leavesFirstRevisionToObservation(write) else { continue }
      let row = write.row
      let state = write.state
      revisions.append(plan)
      revisions.append(row.indicator.rawValue)
      revisions.append(row.org.rawValue)
      revisions.append(row.period.year)
      revisions.append(Stored.quarter(row.period))
      revisions.append(state.revision)
      revisions.append(values[index])
      revisions.append(state.status.rawValue)
      revisions.append(submitter)
      revisions.append(reportedAt(row))
      revisions.append(source)
      revisions.append(state.note)
      revisions.append(reason)
      revisions.append(false)
      if revisions.isFull { try revisions.flush(db) }
    }
    try revisions.flush(db)
  }

  /// An audit entry for every write: who, in which role, when, from where, the old and the new
  /// value and status, and the reason.
  private func writeAuditEntries(_ writes: [ObservationWrite], values: [String], order: WriteOrder) throws {
    var entries = InsertBatch(table: "audit_log", columns: AuditWriter.columns)
    for index in order.order {
      let write = writes[index]
      let row = write.row
      audit.append(
        write.state.status == .draft ? .draft : .submit, to: &entries, indicator: row.indicator.rawValue,
        org: row.org.rawValue, year: row.period.year, quarter: Stored.quarter(row.period),
        old: (write.old.map { Stored.text($0.value) }, write.old?.status.rawValue),
        new: (values[index], write.state.status.rawValue), reason: reason, source: source)
      if entries.isFull { try entries.flush(db) }
    }
    try entries.flush(db)
  }

  /// When a figure counts as sent: a figure sent earlier than its import (a date in the file)
  /// keeps the day it was sent.
  private func reportedAt(_ row: ObservationInput) -> String { row.reportedAt.map(Timestamp.text) ?? time }
}
