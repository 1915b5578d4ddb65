import Dispatch
import Foundation
import ZhibiaoObservations
import ZhibiaoPlan
import ZhibiaoTargets

/// The quarterly monitoring (监测预警) of every target indicator × org at one period: the pace of
/// the year-to-date figure and its traffic light, the plan-period view, the year-end projection
/// and the data-quality flags — a pure function of the target book, the actual figures and the
/// settings.
///
/// Rows are the orgs the target book names for each indicator: the owner bureau, whose figure is
/// the city's, then the districts. An annual indicator has rows at year-ends (Q4 or a whole year)
/// only; a qualitative aim has none. Everything is computed once, from dense arrays, when the
/// monitor is made; `update` recomputes only what one changed figure touches, with exactly the
/// result a new monitor would give.
public struct Monitor: Sendable {
  /// The targets.
  public let targets: MonitoringTargets
  /// The actual figures, as last updated.
  public private(set) var actuals: Actuals
  /// The monitored period (a whole year is monitored as its fourth quarter).
  public let period: Period
  /// The settings.
  public let settings: MonitoringSettings
  /// The day monitoring is run; when given, a figure still missing after its due day is late.
  public let asOf: Date?

  /// The monitored slot S.
  package let slot: Int
  /// For each indicator, its rows: `rowStart[i]..<rowStart[i + 1]`, the city's first.
  package let rowStart: [Int]
  package let rowIndicator: ContiguousArray<Int32>
  package let rowOrg: ContiguousArray<Int32>
  /// The row of indicator × org at `indicator × orgs + org`, or −1.
  package let rowOf: ContiguousArray<Int32>
  package let facts: ContiguousArray<IndicatorFacts>
  /// For each indicator, the parity indicators whose target it is.
  let parityReaders: [[Int]]
  /// The first instant at which a figure for the period is late, in seconds since 2001.
  let due: Double
  /// Room in scratch for the longest series a modified z-score is computed over, one org's
  /// quarters, and for the figures it is computed from.
  let scratchSize: Int
  /// The row states.
  package internal(set) var rows: ContiguousArray<RowState>
  /// For each indicator, the outlier test across districts as last computed.
  var districtOutliers: ContiguousArray<DistrictOutliers>
  /// The rows the last `update` evaluated again: the figure set, the derived figures computed from
  /// it and the rows whose targets read them. An assessment follows them with
  /// `Assessor.update(from:)`.
  package internal(set) var lastTouchedRows: [Int] = []

  /// Why a monitor cannot be made.
  public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The period lies outside the plan's years.
    case periodOutsidePlan(Period, PeriodAxis)
    /// The targets and the actual figures are laid out differently.
    case layoutsDiffer
    /// A figure states more than 18 decimals or is too large to be kept exactly.
    case figureOutOfRange(ReportedValue)

