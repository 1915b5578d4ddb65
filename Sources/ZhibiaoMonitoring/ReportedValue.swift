import Foundation
import ZhibiaoObservations
import ZhibiaoPlan

/// A figure as monitoring reads it: an indicator × org × period value and when it was reported,
/// so that lateness can be judged.
public struct ReportedValue: Hashable, Sendable {
  /// The indicator.
  public var indicator: IndicatorID
  /// A district, or the owner bureau for the city figure.
  public var org: OrgID
  /// A year, or the year to date through a quarter.
  public var period: Period
  /// The value in the indicator's unit.
  public var value: Decimal
  /// When it was reported; nil when unknown (never judged late).
  public var reportedAt: Date?

  /// Creates a figure.
  public init(indicator: IndicatorID, org: OrgID, period: Period, value: Decimal, reportedAt: Date? = nil) {
    self.indicator = indicator
    self.org = org
    self.period = period
    self.value = value
    self.reportedAt = reportedAt
  }

  /// A checked import row, reported at `reportedAt`.
  public init(_ input: ObservationInput, reportedAt: Date? = nil) {
    self.init(
      indicator: input.indicator, org: input.org, period: input.period, value: input.value, reportedAt: reportedAt)
  }
}
