import Foundation
import ZhibiaoObservations
import ZhibiaoPlan
import ZhibiaoTargets

/// The observed values (实际值) laid out for monitoring: one exact grid (`FigureGrid`) indexed by
/// indicator × org × quarter slot, with the time each figure was reported.
///
/// Built once from the reported figures, the counts of the registers and the base-year figures;
/// derived indicators (ratios, average growth rates) are computed from their inputs by the
/// plan's `Derivation`s and kept up to date when an input changes. The index of a value is
/// `(indicator × orgs + org) × slots + slot`, so that an org's time series is contiguous.
public struct Actuals: Sendable {
  /// One value of the grid: indicator, org and slot by position.
  public struct Cell: Hashable, Sendable {
    /// The indicator's position.
    public var indicator: Int
    /// The org's position.
    public var org: Int
    /// The slot on the period axis.
    public var slot: Int

    /// A cell.
    public init(indicator: Int, org: Int, slot: Int) {
      self.indicator = indicator
      self.org = org
      self.slot = slot
    }
  }

  /// The indicators, in the order of the grid (the plan's order).
  public let indicators: [IndicatorID]
  /// The orgs, in the order of the grid (the plan's order).
  public let orgs: [OrgID]
  /// The period axis.
  public let axis: PeriodAxis
  /// The figures, exact.
  public private(set) var figures: FigureGrid
  /// The derived indicators' figures as computed, before they are stated at their places: the
  /// statistics read these, at `(derived position × orgs + org) × slots + slot`; NaN where there
  /// is none. Reported figures have no such copy: their doubles are derived from the units.
  public private(set) var computed: ContiguousArray<Double>
  /// When each value was reported, in seconds since 2001-01-01 00:00 UTC
  /// (`Date.timeIntervalSinceReferenceDate`), to the second; NaN when unknown.
  public private(set) var reportedAt: ReportingTimes
  /// Figures that found no place: an unknown indicator or org, a period outside the axis, or a
  /// figure for a derived indicator (which is always computed). A figure for a register count is
  /// kept in `reportedCounts` instead.
  public private(set) var unplaced: Int = 0
  /// Figures that state more than 18 significant decimals or exceed 9.2 × 10¹⁸ units: kept out
  /// of the grid, and refused by `Monitor`.
  public private(set) var outOfRange: [ReportedValue] = []

  let indicatorIndex: [IndicatorID: Int]
  let orgIndex: [OrgID: Int]
  /// The derived indicators, inputs before the indicators computed from them.
  let derived: [DerivedIndicator]
  /// For each indicator, the positions in `derived` of the derived indicators that read it.
  let readers: [[Int]]
  /// For each indicator, its position in `derived`, or −1.
  let derivedPosition: [Int]
  /// For each indicator, whether it is counted from a register.
  var isCounted: [Bool]
  /// The figures reported for indicators counted from a register, by position in `figures`: kept
  /// beside the register's count (which is the actual) so that a disagreement can be flagged.
  public private(set) var reportedCounts: [Int: Decimal] = [:]
  /// The entries of the register each counted indicator counts, by indicator position.
  public private(set) var registerEntries: [Int: [RegisterEntry]] = [:]
  /// The indicators counted from a register, by position: what `registerDisagreement` counts.
  let countedIndicators: [Int: Indicator]
  /// The units before the last `set` of each cell it returned, in the same order.
  package private(set) var previousUnits: [Int64] = []

  /// An indicator computed from others.
  struct DerivedIndicator: Sendable {
    var indicator: Int
    var owner: Int
    var derivation: Derivation
    /// Each input: id, position and the position of its owner (where its city figure is kept).
    var inputs: [(id: IndicatorID, index: Int, owner: Int)]
  }

