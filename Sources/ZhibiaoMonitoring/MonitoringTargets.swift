import Foundation
import ZhibiaoPlan
import ZhibiaoTargets

/// The target book laid out like `Actuals`: the year-to-date milestone of every indicator × org ×
/// quarter slot (the fourth quarter holding the annual target), exact as the book states it, and
/// the cumulative seasonal share S_q of every indicator × slot.
public struct MonitoringTargets: Sendable {
  /// The indicators, in the order of the grid.
  public let indicators: [MonitoredIndicator]
  /// The orgs, in the order of the grid.
  public let orgs: [OrgID]
  /// The period axis.
  public let axis: PeriodAxis
  /// The milestones, exact, at `(indicator × orgs + org) × slots + slot`.
  public let figures: FigureGrid
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
      let precision = DecimalArithmetic.double(indicator.statedPrecision)
      specs.append(
        MonitoredIndicator(
          id: indicator.id, domain: indicator.domain, unit: indicator.unit, kind: indicator.kind,
          direction: indicator.direction, aggregation: indicator.aggregation, frequency: indicator.frequency,
          measure: first?.measure ?? .level, comparator: first?.comparator, precision: precision,
          city: orgIndex[indicator.owner] ?? 0,
          districts: orgIDs.indices.filter { districtSet.contains(orgIDs[$0]) },
          partner: first?.partner.flatMap { indicatorIndex[$0] }, isCount: indicator.isCount))
    }
    let places = plan.indicators.enumerated().map { i, indicator in
      FigureGrid.places(precision: indicator.statedPrecision, values: entriesByIndicator[i].compactMap(\.value))
    }
    var figures = FigureGrid(places: places, stride: orgIDs.count * axis.count)
    var shares = ContiguousArray(repeating: Double.nan, count: specs.count * axis.count)
    for (i, entries) in entriesByIndicator.enumerated() {
      // Quarters first, so that a year entry only fills a fourth quarter the book left empty.
      for entry in entries.sorted(by: { ($0.period.quarter == nil ? 1 : 0) < ($1.period.quarter == nil ? 1 : 0) }) {
        guard let o = orgIndex[entry.org], let slot = axis.slot(of: entry.period), let value = entry.value else {
          continue
        }
        let at = (i * orgIDs.count + o) * axis.count + slot
        if entry.period.quarter == nil && figures.units[at] != FigureGrid.none { continue }
        // The places hold every value of the book.
        figures.set(at, value)
        if let share = entry.seasonalShare, entry.org == plan.indicators[i].owner || shares[i * axis.count + slot].isNaN
        {
          shares[i * axis.count + slot] = DecimalArithmetic.double(share)
        }
      }
    }
    self.init(indicators: specs, orgs: orgIDs, axis: axis, figures: figures, shares: shares)
  }

  /// Targets already laid out (for generated data): `figures` has `indicators.count × orgs.count ×
  /// axis.count` cells and `shares` `indicators.count × axis.count`, in the documented order.
  public init(
    indicators: [MonitoredIndicator], orgs: [OrgID], axis: PeriodAxis, figures: FigureGrid,
    shares: ContiguousArray<Double>
  ) {
    precondition(figures.units.count == indicators.count * orgs.count * axis.count, "figures do not fill the grid")
    precondition(shares.count == indicators.count * axis.count, "shares do not fill the grid")
    self.indicators = indicators
    self.orgs = orgs
    self.axis = axis
    self.figures = figures
    self.shares = shares
  }

  /// The milestone of an indicator for an org at a slot, by position, exactly; nil when there is
  /// none.
  public func milestone(indicator: Int, org: Int, slot: Int) -> Decimal? {
    figures.decimal(at: (indicator * orgs.count + org) * axis.count + slot)
  }
}
