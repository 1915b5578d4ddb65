import Foundation

/// The value of an indicator for an org in a year before the plan's targets apply — the
/// starting point that targets are decomposed from.
public struct Baseline: Hashable, Sendable {
  /// Whether a figure was published or is a stand-in.
  public enum Basis: String, Sendable, CaseIterable, Codable {
    /// Reported in a published source, named in `source`.
    case reported
    /// A plausible stand-in for demonstration, not an official statistic.
    case illustrative
    /// The previous plan's year-end figure in the store, carried over as this plan's starting
    /// point (`zhibiao plan new`); `source` names the plan and the period.
    case previousPlan = "previous_plan"
  }

  /// The indicator.
  public var indicator: IndicatorID
  /// The org: a district, or the owner bureau for the city figure.
  public var org: OrgID
  /// The year.
  public var year: Int
  /// The value in the indicator's unit.
  public var value: Decimal
  /// Published or illustrative.
  public var basis: Basis
  /// Where a reported figure was published.
  public var source: String?
  /// Where the figure was read from.
  public var location: SourceLocation

  /// Creates a baseline.
  public init(
    indicator: IndicatorID, org: OrgID, year: Int, value: Decimal, basis: Basis, source: String? = nil,
    location: SourceLocation
  ) {
    self.indicator = indicator
    self.org = org
    self.year = year
    self.value = value
    self.basis = basis
    self.source = source
    self.location = location
  }
}
