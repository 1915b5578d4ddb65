import Foundation
import ZhibiaoKernel

/// The key of a task progress report within a plan.
package struct TaskReportKey: Hashable, Sendable {
  package var task: TaskID
  package var org: OrgID
  package var period: Period

  package init(task: TaskID, org: OrgID, period: Period) {
    self.task = task
    self.org = org
    self.period = period
  }

  package init(_ progress: TaskProgress) {
    self.init(task: progress.task, org: progress.org, period: progress.period)
  }
}

/// What a write of task progress reports does, worked out once for both backends from the
/// reports as they stand: each backend reads them, asks here, and writes the result.
package enum TaskReportWrites {
  /// The reports `submission` writes, as they will stand, and what it changed; refused whole
  /// with ``StoreError/refused(_:rows:)`` when a row may not be written, naming every row
  /// refused by the first rule broken (rows numbered from 1 in the submission).
  package static func submit(
    _ submission: TaskReportSubmission, current: [TaskReportKey: TaskReport], locked: (OrgID, Period) -> Bool
  ) throws -> (writes: [TaskReport], result: SubmissionResult) {
    var writes: [TaskReport] = []
    var result = SubmissionResult()
    var refusal: (ReviewRefusal, [Int])?
    for (index, progress) in submission.reports.enumerated() {
      let stored = current[TaskReportKey(progress)]
      switch ReviewRules.taskSubmission(
        current: stored, report: progress, locked: locked(progress.org, progress.period))
      {
      case .failure(let refused):
        if refusal == nil { refusal = (refused, []) }
        if refusal?.0.rule == refused.rule { refusal?.1.append(index + 1) }
      case .success(.unchanged):
        result.unchanged += 1
      case .success(.write):
        if stored == nil { result.added += 1 } else { result.revised += 1 }
        writes.append(
          TaskReport(
            progress: progress, review: .submitted, revision: (stored?.revision ?? 0) + 1,
            reportedBy: submission.submitter, reportedAt: submission.time, source: submission.source))
      }
    }
    if let (refused, rows) = refusal { throw StoreError.refused(refused, rows: rows) }
    return (writes, result)
  }

  /// The reports `review` moves, as they will stand. A return without a comment, a report that
  /// was never sent and one revised since it was seen are refused; reports not submitted stay as
  /// they are.
  package static func review(_ review: TaskReportReview, current: [TaskReportKey: TaskReport]) throws -> [TaskReport] {
    if review.decision == .return, let refusal = ReviewRules.returnNeedsComment(review.comment) {
      throw StoreError.refused(refusal, rows: [])
    }
    var moved: [TaskReport] = []
    for (task, org, seen) in review.reports {
      guard var report = current[TaskReportKey(task: task, org: org, period: review.period)] else {
        throw StoreError.refused(ReviewRules.unknownTaskReport(task: task, org: org, period: review.period), rows: [])
      }
      if let seen, seen != report.revision {
        throw StoreError.refused(
          ReviewRules.staleTaskRefusal(task: task, org: org, seen: seen, current: report.revision), rows: [])
      }
      guard report.review == .submitted else { continue }
      report.review = review.decision == .approve ? .approved : .returned
      report.reviewedBy = review.reviewer
      report.reviewedAt = review.time
      report.reviewComment = review.comment.flatMap { $0.isEmpty ? nil : $0 }
      moved.append(report)
    }
    return moved
  }

  /// A report from its columns' text, as both backends keep them.
  package static func report(
    task: String, org: String, year: Int, quarter: Int, status: String, progress: Int?, text: String,
    evidence: String?, review: String, revision: Int, reportedBy: String, reportedAt: Date, source: String,
    reviewedBy: String?, reviewedAt: Date?, reviewComment: String?
  ) throws -> TaskReport {
    TaskReport(
      progress: TaskProgress(
        task: TaskID(task), org: OrgID(org), period: try Stored.period(year: year, quarter: quarter),
        status: try self.status(status), progress: progress, text: text, evidence: evidence),
      review: try Stored.status(review, column: "task_report.review"), revision: revision,
      reportedBy: OrgID(reportedBy), reportedAt: reportedAt, source: source, reviewedBy: reviewedBy.map { OrgID($0) },
      reviewComment: reviewComment, reviewedAt: reviewedAt)
  }

  /// The status in `text`.
  package static func status(_ text: String) throws -> TaskProgress.Status {
    guard let status = TaskProgress.Status(rawValue: text) else {
      throw MalformedColumn(
        column: "task_report.status", text: text, expected: "not_started, in_progress, completed or lagging")
    }
    return status
  }

  /// The action in `text`.
  package static func action(_ text: String) throws -> TaskReportEvent.Action {
    guard let action = TaskReportEvent.Action(rawValue: text) else {
      throw MalformedColumn(column: "task_report_event.action", text: text, expected: "submit, approve or return")
    }
    return action
  }

  /// The event that records `report` as it now stands, written by `action`.
  package static func event(
    _ action: TaskReportEvent.Action, _ report: TaskReport, actor: OrgID, role: Role, user: String?, time: Date,
    source: String, comment: String?
  ) -> TaskReportEvent {
    TaskReportEvent(
      sequence: 0, action: action, progress: report.progress, review: report.review, revision: report.revision,
      actor: actor, role: role, user: user, time: time, source: source, comment: comment)
  }
}
