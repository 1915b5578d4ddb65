import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

extension SQLiteStore {
  public func submitTaskReports(_ submission: TaskReportSubmission) async throws -> SubmissionResult {
    try await guarded {
      try await writer.write { db in
        let plan = submission.plan.rawValue
        var current: [TaskReportKey: TaskReport] = [:]
        for period in Set(submission.reports.map(\.period)) {
          for report in try Self.taskReports(db, plan: plan, task: nil, org: nil, period: period) {
            current[TaskReportKey(report.progress)] = report
          }
        }
        var locks: [String: Bool] = [:]
        for report in submission.reports {
          let key = "\(report.org)|\(report.period)"
          if locks[key] == nil {
            locks[key] = try Self.isLocked(
              db, [plan, report.org.rawValue, report.period.year, Stored.quarter(report.period)])
          }
        }
        let (writes, result) = try TaskReportWrites.submit(submission, current: current) { org, period in
          locks["\(org)|\(period)"] ?? false
        }
        let upsert = try db.cachedStatement(
          sql: """
            INSERT INTO task_report (plan, task, org, year, quarter, status, progress, text, evidence, review,
              revision, reported_by, reported_at, source, reviewed_by, reviewed_at, review_comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)
            ON CONFLICT (plan, task, org, year, quarter) DO UPDATE SET status = excluded.status,
              progress = excluded.progress, text = excluded.text, evidence = excluded.evidence,
              review = excluded.review, revision = excluded.revision, reported_by = excluded.reported_by,
              reported_at = excluded.reported_at, source = excluded.source, reviewed_by = NULL,
              reviewed_at = NULL, review_comment = NULL
            """)
        for report in writes {
          let progress = report.progress
          try upsert.execute(arguments: [
            plan, progress.task.rawValue, progress.org.rawValue, progress.period.year, Stored.quarter(progress.period),
            progress.status.rawValue, progress.progress, progress.text, progress.evidence, report.review.rawValue,
            report.revision, report.reportedBy.rawValue, Timestamp.text(report.reportedAt), report.source,
          ])
          try Self.append(
            db, plan: plan,
            TaskReportWrites.event(
              .submit, report, actor: submission.submitter, role: submission.role, user: submission.user,
              time: submission.time, source: submission.source, comment: nil))
        }
        return result
      }
    }
  }

  public func taskReports(plan: PlanID, task: TaskID?, org: OrgID?, period: Period?) async throws -> [TaskReport] {
    try await guarded {
      try await writer.read { db in try Self.taskReports(db, plan: plan.rawValue, task: task, org: org, period: period)
      }
    }
  }

  public func reviewTaskReports(_ review: TaskReportReview) async throws -> Int {
    try await guarded {
      try await writer.write { db in
        var current: [TaskReportKey: TaskReport] = [:]
        for report in try Self.taskReports(db, plan: review.plan.rawValue, task: nil, org: nil, period: review.period) {
          current[TaskReportKey(report.progress)] = report
        }
        let moved = try TaskReportWrites.review(review, current: current)
        let update = try db.cachedStatement(
          sql: """
            UPDATE task_report SET review = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ?
            WHERE plan = ? AND task = ? AND org = ? AND year = ? AND quarter = ?
            """)
        for report in moved {
          let progress = report.progress
          try update.execute(arguments: [
            report.review.rawValue, review.reviewer.rawValue, Timestamp.text(review.time), report.reviewComment,
            review.plan.rawValue, progress.task.rawValue, progress.org.rawValue, progress.period.year,
            Stored.quarter(progress.period),
          ])
          try Self.append(
            db, plan: review.plan.rawValue,
            TaskReportWrites.event(
              review.decision == .approve ? .approve : .return, report, actor: review.reviewer, role: review.role,
              user: review.user, time: review.time, source: review.decision == .approve ? "approval" : "return",
              comment: report.reviewComment))
        }
        return moved.count
      }
    }
  }

