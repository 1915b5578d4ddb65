import Foundation
import ZhibiaoKernel

/// What an audit entry records.
public enum AuditAction: String, Hashable, Sendable, CaseIterable, Codable {
  /// A figure submitted: new, changed, or sent again from draft or returned.
  case submit
  /// A draft saved.
  case draft
  /// A submitted figure approved.
  case approve
  /// A submitted figure returned with a comment.
  case `return`
  /// An org's period locked.
  case lock
  /// A change request filed for an approved figure or one in a locked period.
  case changeRequest = "change_request"
  /// A change request accepted: its value written to the figure, which is submitted again.
  case acceptChange = "accept_change"
  /// A change request rejected with a comment; the figure stays as it is.
  case rejectChange = "reject_change"
  /// A supervision notice answered with a remedy (整改措施) by its addressee.
  case noticeAnswer = "notice_answer"
  /// A notice's remedy accepted by the commission: the notice is closed.
  case noticeAccept = "notice_accept"
  /// A notice's remedy returned by the commission with a comment.
  case noticeReturn = "notice_return"
  /// A notice closed by the commission.
  case noticeClose = "notice_close"
}

/// One line of the audit log: who did what to which figure, when, from what to what. The log is
/// only ever appended to; the store refuses to update or delete it.
public struct AuditEntry: Hashable, Sendable {
  /// The order of writing, from 1.
  public var sequence: Int
  /// When.
  public var time: Date
  /// The org that acted.
  public var actor: OrgID
  /// The role it acted in.
  public var role: Role
  /// The signed-in user, when the web app acted; nil from the command line.
  public var user: String?
  /// What was done.
  public var action: AuditAction
  /// The plan.
  public var plan: PlanID
  /// The indicator; nil for a lock, which is of a whole org's period.
  public var indicator: IndicatorID?
  /// The org whose figure or period it is.
  public var org: OrgID
  /// The period.
  public var period: Period
  /// The value before and after (the same for a review; the value proposed for a change request
  /// filed or rejected).
  public var oldValue: Decimal?
  public var newValue: Decimal?
  /// The status before and after (no status after for a change request filed or rejected: the
  /// figure does not move).
  public var oldStatus: ObservationStatus?
  public var newStatus: ObservationStatus?
  /// The reason of a change request (filed or accepted), the reviewer's comment on a return, or
  /// the commission's on a rejection.
  public var reason: String?
  /// The file or form it came from (`approval`, `return`, `lock`, `change-request #N` for those).
  public var source: String
  /// The change request the entry is about; nil for any other.
  public var changeRequest: Int?

  /// Creates an entry.
  public init(
    sequence: Int, time: Date, actor: OrgID, role: Role, user: String? = nil, action: AuditAction, plan: PlanID,
    indicator: IndicatorID?, org: OrgID, period: Period, oldValue: Decimal? = nil, newValue: Decimal? = nil,
    oldStatus: ObservationStatus? = nil, newStatus: ObservationStatus? = nil, reason: String? = nil, source: String,
    changeRequest: Int? = nil
  ) {
    self.sequence = sequence
    self.time = time
    self.actor = actor
    self.role = role
    self.user = user
    self.action = action
    self.plan = plan
    self.indicator = indicator
    self.org = org
    self.period = period
    self.oldValue = oldValue
    self.newValue = newValue
    self.oldStatus = oldStatus
    self.newStatus = newStatus
    self.reason = reason
    self.source = source
    self.changeRequest = changeRequest
  }
}
