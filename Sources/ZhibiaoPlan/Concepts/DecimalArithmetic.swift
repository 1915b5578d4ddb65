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

  /// `value` rounded to a multiple of `step`, half up unless another mode is given.
  public static func rounded(
    _ value: Decimal, toMultipleOf step: Decimal, _ mode: NSDecimalNumber.RoundingMode = .plain
  ) -> Decimal {
    rounded(value / step, scale: 0, mode) * step
  }

  /// The number of decimal places a step is stated in: 0 for 1, 1 for 0.1, 2 for 0.01.
  public static func places(of step: Decimal) -> Int {
    max(0, -step.exponent)
  }

  /// `value` written with exactly as many decimals as `step` has (2181 at 0.1 is "2181.0").
  public static func text(_ value: Decimal, step: Decimal?) -> String {
    guard let step else { return "\(value)" }
    let places = places(of: step)
    let fixed = rounded(value, scale: places, .plain)
    var text = "\(fixed)"
    guard places > 0 else { return text }
    if !text.contains(".") { text += "." }
    let decimals = text.count - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0) - 1
    return text + String(repeating: "0", count: max(0, places - decimals))
  }

  /// The most whole units of a precision a target or base-year figure may hold (10¹⁵): the
  /// decomposition counts in whole units and weighs them in binary floating point, which holds
  /// whole numbers exactly only below 2⁵³; anything larger would wrap or round without a word.
  public static let largestUnits: Decimal = 1_000_000_000_000_000

  /// Whether `value` is within ``largestUnits`` whole `step`s (of 1 when there is no step).
  public static func fitsUnits(_ value: Decimal, of step: Decimal?) -> Bool {
    var magnitude = value / (step ?? 1)
    if magnitude < 0 { magnitude = -magnitude }
    return magnitude <= largestUnits
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