  /// The grid of `plan`: every indicator × every org × the quarters from the base year to the
  /// target year. Base-year figures fill the base year's fourth quarter where nothing was reported
  /// for it; then the reported figures are placed (a later duplicate replaces an earlier one); an
  /// indicator counted from a register (`count_of`) takes `RegisterEntry.count` (`RegisterCounts`) for the owner (the
  /// whole city) and every district at every slot; derived indicators are then computed.
  public init(
    plan: Plan, observations: [ReportedValue], registerEntries: [RegisterEntry] = [], baselines: Baselines? = nil
  ) {
    let axis = PeriodAxis(plan: plan)
    let indicatorIDs = plan.indicators.map(\.id)
    let orgIDs = plan.orgs.map(\.id)
    let indicatorIndex = Dictionary(indicatorIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let orgIndex = Dictionary(orgIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var derived: [DerivedIndicator] = []
    for (index, indicator) in plan.indicators.enumerated() {
      guard let derivation = plan.derivation(for: indicator.id) else { continue }
      let inputs = derivation.inputs.compactMap { id -> (id: IndicatorID, index: Int, owner: Int)? in
        guard let position = indicatorIndex[id], let input = plan.indicator(id), let owner = orgIndex[input.owner]
        else { return nil }
        return (id, position, owner)
      }
      guard let owner = orgIndex[indicator.owner] else { continue }
      derived.append(DerivedIndicator(indicator: index, owner: owner, derivation: derivation, inputs: inputs))
    }
    derived = Self.orderedByInputs(derived)
    var stated = Array(repeating: [Decimal](), count: indicatorIDs.count)
    for observation in observations {
      indicatorIndex[observation.indicator].map { stated[$0].append(observation.value) }
    }
    for baseline in baselines?.entries ?? [] {
      indicatorIndex[baseline.indicator].map { stated[$0].append(baseline.value) }
    }
    // Reported figures keep at least four decimals, so that a later figure stated to a finer step
    // than the first still fits; a derived figure is stated at its precision.
    let places = plan.indicators.enumerated().map { i, indicator in
      plan.derivation(for: indicator.id) != nil
        ? FigureGrid.places(precision: indicator.statedPrecision, values: [])
        : max(4, FigureGrid.places(precision: indicator.statedPrecision, values: stated[i]))
    }
    self.init(
      indicators: indicatorIDs, orgs: orgIDs, axis: axis, places: places, indicatorIndex: indicatorIndex,
      orgIndex: orgIndex, derived: derived,
      counted: Dictionary(
        plan.indicators.enumerated().compactMap { $1.countOf == nil ? nil : ($0, $1) }, uniquingKeysWith: { a, _ in a })
    )

    let baseEnd = axis.yearEndSlot(axis.firstYear)
    for baseline in baselines?.entries ?? [] where baseline.year == axis.firstYear {
      guard let i = indicatorIndex[baseline.indicator], let o = orgIndex[baseline.org] else { continue }
      let at = index(indicator: i, org: o, slot: baseEnd)
      if figures.units[at] == FigureGrid.none { figures.set(at, baseline.value) }
    }
    for observation in observations {
      guard let i = indicatorIndex[observation.indicator], let o = orgIndex[observation.org],
        let slot = axis.slot(of: observation.period), derivedPosition[i] < 0
      else {
        unplaced += 1
        continue
      }
      let at = index(indicator: i, org: o, slot: slot)
      if plan.indicators[i].countOf != nil {
        reportedCounts[at] = observation.value
        continue
      }
      guard figures.set(at, observation.value) else {
        outOfRange.append(observation)
        continue
      }
      reportedAt[at] = observation.reportedAt?.timeIntervalSinceReferenceDate ?? .nan
    }
    let districts = plan.districts.map(\.id)
    let registerCounts = RegisterCounts(periods: (0..<axis.count).map(axis.period(ofSlot:)))
    for (i, indicator) in plan.indicators.enumerated() where indicator.countOf != nil {
      isCounted[i] = true
      let counted = registerEntries.filter { $0.register == indicator.countOf?.register }
      self.registerEntries[i] = counted
      // A district's count reads its own entries only.
      let byOrg = Dictionary(grouping: counted, by: \.org)
      for org in [indicator.owner] + districts {
        guard let o = orgIndex[org] else { continue }
        let isDistrict = org != indicator.owner
        let own = isDistrict ? byOrg[org] ?? [] : counted
        let counts = registerCounts.counts(indicator, org: org, in: own, isDistrict: isDistrict)
        for slot in 0..<axis.count {
          let at = index(indicator: i, org: o, slot: slot)
          figures.set(at, counts.map { Decimal($0[slot]) })
          reportedAt[at] = .nan
        }
      }
    }
    for position in derived.indices {
      for o in orgs.indices {
        for slot in 0..<axis.count { recompute(position, org: o, slot: slot) }
      }
    }
  }

  /// A grid from figures already laid out (for generated data): `figures` and `reportedAt` must
  /// have `indicators.count × orgs.count × axis.count` cells in the documented order.
  public init(
    indicators: [IndicatorID], orgs: [OrgID], axis: PeriodAxis, figures: FigureGrid,
    reportedAt: ContiguousArray<Double>
  ) {
    self.init(
      indicators: indicators, orgs: orgs, axis: axis, figures: figures, reportedAt: ReportingTimes(reportedAt))
  }

  /// A grid from figures and times of reporting already laid out, as
  /// `init(indicators:orgs:axis:figures:reportedAt:)` with doubles.
  public init(
    indicators: [IndicatorID], orgs: [OrgID], axis: PeriodAxis, figures: FigureGrid, reportedAt: ReportingTimes
  ) {
    precondition(figures.units.count == indicators.count * orgs.count * axis.count, "figures do not fill the grid")
    precondition(reportedAt.count == figures.units.count, "reportedAt does not match figures")
    self.indicators = indicators
    self.orgs = orgs
    self.axis = axis
    self.figures = figures
    self.reportedAt = reportedAt
    computed = []
    indicatorIndex = Dictionary(indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    orgIndex = Dictionary(orgs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    derived = []
    readers = Array(repeating: [], count: indicators.count)
    derivedPosition = Array(repeating: -1, count: indicators.count)
    isCounted = Array(repeating: false, count: indicators.count)
    countedIndicators = [:]
  }

  private init(
    indicators: [IndicatorID], orgs: [OrgID], axis: PeriodAxis, places: [Int], indicatorIndex: [IndicatorID: Int],
    orgIndex: [OrgID: Int], derived: [DerivedIndicator], counted: [Int: Indicator]
  ) {
    countedIndicators = counted
    self.indicators = indicators
    self.orgs = orgs
    self.axis = axis
    figures = FigureGrid(places: places, stride: orgs.count * axis.count)
    reportedAt = ReportingTimes(count: figures.units.count)
    computed = LargeArray.make(repeating: .nan, count: derived.count * orgs.count * axis.count)
    self.indicatorIndex = indicatorIndex
    self.orgIndex = orgIndex
    self.derived = derived
    var readers = Array(repeating: [Int](), count: indicators.count)
    var derivedPosition = Array(repeating: -1, count: indicators.count)
    for (position, item) in derived.enumerated() {
      derivedPosition[item.indicator] = position
      for input in item.inputs where !readers[input.index].contains(position) { readers[input.index].append(position) }
    }
    self.readers = readers
    self.derivedPosition = derivedPosition
    isCounted = Array(repeating: false, count: indicators.count)
  }

  /// Derived indicators ordered so that one computed from another comes after it.
  private static func orderedByInputs(_ items: [DerivedIndicator]) -> [DerivedIndicator] {
    var ordered: [DerivedIndicator] = []
    var pending = items
    while !pending.isEmpty {
      let done = Set(ordered.map(\.indicator))
      let pendingIDs = Set(pending.map(\.indicator))
      let ready = pending.filter { item in
        item.inputs.allSatisfy { !pendingIDs.contains($0.index) || done.contains($0.index) }
      }
      // A cycle cannot be ordered; keep the rest in plan order.
      let next = ready.isEmpty ? pending : ready
      ordered += next
      let taken = Set(next.map(\.indicator))
      pending.removeAll { taken.contains($0.indicator) }
    }
    return ordered
  }

  // MARK: - Reading

  /// The position of a value in `values` and `reportedAt`.
  @inline(__always)
  public func index(indicator: Int, org: Int, slot: Int) -> Int {
    (indicator * orgs.count + org) * axis.count + slot
  }

  /// The position of an indicator in the grid.
  public func position(of indicator: IndicatorID) -> Int? { indicatorIndex[indicator] }

  /// The position of an org in the grid.
  public func position(of org: OrgID) -> Int? { orgIndex[org] }

  /// The value of an indicator for an org in a period, exactly, if there is one.
  public func value(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> Decimal? {
    guard let i = indicatorIndex[indicator], let o = orgIndex[org], let slot = axis.slot(of: period) else { return nil }
    return figures.decimal(at: index(indicator: i, org: o, slot: slot))
  }

  /// Whether an indicator is computed from others rather than reported.
  public func isDerived(_ indicator: Int) -> Bool { derivedPosition[indicator] >= 0 }

  /// The figure at a position of `figures` as the statistics read it: the double nearest to a
  /// reported figure, a derived one as computed; NaN where there is none.
  public func value(at: Int) -> Double {
    let stride = orgs.count * axis.count
    let position = derivedPosition[at / stride]
    return position < 0 ? figures.double(at: at) : computed[at + (position - at / stride) * stride]
  }

  /// For each indicator, where its computed figures lie in `computed`: the offset to add to a
  /// position of `figures`, or nil for a reported indicator.
  var computedOffsets: [Int?] {
    let stride = orgs.count * axis.count
    return derivedPosition.enumerated().map { i, position in position < 0 ? nil : (position - i) * stride }
  }

  // MARK: - Changing

  /// Sets (or, with nil, removes) one reported figure and recomputes the derived indicators that
  /// read it. Returns every cell whose value may have changed: the figure's own and the derived
  /// ones. A figure for a register count is kept beside the register's count, which stays the
  /// actual (its cell is returned, so that its row is checked again). A figure for a derived
  /// indicator, or outside the grid, changes nothing; nor does one with more decimals than the
  /// grid keeps for its indicator, which is added to `outOfRange`. Removing a base-year figure
  /// leaves the slot empty (the baseline is not restored).
  @discardableResult
  public mutating func set(
    _ indicator: IndicatorID, _ org: OrgID, _ period: Period, value: Decimal?, reportedAt: Date? = nil
  ) -> [Cell] {
    guard let i = indicatorIndex[indicator], let o = orgIndex[org], let slot = axis.slot(of: period) else { return [] }
    if isCounted[i] {
      // The register's count stays the actual; the reported figure is kept to be compared with it.
      let at = index(indicator: i, org: o, slot: slot)
      reportedCounts[at] = value
      previousUnits = [figures.units[at]]
      return [Cell(indicator: i, org: o, slot: slot)]
    }
    guard let units = value.map({ FigureGrid.units($0, places: figures.places[i]) }) ?? FigureGrid.none else {
      outOfRange.append(ReportedValue(indicator: indicator, org: org, period: period, value: value ?? 0))
      return []
    }
    return set(
      Cell(indicator: i, org: o, slot: slot), units: units,
      reportedAt: reportedAt?.timeIntervalSinceReferenceDate ?? .nan)
  }

  /// Sets one figure by position, in units of its indicator's places (`FigureGrid.none` removes
  /// it), as `set(_:_:_:value:reportedAt:)` does.
  @discardableResult
  public mutating func set(_ cell: Cell, units: Int64, reportedAt: Double = .nan) -> [Cell] {
    previousUnits = []
    guard derivedPosition[cell.indicator] < 0, !isCounted[cell.indicator] else { return [] }
    let at = index(indicator: cell.indicator, org: cell.org, slot: cell.slot)
    previousUnits.append(figures.units[at])
    figures.set(at, units: units)
    // A figure that is not there was not reported either.
    self.reportedAt[at] = units == FigureGrid.none ? .nan : reportedAt
    var changed = [cell]
    var queue = readers[cell.indicator].map { ($0, cell) }
    while !queue.isEmpty {
      let (position, source) = queue.removeFirst()
      for target in targets(of: position, changedAt: source) {
        previousUnits.append(figures.units[index(indicator: target.indicator, org: target.org, slot: target.slot)])
        recompute(position, org: target.org, slot: target.slot)
        changed.append(target)
        queue += readers[target.indicator].map { ($0, target) }
      }
    }
    return changed
  }

  /// The cells of derived indicator `position` that read the value at `source`: the same org, or
  /// for the input's city figure the derived indicator's city figure; the same quarter of every
  /// year (a derivation reads years), or every slot when the base year's figure changed.
  private func targets(of position: Int, changedAt source: Cell) -> [Cell] {
    let item = derived[position]
    var orgs: [Int] = []
    for input in item.inputs where input.index == source.indicator {
      if source.org == input.owner && !orgs.contains(item.owner) { orgs.append(item.owner) }
      if source.org != item.owner && !orgs.contains(source.org) { orgs.append(source.org) }
    }
    let baseEnd = axis.yearEndSlot(axis.firstYear)
    let slots =
      source.slot == baseEnd ? Array(0..<axis.count) : Array(stride(from: source.slot % 4, to: axis.count, by: 4))
    return orgs.flatMap { org in slots.map { Cell(indicator: item.indicator, org: org, slot: $0) } }
  }

  /// Computes derived indicator `position` for `org` at `slot`. The derivation reads each input
  /// for the same org (its owner's figure for the city), at this slot for this slot's year, at the
  /// base year's year-end for the base year (base-year figures are annual), and at the same
  /// quarter for any other year.
  private mutating func recompute(_ position: Int, org: Int, slot: Int) {
    let value = derivedValue(position, org: org, slot: slot)
    let at = index(indicator: derived[position].indicator, org: org, slot: slot)
    let stated = figures.set(at, computed: value)
    computed[(position * orgs.count + org) * axis.count + slot] = stated ? value : .nan
    reportedAt[at] = .nan
  }

  private func derivedValue(_ position: Int, org: Int, slot: Int) -> Double {
    let item = derived[position]
    let axis = self.axis
    let orgCount = orgs.count
    let isCity = org == item.owner
    let year = axis.year(ofSlot: slot)
    let inputs = Derivation.Inputs(year: year, baseYear: axis.firstYear) { id, wanted in
      guard let input = item.inputs.first(where: { $0.id == id }), (axis.firstYear...axis.lastYear).contains(wanted)
      else { return nil }
      let at: Int
      if wanted == year {
        at = slot
      } else if wanted == axis.firstYear {
        at = axis.yearEndSlot(wanted)
      } else {
        at = (wanted - axis.firstYear) * 4 + slot % 4
      }
      let value = self.value(at: (input.index * orgCount + (isCity ? input.owner : org)) * axis.count + at)
      return value.isNaN ? nil : value
    }
    return item.derivation.compute(inputs) ?? .nan
  }
}
