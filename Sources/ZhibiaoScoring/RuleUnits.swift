import Foundation
import ZhibiaoPlan

/// The whole numbers every scoring rule computes on: parameters, weights and completion ratios in
/// ten-thousandths, gaps in hundredths of a percentage point, points in hundredths.
///
/// Each rule states its arithmetic once, on these units (`CompletionScoring.points(ratio:…)` and
/// the like), with products taken in 128 bits so that nothing overflows; both the explained
/// scorecards and the dense assessment call it. Converting a decimal to units is exact for anything
/// stated to four decimals; ratios and gaps too large to matter are held at ±10¹⁵, where every rule
/// has long reached its cap or its floor.
///
/// What the dense assessment computes for every line — each rule's `points`, `divide`, and
/// `FixedPoint`'s rounding — is `@inlinable`, so that its scoring loop, in another module, still
/// inlines it.
@usableFromInline
package enum RuleUnits {
  /// The largest ratio or gap carried: beyond it no rule's points change.
  package static let bound: Int64 = 1_000_000_000_000_000

  /// `value` in ten-thousandths; nil when it has more than four decimals or is beyond 10⁹.
  static func tenThousandths(_ value: Decimal) -> Int64? { FixedPoint.tenThousandths(value) }

  /// A ratio already rounded to four decimals, in ten-thousandths, held to ±`bound`.
  static func ratio(_ value: Decimal) -> Int64 { held(value, scale: 4) }

  /// A gap already rounded to two decimals, in hundredths, held to ±`bound`.
  static func gap(_ value: Decimal) -> Int64 { held(value, scale: 2) }

  /// A weight, a rule's parameter or a grade's value in ten-thousandths. The scheme's decoder
  /// refuses any of them stated to more than four decimals, and weights are shared out in
  /// hundredths, so this is exact.
  package static func exact(_ value: Decimal) -> Int64 {
    guard let units = tenThousandths(value) else {
      preconditionFailure("\(value) has more than four decimals or is beyond 10⁹")
    }
    return units
  }

  /// Points in hundredths as a decimal.
  package static func points(_ hundredths: Int64) -> Decimal { FixedPoint.decimal(hundredths, scale: 2) }

  /// `value × 10^scale`, a whole number, held to ±`bound`.
  private static func held(_ value: Decimal, scale: Int) -> Int64 {
    if let units = FixedPoint.units(value, scale: scale) { return max(-bound, min(units, bound)) }
    let rounded = AssessmentMath.round(value, scale: scale)
    var scaled = rounded * Decimal(sign: .plus, exponent: scale, significand: 1)
    if scaled > Decimal(bound) { return bound }
    if scaled < -Decimal(bound) { return -bound }
    var whole = Decimal()
    NSDecimalRound(&whole, &scaled, 0, .plain)
    return NSDecimalNumber(decimal: whole).int64Value
  }

  /// `value ÷ divisor`, rounded half away from zero, as points in hundredths.
  @inlinable @inline(__always)
  package static func divide(_ value: Int128, _ divisor: Int128) -> Int64 {
    let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
    let rounded = r.magnitude * 2 >= divisor.magnitude ? (value < 0 ? q - 1 : q + 1) : q
    return Int64(clamping: rounded)
  }
}

extension NodeReader {
  /// A number of the assessment — a weight, a rule's parameter, a grade's bound or value, points
  /// of a bonus or deduction — which the engine keeps in ten-thousandths: refused with an error at
  /// its place when stated to more than four decimals or beyond 10⁹, so that scoring is exact.
  func assessmentNumber() -> Decimal? {
    guard let value = decimal() else { return nil }
    guard RuleUnits.tenThousandths(value) != nil else {
      error("\(value) has more than four decimals or is beyond 10⁹; the assessment counts in ten-thousandths.")
      return nil
    }
    return value
  }
}
