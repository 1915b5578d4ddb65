import ZhibiaoPlan

/// The stable identity of a supervision notice: the level that raised it, the org it is
/// addressed to, the period it was raised for and, for a red-light notice, the indicator —
/// `yellow:district.fuyang:2024Q3:sector.revenue`, `blue:district.jiande:2024Q4` (a late
/// submission covers every figure of the org's period). The same plan and history always give
/// the same ids, so answers and decisions stored against an id find their notice again.
public struct NoticeID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The level that raised the notice (its rule).
  public var level: String
  /// The addressee.
  public var org: OrgID
  /// The period it was raised for.
  public var period: Period
  /// The indicator whose light raised it; nil for a late submission.
  public var indicator: IndicatorID?

  /// Creates an id.
  public init(level: String, org: OrgID, period: Period, indicator: IndicatorID?) {
    self.level = level
    self.org = org
    self.period = period
    self.indicator = indicator
  }

  /// Parses `level:org:period[:indicator]`; nil when the text is not of that form.
  public init?(_ text: String) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard (3...4).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }), let period = Period(parts[2]) else {
      return nil
    }
    self.init(
      level: parts[0], org: OrgID(parts[1]), period: period, indicator: parts.count == 4 ? IndicatorID(parts[3]) : nil)
  }

  /// `level:org:period[:indicator]`.
  public var description: String {
    "\(level):\(org):\(period)" + (indicator.map { ":\($0)" } ?? "")
  }

  /// Ordered by period, org, indicator and level, so that listings are stable.
  public static func < (a: NoticeID, b: NoticeID) -> Bool {
    (a.period, a.org.rawValue, a.indicator?.rawValue ?? "", a.level)
      < (b.period, b.org.rawValue, b.indicator?.rawValue ?? "", b.level)
  }
}
