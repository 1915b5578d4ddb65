import Foundation
import ZhibiaoKernel

/// How a figure's state moves. These need no plan: the store applies them to every write.
extension ReviewRules {
  /// What sending a value of a figure does, as a draft or as submitted (an `approved` or `returned`
  /// status asked for is taken as submitted: only review approves or returns).
  ///
  /// - `current`: the figure's stored status, nil when there is none.
  /// - `sameValue`: whether the value and note equal the stored ones.
  /// - `locked`: whether the figure's org and period are locked.
  ///
  /// A changed approved figure and any move in a locked period are refused: they take a change
  /// request (``changeRequest(current:sameValue:locked:reason:org:period:)``), which the
  /// commission decides.
  public static func submission(
    current: ObservationStatus?, sameValue: Bool, as requested: ObservationStatus, locked: Bool, org: OrgID,
    period: Period
  ) -> Result<FigureChange, ReviewRefusal> {
    let status: ObservationStatus = requested == .draft ? .draft : .submitted
    guard let current else {
      return locked ? .failure(lockedRefusal(org: org, period: period)) : .success(.write(status))
    }
    if sameValue {
      // Sent again as it stands: a draft or a returned figure moves on to submitted; nothing else moves.
      let moves = status == .submitted && (current == .draft || current == .returned)
      guard moves else { return .success(.unchanged) }
      return locked ? .failure(lockedRefusal(org: org, period: period)) : .success(.promote(.submitted))
    }
    if locked { return .failure(lockedRefusal(org: org, period: period)) }
    switch (status, current) {
    case (.draft, .draft): return .success(.write(.draft))
    case (.draft, _):
      return .failure(
        ReviewRefusal(
          .conflict, .draftOverReported,
          zh: "\(org) \(period.zh) 的数据已报送，草稿不能替换已报送、已退回或已审核的数据；请直接报送修改。",
          en:
            "The figures of '\(org)' for \(period) are reported already; a draft never replaces a submitted, returned or approved figure: submit the change instead."
        ))
    case (_, .approved): return .failure(approvedRefusal(org: org, period: period))
    default: return .success(.write(.submitted))
    }
  }

  /// What a review decision does to a figure: only a submitted figure moves (to approved, or to
  /// returned), and nil says it stays as it is. A return needs a comment; nothing in a locked
  /// period moves (`locked` is false for a figure an accepted change request wrote, which must
  /// be reviewed again).
  public static func review(
    current: ObservationStatus, decision: ReviewDecision, comment: String?, locked: Bool, org: OrgID, period: Period
  ) -> Result<ObservationStatus?, ReviewRefusal> {
    if decision == .return, let refusal = returnNeedsComment(comment) { return .failure(refusal) }
    guard current == .submitted else { return .success(nil) }
    if locked { return .failure(lockedRefusal(org: org, period: period)) }
    return .success(decision == .approve ? .approved : .returned)
  }

  /// Refuses a return without a comment: the reporter must learn what to correct.
  public static func returnNeedsComment(_ comment: String?) -> ReviewRefusal? {
    guard comment?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true else { return nil }
    return ReviewRefusal(
      .conflict, .returnNeedsComment, zh: "退回须附说明，告诉报送单位要改什么（--comment）。",
      en: "A return needs a comment telling the reporter what to correct (--comment).")
  }

  /// A decision on a figure revised since the reviewer saw it: it would approve or return a value
  /// nobody looked at.
  public static func staleRefusal(indicator: IndicatorID, seen: Int, current: Int) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .stale,
      zh: "\(indicator) 在您查看之后已被修改（您看到的是第 \(seen) 版，现为第 \(current) 版）；请刷新后重新审核。",
      en:
        "'\(indicator)' has changed since you saw it (you saw revision \(seen); it is now \(current)); reload it and review again."
    )
  }

  /// Nothing in a locked org's period changes, but through a change request that the commission
  /// accepts.
  public static func lockedRefusal(org: OrgID, period: Period) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .locked,
      zh: "\(org) \(period.zh) 的数据已由市发改委锁定，不能直接修改；请提交说明理由的变更申请，经市发改委同意后修改，修改后须重新审核。",
      en:
        "The figures of '\(org)' for \(period) are locked by the commission and cannot change directly; file a change request with a reason, which the commission accepts or rejects; a change accepted needs review again."
    )
  }

  /// An approved figure is never changed over the reviewer's approval: the change is a request
  /// that the commission decides.
  public static func approvedRefusal(org: OrgID, period: Period) -> ReviewRefusal {
    ReviewRefusal(
      .conflict, .approvedNeedsChangeRequest,
      zh: "\(org) \(period.zh) 的数据已审核，不能直接修改；请提交说明理由的变更申请，经市发改委同意后修改，修改后须重新审核。",
      en:
        "The figures of '\(org)' for \(period) are approved and cannot change directly; file a change request with a reason, which the commission accepts or rejects; a change accepted needs review again."
    )
  }
}
