import Foundation
import ZhibiaoPlan

/// One checked row of an import: a value for an indicator × org × period, in the indicator's
/// own unit (already converted).
public struct ObservationInput: Hashable, Sendable {
  /// The indicator.
  public var indicator: IndicatorID
  /// The org the figure is for: a district, or the owner bureau for the city figure.
  public var org: OrgID
  /// The period: a year, or the year to date through a quarter.
  public var period: Period
  /// The value in the indicator's unit.
  public var value: Decimal
  /// The reporter's note.
  public var note: String?
  /// The line of the source file (a sheet's row), for messages.
  public var line: Int
  /// Where the row starts in the source file, for messages: its line, or its sheet and cell.
  public var location: SourceLocation?
  /// When the figure was sent, if the file says so; otherwise it counts as sent with its submission.
  public var reportedAt: Date?

  /// Creates a row.
  public init(
    indicator: IndicatorID, org: OrgID, period: Period, value: Decimal, note: String? = nil, line: Int = 0,
    location: SourceLocation? = nil, reportedAt: Date? = nil
  ) {
    self.indicator = indicator
    self.org = org
    self.period = period
    self.value = value
    self.note = note
    self.line = line
    self.location = location
    self.reportedAt = reportedAt
  }

  /// Where the row starts: its location, or line `line` of `file` when it has none.
  public func start(in file: String) -> SourceLocation {
    location ?? SourceLocation(file: file, line: line, column: 1)
  }
}