  public func taskReportLog(plan: PlanID, task: TaskID?, org: OrgID?) async throws -> [TaskReportEvent] {
    var sql = """
      SELECT sequence, action, task, org, year, quarter, status, progress, text, evidence, review, revision,
        actor_org, actor_role, actor_user, at, source, comment
      FROM task_report_event WHERE plan = ?
      """
    var arguments: StatementArguments = [plan.rawValue]
    if let task {
      sql += " AND task = ?"
      arguments += [task.rawValue]
    }
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    sql += " ORDER BY sequence"
    return try await guarded {
      try await writer.read { [sql, arguments] db in
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
          TaskReportEvent(
            sequence: try row.decode(atIndex: 0), action: try TaskReportWrites.action(try row.decode(atIndex: 1)),
            progress: TaskProgress(
              task: TaskID(try row.decode(String.self, atIndex: 2)),
              org: OrgID(try row.decode(String.self, atIndex: 3)),
              period: try Stored.period(year: try row.decode(atIndex: 4), quarter: try row.decode(atIndex: 5)),
              status: try TaskReportWrites.status(try row.decode(atIndex: 6)), progress: try row.decode(atIndex: 7),
              text: try row.decode(atIndex: 8), evidence: try row.decode(atIndex: 9)),
            review: try Stored.status(try row.decode(atIndex: 10), column: "task_report_event.review"),
            revision: try row.decode(atIndex: 11), actor: OrgID(try row.decode(String.self, atIndex: 12)),
            role: try Stored.role(try row.decode(atIndex: 13), column: "task_report_event.actor_role"),
            user: try row.decode(atIndex: 14),
            time: try Stored.date(try row.decode(atIndex: 15), column: "task_report_event.at"),
            source: try row.decode(atIndex: 16), comment: try row.decode(atIndex: 17))
        }
      }
    }
  }

  /// The reports of `plan` that match the filters, by quarter, task and org.
  private static func taskReports(_ db: Database, plan: String, task: TaskID?, org: OrgID?, period: Period?) throws
    -> [TaskReport]
  {
    var sql = """
      SELECT task, org, year, quarter, status, progress, text, evidence, review, revision, reported_by, reported_at,
        source, reviewed_by, reviewed_at, review_comment
      FROM task_report WHERE plan = ?
      """
    var arguments: StatementArguments = [plan]
    if let task {
      sql += " AND task = ?"
      arguments += [task.rawValue]
    }
    if let org {
      sql += " AND org = ?"
      arguments += [org.rawValue]
    }
    if let period {
      sql += " AND year = ? AND quarter = ?"
      arguments += [period.year, Stored.quarter(period)]
    }
    sql += " ORDER BY year, quarter, task, org"
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
      try TaskReportWrites.report(
        task: try row.decode(atIndex: 0), org: try row.decode(atIndex: 1), year: try row.decode(atIndex: 2),
        quarter: try row.decode(atIndex: 3), status: try row.decode(atIndex: 4), progress: try row.decode(atIndex: 5),
        text: try row.decode(atIndex: 6), evidence: try row.decode(atIndex: 7), review: try row.decode(atIndex: 8),
        revision: try row.decode(atIndex: 9), reportedBy: try row.decode(atIndex: 10),
        reportedAt: try Stored.date(try row.decode(atIndex: 11), column: "task_report.reported_at"),
        source: try row.decode(atIndex: 12), reviewedBy: try row.decode(atIndex: 13),
        reviewedAt: try (row.decode(String?.self, atIndex: 14)).map {
          try Stored.date($0, column: "task_report.reviewed_at")
        }, reviewComment: try row.decode(atIndex: 15))
    }
  }

  /// Appends `event` to the log of task reports.
  private static func append(_ db: Database, plan: String, _ event: TaskReportEvent) throws {
    let progress = event.progress
    try db.cachedStatement(
      sql: """
        INSERT INTO task_report_event (plan, task, org, year, quarter, action, status, progress, text, evidence,
          review, revision, actor_org, actor_role, actor_user, at, source, comment)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      plan, progress.task.rawValue, progress.org.rawValue, progress.period.year, Stored.quarter(progress.period),
      event.action.rawValue, progress.status.rawValue, progress.progress, progress.text, progress.evidence,
      event.review.rawValue, event.revision, event.actor.rawValue, event.role.rawValue, event.user,
      Timestamp.text(event.time), event.source, event.comment,
    ])
  }
}
