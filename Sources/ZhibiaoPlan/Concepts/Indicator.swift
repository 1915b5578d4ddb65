import Foundation

/// An indicator (指标): something the plan measures, with its targets and who answers for it.
public struct Indicator: Hashable, Sendable {
  /// The id, `<domain>.<name>` in lower snake case.
  public var id: IndicatorID
  /// The domain, or nil for a plan-level indicator (总体目标, 争先).
  public var domain: DomainID?
  /// The area, or nil for a domain's headline indicator.
  public var area: AreaID?
  /// The name.
  public var name: LocalizedText
  /// The unit of measure (亿元, %, 家 …); nil for a qualitative indicator.
  public var unit: String?
  /// What kind of quantity it is.
  public var kind: Kind
  /// Whether more is better.
  public var direction: Direction
  /// Binding (约束性) or expected (预期性).
  public var binding: Binding
  /// How district figures combine into the city's.
  public var aggregation: Aggregation
  /// For a weighted mean: the indicator whose values weigh the districts.
  public var weight: IndicatorID?
  /// How often it is reported.
  public var frequency: Frequency
  /// The org answerable for the city figure.
  public var owner: OrgID
  /// The smallest step a figure is stated in (0.1 亿元, 1 家); nil when not stated.
  public var precision: Decimal?
  /// The districts it applies to, when not all of them (e.g. only those with a port).
  public var eligible: [OrgID]?
  /// The targets, by year.
  public var targets: [Target]
  /// For a qualitative indicator: its aims in the plan's words.
  public var aims: [String]
  /// The plan's own words for the targets, verbatim.
  public var quotes: [String]
  /// A free note.
  public var note: String?
  /// How its targets are decomposed, when not by the defaults of its kind.
  public var decompose: DecompositionRule?
  /// When its actual value is the count of a register's entries rather than a typed-in figure.
  public var countOf: RegisterCount?
  /// Base-year figures written with the indicator (`baselines:`), beside those of `baselines.csv`.
  public var baselines: [Baseline]
  /// How the figure is defined and where it comes from (口径、数据来源), as far as known.
  public var statistics: IndicatorStatistics
  /// Where it was defined.
  public var location: SourceLocation
  /// Where each reference was written, keyed by field (`owner`, `area`, `weight`, `eligible[0]`,
  /// `targets[0].with`).
  public var positions: [String: SourceLocation]

  /// Creates an indicator.
  public init(
    id: IndicatorID, domain: DomainID?, area: AreaID?, name: LocalizedText, unit: String?,
    kind: Kind, direction: Direction, binding: Binding, aggregation: Aggregation,
    weight: IndicatorID? = nil, frequency: Frequency, owner: OrgID, precision: Decimal? = nil,
    eligible: [OrgID]? = nil, targets: [Target] = [], aims: [String] = [], quotes: [String] = [],
    note: String? = nil, decompose: DecompositionRule? = nil, countOf: RegisterCount? = nil,
    baselines: [Baseline] = [], statistics: IndicatorStatistics = IndicatorStatistics(), location: SourceLocation,
    positions: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.domain = domain
    self.area = area
    self.name = name
    self.unit = unit
    self.kind = kind
    self.direction = direction
    self.binding = binding
    self.aggregation = aggregation
    self.weight = weight
    self.frequency = frequency
    self.owner = owner
    self.precision = precision
    self.eligible = eligible
    self.targets = targets
    self.aims = aims
    self.quotes = quotes
    self.note = note
    self.decompose = decompose
    self.countOf = countOf
    self.baselines = baselines
    self.statistics = statistics
    self.location = location
    self.positions = positions
  }

  /// Whether the plan sets it a target (quantitative, parity or qualitative aim), as opposed
  /// to a supporting indicator that others are computed from.
  public var isTarget: Bool { !targets.isEmpty || kind == .qualitative }

  /// Whether figures are whole counts of entities (家, 个, 席, 位).
  public var isCount: Bool {
    precision == 1 && ["家", "个", "席", "位", "项"].contains(unit ?? "")
  }

  /// The target for `year`, if any.
  public func target(for year: Int) -> Target? {
    targets.first { $0.year == year }
  }

  /// Where a field was written, falling back to the indicator's own position.
  public func position(of field: String) -> SourceLocation {
    positions[field] ?? location
  }
}
