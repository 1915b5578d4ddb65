import Foundation
import ZhibiaoPlan
import ZhibiaoTargets

/// The target book laid out like `Actuals`: the year-to-date milestone of every indicator × org ×
/// quarter slot (the fourth quarter holding the annual target), NaN where the book has none, and
/// the cumulative seasonal share S_q of every indicator × slot.
public struct MonitoringTargets: Sendable {
  /// The indicators, in the order of the grid.
  public let indicators: [MonitoredIndicator]
  /// The orgs, in the order of the grid.
  public let orgs: [OrgID]
  /// The period axis.
  public let axis: PeriodAxis
  /// The milestones, at `(indicator × orgs + org) × slots + slot`; NaN where there is none.
  public let values: ContiguousArray<Double>
  /// S_q at `indicator × slots + slot`, as the book used it; NaN where the book used none (stocks,
  /// counts, increases: their milestones are interpolated).
  public let shares: ContiguousArray<Double>

  /// The book of `plan` laid out in the plan's order of indicators and orgs. A year entry fills
  /// its year's fourth quarter unless the book also has that quarter; an indicator's measure,
  /// comparator and partner are its entries'; its rows are the orgs the book names.
  public init(plan: Plan, book: TargetBook) {
    let axis = PeriodAxis(plan: plan)
    let orgIDs = plan.orgs.map(\.id)
    let orgIndex = Dictionary(orgIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let indicatorIndex = Dictionary(plan.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var entriesByIndicator = Array(repeating: [TargetBook.Entry](), count: plan.indicators.count)
    for entry in book.entries {
      if let i = indicatorIndex[entry.indicator] { entriesByIndicator[i].append(entry) }
    }
    var specs: [MonitoredIndicator] = []
    for (i, indicator) in plan.indicators.enumerated() {
      let entries = entriesByIndicator[i]
      let first = entries.first
      let districtSet = Set(entries.map(\.org)).subtracting([indicator.owner])
      let precision =
        indicator.precision.map(DecimalArithmetic.double) ?? (indicator.isCount ? 1 : 0.01)
      specs.append(
        MonitoredIndicator(
          id: indicator.id, domain: indicator.domain, unit: indicator.unit, kind: indicator.kind,
          direction: indicator.direction, aggregation: indicator.aggregation, frequency: indicator.frequency,
          measure: first?.measure ?? .level, comparator: first?.comparator, precision: precision,
          city: orgIndex[indicator.owner] ?? 0,
          districts: orgIDs.indices.filter { districtSet.contains(orgIDs[$0]) },
          partner: first?.partner.flatMap { indicatorIndex[$0] }, isCount: indicator.isCount))
    }
    var values = ContiguousArray(repeating: Double.nan, count: specs.count * orgIDs.count * axis.count)
    var shares = ContiguousArray(repeating: Double.nan, count: specs.count * axis.count)
    for (i, entries) in entriesByIndicator.enumerated() {
      // Quarters first, so that a year entry only fills a fourth quarter the book left empty.
      for entry in entries.sorted(by: { ($0.period.quarter == nil ? 1 : 0) < ($1.period.quarter == nil ? 1 : 0) }) {
        guard let o = orgIndex[entry.org], let slot = axis.slot(of: entry.period), let value = entry.value else {
          continue
        }
        let at = (i * orgIDs.count + o) * axis.count + slot
        if entry.period.quarter == nil && !values[at].isNaN { continue }
        values[at] = DecimalArithmetic.double(value)
        if let share = entry.seasonalShare, entry.org == plan.indicators[i].owner || shares[i * axis.count + slot].isNaN
        {
          shares[i * axis.count + slot] = DecimalArithmetic.double(share)
        }
      }
    }
    self.init(indicators: specs, orgs: orgIDs, axis: axis, values: values, shares: shares)
  }

  /// Targets already laid out (for generated data): `values` has `indicators.count × orgs.count ×
  /// axis.count` elements and `shares` `indicators.count × axis.count`, in the documented order.
  public init(
    indicators: [MonitoredIndicator], orgs: [OrgID], axis: PeriodAxis, values: ContiguousArray<Double>,
    shares: ContiguousArray<Double>
  ) {
    precondition(values.count == indicators.count * orgs.count * axis.count, "values do not fill the grid")
    precondition(shares.count == indicators.count * axis.count, "shares do not fill the grid")
    self.indicators = indicators
    self.orgs = orgs
    self.axis = axis
    self.values = values
    self.shares = shares
  }

  /// The milestone of an indicator for an org at a slot, by position; NaN when there is none.
  @inline(__always)
  public func milestone(indicator: Int, org: Int, slot: Int) -> Double {
    values[(indicator * orgs.count + org) * axis.count + slot]
  }
}
