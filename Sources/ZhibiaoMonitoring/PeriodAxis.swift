import ZhibiaoPlan

/// The time axis of the dense monitoring arrays: every quarter of every year from the base year
/// to the target year, year to date, as slots 0, 1, 2 … (2021Q1 is slot 0 when 2021 is the base
/// year). A whole year `.year(y)` is the same slot as its fourth quarter `yQ4`: a year's total of
/// a flow is its year-to-date value through December, and a stock's year-end level is its
/// fourth-quarter level.
public struct PeriodAxis: Hashable, Sendable {
  /// The first year, the plan's base year (基期).
  public let firstYear: Int
  /// The last year, the plan's target year.
  public let lastYear: Int

  /// An axis from `firstYear` Q1 to `lastYear` Q4.
  public init(firstYear: Int, lastYear: Int) {
    precondition(lastYear >= firstYear, "an axis needs at least one year")
    self.firstYear = firstYear
    self.lastYear = lastYear
  }

  /// The axis of a plan: its base year to its target year.
  public init(plan: Plan) {
    self.init(firstYear: plan.baseYear, lastYear: plan.targetYear)
  }

  /// The number of years.
  public var years: Int { lastYear - firstYear + 1 }

  /// The number of slots, four a year.
  public var count: Int { years * 4 }

  /// The slot of a period, or nil when it lies outside the axis. `.year(y)` is the slot of `yQ4`.
  public func slot(of period: Period) -> Int? {
    guard (firstYear...lastYear).contains(period.year) else { return nil }
    return (period.year - firstYear) * 4 + (period.quarter ?? 4) - 1
  }

  /// The year-to-date period of a slot (`2024Q3`).
  public func period(ofSlot slot: Int) -> Period {
    .quarter(slot % 4 + 1, of: firstYear + slot / 4)
  }

  /// The year of a slot.
  public func year(ofSlot slot: Int) -> Int { firstYear + slot / 4 }

  /// The slot of the fourth quarter (the year-end) of `year`.
  public func yearEndSlot(_ year: Int) -> Int { (year - firstYear) * 4 + 3 }
}
