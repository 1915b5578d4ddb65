import Foundation
import ZhibiaoPlan

/// Rounding of shares to a precision so that the rounded parts add up to the total exactly,
/// such as district targets in 0.1 亿元 that must add up to the city's target.
public enum LargestRemainder {
  /// Rounds `values`, given in units of the precision (12.34 亿元 at 0.1 亿元 is 123.4), to
  /// whole units that add up to `total` exactly and stay within `lower` and `upper`.
  ///
  /// Largest remainder (Hamilton, 1792; Balinski & Young, *Fair Representation*, 2nd ed.,
  /// 2001): each part is `x_i = clamp(⌊v_i⌋ + t, L_i, U_i)` for the largest whole shift `t`
  /// with `Σ x_i ≤ total` — `t = 0` when the values add up to `total` and no bound binds —
  /// and the `total − Σ x_i` units left go one each to the entries that can still take one, in
  /// order of their remainders `v_i − ⌊v_i⌋`, largest first. Each unit goes where rounding
  /// moves the part least, so the parts are as close to the values as whole units within the
  /// bounds allow; when the values add up to `total` and lie within the bounds, every part
  /// differs from its value by less than one unit.
  ///
  /// Ties are broken, not reported: at the last unit of a precision either choice is as good,
  /// so equal remainders go to the larger value first, then to the lower index. Remainders
  /// that differ by no more than 8·2⁻⁵² of the larger value count as equal, so that values such
  /// as 0.35 / 0.1 and 2.5, whose remainders differ only by binary representation, meet the
  /// documented rule instead of an accident of rounding.
  ///
  /// - Parameters:
  ///   - values: the unrounded parts in units; finite and below 2⁵³ in magnitude.
  ///   - total: the whole number of units the parts must add up to.
  ///   - lower: whole-unit lower bounds, one per value; none when nil.
  ///   - upper: whole-unit upper bounds, one per value; none when nil.
  /// - Throws: ``ApportionmentError`` when a value is not finite, a list has the wrong length,
  ///   a lower bound exceeds its upper bound, the lower bounds add up to more than `total`, or
  ///   the upper bounds to less.
  public static func round(
    _ values: [Double], toUnitsSumming total: Int, lower: [Int]? = nil, upper: [Int]? = nil
  ) throws(ApportionmentError) -> [Int] {
    let limit = 1 << 53
    guard abs(total) < limit else { throw .invalidTotal(total: Double(total)) }
    for (index, value) in values.enumerated() where !value.isFinite || abs(value) >= Double(limit) {
      throw .invalidValue(index: index, value: value)
    }
    if let lower, lower.count != values.count {
      throw .countMismatch(list: "lower bounds", count: lower.count, expected: values.count)
    }
    if let upper, upper.count != values.count {
      throw .countMismatch(list: "upper bounds", count: upper.count, expected: values.count)
    }
    let tooLarge = { (bounds: [Int]?, i: Int) in bounds.map { abs($0[i]) >= limit } ?? false }
    for i in values.indices
    where (lower?[i] ?? .min) > (upper?[i] ?? .max) || tooLarge(lower, i) || tooLarge(upper, i) {
      throw .invalidBounds(index: i, lower: lower.map { Double($0[i]) }, upper: upper.map { Double($0[i]) })
    }
    // Without lower bounds the parts can go as low as needed (none when there are no parts);
    // without upper bounds, as high.
    let lowerSum = lower?.reduce(0, +) ?? (values.isEmpty ? 0 : .min)
    let upperSum = upper?.reduce(0, +) ?? (values.isEmpty ? 0 : .max)
    if lowerSum > total {
      throw .lowerBoundsExceedTotal(total: Double(total), lowerSum: Double(lowerSum), excess: Double(lowerSum - total))
    }
    if upperSum < total {
      throw .capacityBelowTotal(total: Double(total), capacity: Double(upperSum), shortfall: Double(total - upperSum))
    }

    let base = values.map { Int($0.rounded(.down)) }
    func parts(_ shift: Int) -> [Int] {
      values.indices.map { min(max(base[$0] + shift, lower?[$0] ?? .min), upper?[$0] ?? .max) }
    }
    // The largest shift whose parts do not exceed the total, searched between a shift that puts
    // every part at its lower bound (or, without bounds, below the total) and one that puts
    // every part at its upper bound (or above the total).
    let gap = total - base.reduce(0, +)
    var lo = lower.map { zip($0, base).map { $0 - $1 }.min() ?? 0 } ?? min(0, gap) - 1
    var hi = upper.map { zip($0, base).map { $0 - $1 }.max() ?? 0 } ?? max(0, gap) + 1
    while lo < hi {
      let mid = lo + (hi - lo + 1) / 2
      if parts(mid).reduce(0, +) <= total { lo = mid } else { hi = mid - 1 }
    }
    var result = parts(lo)
    let next = parts(lo + 1)
    var open = values.indices.filter { next[$0] > result[$0] }
    for _ in 0..<(total - result.reduce(0, +)) {
      guard let best = open.indices.min(by: { precedes(open[$0], open[$1], in: values) }) else { break }
      result[open[best]] += 1
      open.remove(at: best)
    }
    return result
  }

