import Foundation
import ZhibiaoPlan

/// A rule that turns an item's figures (or a grade) into points. Self-describing, like a
/// linter's rules: each carries its name, its formula in words, its parameters and worked
/// examples, so that one generic test checks every rule and listings can print them.
public protocol AssessmentScoringRule: Hashable, Sendable {
  /// The rule's name, formula, parameters and examples.
  static var description: ScoringRuleDescription { get }
  /// The most an item can score under this rule, as a multiple of its weight (1.2 for a
  /// completion rate capped at 120 %).
  func maximumScore(weight: Decimal) -> Decimal
}

/// What a scoring rule says about itself.
public struct ScoringRuleDescription: Hashable, Sendable {
  /// The value of `rule:` in the scheme, e.g. `completion`.
  public let id: String
  /// The name, e.g. 完成率法.
  public let name: LocalizedText
  /// The formula in words, as a scorecard's reader needs it.
  public let formula: LocalizedText
  /// The keys the rule takes besides the item's own.
  public let parameters: [ScoringRuleParameter]
  /// The indicator kinds it may score; empty for a rule that scores grades of tasks as well.
  public let kinds: [Indicator.Kind]
  /// Worked examples with their expected points and explanation.
  public let examples: [ScoringRuleExample]

  /// Creates a description.
  public init(
    id: String, name: LocalizedText, formula: LocalizedText, parameters: [ScoringRuleParameter],
    kinds: [Indicator.Kind], examples: [ScoringRuleExample]
  ) {
    self.id = id
    self.name = name
    self.formula = formula
    self.parameters = parameters
    self.kinds = kinds
    self.examples = examples
  }
}

/// A key of a scoring rule in the scheme.
public struct ScoringRuleParameter: Hashable, Sendable {
  /// The key, e.g. `cap`.
  public let key: String
  /// What it means.
  public let meaning: LocalizedText
  /// The value used when the key is left out; nil when the key is required.
  public let defaultValue: String?

  /// Creates a parameter.
  public init(key: String, meaning: LocalizedText, defaultValue: String?) {
    self.key = key
    self.meaning = meaning
    self.defaultValue = defaultValue
  }
}

/// A worked example of a rule: an item written as in the scheme, its figures, and what it
/// must score.
public struct ScoringRuleExample: Hashable, Sendable {
  /// The rule's keys as a YAML flow mapping, e.g. `{ rule: completion, cap: 1.2 }`.
  public let yaml: String
  /// The kind of indicator scored.
  public let kind: Indicator.Kind
  /// Whether more is better.
  public let direction: Indicator.Direction
  /// The indicator's precision.
  public let precision: Decimal?
  /// The item's weight.
  public let weight: Decimal
  /// The actual figure.
  public let actual: Decimal?
  /// The target.
  public let target: Decimal?
  /// The grade (id or Chinese name) of a graded item.
  public let grade: String?
  /// The points it must score.
  public let points: Decimal
  /// The Chinese explanation it must print.
  public let explanation: String

  /// Creates an example.
  public init(
    yaml: String, kind: Indicator.Kind, direction: Indicator.Direction = .higher, precision: Decimal? = nil,
    weight: Decimal, actual: Decimal? = nil, target: Decimal? = nil, grade: String? = nil, points: Decimal,
    explanation: String
  ) {
    self.yaml = yaml
    self.kind = kind
    self.direction = direction
    self.precision = precision
    self.weight = weight
    self.actual = actual
    self.target = target
    self.grade = grade
    self.points = points
    self.explanation = explanation
  }
}

/// The rule of a scheme item: one of the self-describing scoring rules with its parameters.
public enum ScoringRule: Hashable, Sendable {
  /// Completion rate, capped, with an optional floor; inverted for lower-is-better.
  case completion(CompletionScoring)
  /// Gap in percentage points for rates.
  case gap(GapScoring)
  /// Full points at target, ± k points per percentage point of completion, within limits.
  case piecewise(PiecewiseScoring)
  /// An anchored grade (完成 / 基本完成 / 部分完成 / 未完成) × weight.
  case graded(GradedScoring)

  /// Every rule's description, in the order the scheme's documentation lists them.
  public static let all: [ScoringRuleDescription] = [
    CompletionScoring.description, GapScoring.description, PiecewiseScoring.description,
    GradedScoring.description,
  ]

  /// The description of this rule.
  public var description: ScoringRuleDescription {
    switch self {
    case .completion: CompletionScoring.description
    case .gap: GapScoring.description
    case .piecewise: PiecewiseScoring.description
    case .graded: GradedScoring.description
    }
  }

  /// The rule's id, e.g. `completion`.
  public var id: String { description.id }

  /// The most an item of `weight` can score under this rule, in points.
  public func maximumPoints(weight: Decimal) -> Decimal {
    let score =
      switch self {
      case .completion(let rule): rule.maximumScore(weight: weight)
      case .gap(let rule): rule.maximumScore(weight: weight)
      case .piecewise(let rule): rule.maximumScore(weight: weight)
      case .graded(let rule): rule.maximumScore(weight: weight)
      }
    return weight * score
  }

  /// Scores figures, or a grade for a graded rule; the explanation is written only when
  /// `explain` is set (scorecards write it when it is read).
  package func score(_ figure: RuleFigure, grade: AssessmentTaskGrade?, weight: Decimal, explain: Bool) -> RuleOutcome {
    switch self {
    case .completion(let rule): rule.score(figure, weight: weight, explain: explain)
    case .gap(let rule): rule.score(figure, weight: weight, explain: explain)
    case .piecewise(let rule): rule.score(figure, weight: weight, explain: explain)
    case .graded(let rule): rule.score(grade, weight: weight, explain: explain)
    }
  }
}

