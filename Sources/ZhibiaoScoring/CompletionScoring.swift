import Foundation
import ZhibiaoPlan

/// 完成率法: score = min(actual ÷ target, cap), zero below an optional floor; for
/// lower-is-better indicators (ranks) the completion is target ÷ actual.
public struct CompletionScoring: AssessmentScoringRule {
  /// The highest completion credited (1.2: at most 120 % of the weight).
  public var cap: Decimal
  /// A completion below this scores 0; nil for none.
  public var floor: Decimal?

  /// The default cap, 1.2 (120 %), of this rule and of the gap rule's points above target.
  public static let defaultCap = Decimal(string: "1.2", locale: nil)!

  /// Creates the rule.
  public init(cap: Decimal = CompletionScoring.defaultCap, floor: Decimal? = nil) {
    self.cap = cap
    self.floor = floor
  }

  public func maximumScore(weight: Decimal) -> Decimal { cap }

  public static let description = ScoringRuleDescription(
    id: "completion",
    name: LocalizedText(zh: "完成率法", en: "Completion rate"),
    formula: LocalizedText(
      zh: "完成率 c = 实际 ÷ 目标（越小越好的指标，如排名：c = 目标 ÷ 实际），四舍五入到0.01%；"
        + "c 低于保底 floor 时得0分，否则得分 = 权重 × min(c, cap)，四舍五入到0.01分。"
        + "目标为0（或越小越好时实际为0）时完成率无定义：达到目标得满分，否则得0分。",
      en: "Completion c = actual ÷ target (for lower-is-better indicators such as ranks, c = target ÷ actual), "
        + "rounded to 0.01 %; below the floor the item scores 0, otherwise points = weight × min(c, cap), "
        + "rounded to 0.01. With a target of 0 (or, lower being better, an actual of 0) c is undefined: "
        + "full points when the target is met, else 0."),
    parameters: [
      ScoringRuleParameter(
        key: "cap", meaning: LocalizedText(zh: "完成率封顶值", en: "the highest completion credited"),
        defaultValue: "1.2"),
      ScoringRuleParameter(
        key: "floor", meaning: LocalizedText(zh: "保底完成率，低于此值不得分", en: "a completion below this scores 0"),
        defaultValue: nil),
    ],
    kinds: [.flow, .stock, .rank],
    examples: [
      ScoringRuleExample(
        yaml: "{ rule: completion }", kind: .flow, precision: AssessmentText.decimal("0.1"), weight: 10,
        actual: AssessmentText.decimal("231.2"), target: 240,
        points: AssessmentText.decimal("9.63"), explanation: "完成率 = 231.2 ÷ 240.0 = 96.33%，得分 = 10 × 0.9633 = 9.63"),
      ScoringRuleExample(
        yaml: "{ rule: completion, cap: 1.2 }", kind: .flow, precision: AssessmentText.decimal("0.1"), weight: 10,
        actual: 300,
        target: 240, points: 12,
        explanation: "完成率 = 300.0 ÷ 240.0 = 125.00%，超过封顶 120%，得分 = 10 × 1.2 = 12.00"),
      ScoringRuleExample(
        yaml: "{ rule: completion, floor: 0.6 }", kind: .flow, precision: AssessmentText.decimal("0.1"), weight: 10,
        actual: 120,
        target: 240, points: 0, explanation: "完成率 = 120.0 ÷ 240.0 = 50.00%，低于保底 60%，得分 = 0"),
      ScoringRuleExample(
        yaml: "{ rule: completion, cap: 1 }", kind: .rank, direction: .lower, precision: 1, weight: 6,
        actual: 5, target: 4, points: AssessmentText.decimal("4.8"),
        explanation: "完成率 = 目标 4 ÷ 实际 5（越小越好） = 80.00%，得分 = 6 × 0.8 = 4.80"),
      ScoringRuleExample(
        yaml: "{ rule: completion }", kind: .stock, precision: 1, weight: 5, actual: 2, target: 0, points: 5,
        explanation: "完成率无定义（目标 0，实际 2），实际 ≥ 目标，视为完成，得分 = 5 × 1 = 5.00"),
    ])

  func score(_ figure: RuleFigure, weight: Decimal, explain: Bool) -> RuleOutcome {
    guard let actual = figure.actual, let target = figure.target else { return .missing(figure) }
    let completion = CompletionRatio(actual: actual, target: target, direction: figure.direction)
    guard let ratio = completion.ratio else {
      return completion.undefinedOutcome(figure, weight: weight, explain: explain)
    }
    if let floor, ratio < floor {
      var outcome = RuleOutcome(completion: ratio, gap: nil, points: 0, status: .scored, explanation: .none)
      if explain {
        let head = completion.head(ratio, figure)
        let f = AssessmentText.percentParameter(floor)
        outcome.explanation = AssessmentText.text(
          "\(head.zh)，低于保底 \(f)，得分 = 0", "\(head.en), below the floor of \(f): 0 points")
      }
      return outcome
    }
    let score = AssessmentText.min(AssessmentText.max(ratio, 0), cap)
    let points = RuleUnits.points(
      Self.points(
        ratio: RuleUnits.ratio(ratio), weight: RuleUnits.exact(weight), cap: RuleUnits.exact(cap),
        floor: floor.map(RuleUnits.exact)))
    var outcome = RuleOutcome(completion: ratio, gap: nil, points: points, status: .scored, explanation: .none)
    guard explain else { return outcome }
    let head = completion.head(ratio, figure)
    let product =
      "\(AssessmentText.plain(weight)) × \(AssessmentText.plain(score)) = \(AssessmentText.pointsText(points))"
    outcome.explanation =
      ratio > cap
      ? AssessmentText.text(
        "\(head.zh)，超过封顶 \(AssessmentText.percentParameter(cap))，得分 = \(product)",
        "\(head.en), above the cap of \(AssessmentText.percentParameter(cap)): points = \(product)")
      : AssessmentText.text("\(head.zh)，得分 = \(product)", "\(head.en); points = \(product)")
    return outcome
  }

  /// 完成率法 on whole numbers: the points (×100) of a completion ratio of `ratio` at a weight of
  /// `weight`, with `cap` and `floor`, all four in ten-thousandths. Below the floor 0; otherwise
  /// weight × min(max(ratio, 0), cap), rounded half away from zero to the hundredth: divided in
  /// 64 bits when the product fits them, as it does for any weight and cap of a real scheme, else
  /// in 128 bits; the same quotient either way.
  @inlinable @inline(__always)
  package static func points(ratio: Int64, weight: Int64, cap: Int64, floor: Int64?) -> Int64 {
    if let floor, ratio < floor { return 0 }
    let held = Swift.min(Swift.max(ratio, 0), cap)
    let (product, overflow) = weight.multipliedReportingOverflow(by: held)
    guard overflow else { return FixedPoint.divide(product, 1_000_000) }
    return RuleUnits.divide(Int128(weight) * Int128(held), 1_000_000)
  }
}
