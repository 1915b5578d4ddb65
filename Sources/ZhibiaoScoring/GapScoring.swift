import Foundation
import ZhibiaoPlan

/// 差距法, for rates in percent (ratios, growth rates): full points at or above the target,
/// minus k points per percentage point below it (not below 0); optionally k′ points per point
/// above it, up to a cap.
public struct GapScoring: AssessmentScoringRule {
  /// Points taken off per percentage point below the target.
  public var perPoint: Decimal
  /// Points added per percentage point above the target; 0 for none.
  public var perPointAbove: Decimal
  /// The most an item can score, as a multiple of its weight.
  public var cap: Decimal

  /// Creates the rule.
  public init(perPoint: Decimal, perPointAbove: Decimal = 0, cap: Decimal = CompletionScoring.defaultCap) {
    self.perPoint = perPoint
    self.perPointAbove = perPointAbove
    self.cap = cap
  }

  public func maximumScore(weight: Decimal) -> Decimal { perPointAbove > 0 ? cap : 1 }

  public static let description = ScoringRuleDescription(
    id: "gap",
    name: LocalizedText(zh: "差距法", en: "Gap in percentage points"),
    formula: LocalizedText(
      zh: "差距 d = 实际 − 目标（越小越好时为 目标 − 实际），单位为百分点，四舍五入到0.01；"
        + "d ≥ 0 得满分，另加 min(per_point_above × d, 权重 × (cap − 1))；"
        + "d < 0 时得分 = max(权重 − per_point × |d|, 0)。",
      en: "Gap d = actual − target (target − actual when lower is better), in percentage points rounded to "
        + "0.01; with d ≥ 0 full points plus min(per_point_above × d, weight × (cap − 1)); with d < 0, "
        + "points = max(weight − per_point × |d|, 0)."),
    parameters: [
      ScoringRuleParameter(
        key: "per_point", meaning: LocalizedText(zh: "低于目标每个百分点扣的分数", en: "points off per point below"),
        defaultValue: nil),
      ScoringRuleParameter(
        key: "per_point_above",
        meaning: LocalizedText(zh: "高于目标每个百分点加的分数", en: "points added per point above"),
        defaultValue: "0"),
      ScoringRuleParameter(
        key: "cap", meaning: LocalizedText(zh: "得分上限（权重的倍数）", en: "the most points, as a multiple of the weight"),
        defaultValue: "1.2"),
    ],
    kinds: [.ratio, .growthRate],
    examples: [
      ScoringRuleExample(
        yaml: "{ rule: gap, per_point: 4 }", kind: .ratio, precision: AssessmentText.decimal("0.01"), weight: 4,
        actual: AssessmentText.decimal("3.80"), target: AssessmentText.decimal("3.92"),
        points: AssessmentText.decimal("3.52"),
        explanation: "差距 = 3.80 − 3.92 = −0.12个百分点，得分 = max(4 − 4 × 0.12, 0) = 3.52"),
      ScoringRuleExample(
        yaml: "{ rule: gap, per_point: 4 }", kind: .ratio, precision: AssessmentText.decimal("0.01"), weight: 4,
        actual: AssessmentText.decimal("4.10"), target: AssessmentText.decimal("3.92"),
        points: 4, explanation: "差距 = 4.10 − 3.92 = +0.18个百分点，达到目标，得满分 4.00"),
      ScoringRuleExample(
        yaml: "{ rule: gap, per_point: 0.5, per_point_above: 0.2, cap: 1.1 }", kind: .growthRate,
        precision: AssessmentText.decimal("0.01"), weight: 3, actual: AssessmentText.decimal("24.5"), target: 20,
        points: AssessmentText.decimal("3.3"),
        explanation: "差距 = 24.50 − 20.00 = +4.50个百分点，得分 = 3 + min(0.2 × 4.50, 0.3) = 3.30"),
      ScoringRuleExample(
        yaml: "{ rule: gap, per_point: 0.5 }", kind: .growthRate, precision: AssessmentText.decimal("0.01"), weight: 3,
        actual: 12,
        target: 20, points: 0, explanation: "差距 = 12.00 − 20.00 = −8.00个百分点，得分 = max(3 − 0.5 × 8.00, 0) = 0.00"),
    ])

