import Foundation
import ZhibiaoPlan

/// Exact decimal arithmetic for scoring, on 64-bit integers where the figures fit (they always
/// do for figures stated to a few decimals) and on `Decimal` otherwise. Decimal division and
/// rounding are slow (microseconds); a quotient or product rounded half up on integers gives the
/// same digits in nanoseconds.
package enum AssessmentMath {
  /// The largest significand handled on integers, so that products of two stay below 2⁶³.
  private static let limit: Int64 = 999_999_999
  private static let limitDecimal = Decimal(limit)
  private static let powers: [UInt64] = (0...18).map { (0..<$0).reduce(UInt64(1)) { r, _ in r * 10 } }

  /// `value` as a whole significand and a power of ten, when the significand is small.
  static func parts(_ value: Decimal) -> (significand: Int64, exponent: Int)? {
    guard value.isFinite else { return nil }
    let significand = value.significand
    guard significand <= limitDecimal else { return nil }
    let whole = NSDecimalNumber(decimal: significand).int64Value
    return (value.sign == .minus ? -whole : whole, value.exponent)
  }

  /// `magnitude × 10^exponent` with `negative`'s sign, trailing zeros removed.
  package static func decimal(_ magnitude: UInt64, exponent: Int, negative: Bool) -> Decimal {
    var (m, e) = (magnitude, exponent)
    while m != 0, e < 0, m % 10 == 0 {
      m /= 10
      e += 1
    }
    if m == 0 { return 0 }
    return Decimal(sign: negative ? .minus : .plus, exponent: e, significand: Decimal(m))
  }

  /// `numerator ÷ denominator` rounded half away from zero, or nil on overflow.
  private static func divide(_ numerator: UInt64, _ denominator: UInt64) -> UInt64 {
    let (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
    return r >= denominator - r ? q + 1 : q
  }

  /// `10^n`, when it fits.
  private static func power(_ n: Int) -> UInt64? { n >= 0 && n < powers.count ? powers[n] : nil }

  /// `a ÷ b` rounded half away from zero to `scale` decimals; `b` must not be zero.
  static func quotient(_ a: Decimal, _ b: Decimal, scale: Int) -> Decimal {
    if let (ma, ea) = parts(a), let (mb, eb) = parts(b), mb != 0 {
      let shift = ea - eb + scale
      var (numerator, denominator) = (ma.magnitude, mb.magnitude)
      var fits = true
      if shift >= 0, let p = power(shift) {
        let (product, overflow) = numerator.multipliedReportingOverflow(by: p)
        (numerator, fits) = (product, !overflow)
      } else if shift < 0, let p = power(-shift) {
        let (product, overflow) = denominator.multipliedReportingOverflow(by: p)
        (denominator, fits) = (product, !overflow)
      } else {
        fits = false
      }
      if fits {
        return decimal(divide(numerator, denominator), exponent: -scale, negative: (ma < 0) != (mb < 0))
      }
    }
    return DecimalArithmetic.rounded(a / b, scale: scale, .plain)
  }

  /// `a × b` rounded half away from zero to `scale` decimals.
  package static func product(_ a: Decimal, _ b: Decimal, scale: Int) -> Decimal {
    if let (ma, ea) = parts(a), let (mb, eb) = parts(b) {
      let (m, e) = (ma.magnitude * mb.magnitude, ea + eb)
      let negative = (ma < 0) != (mb < 0)
      if -e <= scale { return decimal(m, exponent: e, negative: negative) }
      if let p = power(-e - scale) { return decimal(divide(m, p), exponent: -scale, negative: negative) }
    }
    return DecimalArithmetic.rounded(a * b, scale: scale, .plain)
  }

  /// `value` rounded half away from zero to `scale` decimals.
  static func round(_ value: Decimal, scale: Int) -> Decimal {
    guard -value.exponent > scale else { return value }
    if let (m, e) = parts(value), let p = power(-e - scale) {
      return decimal(divide(m.magnitude, p), exponent: -scale, negative: m < 0)
    }
    return DecimalArithmetic.rounded(value, scale: scale, .plain)
  }

  /// The exact sum of `values`.
  package static func sum(_ values: [Decimal]) -> Decimal {
    var parts: [(Int64, Int)] = []
    parts.reserveCapacity(values.count)
    for value in values {
      guard let part = self.parts(value) else { return values.reduce(Decimal(0), +) }
      parts.append(part)
    }
    let exponent = parts.map(\.1).min() ?? 0
    var total: Int64 = 0
    for (significand, e) in parts {
      guard let p = power(e - exponent) else { return values.reduce(Decimal(0), +) }
      let (scaled, overflow) = significand.multipliedReportingOverflow(by: Int64(p))
      let (next, overflowAgain) = total.addingReportingOverflow(scaled)
      if overflow || overflowAgain { return values.reduce(Decimal(0), +) }
      total = next
    }
    return decimal(total.magnitude, exponent: exponent, negative: total < 0)
  }
}
