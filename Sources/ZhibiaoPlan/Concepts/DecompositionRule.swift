import Foundation

/// How an indicator's city target is spread over years, quarters and districts, as its
/// YAML `decompose:` mapping states it. Everything is optional: the kind of the indicator
/// chooses sensible defaults (see `TimePath.default(for:)`).
public struct DecompositionRule: Hashable, Sendable {
  /// How districts' shares of a continuous amount are weighed.
  public enum Share: String, Sendable, CaseIterable, Codable {
    /// In proportion to the district's base-year value (default): every district grows at the
    /// city's rate unless a bound stops it.
    case baselineShare = "baseline_share"
    /// In proportion to weights written under `weights`.
    case explicit
    /// (1 − α) × base-year share + α × share of the growth since the year before the base year,
    /// with α under `blend`.
    case growthBlend = "growth_blend"
  }

  /// The time path, when not the kind's default.
  public var path: TimePath?
  /// How continuous shares are weighed.
  public var share: Share
  /// For counts: the apportionment method, when not the plan's default.
  public var countMethod: Apportionment.Method?
  /// For `growth_blend`: α, the weight of the growth share, between 0 and 1.
  public var blend: Decimal?
  /// For `explicit`: weights by district.
  public var weights: [OrgID: Decimal]
  /// District targets fixed in advance (for the target year); the rest share what is left.
  public var pins: [OrgID: Decimal]
  /// Lowest targets by district (for the target year).
  public var floors: [OrgID: Decimal]
  /// Highest targets by district (for the target year).
  public var caps: [OrgID: Decimal]
  /// Year-to-date cumulative seasonal shares S1…S4 (S4 = 1), when not the plan's default.
  public var seasonal: [Decimal]?
  /// Years whose seasonal pattern is not typical, left out of the estimate.
  public var abnormalYears: [Int]
  /// For counts: the order that settles a tie for the last whole unit, when one occurs.
  public var tieBreak: [OrgID]
  /// For an indicator without a target that serves as a weight or denominator: the assumed
  /// annual growth in percent used to project it to later years (an assumption, stated as such).
  public var assumedGrowth: Decimal?
  /// Where each field was written.
  public var positions: [String: SourceLocation]

  /// The rule with every default.
  public init(
    path: TimePath? = nil, share: Share = .baselineShare, countMethod: Apportionment.Method? = nil,
    blend: Decimal? = nil, weights: [OrgID: Decimal] = [:], pins: [OrgID: Decimal] = [:],
    floors: [OrgID: Decimal] = [:], caps: [OrgID: Decimal] = [:], seasonal: [Decimal]? = nil,
    abnormalYears: [Int] = [], tieBreak: [OrgID] = [], assumedGrowth: Decimal? = nil,
    positions: [String: SourceLocation] = [:]
  ) {
    self.path = path
    self.share = share
    self.countMethod = countMethod
    self.blend = blend
    self.weights = weights
    self.pins = pins
    self.floors = floors
    self.caps = caps
    self.seasonal = seasonal
    self.abnormalYears = abnormalYears
    self.tieBreak = tieBreak
    self.assumedGrowth = assumedGrowth
    self.positions = positions
  }

  /// Every district the rule names, with where it was named, for cross-reference checks.
  var namedOrgs: [(OrgID, field: String)] {
    weights.keys.map { ($0, "weights") } + pins.keys.map { ($0, "pins") } + floors.keys.map { ($0, "floors") }
      + caps.keys.map { ($0, "caps") } + tieBreak.map { ($0, "tie_break") }
  }
}