  func score(_ figure: RuleFigure, weight: Decimal, explain: Bool) -> RuleOutcome {
    guard let actual = figure.actual, let target = figure.target else { return .missing(figure) }
    let raw = figure.direction == .higher ? actual - target : target - actual
    let gap = AssessmentText.round(raw, AssessmentText.pointScale)
    let room = weight * (cap - 1)
    let rewarded = gap > 0 && perPointAbove > 0 && room > 0
    let points = RuleUnits.points(
      Self.points(
        gap: RuleUnits.gap(gap), weight: RuleUnits.exact(weight), perPoint: RuleUnits.exact(perPoint),
        perPointAbove: RuleUnits.exact(perPointAbove), cap: RuleUnits.exact(cap)))
    var outcome = RuleOutcome(completion: nil, gap: gap, points: points, status: .scored, explanation: .none)
    guard explain else { return outcome }
    let (a, t) = (figure.text(actual), figure.text(target))
    let d = AssessmentText.signedPoints(gap)
    let head =
      figure.direction == .higher
      ? AssessmentText.text("差距 = \(a) − \(t) = \(d)个百分点", "Gap = \(a) − \(t) = \(d) percentage points")
      : AssessmentText.text(
        "差距 = 目标 \(t) − 实际 \(a) = \(d)个百分点（越小越好）",
        "Gap = target \(t) − actual \(a) = \(d) percentage points (lower is better)")
    let w = AssessmentText.plain(weight)
    let p = AssessmentText.pointsText(points)
    if gap >= 0, rewarded {
      let formula =
        "\(w) + min(\(AssessmentText.plain(perPointAbove)) × \(AssessmentText.pointsText(gap)), "
        + "\(AssessmentText.plain(room))) = \(p)"
      outcome.explanation = AssessmentText.text("\(head.zh)，得分 = \(formula)", "\(head.en); points = \(formula)")
    } else if gap >= 0 {
      outcome.explanation = AssessmentText.text("\(head.zh)，达到目标，得满分 \(p)", "\(head.en); target met: full \(p)")
    } else {
      let formula =
        "max(\(w) − \(AssessmentText.plain(perPoint)) × \(AssessmentText.pointsText(-gap)), 0) = \(p)"
      outcome.explanation = AssessmentText.text("\(head.zh)，得分 = \(formula)", "\(head.en); points = \(formula)")
    }
    return outcome
  }

  /// 差距法 on whole numbers: the points (×100) of a gap of `gap` hundredths of a percentage point at
  /// a weight of `weight`, with `perPoint`, `perPointAbove` and `cap` (all three and the weight in
  /// ten-thousandths). At or above the target the full weight, plus min(perPointAbove × gap,
  /// weight × (cap − 1)) when above and rewarded; below it max(weight − perPoint × |gap|, 0); rounded
  /// half away from zero to the hundredth.
  @inlinable @inline(__always)
  package static func points(gap: Int64, weight: Int64, perPoint: Int64, perPointAbove: Int64, cap: Int64) -> Int64 {
    let w = Int128(weight)
    if gap >= 0 {
      // In 10⁻⁸ points.
      let room = w * Int128(cap - 10_000)
      guard gap > 0, perPointAbove > 0, room > 0 else { return RuleUnits.divide(w, 100) }
      return RuleUnits.divide(w * 10_000 + Swift.min(Int128(perPointAbove) * Int128(gap) * 100, room), 1_000_000)
    }
    // In 10⁻⁶ points.
    return RuleUnits.divide(Swift.max(w * 100 - Int128(perPoint) * Int128(-gap), 0), 10_000)
  }
}
