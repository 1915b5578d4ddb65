import ZhibiaoPlan

/// What the reason of a row's warning states, with the figures it names as the monitor holds
/// them: `ReasonText` writes it in either language, into a report's bytes or as a
/// `LocalizedText`, so that the report writer makes no string for it.
enum WarningReason {
  /// A yellow or red light: the points behind, the pace (NaN for a rate) and what it compared.
  case behindPace(pointsBehind: Double, pace: Double, expected: Double, actual: StatedFigure, milestone: StatedFigure)
  /// No figure: none reported, or for a derived indicator an input missing.
  case missing(derived: Bool)
  /// Reported after the due day (`reportedOn`), or not reported by the day monitored.
  case late(reportedOn: String?)
  /// A year-to-date flow below the previous quarter's.
  case ytdFalls(value: StatedFigure, previous: StatedFigure)
  /// The districts do not add up to the city figure within the tolerance.
  case sumMismatch(city: StatedFigure, districts: StatedFigure, tolerance: StatedFigure)
  /// Year-on-year growth with its modified z-score among the districts or over time.
  case outlier(growth: Double, score: Double, acrossDistricts: Bool)
  /// A reported count that disagrees with its register, with the register's own reason.
  case registerMismatch(LocalizedText)
}

/// A row's warning: its kind and its reason.
struct RowWarning {
  var kind: MonitoringWarning.Kind
  var reason: WarningReason
}

/// A figure as stated, in units of 10^−places; no units when there is no figure.
package struct StatedFigure {
  var units: Int128?
  var places: Int

  /// A figure of a grid, `FigureGrid.none` for none.
  package init(_ units: Int64, places: Int) {
    self.units = units == FigureGrid.none ? nil : Int128(units)
    self.places = places
  }

  /// A figure in units, nil for none.
  init(units: Int128?, places: Int) {
    self.units = units
    self.places = places
  }
}
