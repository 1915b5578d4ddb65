import Foundation
import ZhibiaoKernel

/// How change requests move. These need no plan: the store applies them to every filing and
/// decision; who decides is ``ReviewRules/decideChange(by:as:)``.
extension ReviewRules {
  /// Whether a change of a figure may be filed as a change request: it needs a reason, and only
  /// a figure that a submission may not change — an approved one, or any in a locked org's
  /// period — takes one; for any other an ordinary submission is the way.
  ///
  /// - `current`: the figure's stored status, nil when there is none.
  /// - `sameValue`: whether the value and note proposed equal the stored ones.
  /// - `locked`: whether the figure's org and period are locked.
  public static func changeRequest(
    current: ObservationStatus?, sameValue: Bool, locked: Bool, reason: String?, org: OrgID, period: Period
  ) -> ReviewRefusal? {
    if let refusal = changeNeedsReason(reason) { return refusal }
    switch submission(current: current, sameValue: sameValue, as: .submitted, locked: locked, org: org, period: period)
    {
    case .failure(let refusal) where refusal.rule == .locked || refusal.rule == .approvedNeedsChangeRequest:
      return nil
    case .failure(let refusal): return refusal
    case .success(.unchanged):
      return ReviewRefusal(
        .conflict, .changeNotNeeded, zh: "变更申请的数值和说明与 \(org) \(period.zh) 的现有数据相同，无需变更。",
        en: "The change request proposes the value and note that the figure of '\(org)' for \(period) has already.")
    case .success:
      return ReviewRefusal(
        .conflict, .changeNotNeeded,
        zh: "\(org) \(period.zh) 的该项数据未审核、也未锁定，无需变更申请；请直接报送修改。",
        en:
          "The figure of '\(org)' for \(period) is neither approved nor locked: submit the change as usual, no change request is needed."
      )
    }
  }

  /// Whether a submission row that a submission may not write becomes a change request: when the
  /// submission gives a reason and is not a draft (a draft never asks to change a reported figure).
  public static func filesChangeRequest(_ refusal: ReviewRefusal, status: ObservationStatus, reason: String?) -> Bool {
    (refusal.rule == .locked || refusal.rule == .approvedNeedsChangeRequest) && status != .draft
      && changeNeedsReason(reason) == nil
  }

  /// Refuses a change request without a reason: the commission must learn why.
  public static func changeNeedsReason(_ reason: String?) -> ReviewRefusal? {
    guard reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true else { return nil }
    return ReviewRefusal(
      .conflict, .changeNeedsReason, zh: "变更申请须说明理由（--reason）。",
      en: "A change request needs a reason (--reason).")
  }

  /// Refuses a rejection without a comment: the reporter must learn why.
  public static func rejectNeedsComment(_ comment: String?) -> ReviewRefusal? {
    guard comment?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true else { return nil }
    return ReviewRefusal(
      .conflict, .rejectNeedsComment, zh: "驳回变更申请须附说明，告诉申请单位原因（--comment）。",
      en: "A rejection needs a comment telling the reporter why (--comment).")
  }

  /// The same change of the same figure is pending already.
  public static func duplicateChangeRefusal(id: Int, indicator: IndicatorID, org: OrgID, period: Period)
    -> ReviewRefusal
  {
    ReviewRefusal(
      .conflict, .changeDuplicate, zh: "\(indicator) × \(org) × \(period.zh) 的相同变更申请 #\(id) 正待处理，无需重复提交。",
      en: "An identical change request of \(indicator) × '\(org)' × \(period) is pending already (#\(id)).")
  }

  /// A request is decided once.
  public static func decidedRefusal(id: Int, state: ChangeRequest.State) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .changeDecided, zh: "变更申请 #\(id) 已处理（\(state.zh)），不能再次处理。",
      en: "Change request #\(id) has been decided already (\(state.rawValue)).")
  }

  /// No request of this number in the plan.
  public static func unknownChangeRefusal(id: Int) -> ReviewRefusal {
    ReviewRefusal(
      .notFound, .changeUnknown, zh: "没有编号为 #\(id) 的变更申请。", en: "There is no change request #\(id).")
  }

  /// Accepting a request filed against a revision the figure has moved on from would write over
  /// a value its reporter never saw.
  public static func staleChangeRefusal(id: Int, seen: Int, current: Int) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .stale,
      zh: "变更申请 #\(id) 提交后，该项数据已被修改（申请时为第 \(seen) 版，现为第 \(current) 版）；请驳回，由报送单位按现有数据重新申请。",
      en:
        "The figure of change request #\(id) has changed since it was filed (revision \(seen) then, \(current) now); reject it, and the reporter files a new one against the current figure."
    )
  }
}
