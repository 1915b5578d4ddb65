import Foundation
import ZhibiaoPlan

extension TimePath {
  /// The path an indicator takes unless its rule says otherwise: compound for flow and stock
  /// amounts, linear for counts and ratios, quota for increases and cumulative additions,
  /// constant for ranks, growth rates and parities.
  public static func `default`(for indicator: Indicator, target: Target) -> TimePath {
    switch target.measure {
    case .increase, .cumulative: return .quota
    case .averageAnnual: return .constant
    case .level: break
    }
    if target.comparator == .parity { return .constant }
    switch indicator.kind {
    case .rank, .growthRate, .qualitative: return .constant
    case .ratio: return .linear
    case .flow: return .compound
    case .stock: return indicator.isCount ? .linear : .compound
    }
  }

  /// The fraction of the way from the base-year value to the target-year value reached after
  /// `t` of `n` years, for the paths that interpolate (linear and S-curve).
  static func progress(_ path: TimePath, t: Int, n: Int) -> Double {
    let u = Double(t) / Double(n)
    switch path {
    case .sCurve:
      let k = 6.0
      func sigma(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
      return (sigma(k * (u - 0.5)) - sigma(-k / 2)) / (sigma(k / 2) - sigma(-k / 2))
    default:
      return u
    }
  }

  /// The value in year `base + t` on the path from `start` to `end` over `n` years.
  /// Compound growth needs two positive ends; otherwise it falls back to linear steps.
  public func value(from start: Double, to end: Double, t: Int, n: Int) -> Double {
    switch self {
    case .constant: return end
    case .compound where start > 0 && end > 0:
      return start * pow(end / start, Double(t) / Double(n))
    case .compound, .linear, .quota, .sCurve:
      return start + (end - start) * Self.progress(self, t: t, n: n)
    }
  }
}
