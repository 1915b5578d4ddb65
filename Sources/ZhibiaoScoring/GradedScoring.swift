import Foundation
import ZhibiaoPlan

/// A grade on an anchored scale for a qualitative task or aim (完成 / 基本完成 / 部分完成 /
/// 未完成), worth a fixed share of the item's weight.
public struct AssessmentTaskGrade: Hashable, Sendable {
  /// The id written in the events file, e.g. `basically_completed`; the Chinese name is
  /// accepted there too.
  public var id: String
  /// The name, e.g. 基本完成.
  public var name: LocalizedText
  /// The share of the weight it earns, between 0 and 1.
  public var value: Decimal
  /// The share of an item's milestones completed from which it is given, when grades are computed
  /// from milestones (``TaskGrading/milestones``).
  public var from: Decimal?

  /// Creates a grade.
  public init(id: String, name: LocalizedText, value: Decimal, from: Decimal? = nil) {
    self.id = id
    self.name = name
    self.value = value
    self.from = from
  }

  /// The scale used when the scheme states none: 完成 1.0, 基本完成 0.8, 部分完成 0.5, 未完成 0.
  public static let standard: [AssessmentTaskGrade] = [
    AssessmentTaskGrade(id: "completed", name: LocalizedText(zh: "完成", en: "Completed"), value: 1),
    AssessmentTaskGrade(
      id: "basically_completed", name: LocalizedText(zh: "基本完成", en: "Basically completed"),
      value: AssessmentText.decimal("0.8")),
    AssessmentTaskGrade(
      id: "partly_completed", name: LocalizedText(zh: "部分完成", en: "Partly completed"),
      value: AssessmentText.decimal("0.5")),
    AssessmentTaskGrade(id: "not_completed", name: LocalizedText(zh: "未完成", en: "Not completed"), value: 0),
  ]

  /// The grade of `scale` whose id or Chinese name is `text`.
  public static func find(_ text: String, in scale: [AssessmentTaskGrade]) -> AssessmentTaskGrade? {
    scale.first { $0.id == text || $0.name.zh == text }
  }
}

/// 等级评定法: points = weight × the value of the grade given; no grade, no points.
public struct GradedScoring: AssessmentScoringRule {
  /// The value of the highest grade of the scale (1 on the standard scale).
  public var highest: Decimal

  /// Creates the rule.
  public init(highest: Decimal = 1) {
    self.highest = highest
  }

  public func maximumScore(weight: Decimal) -> Decimal { highest }

  public static let description = ScoringRuleDescription(
    id: "graded",
    name: LocalizedText(zh: "等级评定法", en: "Anchored grades"),
    formula: LocalizedText(
      zh: "按评定等次得分：得分 = 权重 × 等次分值（完成 1.0、基本完成 0.8、部分完成 0.5、未完成 0，方案可另定）；未评定不得分。",
      en: "Points = weight × the value of the grade given (completed 1.0, basically completed 0.8, "
        + "partly completed 0.5, not completed 0, unless the scheme sets others); no grade, no points."),
    parameters: [],
    kinds: [.qualitative],
    examples: [
      ScoringRuleExample(
        yaml: "{ rule: graded }", kind: .qualitative, weight: 10, grade: "基本完成", points: 8,
        explanation: "评定为基本完成（0.8），得分 = 10 × 0.8 = 8.00"),
      ScoringRuleExample(
        yaml: "{ rule: graded }", kind: .qualitative, weight: 10, grade: "partly_completed", points: 5,
        explanation: "评定为部分完成（0.5），得分 = 10 × 0.5 = 5.00"),
      ScoringRuleExample(
        yaml: "{ rule: graded }", kind: .qualitative, weight: 10, points: 0, explanation: "未评定，不得分"),
    ])

  static let notGraded = AssessmentText.text("未评定，不得分", "Not graded; 0 points")

  func score(_ grade: AssessmentTaskGrade?, weight: Decimal, explain: Bool) -> RuleOutcome {
    guard let grade else {
      return RuleOutcome(completion: nil, gap: nil, points: 0, status: .missing, explanation: Self.notGraded)
    }
    let points = RuleUnits.points(
      Self.points(value: RuleUnits.exact(grade.value), weight: RuleUnits.exact(weight)))
    var outcome = RuleOutcome(completion: nil, gap: nil, points: points, status: .scored, explanation: .none)
    guard explain else { return outcome }
    let formula =
      "\(AssessmentText.plain(weight)) × \(AssessmentText.plain(grade.value)) = \(AssessmentText.pointsText(points))"
    outcome.explanation = AssessmentText.text(
      "评定为\(grade.name.zh)（\(AssessmentText.plain(grade.value))），得分 = \(formula)",
      "Graded \(grade.name.en) (\(AssessmentText.plain(grade.value))); points = \(formula)")
    return outcome
  }

  /// 等级评定法 on whole numbers: the points (×100) of a grade worth `value` at a weight of
  /// `weight` (both in ten-thousandths): weight × value, rounded half away from zero to the
  /// hundredth.
  @inlinable @inline(__always)
  package static func points(value: Int64, weight: Int64) -> Int64 {
    RuleUnits.divide(Int128(weight) * Int128(value), 1_000_000)
  }
}
