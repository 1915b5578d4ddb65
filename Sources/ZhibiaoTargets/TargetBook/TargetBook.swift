import Foundation
import ZhibiaoPlan

/// The target book (目标分解表): the target of every indicator × org × period, derived from
/// the plan and the baselines — never typed in.
public struct TargetBook: Sendable {
  /// One target: an indicator for an org in a period.
  public struct Entry: Hashable, Sendable {
    /// The indicator.
    public var indicator: IndicatorID
    /// A district, or the owner bureau for the city figure.
    public var org: OrgID
    /// A year, or the year to date through a quarter.
    public var period: Period
    /// The target in the indicator's unit; nil for a parity or a qualitative aim.
    public var value: Decimal?
    /// How the value is compared; nil for a qualitative aim.
    public var comparator: Target.Comparator?
    /// What the value measures (a level, an increase since the base year …).
    public var measure: Target.Measure
    /// For a parity: the other indicator.
    public var partner: IndicatorID?
    /// How this figure was derived.
    public var method: DecompositionMethod
    /// For a year-to-date flow milestone: the cumulative seasonal share S_q used.
    public var seasonalShare: Decimal?

    /// Whether this is the city figure (held by the owner bureau) rather than a district's.
    public var isCity: Bool

    /// Creates a target, as the decomposition derives it or as an issued version keeps it.
    public init(
      indicator: IndicatorID, org: OrgID, period: Period, value: Decimal?, comparator: Target.Comparator?,
      measure: Target.Measure, partner: IndicatorID?, method: DecompositionMethod, seasonalShare: Decimal?,
      isCity: Bool
    ) {
      self.indicator = indicator
      self.org = org
      self.period = period
      self.value = value
      self.comparator = comparator
      self.measure = measure
      self.partner = partner
      self.method = method
      self.seasonalShare = seasonalShare
      self.isCity = isCity
    }
  }

  /// Every target, ordered by indicator (plan order), period, then org (city first, then
  /// districts in plan order).
  public let entries: [Entry]
  /// What a reader must know about how an indicator was decomposed, e.g. which denominators a
  /// rate used.
  public let notes: [IndicatorID: [LocalizedText]]
  /// Indicators that could not be decomposed, and why.
  public let problems: [DecompositionProblem]

  /// Creates a book.
  public init(entries: [Entry], notes: [IndicatorID: [LocalizedText]], problems: [DecompositionProblem]) {
    self.entries = entries
    self.notes = notes
    self.problems = problems
  }

  /// The entries that pass every filter given.
  public func entries(
    indicator: IndicatorID? = nil, org: OrgID? = nil, year: Int? = nil, quarterly: Bool? = nil
  ) -> [Entry] {
    entries.filter { entry in
      (indicator == nil || entry.indicator == indicator) && (org == nil || entry.org == org)
        && (year == nil || entry.period.year == year)
        && (quarterly == nil || (entry.period.quarter != nil) == quarterly)
    }
  }

  /// The target of an indicator for an org in a period.
  public func target(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> Entry? {
    entries.first { $0.indicator == indicator && $0.org == org && $0.period == period }
  }
}

/// Why an indicator could not be decomposed.
public struct DecompositionProblem: Hashable, Sendable, CustomStringConvertible {
  /// The indicator.
  public var indicator: IndicatorID
  /// Where the indicator is defined.
  public var location: SourceLocation
  /// A whole sentence.
  public var message: String

  public var description: String { "\(location): error: \(message)" }
}
