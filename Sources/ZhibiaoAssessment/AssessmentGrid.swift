import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// The figures of a year's assessment laid out densely, as monitoring lays out its own: the actual
/// and the target of every indicator × org at `indicator × orgs + org`, NaN where there is none.
///
/// A district is scored on its own column; a bureau on each indicator's city column (`city`, the
/// column of the owner bureau, where monitoring keeps the city figure). The figures are the
/// doubles the monitoring computed; scoring reads them as `AssessmentFigure.doubles` does, at their
/// shortest decimal form, so that the dense assessment and `AssessmentScheme.assess` agree to the
/// hundredth of a point.
public struct AssessmentGrid: Sendable {
  /// The year assessed.
  public var year: Int
  /// The indicators, in the order of the grid.
  public let indicators: [IndicatorID]
  /// The orgs, in the order of the grid.
  public let orgs: [OrgID]
  /// For each indicator, the column holding its city figure.
  public let city: [Int]
  /// The actual figures, in the target's measure; NaN where there is none.
  public internal(set) var actual: ContiguousArray<Double>
  /// The annual targets; NaN where there is none.
  public internal(set) var target: ContiguousArray<Double>
  /// Bonuses, deductions, vetoes and the grades of qualitative items.
  public var events: AssessmentEvents
  /// The figures given as decimals, by cell (`indicator × orgs + org`): these are scored on their
  /// exact values, the doubles beside them serving only those who read doubles.
  public internal(set) var exact: [Int: AssessmentFigure] = [:]

  /// An empty grid: no figure yet.
  public init(year: Int, indicators: [IndicatorID], orgs: [OrgID], city: [Int], events: AssessmentEvents = .init()) {
    precondition(city.count == indicators.count, "one city column per indicator")
    self.year = year
    self.indicators = indicators
    self.orgs = orgs
    self.city = city
    self.events = events
    actual = ContiguousArray(repeating: .nan, count: indicators.count * orgs.count)
    target = ContiguousArray(repeating: .nan, count: indicators.count * orgs.count)
  }

  /// Sets the figure of an indicator for an org, by position (NaN for none).
  @inline(__always)
  public mutating func set(indicator: Int, org: Int, actual: Double, target: Double) {
    let cell = indicator * orgs.count + org
    self.actual[cell] = actual
    self.target[cell] = target
    if !exact.isEmpty { exact[cell] = nil }
  }

  /// Sets the figure of an indicator for an org, by position, as decimals: it is scored on them.
  public mutating func set(indicator: Int, org: Int, figure: AssessmentFigure) {
    let cell = indicator * orgs.count + org
    actual[cell] = figure.actual.map(DecimalArithmetic.double) ?? .nan
    target[cell] = figure.target.map(DecimalArithmetic.double) ?? .nan
    exact[cell] = figure
  }

  /// The figure of an indicator for an org, by position.
  public func figure(indicator: Int, org: Int) -> (actual: Double, target: Double) {
    (actual[indicator * orgs.count + org], target[indicator * orgs.count + org])
  }
}
