import Foundation

/// A line scored on the exact decimal forms of its figures, by the same rule arithmetic, when
/// `LineRule.points` cannot tell from doubles.
struct DecimalRule {
  var rule: ScoringRule
  var direction: Indicator.Direction
  var precision: Decimal?

  /// The points (×100) and whether the line was scored.
  func points(actual: Double, target: Double, weight: Int64) -> (points: Int64, scored: Bool) {
    let given = AssessmentFigure.doubles(actual: actual, target: target)
    let figure = RuleFigure(actual: given.actual, target: given.target, direction: direction, precision: precision)
    let outcome = rule.score(figure, grade: nil, weight: FixedPoint.decimal(weight, scale: 4), explain: false)
    return (FixedPoint.hundredths(outcome.points), outcome.status == .scored)
  }
}
