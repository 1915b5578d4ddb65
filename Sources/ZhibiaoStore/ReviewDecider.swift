import Foundation
import ZhibiaoKernel

/// What a review decides for each figure it reads, the same on every backend: which figures it
/// may touch, whether the reviewer saw their current revision, and the status each one moves to.
package struct ReviewDecider: Sendable {
  /// The indicators the review covers.
  package let wanted: Set<String>
  /// The source of the revisions it writes: `approval` or `return`.
  package let source: String
  /// The comment, trimmed.
  package let comment: String?
  private let decision: ReviewDecision
  private let seen: [IndicatorID: Int]
  private let org: OrgID
  private let period: Period

  /// Refuses a return without a comment at once, before anything is read.
  package init(
    indicators: [IndicatorID], decision: ReviewDecision, comment: String?, seen: [IndicatorID: Int], org: OrgID,
    period: Period
  ) throws {
    if decision == .return, let refusal = ReviewRules.returnNeedsComment(comment) {
      throw StoreError.refused(refusal, rows: [])
    }
    wanted = Set(indicators.map(\.rawValue))
    source = decision == .approve ? "approval" : "return"
    self.comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
    self.decision = decision
    self.seen = seen
    self.org = org
    self.period = period
  }

  /// The status `indicator`'s figure moves to, nil when it stays as it is (not covered, or not
  /// submitted); a stale revision or a locked period refuses the whole review.
  ///
  /// `source` is the source of the figure's current value: a figure that an accepted change
  /// request wrote is reviewed even in a locked period, since it must be reviewed again and
  /// nothing else could move it there.
  package func next(indicator: String, status: ObservationStatus, revision: Int, source: String, locked: Bool) throws
    -> ObservationStatus?
  {
    guard wanted.contains(indicator) else { return nil }
    let locked = locked && !ChangeRequest.isSource(source)
    if let seen = seen[IndicatorID(indicator)], seen != revision {
      throw StoreError.refused(
        ReviewRules.staleRefusal(indicator: IndicatorID(indicator), seen: seen, current: revision), rows: [])
    }
    switch ReviewRules.review(
      current: status, decision: decision, comment: comment, locked: locked, org: org, period: period)
    {
    case .failure(let refusal): throw StoreError.refused(refusal, rows: [])
    case .success(let status): return status
    }
  }

  /// The comment kept on the figure: a return's, none for an approval.
  package var reviewComment: String? { decision == .return ? comment : nil }

  /// The audit action.
  package var action: AuditAction { decision == .approve ? .approve : .return }
}
