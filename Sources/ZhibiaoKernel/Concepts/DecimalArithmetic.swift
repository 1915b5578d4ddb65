import Foundation

/// Exact decimal steps: multiples, rounding and conversion to whole units of a precision.
public enum DecimalArithmetic {
  /// Whether `value` is a whole multiple of `step` (1.5 of 0.1 is; 1.55 is not).
  public static func isMultiple(_ value: Decimal, of step: Decimal) -> Bool {
    let quotient = value / step
    return rounded(quotient, scale: 0, .plain) == quotient
  }

  /// `value` rounded to `scale` decimal places.
  public static func rounded(_ value: Decimal, scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, scale, mode)
    return result
  }

  /// `value` rounded half up to a multiple of `step`.
  public static func rounded(_ value: Decimal, toMultipleOf step: Decimal) -> Decimal {
    rounded(value / step, scale: 0, .plain) * step
  }

  /// The whole number of `step`s in `value`, rounded half up (13000 亿元 at 0.1 is 130000).
  public static func units(_ value: Decimal, of step: Decimal) -> Int {
    NSDecimalNumber(decimal: rounded(value / step, scale: 0, .plain)).intValue
  }

  /// `units` steps of `step` as a decimal (130000 × 0.1 is 13000).
  public static func value(units: Int, of step: Decimal) -> Decimal {
    Decimal(units) * step
  }

  /// A decimal as a Double, for arithmetic where exactness is restored by rounding afterwards.
  public static func double(_ value: Decimal) -> Double {
    NSDecimalNumber(decimal: value).doubleValue
  }
}