  /// Rounds `values`, given in the unit of `total` (亿元), to multiples of `precision` (0.1)
  /// that add up to `total` exactly, within optional `lower` and `upper` bounds in the same unit.
  ///
  /// Works in whole units of the precision: `v_i / precision` is rounded by
  /// ``round(_:toUnitsSumming:lower:upper:)`` with `total / precision` units, a lower bound
  /// rounded up and an upper bound rounded down to whole units; each part is then
  /// `units_i × precision` in Decimal, so the parts add up to `total` without rounding error.
  ///
  /// - Throws: ``ApportionmentError`` as the whole-unit rounding does, with amounts in the unit
  ///   of `total`; also when `precision` is not positive or `total` is not a whole multiple of it.
  public static func round(
    _ values: [Double], summingTo total: Decimal, precision: Decimal, lower: [Decimal]? = nil,
    upper: [Decimal]? = nil
  ) throws(ApportionmentError) -> [Decimal] {
    guard precision > 0 else { throw .invalidPrecision(precision: precision) }
    guard DecimalArithmetic.isMultiple(total, of: precision) else {
      throw .totalNotMultipleOfPrecision(total: total, precision: precision)
    }
    func units(_ value: Decimal, roundingUp: Bool) -> Int {
      let exact = value / precision
      let nearest = DecimalArithmetic.rounded(exact, scale: 0, .plain)
      let whole = roundingUp ? (nearest < exact ? nearest + 1 : nearest) : (nearest > exact ? nearest - 1 : nearest)
      return DecimalArithmetic.units(whole, of: 1)
    }
    func amount(_ units: Double) -> Double {
      DecimalArithmetic.double(DecimalArithmetic.value(units: Int(units), of: precision))
    }
    let step = DecimalArithmetic.double(precision)
    let rounded: [Int]
    do throws(ApportionmentError) {
      rounded = try round(
        values.map { $0 / step }, toUnitsSumming: DecimalArithmetic.units(total, of: precision),
        lower: lower?.map { units($0, roundingUp: true) }, upper: upper?.map { units($0, roundingUp: false) })
    } catch {
      switch error {
      case .invalidValue(let index, _):
        throw .invalidValue(index: index, value: values[index])
      case .invalidBounds(let index, _, _):
        throw .invalidBounds(
          index: index, lower: lower.map { DecimalArithmetic.double($0[index]) },
          upper: upper.map { DecimalArithmetic.double($0[index]) })
      case .lowerBoundsExceedTotal(let whole, let sum, let excess):
        throw .lowerBoundsExceedTotal(total: amount(whole), lowerSum: amount(sum), excess: amount(excess))
      case .capacityBelowTotal(let whole, let capacity, let shortfall):
        throw .capacityBelowTotal(total: amount(whole), capacity: amount(capacity), shortfall: amount(shortfall))
      case .invalidTotal:
        throw .invalidTotal(total: DecimalArithmetic.double(total))
      default:
        throw error
      }
    }
    return rounded.map { DecimalArithmetic.value(units: $0, of: precision) }
  }

  /// Whether the entry at `a` takes the next unit before the entry at `b`: the larger
  /// remainder, or for equal remainders the larger value, then the lower index.
  private static func precedes(_ a: Int, _ b: Int, in values: [Double]) -> Bool {
    let ra = values[a] - values[a].rounded(.down)
    let rb = values[b] - values[b].rounded(.down)
    let tolerance = 8 * Double.ulpOfOne * max(abs(values[a]), abs(values[b]))
    if abs(ra - rb) > tolerance { return ra > rb }
    if values[a] != values[b] { return values[a] > values[b] }
    return a < b
  }
}