/// What a quantitative rule reads: the figures and how to read them.
package struct RuleFigure: Hashable, Sendable {
  /// The actual figure, at the indicator's precision.
  package var actual: Decimal?
  /// The target.
  package var target: Decimal?
  /// Whether more is better.
  package var direction: Indicator.Direction
  /// The indicator's precision, for printing.
  var precision: Decimal?

  /// `actual` rounded half up to `precision` when there is one.
  package init(actual: Decimal?, target: Decimal?, direction: Indicator.Direction, precision: Decimal?) {
    self.actual = actual.map { value in precision.map { Self.round(value, to: $0) } ?? value }
    self.target = target
    self.direction = direction
    self.precision = precision
  }

  /// `value` rounded half up to a multiple of `step`; by decimal places, without a division,
  /// when the step is a power of ten (1, 0.1, 0.01) and the value has more places than it.
  static func round(_ value: Decimal, to step: Decimal) -> Decimal {
    let places = DecimalArithmetic.places(of: step)
    if step.significand == 1 { return AssessmentMath.round(value, scale: places) }
    return DecimalArithmetic.rounded(value, toMultipleOf: step)
  }

  package func text(_ value: Decimal) -> String { AssessmentText.figure(value, precision: precision) }
}

/// What a rule made of an item.
package struct RuleOutcome {
  /// The completion ratio, for the rules that compute one.
  package var completion: Decimal?
  /// The gap in percentage points, for the gap rule.
  package var gap: Decimal?
  /// The points, rounded to 0.01.
  package var points: Decimal
  /// Whether there was something to score.
  package var status: AssessmentItemStatus
  /// The numbers and the formula that produced the points; empty unless asked for.
  package var explanation: LocalizedText

  static let noActual = AssessmentText.text("缺少实际值，不得分", "No actual figure; 0 points")
  static let noTarget = AssessmentText.text("缺少目标值，不得分", "No target; 0 points")

  /// No actual figure, or no target: no points.
  static func missing(_ figure: RuleFigure) -> RuleOutcome {
    RuleOutcome(
      completion: nil, gap: nil, points: 0, status: .missing,
      explanation: figure.actual == nil ? noActual : noTarget)
  }
}

extension LocalizedText {
  /// No text: an explanation not yet written.
  static let none = LocalizedText(zh: "", en: "")
}

/// The completion ratio shared by the completion and piecewise rules: actual ÷ target, or
/// target ÷ actual when lower is better, rounded to 0.01 %; nil when the ratio is undefined
/// (a target of 0 or below, or for lower-is-better an actual of 0 or below).
package struct CompletionRatio {
  /// The ratio, rounded; nil when undefined.
  package var ratio: Decimal?
  /// Whether the target is met, by the direction: for an undefined ratio it decides alone.
  var met: Bool

  package init(actual: Decimal, target: Decimal, direction: Indicator.Direction) {
    switch direction {
    case .higher:
      met = actual >= target
      ratio = target > 0 ? AssessmentMath.quotient(actual, target, scale: AssessmentText.ratioScale) : nil
    case .lower:
      met = actual <= target
      ratio = actual > 0 && target > 0 ? AssessmentMath.quotient(target, actual, scale: AssessmentText.ratioScale) : nil
    }
  }

  /// "完成率 = 231.2 ÷ 240.0 = 96.33%" (or "完成率 = 目标 4 ÷ 实际 5（越小越好） = 80.00%").
  func head(_ ratio: Decimal, _ figure: RuleFigure) -> LocalizedText {
    let (a, t) = (figure.text(figure.actual ?? 0), figure.text(figure.target ?? 0))
    let r = AssessmentText.percent(ratio)
    switch figure.direction {
    case .higher:
      return AssessmentText.text("完成率 = \(a) ÷ \(t) = \(r)", "Completion = \(a) ÷ \(t) = \(r)")
    case .lower:
      return AssessmentText.text(
        "完成率 = 目标 \(t) ÷ 实际 \(a)（越小越好） = \(r)", "Completion = target \(t) ÷ actual \(a) (lower is better) = \(r)")
    }
  }

  /// For an undefined ratio: full points when met, none otherwise.
  func undefinedOutcome(_ figure: RuleFigure, weight: Decimal, explain: Bool) -> RuleOutcome {
    let points = met ? AssessmentText.points(weight) : 0
    var outcome = RuleOutcome(completion: nil, gap: nil, points: points, status: .scored, explanation: .none)
    guard explain else { return outcome }
    let (a, t) = (figure.text(figure.actual ?? 0), figure.text(figure.target ?? 0))
    let w = AssessmentText.plain(weight)
    let sign = figure.direction == .higher ? (met ? "≥" : "<") : (met ? "≤" : ">")
    let p = AssessmentText.pointsText(points)
    outcome.explanation =
      met
      ? AssessmentText.text(
        "完成率无定义（目标 \(t)，实际 \(a)），实际 \(sign) 目标，视为完成，得分 = \(w) × 1 = \(p)",
        "Completion undefined (target \(t), actual \(a)); actual \(sign) target counts as met: points = \(w) × 1 = \(p)"
      )
      : AssessmentText.text(
        "完成率无定义（目标 \(t)，实际 \(a)），实际 \(sign) 目标，未完成，得分 = 0",
        "Completion undefined (target \(t), actual \(a)); actual \(sign) target, not met: 0 points")
    return outcome
  }
}
