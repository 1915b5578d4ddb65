import Foundation
import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

extension PostgresStore {
  public func submitTaskReports(_ submission: TaskReportSubmission) async throws -> SubmissionResult {
    try await transaction(notifying: StoreChange(isLock: false, periods: nil)) { connection in
      let plan = submission.plan
      var current: [TaskReportKey: TaskReport] = [:]
      for period in Set(submission.reports.map(\.period)) {
        for report in try await self.taskReports(plan: plan, task: nil, org: nil, period: period, on: connection) {
          current[TaskReportKey(report.progress)] = report
        }
      }
      var locks: [String: Bool] = [:]
      for report in submission.reports where locks["\(report.org)|\(report.period)"] == nil {
        locks["\(report.org)|\(report.period)"] = try await self.isLocked(
          plan: plan, org: report.org, period: report.period, on: connection)
      }
      let (writes, result) = try TaskReportWrites.submit(submission, current: current) { org, period in
        locks["\(org)|\(period)"] ?? false
      }
      for report in writes {
        let progress = report.progress
        try await connection.query(
          """
          INSERT INTO task_report (plan, task, org, year, quarter, status, progress, text, evidence, review,
            revision, reported_by, reported_at, source)
          VALUES (\(plan.rawValue), \(progress.task.rawValue), \(progress.org.rawValue), \(progress.period.year),
            \(Stored.quarter(progress.period)), \(progress.status.rawValue), \(progress.progress), \(progress.text),
            \(progress.evidence), \(report.review.rawValue), \(report.revision), \(report.reportedBy.rawValue),
            \(Timestamp.text(report.reportedAt))::timestamptz, \(report.source))
          ON CONFLICT (plan, task, org, year, quarter) DO UPDATE SET status = excluded.status,
            progress = excluded.progress, text = excluded.text, evidence = excluded.evidence,
            review = excluded.review, revision = excluded.revision, reported_by = excluded.reported_by,
            reported_at = excluded.reported_at, source = excluded.source, reviewed_by = NULL,
            reviewed_at = NULL, review_comment = NULL
          """, logger: self.logger)
        try await self.append(
          TaskReportWrites.event(
            .submit, report, actor: submission.submitter, role: submission.role, user: submission.user,
            time: submission.time, source: submission.source, comment: nil), plan: plan, on: connection)
      }
      return result
    }
  }

  public func taskReports(plan: PlanID, task: TaskID?, org: OrgID?, period: Period?) async throws -> [TaskReport] {
    try await reading { try await taskReports(plan: plan, task: task, org: org, period: period, on: nil) }
  }

  public func reviewTaskReports(_ review: TaskReportReview) async throws -> Int {
    try await transaction(notifying: StoreChange(isLock: false, periods: nil)) { connection in
      var current: [TaskReportKey: TaskReport] = [:]
      for report in try await self.taskReports(
        plan: review.plan, task: nil, org: nil, period: review.period, on: connection)
      {
        current[TaskReportKey(report.progress)] = report
      }
      let moved = try TaskReportWrites.review(review, current: current)
      for report in moved {
        let progress = report.progress
        try await connection.query(
          """
          UPDATE task_report SET review = \(report.review.rawValue), reviewed_by = \(review.reviewer.rawValue),
            reviewed_at = \(Timestamp.text(review.time))::timestamptz, review_comment = \(report.reviewComment)
          WHERE plan = \(review.plan.rawValue) AND task = \(progress.task.rawValue) AND org = \(progress.org.rawValue)
            AND year = \(progress.period.year) AND quarter = \(Stored.quarter(progress.period))
          """, logger: self.logger)
        try await self.append(
          TaskReportWrites.event(
            review.decision == .approve ? .approve : .return, report, actor: review.reviewer, role: review.role,
            user: review.user, time: review.time, source: review.decision == .approve ? "approval" : "return",
            comment: report.reviewComment), plan: review.plan, on: connection)
      }
      return moved.count
    }
  }

