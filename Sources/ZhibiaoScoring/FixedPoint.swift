import Foundation

/// Fixed-point helpers of the rules' whole units (`RuleUnits`) and of the dense assessment;
/// usable from inlinable code, so that a rule's scoring inlines them.
@usableFromInline
package enum FixedPoint {
  /// `value` in ten-thousandths, when it has at most four decimals and is below 10⁹ in size.
  package static func tenThousandths(_ value: Decimal) -> Int64? { units(value, scale: 4) }

  /// `value` in hundredths (points are rounded to 0.01, so this is exact).
  package static func hundredths(_ value: Decimal) -> Int64 { units(value, scale: 2) ?? 0 }

  /// `value` × 10^scale when that is a whole number below 10¹³ in size.
  static func units(_ value: Decimal, scale: Int) -> Int64? {
    if value == 0 { return 0 }
    guard let (significand, exponent) = AssessmentMath.parts(value), exponent + scale >= 0, exponent + scale <= 13
    else { return nil }
    var result = significand
    for _ in 0..<(exponent + scale) { result *= 10 }
    return result.magnitude < 10_000_000_000_000 ? result : nil
  }

  /// `units` × 10^−scale as a decimal.
  package static func decimal(_ units: Int64, scale: Int) -> Decimal {
    AssessmentMath.decimal(units.magnitude, exponent: -scale, negative: units < 0)
  }

  /// `a × b (× c)`, or nil on overflow.
  @inline(__always)
  static func times(_ a: Int64, _ b: Int64, _ c: Int64 = 1) -> Int64? {
    let (ab, first) = a.multipliedReportingOverflow(by: b)
    let (abc, second) = ab.multipliedReportingOverflow(by: c)
    return first || second ? nil : abc
  }

  /// `value ÷ divisor` rounded half away from zero.
  @inlinable @inline(__always)
  package static func divide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
    guard r.magnitude * 2 >= divisor.magnitude else { return q }
    return value < 0 ? q - 1 : q + 1
  }

  /// Whether a figure's shortest decimal form is plain (no exponent) with few enough digits for
  /// the integer paths: zero, or between 10⁻⁴ and 10¹³ in size.
  @inlinable @inline(__always)
  package static func isPlain(_ value: Double) -> Bool {
    let size = abs(value)
    return value == 0 ? value.sign == .plus : size >= 1e-4 && size < 1e13
  }

  /// `x` rounded half away from zero, when `x`, computed in doubles from exact decimals of size
  /// about `scale`, rounds to the same whole number as the exact value would: nil when it lies
  /// within 10⁻¹² × scale of a half, or is too large for the integers.
  @inlinable @inline(__always)
  package static func rounded(_ x: Double, scale: Double? = nil) -> Double? {
    let size = abs(x)
    guard size < 1e13 else { return nil }
    // Truncation is the floor of a size; it needs no library call.
    let whole = Double(Int64(size))
    let fraction = size - whole
    guard abs(fraction - 0.5) > ((scale ?? size) + 1) * 1e-12 else { return nil }
    let magnitude = fraction > 0.5 ? whole + 1 : whole
    return x < 0 ? -magnitude : magnitude
  }
}
