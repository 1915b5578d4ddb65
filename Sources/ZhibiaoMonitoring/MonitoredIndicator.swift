import Foundation
import ZhibiaoPlan

/// What monitoring needs to know of one indicator, by position: its kind, its direction, what its
/// target measures, and which orgs have a row (the owner bureau for the city figure, then the
/// districts the target book decomposes it to).
public struct MonitoredIndicator: Hashable, Sendable {
  /// The indicator.
  public var id: IndicatorID
  /// Its domain, for filtering; nil for a plan-level indicator.
  public var domain: DomainID?
  /// Its unit.
  public var unit: String?
  /// What kind of quantity it is.
  public var kind: Indicator.Kind
  /// Whether more is better.
  public var direction: Indicator.Direction
  /// How district figures combine into the city's.
  public var aggregation: Indicator.Aggregation
  /// How often it is reported; an annual indicator has rows at year-ends only.
  public var frequency: Indicator.Frequency
  /// What its target measures.
  public var measure: Target.Measure
  /// How its target is compared; nil when it has none to monitor (a qualitative aim).
  public var comparator: Target.Comparator?
  /// The smallest step a figure is stated in (the indicator's precision, else 1 for counts and 0.01).
  public var precision: Double
  /// The org holding the city figure (the owner bureau), by position.
  public var city: Int
  /// The districts with a target, by position, in plan order.
  public var districts: [Int]
  /// For a parity: the partner indicator, by position, whose city figure is the target.
  public var partner: Int?
  /// Whether figures are whole counts of entities (家, 个): a count of a few moves in whole steps
  /// (1 → 2 is +100 %), so its growth is not tested for outliers.
  public var isCount: Bool

  /// Creates a description.
  public init(
    id: IndicatorID, domain: DomainID? = nil, unit: String? = nil, kind: Indicator.Kind,
    direction: Indicator.Direction = .higher, aggregation: Indicator.Aggregation = .sum,
    frequency: Indicator.Frequency = .quarterly, measure: Target.Measure = .level,
    comparator: Target.Comparator? = .atLeast, precision: Double = 0.01, city: Int, districts: [Int] = [],
    partner: Int? = nil, isCount: Bool = false
  ) {
    self.id = id
    self.domain = domain
    self.unit = unit
    self.kind = kind
    self.direction = direction
    self.aggregation = aggregation
    self.frequency = frequency
    self.measure = measure
    self.comparator = comparator
    self.precision = precision
    self.city = city
    self.districts = districts
    self.partner = partner
    self.isCount = isCount
  }

  /// Whether it has rows: a quantitative target or a parity.
  public var isMonitored: Bool { comparator != nil && kind != .qualitative }

  /// Whether its pace is a gap in percentage points (ratios, growth rates, average growth) rather
  /// than a ratio of amounts.
  public var isRate: Bool { Self.isRate(kind: kind, measure: measure) }

  /// Whether an indicator of `kind` whose target measures `measure` is judged in percentage points.
  public static func isRate(kind: Indicator.Kind, measure: Target.Measure) -> Bool {
    kind == .ratio || kind == .growthRate || measure == .averageAnnual
  }

  /// Whether its year-to-date figures accumulate within a year (a flow reported 1–3月, 1–6月 …).
  public var isFlow: Bool { kind == .flow }

  /// Whether its year-on-year growth is tested for outliers: not for counts and ranks, which move
  /// in whole steps.
  public var testsOutliers: Bool { !isCount && kind != .rank }

  /// The orgs with a row: the city figure first, then the districts.
  public var rowOrgs: [Int] { [city] + districts }
}

extension Indicator {
  /// The step its figures are stated in: its precision, else 1 for counts and 0.01.
  package var statedPrecision: Decimal { precision ?? (isCount ? 1 : Decimal(string: "0.01", locale: nil)!) }
}
