import Foundation
import ZhibiaoKernel

/// A change request (变更申请): the way to change a figure that review or a lock has closed — an
/// approved figure, or any figure of a locked org's period. Its reporter files the value it should
/// have, with a reason; the commission accepts it, and the value becomes a new revision,
/// submitted, that needs review again; or rejects it with a comment, and the figure stays as it is.
public struct ChangeRequest: Hashable, Sendable {
  /// Where a request is in its life.
  public enum State: String, Hashable, Sendable, CaseIterable, Codable {
    /// Filed, waiting for the commission.
    case pending
    /// Accepted: its value was written to the figure.
    case accepted
    /// Rejected with a comment: the figure stayed as it was.
    case rejected

    /// The Chinese term.
    public var zh: String {
      switch self {
      case .pending: "待处理"
      case .accepted: "已同意"
      case .rejected: "已驳回"
      }
    }
  }

  /// The commission's decision on a pending request.
  public enum Decision: String, Hashable, Sendable, CaseIterable, Codable {
    /// The proposed value is written to the figure, which goes back to submitted.
    case accept
    /// The figure stays as it is; a comment tells the reporter why.
    case reject
  }

  /// The number the store gives it, from 1, unique in the store.
  public var id: Int
  /// The plan.
  public var plan: PlanID
  /// The figure: indicator, org and period.
  public var indicator: IndicatorID
  public var org: OrgID
  public var period: Period
  /// The figure's revision when the request was filed; 0 when it had none (a figure never
  /// reported before its period was locked). Accepting it once the figure has moved on is stale.
  public var seenRevision: Int
  /// The value proposed, in the indicator's unit.
  public var value: Decimal
  /// The reporter's note that goes with the value.
  public var note: String?
  /// Why the figure should change.
  public var reason: String
  /// The org that filed it, the role it acted in, the signed-in account (nil from the command
  /// line) and when.
  public var filedBy: OrgID
  public var filedRole: Role
  public var filedUser: String?
  public var filedAt: Date
  /// Pending, accepted or rejected.
  public var state: State
  /// Who decided it and when; nil while pending.
  public var decidedBy: OrgID?
  public var decidedUser: String?
  public var decidedAt: Date?
  /// The commission's comment: required for a rejection, optional for an acceptance.
  public var decisionComment: String?

  /// Creates a request as the store holds it.
  public init(
    id: Int, plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period, seenRevision: Int, value: Decimal,
    note: String?, reason: String, filedBy: OrgID, filedRole: Role, filedUser: String? = nil, filedAt: Date,
    state: State = .pending, decidedBy: OrgID? = nil, decidedUser: String? = nil, decidedAt: Date? = nil,
    decisionComment: String? = nil
  ) {
    self.id = id
    self.plan = plan
    self.indicator = indicator
    self.org = org
    self.period = period
    self.seenRevision = seenRevision
    self.value = value
    self.note = note
    self.reason = reason
    self.filedBy = filedBy
    self.filedRole = filedRole
    self.filedUser = filedUser
    self.filedAt = filedAt
    self.state = state
    self.decidedBy = decidedBy
    self.decidedUser = decidedUser
    self.decidedAt = decidedAt
    self.decisionComment = decisionComment
  }

  /// The source of the revision that an accepted request writes, and of its audit entries:
  /// `change-request #12`.
  public static func source(_ id: Int) -> String { "\(sourcePrefix)\(id)" }

  /// Whether a revision's source says an accepted change request wrote it.
  public static func isSource(_ source: String) -> Bool {
    source.hasPrefix(sourcePrefix) && Int(source.dropFirst(sourcePrefix.count)) != nil
  }

  private static let sourcePrefix = "change-request #"
}

/// What a reporter files to change one figure; the store adds the figure's current revision.
public struct ChangeRequestFiling: Sendable {
  /// The plan.
  public var plan: PlanID
  /// The figure.
  public var indicator: IndicatorID
  public var org: OrgID
  public var period: Period
  /// The value it should have, and the note that goes with it.
  public var value: Decimal
  public var note: String?
  /// Why; required.
  public var reason: String
  /// Who files it: the org, the role it acts in, the account when there is one.
  public var filer: OrgID
  public var role: Role
  public var user: String?
  /// The file or form it came from, for the audit log.
  public var source: String
  /// When.
  public var time: Date

  /// Creates a filing.
  public init(
    plan: PlanID, indicator: IndicatorID, org: OrgID, period: Period, value: Decimal, note: String? = nil,
    reason: String, filer: OrgID, role: Role, user: String? = nil, source: String, time: Date
  ) {
    self.plan = plan
    self.indicator = indicator
    self.org = org
    self.period = period
    self.value = value
    self.note = note
    self.reason = reason
    self.filer = filer
    self.role = role
    self.user = user
    self.source = source
    self.time = time
  }
}
