import Foundation
import ZhibiaoMonitoring
import ZhibiaoPlan
import ZhibiaoScoring

extension AssessmentEvents {
  /// The events with a deduction for every notice raised in `year` that waits for an answer past
  /// a deadline it missed, addressed to an org whose section of the scheme counts notices
  /// (`notices: { per_unanswered, cap }`): `per_unanswered` points each, in the deduction category
  /// `notices`, which holds them to `cap` (and the section's deductions to theirs).
  public func addingNoticeDeductions(
    _ notices: [Notice], year: Int, scheme: AssessmentScheme, plan: Plan
  ) -> AssessmentEvents {
    var events = self
    for notice in notices where notice.id.period.year == year && notice.isUnanswered {
      guard let kind = plan.org(notice.org)?.kind, let policy = scheme.section(for: kind)?.notices else { continue }
      events.deductions.append(
        Adjustment(
          org: notice.org, category: AssessmentNoticePolicy.category, points: policy.perUnanswered,
          reason: "督办单 \(notice.id) 逾期未答复 (notice \(notice.id) unanswered past its deadline)"))
    }
    return events
  }
}
