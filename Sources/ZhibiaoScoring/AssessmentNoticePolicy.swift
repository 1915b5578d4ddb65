import Foundation
import ZhibiaoPlan

/// How a section of the scheme counts supervision notices (`notices:` in `assessment.yaml`): a
/// deduction of `perUnanswered` points for every notice raised in the year assessed that still
/// waits for its answer past a deadline it missed, at most `cap` in all. The deductions are
/// counted in the section's deductions, in the category `notices`, so that the scorecard states
/// them with the others: 督办单逾期未答复 min(0.5 + 0.5 + …, 上限 2).
public struct AssessmentNoticePolicy: Hashable, Sendable {
  /// The deduction category the notices' deductions are counted in.
  public static let category = "notices"

  /// Points deducted per unanswered notice.
  public var perUnanswered: Decimal
  /// The most points deducted for notices.
  public var cap: Decimal

  /// Creates a policy.
  public init(perUnanswered: Decimal, cap: Decimal) {
    self.perUnanswered = perUnanswered
    self.cap = cap
  }

  /// The deduction category the policy adds to the section's deductions.
  public var deductionCategory: AssessmentEventCategory {
    AssessmentEventCategory(
      id: Self.category,
      name: LocalizedText(zh: "督办单逾期未答复", en: "Supervision notices unanswered past their deadline"),
      points: perUnanswered, cap: cap)
  }
}

extension SchemeDecoder {
  static let noticeKeys = ["per_unanswered", "cap"]

  /// A section's `notices:` policy.
  func noticePolicy(_ reader: NodeReader, context: String) -> AssessmentNoticePolicy? {
    guard let mapping = reader.mapping() else { return nil }
    let policyContext = "'notices' of \(context)"
    mapping.allowOnly(Self.noticeKeys, in: policyContext)
    let points = mapping.required("per_unanswered", in: policyContext).flatMap {
      positive($0, "The points per unanswered notice of \(policyContext)")
    }
    let cap = mapping.required("cap", in: policyContext).flatMap { positive($0, "The cap of \(policyContext)") }
    guard let points, let cap else { return nil }
    return AssessmentNoticePolicy(perUnanswered: points, cap: cap)
  }

  /// The section's deductions with the notices' category added (a deduction policy capped at the
  /// notices' cap when the section has none); refuses a category of its own named `notices`.
  func deduction(
    _ deduction: AssessmentAdjustmentPolicy?, adding notices: AssessmentNoticePolicy?, at reader: NodeReader?
  ) -> AssessmentAdjustmentPolicy? {
    guard let notices else { return deduction }
    var policy = deduction ?? AssessmentAdjustmentPolicy(cap: notices.cap)
    if policy.category(AssessmentNoticePolicy.category) != nil {
      reader?.error(
        "The deduction category 'notices' is kept for supervision notices, which 'notices' counts.",
        hint: "rename the category")
    }
    policy.categories.append(notices.deductionCategory)
    return policy
  }
}
