/// Shares of a total in proportion to weights, within lower and upper bounds: the continuous
/// counterpart of apportionment, for amounts such as 亿元 before they are rounded.
public enum BoundedShares {
  /// Shares `x_i` of `total` proportional to `weights` within the bounds, summing to `total`.
  ///
  /// Solves `x_i = clamp(λ·w_i, L_i, U_i)` with `Σ x_i = total` for the multiplier `λ ≥ 0`:
  /// every entry not held at a bound gets the same amount per unit of weight, `x_i / w_i = λ`.
  /// A missing lower bound is 0 and a missing upper bound is none. An entry of zero weight gets
  /// `clamp(0, L_i, U_i) = L_i`, its lower bound (or 0). The sum `f(λ) = Σ clamp(λ·w_i, L_i, U_i)`
  /// is continuous, non-decreasing and piecewise linear with breakpoints `L_i/w_i` and `U_i/w_i`:
  /// the breakpoints are sorted and the piece where `f` reaches `total` is solved exactly,
  /// `λ = (total − Σ_bound x_i) / Σ_free w_i`, then refined once by the residual in Double. The
  /// result depends only on the entries, not on their order, and is unique even where `λ` is
  /// not — computed directly, rather than by fixing the entries that violate a bound and
  /// rescaling the rest (a loop whose result can depend on the order of the fixes).
  ///
  /// - Throws: ``ApportionmentError`` when the total, a weight or a bound is negative or not
  ///   finite, a list has the wrong length, a lower bound exceeds its upper bound, the lower
  ///   bounds add up to more than `total`, or the entries cannot take `total` in all (a
  ///   zero-weight entry takes only its lower bound). Sums within the rounding of Double
  ///   (about 4·(n + 1)·2⁻⁵² of the larger) count as equal.
  public static func solve(
    total: Double, weights: [Double], lower: [Double?], upper: [Double?]
  ) throws(ApportionmentError) -> [Double] {
    guard total.isFinite, total >= 0 else { throw .invalidTotal(total: total) }
    for (index, weight) in weights.enumerated() where !weight.isFinite || weight < 0 {
      throw .invalidWeight(index: index, weight: weight)
    }
    guard lower.count == weights.count else {
      throw .countMismatch(list: "lower bounds", count: lower.count, expected: weights.count)
    }
    guard upper.count == weights.count else {
      throw .countMismatch(list: "upper bounds", count: upper.count, expected: weights.count)
    }
    for index in weights.indices {
      let bounds = (lower[index] ?? 0, upper[index] ?? .infinity)
      guard bounds.0.isFinite, bounds.0 >= 0, upper[index]?.isFinite ?? true, bounds.0 <= bounds.1 else {
        throw .invalidBounds(index: index, lower: lower[index], upper: upper[index])
      }
    }
    let floors = lower.map { $0 ?? 0 }
    let lowerSum = floors.reduce(0, +)
    let capacity = weights.indices.reduce(0.0) { $0 + (weights[$1] > 0 ? upper[$1] ?? .infinity : floors[$1]) }
    let slack = 4 * Double(weights.count + 1) * Double.ulpOfOne
    if lowerSum > total, lowerSum - total > slack * lowerSum {
      throw .lowerBoundsExceedTotal(total: total, lowerSum: lowerSum, excess: lowerSum - total)
    }
    if capacity < total, total - capacity > slack * total {
      throw .capacityBelowTotal(total: total, capacity: capacity, shortfall: total - capacity)
    }
    return solution(total: total, weights: weights, lower: floors, upper: upper).shares
  }

  /// The multiplier `λ` and the shares `clamp(λ·w_i, L_i, U_i)`.
  struct Solution {
    /// `λ`: 0 when every entry sits at its lower bound, infinite when every entry of positive
    /// weight sits at its upper bound.
    var multiplier: Double
    /// The shares.
    var shares: [Double]
  }

  /// Solves `Σ clamp(λ·w_i, L_i, U_i) = total` for validated, feasible input.
  static func solution(total: Double, weights: [Double], lower: [Double], upper: [Double?]) -> Solution {
    func shares(_ lambda: Double) -> [Double] {
      weights.indices.map { i in
        guard weights[i] > 0 else { return lower[i] }
        return min(max(lambda * weights[i], lower[i]), upper[i] ?? .infinity)
      }
    }
    let lowerSum = lower.reduce(0, +)
    if total <= lowerSum { return Solution(multiplier: 0, shares: lower) }
    let capacity = weights.indices.reduce(0.0) { $0 + (weights[$1] > 0 ? upper[$1] ?? .infinity : lower[$1]) }
    if total >= capacity { return Solution(multiplier: .infinity, shares: shares(.infinity)) }

    // Breakpoints: at L_i/w_i an entry leaves its lower bound, at U_i/w_i it reaches its upper.
    // On each piece f(λ) = bound + slope·λ.
    struct Breakpoint {
      var at: Double
      var leavesLower: Bool
      var index: Int
    }
    var breakpoints: [Breakpoint] = []
    for i in weights.indices where weights[i] > 0 {
      breakpoints.append(Breakpoint(at: lower[i] / weights[i], leavesLower: true, index: i))
      if let u = upper[i] { breakpoints.append(Breakpoint(at: u / weights[i], leavesLower: false, index: i)) }
    }
    breakpoints.sort { ($0.at, $0.leavesLower ? 0 : 1, $0.index) < ($1.at, $1.leavesLower ? 0 : 1, $1.index) }
    var bound = lowerSum
    var slope = 0.0
    var lambda: Double?
    for point in breakpoints {
      if bound + slope * point.at >= total {
        lambda = slope > 0 ? (total - bound) / slope : point.at
        break
      }
      let i = point.index
      if point.leavesLower {
        bound -= lower[i]
        slope += weights[i]
      } else {
        bound += upper[i] ?? 0
        slope -= weights[i]
      }
    }
    var multiplier = lambda ?? (total - bound) / slope

    // One refinement by the residual over the free entries, against cancellation in `bound`.
    let free = weights.indices.filter { i in
      let x = multiplier * weights[i]
      return weights[i] > 0 && x > lower[i] && x < upper[i] ?? .infinity
    }
    let freeWeight = free.reduce(0.0) { $0 + weights[$1] }
    let residual = total - shares(multiplier).reduce(0, +)
    if freeWeight > 0, residual != 0 {
      let refined = multiplier + residual / freeWeight
      let refinedResidual = total - shares(refined).reduce(0, +)
      if abs(refinedResidual) < abs(residual) { multiplier = refined }
    }
    return Solution(multiplier: multiplier, shares: shares(multiplier))
  }
}
