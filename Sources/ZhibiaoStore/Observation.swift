import Foundation
import ZhibiaoKernel

/// Where an observation is in its life: entered, sent to the reviewing bureau, then approved or
/// returned with a comment. Locking is not a status of a figure but of its org's period
/// (``Store/lock(plan:org:period:by:at:)``).
public enum ObservationStatus: String, Sendable, CaseIterable, Codable {
  /// Entered but not yet submitted; never read as a reported figure.
  case draft
  /// Submitted for review.
  case submitted
  /// Approved by its reviewer.
  case approved
  /// Returned to its reporter with a comment, to be corrected and submitted again.
  case returned

  /// The Chinese term.
  public var zh: String {
    switch self {
    case .draft: "草稿"
    case .submitted: "已报送"
    case .approved: "已审核"
    case .returned: "已退回"
    }
  }
}

/// One import or form: who sends which rows, from where, when.
public struct Submission: Sendable {
  /// The plan the rows belong to.
  public var plan: PlanID
  /// The org that submits (`--as`).
  public var submitter: OrgID
  /// The role it submits in, recorded in the audit log.
  public var role: Role
  /// The account that submits, when it came through the web app or the API; nil for `--as`.
  public var user: String?
  /// The file or form the rows came from.
  public var source: String
  /// When.
  public var time: Date
  /// The status the rows take: `submitted` unless saved as drafts.
  public var status: ObservationStatus
  /// Why approved figures, or figures of a locked period, should change. With a reason, each row
  /// that would change one files a change request for the commission to decide, instead of being
  /// refused; without one, such a row refuses the submission.
  public var reason: String?
  /// The rows.
  public var rows: [ObservationInput]

  /// Creates a submission.
  public init(
    plan: PlanID, submitter: OrgID, role: Role, user: String? = nil, source: String, time: Date,
    status: ObservationStatus = .submitted, reason: String? = nil, rows: [ObservationInput]
  ) {
    self.plan = plan
    self.submitter = submitter
    self.role = role
    self.user = user
    self.source = source
    self.time = time
    self.status = status
    self.reason = reason
    self.rows = rows
  }
}

/// What a submission changed.
public struct SubmissionResult: Hashable, Sendable {
  /// Observations or entries that did not exist before.
  public var added: Int
  /// Existing ones given a new value (a new revision).
  public var revised: Int
  /// Rows equal to what was stored (or to a change request pending already), which added nothing.
  public var unchanged: Int
  /// Rows filed as change requests: changes of approved figures or of figures in a locked period,
  /// which the commission decides; nothing of them is written to the figures yet.
  public var changeRequests: Int

  /// Creates a result.
  public init(added: Int = 0, revised: Int = 0, unchanged: Int = 0, changeRequests: Int = 0) {
    self.added = added
    self.revised = revised
    self.unchanged = unchanged
    self.changeRequests = changeRequests
  }
}

/// The current value of an observation, with who reported it last.
public struct ObservationRecord: Hashable, Sendable {
  /// The indicator.
  public var indicator: IndicatorID
  /// The org.
  public var org: OrgID
  /// The period.
  public var period: Period
  /// The current value, in the indicator's unit.
  public var value: Decimal
  /// The status.
  public var status: ObservationStatus
  /// The number of the current revision, from 1.
  public var revision: Int
  /// Who reported the current value.
  public var reportedBy: OrgID
  /// When.
  public var reportedAt: Date
  /// From which file or form.
  public var source: String
  /// The reporter's note.
  public var note: String?
  /// Whether any revision changed it after it was approved (through an accepted change request).
  public var changedAfterApproval: Bool
  /// The reviewer's comment when it was returned; nil otherwise.
  public var reviewComment: String?

  /// Creates a record.
  public init(
    indicator: IndicatorID, org: OrgID, period: Period, value: Decimal, status: ObservationStatus, revision: Int,
    reportedBy: OrgID, reportedAt: Date, source: String, note: String?, changedAfterApproval: Bool,
    reviewComment: String? = nil
  ) {
    self.indicator = indicator
    self.org = org
    self.period = period
    self.value = value
    self.status = status
    self.revision = revision
    self.reportedBy = reportedBy
    self.reportedAt = reportedAt
    self.source = source
    self.note = note
    self.changedAfterApproval = changedAfterApproval
    self.reviewComment = reviewComment
  }
}

/// One revision of an observation: every value it ever had stays visible.
public struct Revision: Hashable, Sendable {
  /// 1 for the first value, then 2, 3 …
  public var number: Int
  /// The value.
  public var value: Decimal
  /// The status the row had when written (approval is recorded as its own revision).
  public var status: ObservationStatus
  /// Who.
  public var reportedBy: OrgID
  /// When.
  public var reportedAt: Date
  /// From which file or form (`approval` for an approval, `return` for a return, `change-request
  /// #N` for an accepted change request).
  public var source: String
  /// The reporter's note.
  public var note: String?
  /// The reason of an accepted change request (or the one a submission gave), or the reviewer's
  /// comment on a return.
  public var reason: String?
  /// Whether this revision changed an approved value.
  public var changedAfterApproval: Bool

  /// Creates a revision.
  public init(
    number: Int, value: Decimal, status: ObservationStatus, reportedBy: OrgID, reportedAt: Date, source: String,
    note: String?, reason: String?, changedAfterApproval: Bool
  ) {
    self.number = number
    self.value = value
    self.status = status
    self.reportedBy = reportedBy
    self.reportedAt = reportedAt
    self.source = source
    self.note = note
    self.reason = reason
    self.changedAfterApproval = changedAfterApproval
  }
}
