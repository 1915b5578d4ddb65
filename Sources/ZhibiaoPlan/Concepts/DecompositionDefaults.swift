import Foundation

/// Plan-wide decomposition settings, from `plan.yaml`'s `decomposition:` mapping.
public struct DecompositionDefaults: Hashable, Sendable {
  /// The cumulative seasonal shares S_1…S_4 used for flows without a profile of their own or
  /// enough history; nil means time elapsed (¼, ½, ¾, 1).
  public var seasonalProfile: [Decimal]?
  /// The method for whole-number counts, unless an indicator names another.
  public var countMethod: Apportionment.Method
  /// The commission's order for settling an exact tie for the last whole unit of a count,
  /// unless an indicator gives its own; empty means ties are refused.
  public var tieBreak: [OrgID]

  /// The defaults: no seasonal profile, Webster / Sainte-Laguë for counts, no tie-break order.
  public init(
    seasonalProfile: [Decimal]? = nil, countMethod: Apportionment.Method = .webster, tieBreak: [OrgID] = []
  ) {
    self.seasonalProfile = seasonalProfile
    self.countMethod = countMethod
    self.tieBreak = tieBreak
  }
}
