import Foundation
import ZhibiaoKernel

/// A bonus, deduction or veto the commission recorded in the store for a year's assessment, and
/// its withdrawal if it was withdrawn: an event is never changed or deleted, only withdrawn with a
/// reason, so the record shows what the assessment counted and when.
public struct AssessmentEventRecord: Hashable, Sendable {
  /// The store's number for it, from 1.
  public var id: Int
  public var plan: PlanID
  /// The year assessed.
  public var year: Int
  public var entry: AssessmentEventEntry
  /// Who recorded it, in which role, through which account (nil from the command line), when.
  public var enteredBy: OrgID
  public var role: Role
  public var user: String?
  public var enteredAt: Date
  /// Its withdrawal: when, by whom, why; nil while it counts.
  public var withdrawnAt: Date?
  public var withdrawnBy: OrgID?
  public var withdrawalReason: String?

  public init(
    id: Int, plan: PlanID, year: Int, entry: AssessmentEventEntry, enteredBy: OrgID, role: Role, user: String?,
    enteredAt: Date, withdrawnAt: Date? = nil, withdrawnBy: OrgID? = nil, withdrawalReason: String? = nil
  ) {
    self.id = id
    self.plan = plan
    self.year = year
    self.entry = entry
    self.enteredBy = enteredBy
    self.role = role
    self.user = user
    self.enteredAt = enteredAt
    self.withdrawnAt = withdrawnAt
    self.withdrawnBy = withdrawnBy
    self.withdrawalReason = withdrawalReason
  }

  /// Whether the assessment counts it.
  public var counts: Bool { withdrawnAt == nil }
}

extension ReviewRules {
  /// Whether `actor` in `role` may record or withdraw assessment events: the commission only.
  public func recordEvents(by actor: OrgID, as role: Role) -> ReviewRefusal? {
    if let refusal = self.actor(actor, as: role) { return refusal }
    guard role != .commission else { return nil }
    return ReviewRefusal(
      .forbidden, .assessmentEvent, zh: "只有市发改委可以登记考核加减分和一票否决事项。",
      en: "Only the commission records bonuses, deductions and vetoes.")
  }

  /// An event withdrawn already, or never recorded.
  public static func eventRefusal(id: Int, withdrawn: Bool) -> ReviewRefusal {
    withdrawn
      ? ReviewRefusal(
        .conflict, .assessmentEvent, zh: "考核事项 #\(id) 已撤销。", en: "The assessment event #\(id) is withdrawn already.")
      : ReviewRefusal(
        .notFound, .assessmentEvent, zh: "没有考核事项 #\(id)。", en: "There is no assessment event #\(id).")
  }
}

/// Reading an event's columns, as both backends keep them.
extension AssessmentEventRecord {
  package static func read(
    id: Int, plan: String, year: Int, kind: String, org: String, category: String?, points: String?, reason: String,
    enteredBy: String, role: String, user: String?, enteredAt: Date, withdrawnAt: Date?, withdrawnBy: String?,
    withdrawalReason: String?
  ) throws -> AssessmentEventRecord {
    guard let kind = AssessmentEventEntry.Kind(rawValue: kind) else {
      throw MalformedColumn(column: "assessment_event.kind", text: kind, expected: "bonus, deduction or veto")
    }
    return AssessmentEventRecord(
      id: id, plan: PlanID(plan), year: year,
      entry: AssessmentEventEntry(
        kind: kind, org: OrgID(org), category: category,
        points: try points.map { try Stored.decimal($0, column: "assessment_event.points") }, reason: reason),
      enteredBy: OrgID(enteredBy), role: try Stored.role(role, column: "assessment_event.entered_role"), user: user,
      enteredAt: enteredAt, withdrawnAt: withdrawnAt, withdrawnBy: withdrawnBy.map { OrgID($0) },
      withdrawalReason: withdrawalReason)
  }
}
