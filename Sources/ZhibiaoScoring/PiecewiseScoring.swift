import Foundation
import ZhibiaoPlan

/// 分段计分法: full points at the target, plus or minus k points per percentage point of
/// completion above or below 100 %, within limits above and below.
public struct PiecewiseScoring: AssessmentScoringRule {
  /// Points per percentage point of completion away from 100 %.
  public var perPoint: Decimal
  /// The most points added above the target; nil for 0.2 × weight (the default cap of 120 %).
  public var maxAbove: Decimal?
  /// The most points taken off below the target; nil for the whole weight.
  public var maxBelow: Decimal?

  /// Creates the rule.
  public init(perPoint: Decimal, maxAbove: Decimal? = nil, maxBelow: Decimal? = nil) {
    self.perPoint = perPoint
    self.maxAbove = maxAbove
    self.maxBelow = maxBelow
  }

  /// The share of the weight that may be added when `maxAbove` is not given: 0.2, so that the
  /// item scores at most 120 % of its weight, as the completion rule's default cap.
  public static let defaultAboveShare = AssessmentText.decimal("0.2")

  /// The points that may be added for `weight`.
  public func above(weight: Decimal) -> Decimal { maxAbove ?? weight * Self.defaultAboveShare }
  /// The points that may be taken off for `weight`.
  public func below(weight: Decimal) -> Decimal { maxBelow ?? weight }

  public func maximumScore(weight: Decimal) -> Decimal {
    weight > 0 ? 1 + above(weight: weight) / weight : 1
  }

  public static let description = ScoringRuleDescription(
    id: "piecewise",
    name: LocalizedText(zh: "分段计分法", en: "Piecewise points"),
    formula: LocalizedText(
      zh: "完成率 c 同完成率法；e = (c − 100%) 的百分点数，四舍五入到0.01；"
        + "e ≥ 0 时得分 = 权重 + min(per_point × e, max_above)；e < 0 时得分 = 权重 − min(per_point × |e|, max_below)，不低于0。",
      en: "Completion c as in the completion rule; e = c − 100 % in percentage points, rounded to 0.01; "
        + "with e ≥ 0 points = weight + min(per_point × e, max_above); with e < 0, "
        + "points = weight − min(per_point × |e|, max_below), not below 0."),
    parameters: [
      ScoringRuleParameter(
        key: "per_point",
        meaning: LocalizedText(zh: "完成率每偏离1个百分点加减的分数", en: "points per point of completion off 100 %"),
        defaultValue: nil),
      ScoringRuleParameter(
        key: "max_above", meaning: LocalizedText(zh: "最多加分", en: "the most points added"),
        defaultValue: "0.2 × weight"),
      ScoringRuleParameter(
        key: "max_below", meaning: LocalizedText(zh: "最多扣分", en: "the most points taken off"),
        defaultValue: "weight"),
    ],
    kinds: [.flow, .stock, .rank],
    examples: [
      ScoringRuleExample(
        yaml: "{ rule: piecewise, per_point: 0.2, max_above: 1, max_below: 5 }", kind: .flow,
        precision: AssessmentText.decimal("0.1"),
        weight: 5, actual: 105, target: 100, points: 6,
        explanation: "完成率 = 105.0 ÷ 100.0 = 105.00%，高于目标 +5.00个百分点，得分 = 5 + min(0.2 × 5.00, 1) = 6.00"),
      ScoringRuleExample(
        yaml: "{ rule: piecewise, per_point: 0.2, max_above: 1, max_below: 5 }", kind: .flow,
        precision: AssessmentText.decimal("0.1"),
        weight: 5, actual: 90, target: 100, points: 3,
        explanation: "完成率 = 90.0 ÷ 100.0 = 90.00%，低于目标 −10.00个百分点，得分 = 5 − min(0.2 × 10.00, 5) = 3.00"),
      ScoringRuleExample(
        yaml: "{ rule: piecewise, per_point: 0.2, max_above: 1, max_below: 2 }", kind: .flow,
        precision: AssessmentText.decimal("0.1"),
        weight: 5, actual: 50, target: 100, points: 3,
        explanation: "完成率 = 50.0 ÷ 100.0 = 50.00%，低于目标 −50.00个百分点，得分 = 5 − min(0.2 × 50.00, 2) = 3.00"),
    ])