    /// The failure in one sentence.
    public var description: String {
      switch self {
      case .periodOutsidePlan(let period, let axis):
        "The period \(period) lies outside the plan's years \(axis.firstYear)–\(axis.lastYear)."
      case .layoutsDiffer: "The targets and the actual figures are not laid out on the same grid."
      case .figureOutOfRange(let figure):
        "The figure \(figure.value) of '\(figure.indicator)' for '\(figure.org)' in \(figure.period) has more "
          + "digits than monitoring keeps exactly (18 decimals, 9.2 × 10¹⁸ units of its last decimal)."
      }
    }
  }

  /// Monitors `period` (`2024Q3` is January–September 2024) and computes every row.
  public init(
    targets: MonitoringTargets, actuals: Actuals, period: Period, settings: MonitoringSettings = MonitoringSettings(),
    asOf: Date? = nil
  ) throws(Failure) {
    guard targets.axis == actuals.axis, targets.orgs.count == actuals.orgs.count,
      targets.indicators.count == actuals.indicators.count
    else { throw .layoutsDiffer }
    guard let slot = targets.axis.slot(of: period) else { throw .periodOutsidePlan(period, targets.axis) }
    if let figure = actuals.outOfRange.first { throw .figureOutOfRange(figure) }
    self.targets = targets
    self.actuals = actuals
    self.period = period
    self.settings = settings
    self.asOf = asOf
    self.slot = slot
    due =
      settings.dueInstant(for: .quarter(slot % 4 + 1, of: targets.axis.year(ofSlot: slot)))
      .timeIntervalSinceReferenceDate

    let orgCount = targets.orgs.count
    var rowStart = [0]
    var rowIndicator = ContiguousArray<Int32>()
    var rowOrg = ContiguousArray<Int32>()
    var rowOf = ContiguousArray<Int32>(repeating: -1, count: targets.indicators.count * orgCount)
    var facts = ContiguousArray<IndicatorFacts>()
    var parityReaders = Array(repeating: [Int](), count: targets.indicators.count)
    let computedOffsets = actuals.computedOffsets
    for (i, spec) in targets.indicators.enumerated() {
      let start = rowIndicator.count
      if spec.isMonitored {
        for org in spec.rowOrgs {
          rowOf[i * orgCount + org] = Int32(rowIndicator.count)
          rowIndicator.append(Int32(i))
          rowOrg.append(Int32(org))
        }
      }
      rowStart.append(rowIndicator.count)
      var partnerCity = -1
      if spec.comparator == .parity, let partner = spec.partner {
        partnerCity = targets.indicators[partner].city
        parityReaders[partner].append(i)
      }
      facts.append(
        IndicatorFacts(
          spec, places: actuals.figures.places[i], targetPlaces: targets.figures.places[i],
          computedOffset: computedOffsets[i], partnerCity: partnerCity, rows: start..<rowIndicator.count))
    }
    self.rowStart = rowStart
    self.rowIndicator = rowIndicator
    self.rowOrg = rowOrg
    self.rowOf = rowOf
    self.facts = facts
    self.parityReaders = parityReaders
    scratchSize = 2 * (targets.axis.count + 1)
    rows = LargeArray.make(repeating: .inactive, count: rowIndicator.count)
    districtOutliers = ContiguousArray(repeating: DistrictOutliers(), count: targets.indicators.count)
    recomputeAll()
  }

  /// The plan's monitoring: targets from `book`, actual figures from `observations`, the
  /// registers' counts and the base-year `baselines`; the settings are the plan's
  /// (`plan.yaml`, `monitoring:`) unless others are given.
  public init(
    plan: Plan, book: TargetBook, observations: [ReportedValue], registerEntries: [RegisterEntry] = [],
    baselines: Baselines? = nil, period: Period, settings: MonitoringSettings? = nil, asOf: Date? = nil
  ) throws(Failure) {
    try self.init(
      targets: MonitoringTargets(plan: plan, book: book),
      actuals: Actuals(plan: plan, observations: observations, registerEntries: registerEntries, baselines: baselines),
      period: period, settings: settings ?? plan.monitoringSettings, asOf: asOf)
  }

  /// The number of rows with a target at the period.
  public var activeRowCount: Int { rows.reduce(0) { $0 + ($1.isActive ? 1 : 0) } }

  // MARK: - Computing

  /// Computes every row, then the passes over whole indicators (outliers across districts, sums).
  /// Indicators are independent, so a large grid is shared out among the processors by whole
  /// indicators, in eight chunks per processor handed out as each finishes one, so that a
  /// processor taken by other work for a while leaves no long tail to the others; the result does
  /// not depend on how (every row is computed by the same code).
  public mutating func recomputeAll() {
    let rowStart = self.rowStart
    let indicatorCount = targets.indicators.count
    let processors = rows.count >= 50_000 ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) : 1
    let chunkCount = processors > 1 ? 8 * processors : 1
    // Chunk bounds by indicator, with about the same number of rows in each.
    var chunks = [0]
    for chunk in 1..<chunkCount {
      let wanted = rows.count * chunk / chunkCount
      var i = chunks[chunks.count - 1]
      while i < indicatorCount && rowStart[i] < wanted { i += 1 }
      chunks.append(i)
    }
    chunks.append(indicatorCount)
    let bounds = chunks
    let scratchSize = self.scratchSize
    let slots = targets.axis.count
    withEvaluation { evaluation, rows, outliers in
      let shared = SharedWork(evaluation: evaluation, rows: rows, outliers: outliers)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { worker in
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: scratchSize)
        defer { scratch.deallocate() }
        let reported = UnsafeMutableBufferPointer<Double>.allocate(capacity: Self.block)
        defer { reported.deallocate() }
        let milestones = UnsafeMutableBufferPointer<Int64>.allocate(capacity: Self.block)
        defer { milestones.deallocate() }
        let figures = UnsafeMutableBufferPointer<Double>.allocate(capacity: Self.block * slots)
        defer { figures.deallocate() }
        let evaluation = shared.evaluation.using(scratch: scratch)
        let rows = shared.rows
        for i in bounds[worker]..<bounds[worker + 1] where rowStart[i] < rowStart[i + 1] {
          let fact = evaluation.facts[i]
          for start in stride(from: rowStart[i], to: rowStart[i + 1], by: Self.block) {
            let block = start..<min(start + Self.block, rowStart[i + 1])
            evaluation.gather(block, fact, reported: reported, milestones: milestones, figures: figures)
            for row in block {
              let k = row - start
              rows[row] = evaluation.evaluate(
                row: row, indicator: i, fact, keeping: rows[row],
                inputs: MonitorEvaluation.RowInputs(
                  reported: reported[k], milestoneUnits: milestones[k],
                  figures: UnsafeMutableBufferPointer(rebasing: figures[k * slots..<(k + 1) * slots])))
            }
          }
          shared.outliers[i].spread = evaluation.outliersAcrossDistricts(
            i, rows: rows, sample: &shared.outliers[i].sample)
          shared.outliers[i].total = evaluation.districtTotal(i)
          evaluation.sumCheck(i, rows: rows, total: shared.outliers[i].total)
        }
      }
    }
  }

  /// The rows of a full pass whose inputs are gathered at once (`MonitorEvaluation.gather`).
  static let block = 256

  /// Sets (or with nil removes) one reported figure and recomputes what it touches: the rows of
  /// that indicator × org (and of the derived indicators computed from it, and of a parity whose
  /// target it is), then the outlier test across districts and the sum check of each indicator
  /// concerned. A figure after the monitored period touches nothing. Returns the rows recomputed.
  @discardableResult
  public mutating func update(
    _ indicator: IndicatorID, _ org: OrgID, _ period: Period, value: Decimal?, reportedAt: Date? = nil
  ) -> Int {
    recompute(
      actuals.set(indicator, org, period, value: value, reportedAt: reportedAt), previous: actuals.previousUnits)
  }

  /// Sets one figure by position, in units of its indicator's places (`FigureGrid.none` removes
  /// it), as `update(_:_:_:value:reportedAt:)` does.
  @discardableResult
  public mutating func update(_ cell: Actuals.Cell, units: Int64, reportedAt: Double = .nan) -> Int {
    recompute(actuals.set(cell, units: units, reportedAt: reportedAt), previous: actuals.previousUnits)
  }

  /// Recomputes what the `changed` cells touch; `previous` holds their units before the change.
  private mutating func recompute(_ changed: [Actuals.Cell], previous: [Int64]) -> Int {
    var touchedRows: [Int] = []
    var touchedIndicators: [Int] = []
    let orgCount = targets.orgs.count
    func touch(_ i: Int, _ org: Int) {
      let row = Int(rowOf[i * orgCount + org])
      if row >= 0 && !touchedRows.contains(row) { touchedRows.append(row) }
      if row >= 0 && !touchedIndicators.contains(i) { touchedIndicators.append(i) }
    }
    for cell in changed where cell.slot <= slot {
      touch(cell.indicator, cell.org)
      for reader in parityReaders[cell.indicator] { touch(reader, targets.indicators[reader].city) }
    }
    lastTouchedRows = touchedRows
    guard !touchedRows.isEmpty else { return 0 }
    let slots = targets.axis.count
    let monitoredSlot = slot
    let rowOfCell = rowOf
    withEvaluation { evaluation, rows, outliers in
      // The districts' totals at the monitored slot follow the changed figures: each cell once,
      // from its units before the first change to its units now.
      var counted: [Actuals.Cell] = []
      for (cell, old) in zip(changed, previous) where cell.slot == monitoredSlot && !counted.contains(cell) {
        counted.append(cell)
        let row = Int(rowOfCell[cell.indicator * orgCount + cell.org])
        let fact = evaluation.facts[cell.indicator]
        guard row >= fact.firstDistrictRow && row < fact.endRow else { continue }
        outliers[cell.indicator].total.remove(old)
        outliers[cell.indicator].total.add(
          evaluation.units[(cell.indicator * orgCount + cell.org) * slots + monitoredSlot])
      }
      for row in touchedRows {
        let old = rows[row]
        rows[row] = evaluation.evaluate(row: row, keeping: old)
        let i = Int(evaluation.rowIndicator[row])
        let fact = evaluation.facts[i]
        if evaluation.isSampled(fact, row: row, old) {
          let found = outliers[i].sample.remove(old.growth)
          assert(found, "the sample across districts lost a row's growth")
        }
        if evaluation.isSampled(fact, row: row, rows[row]) { outliers[i].sample.insert(rows[row].growth) }
      }
      for i in touchedIndicators {
        // Every district is scored again only when the spread moved.
        let spread = evaluation.spread(outliers[i].sample)
        let fact = evaluation.facts[i]
        let districts = fact.firstDistrictRow..<fact.endRow
        if ModifiedZScore.scoresAlike(spread, outliers[i].spread) {
          evaluation.scoreAcrossDistricts(i, rows: rows, spread: spread, only: touchedRows.filter(districts.contains))
        } else {
          evaluation.scoreAcrossDistricts(i, rows: rows, spread: spread, only: districts)
        }
        outliers[i].spread = spread
        evaluation.sumCheck(i, rows: rows, total: outliers[i].total)
      }
    }
    return touchedRows.count
  }

  /// Runs `body` with the evaluation over the current buffers, the row states and the outlier
  /// tests across districts.
  mutating func withEvaluation<Result>(
    _ body: (MonitorEvaluation, UnsafeMutableBufferPointer<RowState>, UnsafeMutableBufferPointer<DistrictOutliers>) ->
      Result
  ) -> Result {
    var rows = ContiguousArray<RowState>()
    var outliers = ContiguousArray<DistrictOutliers>()
    swap(&rows, &self.rows)
    swap(&outliers, &districtOutliers)
    defer {
      swap(&rows, &self.rows)
      swap(&outliers, &districtOutliers)
    }
    return withEvaluationReading { evaluation in
      rows.withUnsafeMutableBufferPointer { rows in
        outliers.withUnsafeMutableBufferPointer { body(evaluation, rows, $0) }
      }
    }
  }

  /// Runs `body` with an evaluation reading the current buffers.
  func withEvaluationReading<Result>(_ body: (MonitorEvaluation) -> Result) -> Result {
    let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: scratchSize)
    defer { scratch.deallocate() }
    let axis = targets.axis
    return actuals.figures.units.withUnsafeBufferPointer { units in
      actuals.computed.withUnsafeBufferPointer { computed in
        actuals.reportedAt.stored.withUnsafeBufferPointer { reportedAt in
          targets.figures.units.withUnsafeBufferPointer { targetUnits in
            targets.shares.withUnsafeBufferPointer { shares in
              facts.withUnsafeBufferPointer { facts in
                rowIndicator.withUnsafeBufferPointer { rowIndicator in
                  rowOrg.withUnsafeBufferPointer { rowOrg in
                    body(
                      MonitorEvaluation(
                        units: units, computed: computed, reportedAt: reportedAt, targets: targetUnits, shares: shares,
                        facts: facts,
                        rowIndicator: rowIndicator, rowOrg: rowOrg, scratch: scratch, orgCount: targets.orgs.count,
                        slots: axis.count, slot: slot, span: axis.years - 1, due: due,
                        asOf: asOf?.timeIntervalSinceReferenceDate ?? .nan, settings: settings))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Whether every row is the same, to the bit, as in `other` (for checking that an incremental
  /// recompute equals a full one).
  public func hasSameResults(as other: Monitor) -> Bool {
    rows.count == other.rows.count && zip(rows, other.rows).allSatisfy { $0.isIdentical(to: $1) }
  }
}

/// The buffers of one full pass, handed to the workers of `recomputeAll`: each writes the rows of
/// its own indicators only.
private struct SharedWork: @unchecked Sendable {
  let evaluation: MonitorEvaluation
  let rows: UnsafeMutableBufferPointer<RowState>
  let outliers: UnsafeMutableBufferPointer<DistrictOutliers>
}

/// The outlier test across districts of one indicator, kept between updates.
struct DistrictOutliers: Sendable {
  /// The year-on-year growth of the district rows the test reads, kept sorted, so that one
  /// changed figure moves one value instead of sorting every district's again.
  var sample = SortedSample()
  /// The spread the districts were last scored by; nil when too few have a growth.
  var spread: ModifiedZScore.Spread?
  /// The districts' figures at the monitored slot, added up for the sum check.
  var total = DistrictTotal()
}

/// The figures of an indicator's districts added up in 128 bits, which hold any sum of 64-bit
/// figures, and the number missing.
struct DistrictTotal: Sendable {
  var sum: Int128 = 0
  var missing = 0

  /// Counts a figure in units (`FigureGrid.none` as missing).
  mutating func add(_ units: Int64) {
    if units == FigureGrid.none { missing += 1 } else { sum &+= Int128(units) }
  }

  /// Takes a figure counted before out again.
  mutating func remove(_ units: Int64) {
    if units == FigureGrid.none { missing -= 1 } else { sum &-= Int128(units) }
  }
}
