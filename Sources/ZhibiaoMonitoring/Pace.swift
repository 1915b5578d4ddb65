import ZhibiaoPlan

/// The pace (序时进度) of a figure: how far it has come against what was due by now.
///
/// - Amounts (flows, stocks, counts, ranks): ρ = actual / expected, where expected = annual target ×
///   S_q for a flow's level (S_q the cumulative seasonal share the target book used, q/4 when it
///   used none) and the year-to-date milestone otherwise (interpolated for stocks, counts,
///   increases and cumulative additions). When less is better (ranks) the ratio is inverted:
///   ρ = expected / actual. Points behind b = (1 − ρ) × 100.
/// - Rates (ratios, growth rates, average annual growth): no ratio; b is the gap in percentage
///   points, milestone − actual (actual − milestone when less is better).
///
/// An amount that meets its year-to-date milestone in the target book is on pace (b = 0) even when
/// ρ is a hair below 1: the book rounds district milestones to the precision so that they add up
/// to the city's, and a district exactly on its milestone must not turn yellow for that.
public struct Pace: Hashable, Sendable {
  /// ρ for an amount; NaN for a rate, or when expected ≤ 0 (nothing due yet) or a lower-is-better
  /// actual is not positive.
  public var ratio: Double
  /// b, the points behind that the bands are applied to; ≤ 0 when on pace; NaN when no figure.
  public var pointsBehind: Double

  /// The pace of an amount against `expected`, and against the book's `milestone` when given.
  /// When ρ is undefined the figure is on pace (b = 0) if it meets `expected` and infinitely
  /// behind (red) if not.
  public static func amount(
    actual: Double, expected: Double, direction: Indicator.Direction, milestone: Double = .nan
  ) -> Pace {
    guard actual.isFinite, expected.isFinite else { return Pace(ratio: .nan, pointsBehind: .nan) }
    let higher = direction == .higher
    func meets(_ bound: Double) -> Bool { higher ? actual >= bound : actual <= bound }
    guard expected > 0, higher || actual > 0 else {
      return Pace(ratio: .nan, pointsBehind: meets(expected) ? 0 : .infinity)
    }
    let ratio = higher ? actual / expected : expected / actual
    let behind = (1 - ratio) * 100
    return Pace(ratio: ratio, pointsBehind: behind > 0 && milestone.isFinite && meets(milestone) ? 0 : behind)
  }

  /// The pace of a rate: b = milestone − actual in percentage points (inverted when less is better).
  public static func rate(actual: Double, milestone: Double, direction: Indicator.Direction) -> Pace {
    guard actual.isFinite, milestone.isFinite else { return Pace(ratio: .nan, pointsBehind: .nan) }
    return Pace(ratio: .nan, pointsBehind: direction == .higher ? milestone - actual : actual - milestone)
  }

  /// What an amount is compared with at quarter `quarter`: annual target × S_q for the level of a
  /// flow (`seasonal`), else the milestone.
  public static func expected(
    milestone: Double, annualTarget: Double, share: Double, quarter: Int, seasonal: Bool
  ) -> Double {
    guard seasonal else { return milestone }
    return annualTarget * (share.isNaN ? Double(quarter) / 4 : share)
  }
}