  public func taskReportLog(plan: PlanID, task: TaskID?, org: OrgID?) async throws -> [TaskReportEvent] {
    var query = QueryBuilder(
      """
      SELECT sequence, action, task, org, year, quarter, status, progress, text, evidence, review, revision,
        actor_org, actor_role, actor_user, \(Column.time("at")), source, comment
      FROM task_report_event WHERE plan =\u{20}
      """)
    query.append("$?", plan.rawValue)
    if let task { query.append(" AND task = $?", task.rawValue) }
    if let org { query.append(" AND org = $?", org.rawValue) }
    query.append(" ORDER BY sequence")
    return try await reading {
      try await rows(query.query) { row in
        TaskReportEvent(
          sequence: try row.int(0), action: try TaskReportWrites.action(try row.text(1)),
          progress: TaskProgress(
            task: TaskID(try row.text(2)), org: OrgID(try row.text(3)), period: try row.period(year: 4, quarter: 5),
            status: try TaskReportWrites.status(try row.text(6)), progress: try row[7].decode(Int?.self),
            text: try row.text(8), evidence: try row.optionalText(9)),
          review: try row.status(10, column: "task_report_event.review"), revision: try row.int(11),
          actor: OrgID(try row.text(12)),
          role: try Stored.role(try row.text(13), column: "task_report_event.actor_role"),
          user: try row.optionalText(14), time: try row.date(15, column: "task_report_event.at"),
          source: try row.text(16), comment: try row.optionalText(17))
      }
    }
  }

  private func taskReports(
    plan: PlanID, task: TaskID?, org: OrgID?, period: Period?, on connection: PostgresConnection?
  ) async throws -> [TaskReport] {
    var query = QueryBuilder(
      """
      SELECT task, org, year, quarter, status, progress, text, evidence, review, revision, reported_by,
        \(Column.time("reported_at")), source, reviewed_by, \(Column.time("reviewed_at")), review_comment
      FROM task_report WHERE plan =\u{20}
      """)
    query.append("$?", plan.rawValue)
    if let task { query.append(" AND task = $?", task.rawValue) }
    if let org { query.append(" AND org = $?", org.rawValue) }
    if let period {
      query.append(" AND year = $?", period.year)
      query.append(" AND quarter = $?", Stored.quarter(period))
    }
    query.append(" ORDER BY year, quarter, task COLLATE \"C\", org COLLATE \"C\"")
    return try await rows(query.query, on: connection) { row in
      try TaskReportWrites.report(
        task: try row.text(0), org: try row.text(1), year: try row.int(2), quarter: try row.int(3),
        status: try row.text(4), progress: try row[5].decode(Int?.self), text: try row.text(6),
        evidence: try row.optionalText(7), review: try row.text(8), revision: try row.int(9),
        reportedBy: try row.text(10), reportedAt: try row.date(11, column: "task_report.reported_at"),
        source: try row.text(12), reviewedBy: try row.optionalText(13),
        reviewedAt: try row.optionalText(14).map { try Stored.date($0, column: "task_report.reviewed_at") },
        reviewComment: try row.optionalText(15))
    }
  }

  /// Appends `event` to the log of task reports.
  private func append(_ event: TaskReportEvent, plan: PlanID, on connection: PostgresConnection) async throws {
    let progress = event.progress
    try await connection.query(
      """
      INSERT INTO task_report_event (plan, task, org, year, quarter, action, status, progress, text, evidence,
        review, revision, actor_org, actor_role, actor_user, at, source, comment)
      VALUES (\(plan.rawValue), \(progress.task.rawValue), \(progress.org.rawValue), \(progress.period.year),
        \(Stored.quarter(progress.period)), \(event.action.rawValue), \(progress.status.rawValue),
        \(progress.progress), \(progress.text), \(progress.evidence), \(event.review.rawValue), \(event.revision),
        \(event.actor.rawValue), \(event.role.rawValue), \(event.user), \(Timestamp.text(event.time))::timestamptz,
        \(event.source), \(event.comment))
      """, logger: logger)
  }
}
