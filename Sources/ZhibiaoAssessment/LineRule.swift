import Foundation
import ZhibiaoMonitoring
import ZhibiaoPlan
import ZhibiaoScoring

/// A scoring rule compiled for the lines of one item (or one owned indicator): its parameters in
/// ten-thousandths, and the indicator's direction and precision. A few plain words, so that the
/// dense scoring loop copies it cheaply and reads it without reference counting.
///
/// `points` takes the dense grid's exact units to the rule's units — the actual figure rounded to
/// the indicator's precision, the completion ratio in ten-thousandths, the gap in hundredths of a
/// point, each rounded half away from zero in integers — and scores them by the rule's own
/// arithmetic (`CompletionScoring.points(ratio:…)` and the like), the same that explains a
/// scorecard. For a precision that is not a power of ten, or figures with more than 18 decimals
/// between them, it returns nil and the caller scores the figures as decimals (`DecimalRule`).
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
  /// Whether every line must be scored on decimals (a precision that is not a power of ten).
  var decimalOnly: Bool
  /// Whether the item is a headline item.
  var headline: Bool
  /// `RuleUnits.bound`, kept here so that the scoring loop reads no global.
  let bound = RuleUnits.bound

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
  /// `actual` and `target`, in units of 10^−`actualPlaces` and 10^−`targetPlaces`, at a weight of
  /// `weight` ten-thousandths; nil when only decimals can tell.
  @inline(__always)
  func points(
    actual a: Int64, _ actualPlaces: Int, target t: Int64, _ targetPlaces: Int, weight: Int64
  ) -> (points: Int64, scored: Bool)? {
    guard a != FigureGrid.none, t != FigureGrid.none else { return (0, false) }
    guard !decimalOnly else { return nil }
    // The actual figure at the indicator's precision, half away from zero.
    var (units, scale) = (a, actualPlaces)
    if places >= 0 && scale > places {
      units = FixedPoint.divide(units, Self.powers[scale - places])
      scale = places
    }
    // Both figures at the same scale: the fast path when they already are and nothing overflows.
    let common = max(scale, targetPlaces)
    guard common < Self.powers.count else { return nil }
    if scale == targetPlaces, units.magnitude < 1 << 49, t.magnitude < 1 << 49 {
      return score(units, t, scale: common, weight: weight)
    }
    return score(
      Int128(units) * Int128(Self.powers[common - scale]), Int128(t) * Int128(Self.powers[common - targetPlaces]),
      scale: common, weight: weight)
  }

  /// 10⁰ … 10¹⁸.
  static let powers: [Int64] = (0...18).map { (0..<$0).reduce(Int64(1)) { result, _ in result * 10 } }

  /// The points of actual `a` and target `t`, both in units of 10^−scale, in integers wide enough
  /// that nothing overflows: the ratio ×10⁴ and the gap ×100 rounded half away from zero, held to
  /// ±`RuleUnits.bound`.
  @inline(__always)
  private func score<Units: FixedWidthInteger & SignedInteger>(
    _ a: Units, _ t: Units, scale: Int, weight: Int64
  ) -> (points: Int64, scored: Bool)? {
    switch kind {
    case .completion, .piecewise:
      guard higher ? t > 0 : a > 0 && t > 0 else {
        let met = higher ? a >= t : a <= t
        return (met ? FixedPoint.divide(weight, 100) : 0, true)
      }
      let ratio = higher ? Self.divide(a * 10_000, t) : Self.divide(t * 10_000, a)
      return (points(ratio: held(ratio), weight: weight), true)
    case .gap:
      let gap = Self.divide((higher ? a - t : t - a) * 100, Units(Self.powers[scale]))
      return (
        GapScoring.points(
          gap: held(gap), weight: weight, perPoint: perPoint, perPointAbove: perPointAbove, cap: cap),
        true
      )
    case .graded:
      return nil
    }
  }

  /// `value ÷ divisor` (a positive divisor) rounded half away from zero.
  @inline(__always)
  private static func divide<Units: FixedWidthInteger & SignedInteger>(_ value: Units, _ divisor: Units) -> Units {
    let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
    guard r.magnitude * 2 >= divisor.magnitude else { return q }
    return value < 0 ? q - 1 : q + 1
  }

  /// `value` held to ±`RuleUnits.bound`.
  @inline(__always)
  private func held<Units: FixedWidthInteger & SignedInteger>(_ value: Units) -> Int64 {
    max(-bound, min(Int64(clamping: value), bound))
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
