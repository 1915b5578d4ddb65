import Foundation
import ZhibiaoPlan

/// Every baseline figure, looked up by indicator, org and year.
public struct Baselines: Sendable {
  /// The figures in the order read.
  public let entries: [Baseline]
  private let index: [Key: Int]

  private struct Key: Hashable {
    var indicator: IndicatorID
    var org: OrgID
    var year: Int
  }

  /// Indexes `entries`; a later duplicate never replaces an earlier one.
  public init(_ entries: [Baseline]) {
    self.entries = entries
    var index: [Key: Int] = [:]
    for (offset, entry) in entries.enumerated() {
      let key = Key(indicator: entry.indicator, org: entry.org, year: entry.year)
      if index[key] == nil { index[key] = offset }
    }
    self.index = index
  }

  /// The figure, if known.
  public func baseline(_ indicator: IndicatorID, _ org: OrgID, year: Int) -> Baseline? {
    index[Key(indicator: indicator, org: org, year: year)].map { entries[$0] }
  }

  /// The value, if known.
  public func value(_ indicator: IndicatorID, _ org: OrgID, year: Int) -> Decimal? {
    baseline(indicator, org, year: year)?.value
  }
}
