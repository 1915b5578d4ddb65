import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// A line scored on the decimals of its figures, by the same rule arithmetic: for figures given as
/// decimals, and for units where `LineRule.points` cannot tell.
struct DecimalRule {
  var rule: ScoringRule
  var direction: Indicator.Direction
  var precision: Decimal?

  /// The points (×100) and whether the line was scored.
  func points(figure given: AssessmentFigure, weight: Int64) -> (points: Int64, scored: Bool) {
    let figure = RuleFigure(actual: given.actual, target: given.target, direction: direction, precision: precision)
    let outcome = rule.score(figure, grade: nil, weight: FixedPoint.decimal(weight, scale: 4), explain: false)
    return (FixedPoint.hundredths(outcome.points), outcome.status == .scored)
  }
}
