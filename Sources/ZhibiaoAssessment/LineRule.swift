import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// A scoring rule compiled for the lines of one item (or one owned indicator): its parameters in
/// ten-thousandths, and the indicator's direction and precision. A few plain words, so that the
/// dense scoring loop copies it cheaply and reads it without reference counting.
///
/// `points` takes the dense grid's doubles to the rule's units — the actual figure at the
/// indicator's precision, the completion ratio in ten-thousandths, the gap in hundredths of a point
/// — and scores them by the rule's own arithmetic (`CompletionScoring.points(ratio:…)` and the
/// like), the same that explains a scorecard. Where doubles cannot tell on which side of a rounding
/// boundary the exact decimal lies (a ratio within 10⁻¹² of a half ten-thousandth, say), or a
/// figure is too large or too small for them, it returns nil and the caller takes the figures at
/// their exact decimal form instead (`DecimalRule`).
struct LineRule {
  enum Kind: UInt8 { case completion, gap, piecewise, graded }

  var kind: Kind
  /// Completion and gap: the cap (×10⁴).
  var cap: Int64 = 0
  /// Completion: the floor (×10⁴), or `Int64.min` for none.
  var floor: Int64 = .min
  /// Gap and piecewise: points per percentage point (×10⁴).
  var perPoint: Int64 = 0
  /// Gap: points per percentage point above the target (×10⁴).
  var perPointAbove: Int64 = 0
  /// Piecewise: the most points added and taken off (×10⁴); nil for the defaults.
  var maxAbove: Int64?
  var maxBelow: Int64?
  /// Whether more is better.
  var higher: Bool
  /// The decimals the actual figure is rounded to; −1 when the indicator states no precision.
  var places: Int
  /// 10^places.
  var unit: Double
  /// Whether every line must be scored on decimals (a precision that is not a power of ten).
  var decimalOnly: Bool
  /// Whether the item is a headline item.
  var headline: Bool

  /// Compiles `rule` for an indicator of `direction` and `precision`; nil when a parameter has
  /// more than four decimals.
  init?(_ rule: ScoringRule, direction: Indicator.Direction, precision: Decimal?, headline: Bool) {
    self.headline = headline
    higher = direction == .higher
    if let precision, precision.significand == 1 {
      places = DecimalArithmetic.places(of: precision)
      decimalOnly = places > 12
    } else {
      places = -1
      decimalOnly = precision != nil
    }
    unit = places >= 0 ? pow(10, Double(places)) : 1
    switch rule {
    case .completion(let r):
      kind = .completion
      guard let cap = FixedPoint.tenThousandths(r.cap) else { return nil }
      self.cap = cap
      if let floor = r.floor {
        guard let value = FixedPoint.tenThousandths(floor) else { return nil }
        self.floor = value
      }
    case .gap(let r):
      kind = .gap
      guard let cap = FixedPoint.tenThousandths(r.cap), let perPoint = FixedPoint.tenThousandths(r.perPoint),
        let above = FixedPoint.tenThousandths(r.perPointAbove)
      else { return nil }
      (self.cap, self.perPoint, perPointAbove) = (cap, perPoint, above)
    case .piecewise(let r):
      kind = .piecewise
      guard let perPoint = FixedPoint.tenThousandths(r.perPoint) else { return nil }
      self.perPoint = perPoint
      if let above = r.maxAbove {
        guard let value = FixedPoint.tenThousandths(above) else { return nil }
        maxAbove = value
      }
      if let below = r.maxBelow {
        guard let value = FixedPoint.tenThousandths(below) else { return nil }
        maxBelow = value
      }
    case .graded:
      kind = .graded
    }
  }

  /// The points (×100) and whether the line was scored (false: a figure is missing) of figures
  /// `actual` and `target` at a weight of `weight` ten-thousandths; nil when only decimals can
  /// tell.
  @inline(__always)
  func points(actual a: Double, target t: Double, weight: Int64) -> (points: Int64, scored: Bool)? {
    guard a.isFinite, t.isFinite else { return (0, false) }
    guard !decimalOnly, FixedPoint.isPlain(a), FixedPoint.isPlain(t) else { return nil }
    // The actual figure at the indicator's precision, half away from zero, in steps of the
    // precision; `units / unit` is the double nearest to it.
    var units = a
    if places >= 0 {
      guard let rounded = FixedPoint.rounded(a * unit) else { return nil }
      units = rounded
    }
    switch kind {
    case .completion, .piecewise:
      let defined = higher ? t > 0 : units > 0 && t > 0
      guard defined else {
        // The doubles compare as their shortest decimal forms do.
        let actual = units / unit
        let met = higher ? actual >= t : actual <= t
        return (met ? FixedPoint.divide(weight, 100) : 0, true)
      }
      let target = t * unit
      guard let x = FixedPoint.rounded((higher ? units / target : target / units) * 10_000) else { return nil }
      let ratio = Int64(x)
      return (points(ratio: ratio, weight: weight), true)
    case .gap:
      let actual = units / unit
      guard let x = FixedPoint.rounded((higher ? actual - t : t - actual) * 100, scale: (abs(actual) + abs(t)) * 100)
      else { return nil }
      return (
        GapScoring.points(gap: Int64(x), weight: weight, perPoint: perPoint, perPointAbove: perPointAbove, cap: cap),
        true
      )
    case .graded:
      return nil
    }
  }

  /// The points (×100) of a completion ratio (×10⁴), by the rule's own arithmetic.
  @inline(__always)
  private func points(ratio: Int64, weight: Int64) -> Int64 {
    kind == .completion
      ? CompletionScoring.points(ratio: ratio, weight: weight, cap: cap, floor: floor == .min ? nil : floor)
      : PiecewiseScoring.points(
        ratio: ratio, weight: weight, perPoint: perPoint, maxAbove: maxAbove, maxBelow: maxBelow)
  }
}
