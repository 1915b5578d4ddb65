import Foundation
import ZhibiaoKernel

/// A batch of task progress reports from one file or form.
public struct TaskReportSubmission: Sendable {
  /// The plan.
  public var plan: PlanID
  /// Who submits.
  public var submitter: OrgID
  /// The role it submits in, recorded in the report's log.
  public var role: Role
  /// The account, when the web app or the API submits; nil for `--as`.
  public var user: String?
  /// From which file or form.
  public var source: String
  /// When.
  public var time: Date
  /// The reports.
  public var reports: [TaskProgress]

  /// Creates a batch.
  public init(
    plan: PlanID, submitter: OrgID, role: Role, user: String? = nil, source: String, time: Date,
    reports: [TaskProgress]
  ) {
    self.plan = plan
    self.submitter = submitter
    self.role = role
    self.user = user
    self.source = source
    self.time = time
    self.reports = reports
  }
}

/// A stored progress report with where it is in its review: submitted to the task's lead org
/// (or, for the lead's own report, to the commission), then approved or returned with a comment.
public struct TaskReport: Hashable, Sendable {
  /// What the org reported.
  public var progress: TaskProgress
  /// Submitted, approved or returned (never a draft).
  public var review: ObservationStatus
  /// How many times its content was written, from 1.
  public var revision: Int
  /// The org that sent it last.
  public var reportedBy: OrgID
  /// When.
  public var reportedAt: Date
  /// The file or form.
  public var source: String
  /// The reviewer's org, its comment (always given on a return) and when, once reviewed.
  public var reviewedBy: OrgID?
  public var reviewComment: String?
  public var reviewedAt: Date?

  /// Creates a stored report.
  public init(
    progress: TaskProgress, review: ObservationStatus, revision: Int, reportedBy: OrgID, reportedAt: Date,
    source: String, reviewedBy: OrgID? = nil, reviewComment: String? = nil, reviewedAt: Date? = nil
  ) {
    self.progress = progress
    self.review = review
    self.revision = revision
    self.reportedBy = reportedBy
    self.reportedAt = reportedAt
    self.source = source
    self.reviewedBy = reviewedBy
    self.reviewComment = reviewComment
    self.reviewedAt = reviewedAt
  }
}

/// One step in a progress report's life, kept for good: submitted (a new revision), approved or
/// returned. The log of a report is only ever appended to.
public struct TaskReportEvent: Hashable, Sendable {
  /// What happened.
  public enum Action: String, Hashable, Sendable, CaseIterable {
    case submit, approve, `return`
  }

  /// The order of writing, from 1, across every report of the store.
  public var sequence: Int
  public var action: Action
  /// The report as it stood after the step.
  public var progress: TaskProgress
  public var review: ObservationStatus
  public var revision: Int
  /// Who acted, in which role, through which account (nil from the command line), when, from
  /// which file or form.
  public var actor: OrgID
  public var role: Role
  public var user: String?
  public var time: Date
  public var source: String
  /// The reviewer's comment.
  public var comment: String?

  /// Creates a step.
  public init(
    sequence: Int, action: Action, progress: TaskProgress, review: ObservationStatus, revision: Int, actor: OrgID,
    role: Role, user: String?, time: Date, source: String, comment: String?
  ) {
    self.sequence = sequence
    self.action = action
    self.progress = progress
    self.review = review
    self.revision = revision
    self.actor = actor
    self.role = role
    self.user = user
    self.time = time
    self.source = source
    self.comment = comment
  }
}

/// A decision on reports of one quarter: which, as seen at which revision.
public struct TaskReportReview: Sendable {
  public var plan: PlanID
  public var period: Period
  /// The reports decided, by task and org, each with the revision the reviewer saw (nil: not
  /// checked).
  public var reports: [(task: TaskID, org: OrgID, seen: Int?)]
  public var decision: ReviewDecision
  /// Required to return.
  public var comment: String?
  public var reviewer: OrgID
  public var role: Role
  public var user: String?
  public var time: Date

  /// Creates a decision.
  public init(
    plan: PlanID, period: Period, reports: [(task: TaskID, org: OrgID, seen: Int?)], decision: ReviewDecision,
    comment: String?, reviewer: OrgID, role: Role, user: String? = nil, time: Date
  ) {
    self.plan = plan
    self.period = period
    self.reports = reports
    self.decision = decision
    self.comment = comment
    self.reviewer = reviewer
    self.role = role
    self.user = user
    self.time = time
  }
}
