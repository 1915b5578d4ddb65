import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// The figures of one item for one org in the year assessed: the actual value and the target,
/// in the indicator's unit and in the same measure as the target book states the target
/// (a level, an increase since the base year, a sum since the base year, an average annual
/// rate).
public struct AssessmentFigure: Hashable, Sendable {
  /// The actual figure; nil when not reported.
  public var actual: Decimal?
  /// The target; nil when there is none.
  public var target: Decimal?
  /// Why the actual figure is missing (not reported by its due day, or not yet due), and what was
  /// reported before it; nil for a figure that is in. The scheme's `missing:` rule reads it.
  public var missing: MissingFigure?

  /// Creates a figure.
  public init(actual: Decimal?, target: Decimal?, missing: MissingFigure? = nil) {
    self.actual = actual
    self.target = target
    self.missing = missing
  }
}

/// Everything the assessment of a year reads besides the plan and the scheme — plain values,
/// so that it depends on no other engine.
///
/// A district is scored on its own figures (`orgFigures`); a bureau on the city figures
/// (`cityFigures`), keyed by indicator alone.
public struct AssessmentInputs: Sendable {
  /// The year assessed.
  public var year: Int
  /// The city figure of each indicator: what bureaus are scored on.
  public var cityFigures: [IndicatorID: AssessmentFigure]
  /// Each district's figures by indicator.
  public var orgFigures: [OrgID: [IndicatorID: AssessmentFigure]]
  /// Bonuses, deductions, vetoes and grades.
  public var events: AssessmentEvents
  /// Ranks of the previous assessment, for the change in rank; starts as `events.previousRanks`.
  public var previousRanks: [OrgID: Int]

  /// Creates inputs with no figures yet.
  public init(year: Int, events: AssessmentEvents = AssessmentEvents()) {
    self.year = year
    self.cityFigures = [:]
    self.orgFigures = [:]
    self.events = events
    self.previousRanks = events.previousRanks
  }

  /// Sets the city figure of `indicator`.
  public mutating func setCity(_ indicator: IndicatorID, _ figure: AssessmentFigure) {
    cityFigures[indicator] = figure
  }

  /// Sets the figure of `indicator` for the district `org`.
  public mutating func set(_ org: OrgID, _ indicator: IndicatorID, _ figure: AssessmentFigure) {
    orgFigures[org, default: [:]][indicator] = figure
  }

  /// The figure `org` is scored on: its own for a district, the city's for anyone else.
  public func figure(for org: Org, indicator: IndicatorID) -> AssessmentFigure? {
    org.kind == .district ? orgFigures[org.id]?[indicator] : cityFigures[indicator]
  }
}
