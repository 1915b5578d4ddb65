import Foundation

/// A scoring rule compiled for the lines of one item (or one owned indicator): its parameters in
/// ten-thousandths, and the indicator's direction and precision. A few plain words, so that the
/// dense scoring loop copies it cheaply and reads it without reference counting.
///
/// `points` gives exactly the points of `ScoringRule.score`, in hundredths, working on 64-bit
/// integers: the figures are doubles, and where a double computation cannot tell on which side of
/// a rounding boundary the exact decimal lies (a completion ratio within 10⁻¹² of a half
/// ten-thousandth, say), or a figure is too large or too small for the integers, it returns nil
/// and the caller scores the line on decimals (`DecimalRule`).
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
      guard let cap = Fixed.tenThousandths(r.cap) else { return nil }
      self.cap = cap
      if let floor = r.floor {
        guard let value = Fixed.tenThousandths(floor) else { return nil }
        self.floor = value
      }
    case .gap(let r):
      kind = .gap
      guard let cap = Fixed.tenThousandths(r.cap), let perPoint = Fixed.tenThousandths(r.perPoint),
        let above = Fixed.tenThousandths(r.perPointAbove)
      else { return nil }
      (self.cap, self.perPoint, perPointAbove) = (cap, perPoint, above)
    case .piecewise(let r):
      kind = .piecewise
      guard let perPoint = Fixed.tenThousandths(r.perPoint) else { return nil }
      self.perPoint = perPoint
      if let above = r.maxAbove {
        guard let value = Fixed.tenThousandths(above) else { return nil }
        maxAbove = value
      }
      if let below = r.maxBelow {
        guard let value = Fixed.tenThousandths(below) else { return nil }
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
    guard !decimalOnly, Fixed.isPlain(a), Fixed.isPlain(t) else { return nil }
    // The actual figure at the indicator's precision, half away from zero, in steps of the
    // precision; `units / unit` is the double nearest to it.
    var units = a
    if places >= 0 {
      guard let rounded = Fixed.rounded(a * unit) else { return nil }
      units = rounded
    }
    switch kind {
    case .completion, .piecewise:
      let defined = higher ? t > 0 : units > 0 && t > 0
      guard defined else {
        // The doubles compare as their shortest decimal forms do.
        let actual = units / unit
        let met = higher ? actual >= t : actual <= t
        return (met ? Fixed.divide(weight, 100) : 0, true)
      }
      let target = t * unit
      guard let x = Fixed.rounded((higher ? units / target : target / units) * 10_000) else { return nil }
      let ratio = Int64(x)
      return kind == .completion ? completion(ratio, weight: weight) : piecewise(ratio, weight: weight)
    case .gap:
      let actual = units / unit
      guard let x = Fixed.rounded((higher ? actual - t : t - actual) * 100, scale: (abs(actual) + abs(t)) * 100)
      else { return nil }
      return gap(Int64(x), weight: weight)
    case .graded:
      return nil
    }
  }

  /// 完成率法 on a ratio of `ratio` ten-thousandths.
  @inline(__always)
  private func completion(_ ratio: Int64, weight: Int64) -> (points: Int64, scored: Bool)? {
    if ratio < floor { return (0, true) }
    guard let product = Fixed.times(weight, Swift.min(Swift.max(ratio, 0), cap)) else { return nil }
    return (Fixed.divide(product, 1_000_000), true)
  }

  /// 差距法 on a gap of `gap` hundredths of a percentage point.
  @inline(__always)
  private func gap(_ gap: Int64, weight: Int64) -> (points: Int64, scored: Bool)? {
    if gap >= 0 {
      // ×10⁸ throughout.
      guard let room = Fixed.times(weight, cap - 10_000) else { return nil }
      guard gap > 0, perPointAbove > 0, room > 0 else { return (Fixed.divide(weight, 100), true) }
      guard let bonus = Fixed.times(perPointAbove, gap, 100), let base = Fixed.times(weight, 10_000) else {
        return nil
      }
      let (sum, overflow) = base.addingReportingOverflow(Swift.min(bonus, room))
      return overflow ? nil : (Fixed.divide(sum, 1_000_000), true)
    }
    // ×10⁶ throughout.
    guard let loss = Fixed.times(perPoint, -gap), let base = Fixed.times(weight, 100) else { return nil }
    return (Fixed.divide(Swift.max(base - loss, 0), 10_000), true)
  }

  /// 分段计分法 on a ratio of `ratio` ten-thousandths: e = ratio − 1 in hundredths of a point.
  @inline(__always)
  private func piecewise(_ ratio: Int64, weight: Int64) -> (points: Int64, scored: Bool)? {
    let excess = ratio - 10_000
    // ×10⁶ throughout.
    guard let base = Fixed.times(weight, 100), let change = Fixed.times(perPoint, Swift.abs(excess)),
      let limit = excess >= 0
        ? (maxAbove.map { $0 * 100 } ?? Fixed.times(weight, 20)) : (maxBelow.map { $0 * 100 } ?? base)
    else { return nil }
    let moved = Swift.min(change, limit)
    let (sum, overflow) = excess >= 0 ? base.addingReportingOverflow(moved) : base.subtractingReportingOverflow(moved)
    return overflow ? nil : (Fixed.divide(Swift.max(sum, 0), 10_000), true)
  }

}

/// The same rule for scoring a line on decimals, as `AssessmentScheme.assess` does, when
/// `LineRule.points` cannot tell.
struct DecimalRule {
  var rule: ScoringRule
  var direction: Indicator.Direction
  var precision: Decimal?

  /// The points (×100) and whether the line was scored.
  func points(actual: Double, target: Double, weight: Int64) -> (points: Int64, scored: Bool) {
    let given = AssessmentFigure.doubles(actual: actual, target: target)
    let figure = RuleFigure(actual: given.actual, target: given.target, direction: direction, precision: precision)
    let outcome = rule.score(figure, grade: nil, weight: Fixed.decimal(weight, scale: 4), explain: false)
    return (Fixed.hundredths(outcome.points), outcome.status == .scored)
  }
}

/// Fixed-point helpers of the dense assessment.
enum Fixed {
  /// `value` in ten-thousandths, when it has at most four decimals and is below 10⁹ in size.
  static func tenThousandths(_ value: Decimal) -> Int64? { units(value, scale: 4) }

  /// `value` in hundredths (points are rounded to 0.01, so this is exact).
  static func hundredths(_ value: Decimal) -> Int64 { units(value, scale: 2) ?? 0 }

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
  static func decimal(_ units: Int64, scale: Int) -> Decimal {
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
  @inline(__always)
  static func divide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
    guard r.magnitude * 2 >= divisor.magnitude else { return q }
    return value < 0 ? q - 1 : q + 1
  }

  /// Whether a figure's shortest decimal form is plain (no exponent) with few enough digits for
  /// the integer paths: zero, or between 10⁻⁴ and 10¹³ in size.
  @inline(__always)
  static func isPlain(_ value: Double) -> Bool {
    let size = abs(value)
    return value == 0 ? value.sign == .plus : size >= 1e-4 && size < 1e13
  }

  /// `x` rounded half away from zero, when `x`, computed in doubles from exact decimals of size
  /// about `scale`, rounds to the same whole number as the exact value would: nil when it lies
  /// within 10⁻¹² × scale of a half, or is too large for the integers.
  @inline(__always)
  static func rounded(_ x: Double, scale: Double? = nil) -> Double? {
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
