import Foundation
import ZhibiaoPlan

/// The cumulative seasonal shares S_1…S_4 of a flow: the part of a year's total that is
/// usually reached by the end of each quarter (S_4 = 1). Chinese statistics report flows
/// year to date, so a quarter's milestone is the annual target × S_q.
public struct SeasonalProfile: Hashable, Sendable {
  /// S_1, S_2, S_3, S_4.
  public let shares: [Decimal]
  /// Where the profile came from.
  public let origin: Origin

  /// Where a profile came from.
  public enum Origin: Hashable, Sendable {
    /// Estimated from the years listed.
    case history([Int])
    /// Set in the indicator's `decompose.seasonal`.
    case indicator
    /// The plan's default profile.
    case planDefault
    /// Time elapsed (¼, ½, ¾, 1), when nothing else is known.
    case timeElapsed
  }

  /// Time elapsed: ¼, ½, ¾, 1.
  public static let timeElapsed = SeasonalProfile(shares: [0.25, 0.5, 0.75, 1], origin: .timeElapsed)

  /// A profile from given shares.
  public init(shares: [Decimal], origin: Origin) {
    self.shares = shares
    self.origin = origin
  }

  /// S_q for quarter 1–4.
  public func share(_ quarter: Int) -> Decimal { shares[quarter - 1] }

  /// Estimates the profile from year-to-date history: for each year y with all four quarters,
  /// s_{q,y} = C_{q,y} / C_{4,y}; S_q is the median of s_{q,y} over the years not marked
  /// abnormal, rounded to four decimals. Needs at least three such years, else nil.
  ///
  /// The median rather than the mean keeps one odd year (a lockdown quarter) from moving the
  /// profile; abnormal years can also be left out by name.
  public static func estimate(
    yearToDate history: [Int: [Double]], abnormal: Set<Int> = [], minimumYears: Int = 3
  ) -> SeasonalProfile? {
    let years = history.keys.sorted().filter { year in
      guard !abnormal.contains(year), let values = history[year], values.count == 4 else { return false }
      return values[3] > 0
    }
    guard years.count >= minimumYears else { return nil }
    var shares: [Decimal] = []
    for quarter in 0..<3 {
      let ratios = years.map { history[$0]![quarter] / history[$0]![3] }.sorted()
      let middle = ratios.count / 2
      let median = ratios.count % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2
      shares.append(DecimalArithmetic.rounded(Decimal(median), scale: 4, .plain))
    }
    shares.append(1)
    return SeasonalProfile(shares: shares, origin: .history(years))
  }
}
