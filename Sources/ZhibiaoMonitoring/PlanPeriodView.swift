import Foundation
import ZhibiaoPlan

/// The plan-period view of a figure: from the base year to the target year, against time elapsed.
///
/// - 目标一致法 (the target-consistency method of mid-term plan evaluations): progress
///   p = (x_t − x_0)/(x_T − x_0), time elapsed τ = t/n, and the category of `MidTermCategory`;
/// - Open SDG's ratio of actual to required compound growth (`GrowthStatus`):
///   CR_a = (x_t/x_0)^(1/t) − 1, CR_r = (x_T/x_0)^(1/n) − 1, R = d·CR_a/|CR_r|.
///
/// x_t is the latest year-end figure (the current year's at Q4, last year's before), in the
/// target's measure; x_0 the base year's; x_T the target-year target; t and n years since the base
/// year. Compound growth needs x_0, x_t, x_T > 0 (an increase from 0 has progress but no growth
/// rate).
public struct PlanPeriodView: Hashable, Sendable {
  /// p; NaN when x_0 is unknown or equals x_T.
  public var progress: Double
  /// τ = t/n.
  public var timeElapsed: Double
  /// Whether x_t already meets x_T.
  public var achieved: Bool
  /// The mid-term category.
  public var category: MidTermCategory?
  /// CR_a.
  public var growthActual: Double
  /// CR_r.
  public var growthRequired: Double
  /// R = d·CR_a/|CR_r|.
  public var growthRatio: Double
  /// Open SDG's status of R.
  public var growthStatus: GrowthStatus?

  /// The view of `current` (x_t) after `years` (t) of `span` (n), from `base` (x_0) towards
  /// `target` (x_T). NaN inputs give NaN results.
  public static func of(
    current: Double, base: Double, target: Double, years: Int, span: Int, direction: Indicator.Direction,
    settings: MonitoringSettings
  ) -> PlanPeriodView {
    let elapsed = Self.elapsed(years: years, span: span)
    let higher = direction == .higher
    let achieved = current.isFinite && target.isFinite && (higher ? current >= target : current <= target)
    let progress = base.isFinite && target != base ? (current - base) / (target - base) : .nan
    var actual = Double.nan
    var required = Double.nan
    var ratio = Double.nan
    if base > 0, current > 0, target > 0, years >= 1, span >= 1 {
      actual = root(current / base, years) - 1
      required = root(target / base, span) - 1
      ratio = Self.ratio(actual: actual, required: required, direction: direction)
    }
    return PlanPeriodView(
      progress: progress, timeElapsed: elapsed, achieved: achieved,
      category: MidTermCategory.of(progress: progress, elapsed: elapsed, achieved: achieved, settings: settings),
      growthActual: actual, growthRequired: required, growthRatio: ratio,
      growthStatus: GrowthStatus.of(ratio: ratio, achieved: achieved, settings: settings))
  }

  /// x^(1/n) for a whole n ≥ 1. A plan of four or two years takes the root by square roots,
  /// which cost a tenth of `pow` in the full pass (two per row): the square root is correctly
  /// rounded, so a fourth root taken as the root of a root is within one unit in the last place
  /// of the real one, as `pow`'s is. Other spans take `pow`.
  @inline(__always)
  package static func root(_ x: Double, _ n: Int) -> Double {
    switch n {
    case 1: x
    case 2: x.squareRoot()
    case 4: x.squareRoot().squareRoot()
    default: pow(x, 1 / Double(n))
    }
  }

  /// τ = t/n; NaN without a span.
  static func elapsed(years: Int, span: Int) -> Double {
    span > 0 ? Double(years) / Double(span) : .nan
  }

  /// R = d·CR_a/|CR_r|; NaN when CR_r is 0 or NaN.
  @inline(__always)
  static func ratio(actual: Double, required: Double, direction: Indicator.Direction) -> Double {
    required != 0 && !required.isNaN ? (direction == .higher ? 1 : -1) * actual / abs(required) : .nan
  }

  /// No view (no year-end yet, or a parity).
  static let none = PlanPeriodView(
    progress: .nan, timeElapsed: .nan, achieved: false, category: nil, growthActual: .nan, growthRequired: .nan,
    growthRatio: .nan, growthStatus: nil)
}
