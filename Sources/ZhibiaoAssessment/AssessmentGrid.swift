import Foundation
import ZhibiaoMonitoring
import ZhibiaoPlan
import ZhibiaoScoring

/// The figures of a year's assessment laid out densely, as monitoring lays out its own: the actual
/// and the target of every indicator × org at `indicator × orgs + org`, exact, in whole units of
/// 10^−places of their indicator (`FigureGrid.none` where there is none).
///
/// A district is scored on its own column; a bureau on each indicator's city column (`city`, the
/// column of the owner bureau, where monitoring keeps the city figure). The figures are the
/// units monitoring keeps, so that the dense assessment scores exactly what was stated and agrees
/// with `AssessmentScheme.assess` to the hundredth of a point.
public struct AssessmentGrid: Sendable {
  /// The year assessed.
  public var year: Int
  /// The indicators, in the order of the grid.
  public let indicators: [IndicatorID]
  /// The orgs, in the order of the grid.
  public let orgs: [OrgID]
  /// For each indicator, the column holding its city figure.
  public let city: [Int]
  /// For each indicator, the decimal places of its actual figures and of its targets.
  public let places: (actual: [Int], target: [Int])
  /// The actual figures in units, in the target's measure; `FigureGrid.none` where there is none.
  public internal(set) var actual: ContiguousArray<Int64>
  /// The annual targets in units; `FigureGrid.none` where there is none.
  public internal(set) var target: ContiguousArray<Int64>
  /// Bonuses, deductions, vetoes and the grades of qualitative items.
  public var events: AssessmentEvents
  /// The figures given as decimals, by cell (`indicator × orgs + org`): these are scored on their
  /// decimals as given, the units beside them holding those that fit the grid's places.
  public internal(set) var exact: [Int: AssessmentFigure] = [:]

  /// An empty grid: no figure yet. Figures are kept at `places` decimals (none: whole numbers).
  public init(
    year: Int, indicators: [IndicatorID], orgs: [OrgID], city: [Int], places: (actual: [Int], target: [Int])? = nil,
    events: AssessmentEvents = .init()
  ) {
    precondition(city.count == indicators.count, "one city column per indicator")
    self.year = year
    self.indicators = indicators
    self.orgs = orgs
    self.city = city
    let whole = Array(repeating: 0, count: indicators.count)
    self.places = places ?? (whole, whole)
    self.events = events
    actual = ContiguousArray(repeating: FigureGrid.none, count: indicators.count * orgs.count)
    target = ContiguousArray(repeating: FigureGrid.none, count: indicators.count * orgs.count)
  }

  /// Sets the figure of an indicator for an org, by position, in units (`FigureGrid.none` for
  /// none).
  @inline(__always)
  public mutating func set(indicator: Int, org: Int, actual: Int64, target: Int64) {
    let cell = indicator * orgs.count + org
    self.actual[cell] = actual
    self.target[cell] = target
    if !exact.isEmpty { exact[cell] = nil }
  }

  /// Sets the figure of an indicator for an org, by position, as decimals: it is scored on them.
  public mutating func set(indicator: Int, org: Int, figure: AssessmentFigure) {
    let cell = indicator * orgs.count + org
    actual[cell] = figure.actual.flatMap { FigureGrid.units($0, places: places.actual[indicator]) } ?? FigureGrid.none
    target[cell] = figure.target.flatMap { FigureGrid.units($0, places: places.target[indicator]) } ?? FigureGrid.none
    exact[cell] = figure
  }

  /// The figure of an indicator for an org, by position, in units.
  public func figure(indicator: Int, org: Int) -> (actual: Int64, target: Int64) {
    (actual[indicator * orgs.count + org], target[indicator * orgs.count + org])
  }

  /// The figure of an indicator for an org, by position, as decimals.
  public func decimals(indicator: Int, org: Int) -> AssessmentFigure {
    let cell = indicator * orgs.count + org
    return exact[cell]
      ?? AssessmentFigure(
        actual: FigureGrid.decimal(actual[cell], places: places.actual[indicator]),
        target: FigureGrid.decimal(target[cell], places: places.target[indicator]))
  }
}