  func score(_ figure: RuleFigure, weight: Decimal, explain: Bool) -> RuleOutcome {
    guard let actual = figure.actual, let target = figure.target else { return .missing(figure) }
    let completion = CompletionRatio(actual: actual, target: target, direction: figure.direction)
    guard let ratio = completion.ratio else {
      return completion.undefinedOutcome(figure, weight: weight, explain: explain)
    }
    let excess = AssessmentText.round((ratio - 1) * 100, AssessmentText.pointScale)
    let limit = excess >= 0 ? above(weight: weight) : below(weight: weight)
    let change = AssessmentText.min(perPoint * (excess >= 0 ? excess : -excess), limit)
    let unbounded = excess >= 0 ? weight + change : weight - change
    let points = RuleUnits.points(
      Self.points(
        ratio: RuleUnits.ratio(ratio), weight: RuleUnits.exact(weight), perPoint: RuleUnits.exact(perPoint),
        maxAbove: maxAbove.map(RuleUnits.exact), maxBelow: maxBelow.map(RuleUnits.exact)))
    var outcome = RuleOutcome(completion: ratio, gap: nil, points: points, status: .scored, explanation: .none)
    guard explain else { return outcome }
    let head = completion.head(ratio, figure)
    if excess == 0 {
      let p = AssessmentText.pointsText(points)
      outcome.explanation = AssessmentText.text("\(head.zh)，达到目标，得满分 \(p)", "\(head.en); on target: full \(p)")
      return outcome
    }
    let (w, k, e) = (
      AssessmentText.plain(weight), AssessmentText.plain(perPoint), AssessmentText.signedPoints(excess)
    )
    let term =
      "min(\(k) × \(AssessmentText.pointsText(excess >= 0 ? excess : -excess)), \(AssessmentText.plain(limit)))"
    let formula: String
    let position: (zh: String, en: String)
    if excess >= 0 {
      position = ("高于目标 \(e)个百分点", "\(e) points above")
      formula = "\(w) + \(term)"
    } else {
      position = ("低于目标 \(e)个百分点", "\(e) points below")
      formula = unbounded < 0 ? "max(\(w) − \(term), 0)" : "\(w) − \(term)"
    }
    let result = "\(formula) = \(AssessmentText.pointsText(points))"
    outcome.explanation = AssessmentText.text(
      "\(head.zh)，\(position.zh)，得分 = \(result)", "\(head.en), \(position.en); points = \(result)")
    return outcome
  }

  /// 分段计分法 on whole numbers: the points (×100) of a completion ratio of `ratio` at a weight of
  /// `weight`, with `perPoint`, `maxAbove` and `maxBelow` (all in ten-thousandths). The excess
  /// e = ratio − 100 % is a whole number of hundredths of a percentage point; the points are
  /// weight ± min(perPoint × |e|, the limit on that side), not below 0, rounded half away from zero
  /// to the hundredth.
  @inlinable @inline(__always)
  package static func points(
    ratio: Int64, weight: Int64, perPoint: Int64, maxAbove: Int64?, maxBelow: Int64?
  ) -> Int64 {
    let excess = Int128(ratio) - 10_000
    // In 10⁻⁶ points.
    let base = Int128(weight) * 100
    let limit =
      excess >= 0
      ? maxAbove.map { Int128($0) * 100 } ?? Int128(weight) * Self.defaultAboveShareUnits / 100
      : maxBelow.map { Int128($0) * 100 } ?? base
    let change = Swift.min(Int128(perPoint) * (excess >= 0 ? excess : -excess), limit)
    return RuleUnits.divide(Swift.max(excess >= 0 ? base + change : base - change, 0), 10_000)
  }

  /// `defaultAboveShare` in ten-thousandths.
  @usableFromInline static let defaultAboveShareUnits = Int128(RuleUnits.exact(defaultAboveShare))
}
