import Foundation

/// How a target moves from the base year to the target year.
public enum TimePath: String, Sendable, CaseIterable, Codable {
  /// x_t = x_0 · (1 + g)^t with g = (x_T / x_0)^(1/n) − 1: a constant growth rate, for levels
  /// such as revenue and value added.
  case compound
  /// x_t = x_0 + (x_T − x_0) · t / n: equal steps, for ratios in percentage points and counts
  /// of recognised entities.
  case linear
  /// For "新增 N over the plan period": annual quotas q_1 … q_n with Σq = N, equal as far as
  /// the precision allows (the remainder goes to the later years).
  case quota
  /// The same bound every year: ranks, thresholds, average growth rates.
  case constant
  /// x_t = x_0 + (x_T − x_0) · F(t/n) with the logistic F(u) = (σ(k(u − ½)) − σ(−k/2)) /
  /// (σ(k/2) − σ(−k/2)), k = 6: slow, then fast, then slow — for counts that come late.
  case sCurve = "s_curve"

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

extension Indicator {
  /// Whether figures are whole counts of entities (家, 个, 席, 位).
  public var isCount: Bool {
    precision == 1 && ["家", "个", "席", "位", "项"].contains(unit ?? "")
  }
}
