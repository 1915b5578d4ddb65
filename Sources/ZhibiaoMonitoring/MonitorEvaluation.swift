import Foundation
import ZhibiaoPlan

/// What the inner loop needs of an indicator, without reference counting.
package struct IndicatorFacts {
  var isRate: Bool
  var isFlow: Bool
  /// A flow's level: its pace is measured against annual target × S_q.
  var isSeasonal: Bool
  package var isAnnual: Bool
  var direction: Indicator.Direction
  package var measure: Target.Measure
  /// The partner of a parity, by position, and the org holding its city figure; −1 when none.
  package var partner: Int
  package var partnerCity: Int
  var hasProjection: Bool
  var isSum: Bool
  var testsOutliers: Bool
  /// The indicator's precision in units of its figures' decimal places.
  var precisionUnits: Int64
  /// 10^places of the actual figures and of the targets: a figure's double is its units over it.
  var scale: Double
  var targetScale: Double
  /// For a derived indicator, whose statistics read its figures as computed: the offset from a
  /// position of the grid to its place in `Actuals.computed`.
  var isComputed: Bool
  var computedOffset: Int
  var city: Int
  var firstDistrictRow: Int
  var endRow: Int

  /// Whether the row of this indicator whose milestones start at `series` in `targets` has a
  /// target at `slot`: a milestone in the book, or for a parity a year after the base year (at
  /// year-ends only when annual).
  @inlinable @inline(__always)
  package func hasTarget(in targets: UnsafeBufferPointer<Int64>, series: Int, slot: Int) -> Bool {
    guard slot >= 4 else { return false }
    if partner >= 0 { return !isAnnual || slot % 4 == 3 }
    return targets[series + slot] != FigureGrid.none
  }

  init(
    _ spec: MonitoredIndicator, places: Int, targetPlaces: Int, computedOffset: Int?, partnerCity: Int,
    rows: Range<Int>
  ) {
    isRate = spec.isRate
    isFlow = spec.isFlow
    isSeasonal = spec.kind == .flow && spec.measure == .level
    isAnnual = spec.frequency == .annual
    direction = spec.direction
    measure = spec.measure
    partner = spec.comparator == .parity ? spec.partner ?? -1 : -1
    self.partnerCity = partnerCity
    hasProjection = spec.kind == .flow && (spec.measure == .level || spec.measure == .cumulative)
    isSum = spec.aggregation == .sum
    testsOutliers = spec.testsOutliers
    precisionUnits = FigureGrid.rounded(spec.precision, places: places) ?? 0
    scale = FigureGrid.scale(places: places)
    targetScale = FigureGrid.scale(places: targetPlaces)
    isComputed = computedOffset != nil
    self.computedOffset = computedOffset ?? 0
    city = spec.city
    // An indicator without rows gets an empty district range.
    firstDistrictRow = rows.lowerBound + 1
    endRow = max(rows.upperBound, rows.lowerBound + 1)
  }
}

/// The computation of rows over raw buffers: the same code serves the full pass and the
/// incremental recompute, so that both give the same bits.
struct MonitorEvaluation {
  /// The actual figures exactly, and the derived ones as computed (`Actuals.computed`).
  let units: UnsafeBufferPointer<Int64>
  let computed: UnsafeBufferPointer<Double>
  /// The times of reporting as `ReportingTimes` keeps them.
  let reportedAt: UnsafeBufferPointer<UInt32>
  /// The milestones exactly.
  let targets: UnsafeBufferPointer<Int64>
  let shares: UnsafeBufferPointer<Double>
  let facts: UnsafeBufferPointer<IndicatorFacts>
  let rowIndicator: UnsafeBufferPointer<Int32>
  let rowOrg: UnsafeBufferPointer<Int32>
  /// Room for one org's growth series and, after it (from `slots + 1`), its figures.
  let scratch: UnsafeMutableBufferPointer<Double>
  let orgCount: Int
  let slots: Int
  /// The monitored slot S.
  let slot: Int
  /// The year position of the target year on the axis (n, the plan's span in years).
  let span: Int
  let due: Double
  let asOf: Double
  let settings: MonitoringSettings

  /// The same evaluation with another scratch buffer, for another thread.
  func using(scratch: UnsafeMutableBufferPointer<Double>) -> MonitorEvaluation {
    MonitorEvaluation(
      units: units, computed: computed, reportedAt: reportedAt, targets: targets, shares: shares, facts: facts,
      rowIndicator: rowIndicator, rowOrg: rowOrg, scratch: scratch, orgCount: orgCount, slots: slots, slot: slot,
      span: span, due: due, asOf: asOf, settings: settings)
  }

  /// The same evaluation at another monitored slot, whose figures fall due at `due`.
  func at(slot: Int, due: Double) -> MonitorEvaluation {
    MonitorEvaluation(
      units: units, computed: computed, reportedAt: reportedAt, targets: targets, shares: shares, facts: facts,
      rowIndicator: rowIndicator, rowOrg: rowOrg, scratch: scratch, orgCount: orgCount, slots: slots, slot: slot,
      span: span, due: due, asOf: asOf, settings: settings)
  }

  // MARK: - One row

  /// A row evaluated again, its inputs read from the grids.
  func evaluate(row: Int, keeping old: RowState) -> RowState {
    let i = Int(rowIndicator[row])
    let fact = facts[i]
    let cell = self.cell(ofRow: row)
    let figures = UnsafeMutableBufferPointer(rebasing: scratch[(slots + 1)...])
    read(fact, cell: cell, through: slot, into: figures)
    return evaluate(
      row: row, indicator: i, fact, keeping: old,
      inputs: RowInputs(
        reported: ReportingTimes.decode(reportedAt[cell + slot]), milestoneUnits: targets[cell + slot], figures: figures
      ))
  }

  /// The position in the grid of a row's series.
  @inline(__always)
  func cell(ofRow row: Int) -> Int { (Int(rowIndicator[row]) * orgCount + Int(rowOrg[row])) * slots }

  /// What a row's evaluation reads of the grids at or up to the monitored slot: its time of
  /// reporting and its milestone's units there, and its figures as the statistics read them
  /// (`figures[t]` at slot t).
  struct RowInputs {
    var reported: Double
    var milestoneUnits: Int64
    var figures: UnsafeMutableBufferPointer<Double>
  }

  /// The inputs of `rows`, all of indicator `i`, for a full pass: into `reported` and `milestones`
  /// from their start, and each row's figures into `figures` at `(row − first) × slots`. Read in
  /// short loops, whose independent loads the processor overlaps, instead of stalling on the
  /// first load of each row in the middle of its computation (rows lie a series apart in the
  /// grids); the figures are made doubles in one stream of independent divisions.
  func gather(
    _ rows: Range<Int>, _ fact: IndicatorFacts, reported: UnsafeMutableBufferPointer<Double>,
    milestones: UnsafeMutableBufferPointer<Int64>, figures: UnsafeMutableBufferPointer<Double>
  ) {
    let s = slot
    for row in rows {
      let cell = self.cell(ofRow: row)
      reported[row - rows.lowerBound] = ReportingTimes.decode(reportedAt[cell + s])
      milestones[row - rows.lowerBound] = targets[cell + s]
    }
    for row in rows {
      let series = UnsafeMutableBufferPointer(
        rebasing: figures[(row - rows.lowerBound) * slots..<(row - rows.lowerBound + 1) * slots])
      read(fact, cell: cell(ofRow: row), through: s, into: series)
    }
  }

  /// A row of indicator `i`, whose facts are `fact`, evaluated from its `inputs`, read already.
  /// The row's figures were read and made doubles once, and every statistic reads them there:
  /// the same doubles, so the same bits, as reading each from the grid where it is needed.
  @inline(__always)
  func evaluate(row: Int, indicator i: Int, _ fact: IndicatorFacts, keeping old: RowState, inputs: RowInputs)
    -> RowState
  {
    let o = Int(rowOrg[row])
    let cell = (i * orgCount + o) * slots
    let s = slot
    let active =
      fact.partner >= 0
      ? fact.hasTarget(in: targets, series: cell, slot: s) : s >= 4 && inputs.milestoneUnits != FigureGrid.none
    guard active else { return .inactive }
    var state = RowState()
    state.isActive = true
    state.flags = old.flags & RowState.indicatorFlags
    state.scoreAcrossDistricts = old.scoreAcrossDistricts
    let figures = inputs.figures
    let reported = inputs.reported

    let milestone =
      fact.partner >= 0
      ? self.milestone(fact, cell: cell, slot: s) : FigureGrid.double(inputs.milestoneUnits, scale: fact.targetScale)
    let annualSlot = s / 4 * 4 + 3
    let annual =
      fact.isSeasonal && fact.partner < 0 && annualSlot != s ? target(fact, cell + annualSlot) : milestone
    let pace = self.pace(fact, i: i, slot: s, figures: figures, milestone: milestone, annual: annual)
    state.expected = pace.expected
    state.keep(pace.pace)
    state.status = light(fact, pace.pace.pointsBehind)
    let previousSlot = s - (fact.isAnnual ? 4 : 1)
    if previousSlot >= 4, isActive(fact, cell: cell, slot: previousSlot) {
      state.previous = light(
        fact, self.pace(fact, i: i, cell: cell, slot: previousSlot, figures: figures).pace.pointsBehind)
    }

    // Plan-period view from the latest year-end.
    let yearEndYear = viewYears
    if Self.hasView(fact, slot: s) {
      let base: Double =
        switch fact.measure {
        case .level: figures[3]
        case .increase, .cumulative: 0
        case .averageAnnual: .nan
        }
      let targetYearSlot = span * 4 + 3
      state.keep(
        PlanPeriodView.of(
          current: actual(fact, figures: figures, slot: yearEndYear * 4 + 3), base: base,
          target: targetYearSlot == s ? milestone : target(fact, cell + targetYearSlot), years: yearEndYear,
          span: span, direction: fact.direction, settings: settings))
    }

    if fact.hasProjection {
      let quarter = s % 4 + 1
      var projection = YearEndProjection.flow(
        ytd: figures[s], quarter: quarter, share: shares[i * slots + s],
        previousYTD: quarter > 1 ? figures[s - 1] : .nan, lastYear: figures[s - quarter],
        lastYearYTD: figures[s - 4], lastYearPreviousYTD: quarter > 1 ? figures[s - 5] : .nan)
      if fact.measure == .cumulative { projection = projection.shifted(by: earlierYears(figures: figures, slot: s)) }
      state.projection = projection
    }

    // Data quality of the row itself.
    state.flags |= ownFlags(fact, value: figures[s], previous: s % 4 > 0 ? figures[s - 1] : .nan, reported: reported)
    state.growth = Self.growth(fact, now: figures[s], before: figures[s - 4])
    if fact.testsOutliers && state.growth.isFinite {
      // Each year-on-year growth from two of the figures read.
      var count = 0
      for earlier in 4...s {
        let g = Self.growth(fact, now: figures[earlier], before: figures[earlier - 4])
        if g.isFinite {
          scratch[count] = g
          count += 1
        }
      }
      if count >= settings.outlierMinimumCount {
        let spread = ModifiedZScore.spread(
          sorting: UnsafeMutableBufferPointer(rebasing: scratch[0..<count]), scoring: true)
        state.scoreOverTime = ModifiedZScore.score(state.growth, spread: spread)
        if isOutlier(fact, state.growth, score: state.scoreOverTime, median: spread.median) {
          state.flags |= DataQualityFlag.outlierOverTime.bit
        }
      }
    }
    return state
  }

  /// The figures of the series at `cell` up to `slot`, as the statistics read them (`value`), into
  /// `figures` from its start.
  @inline(__always)
  func read(_ fact: IndicatorFacts, cell: Int, through slot: Int, into figures: UnsafeMutableBufferPointer<Double>) {
    if fact.isComputed {
      let offset = cell + fact.computedOffset
      for t in 0...slot { figures[t] = computed[offset + t] }
    } else {
      // Two quotients at once, by one packed division, the missing figures replaced after: each
      // lane rounds as `FigureGrid.double` does, so the bits are the same.
      guard let source = units.baseAddress, let target = figures.baseAddress else { return }
      let series = source + cell
      let scale = fact.scale
      let scales = SIMD2(repeating: scale)
      let none = FigureGrid.none
      var t = 0
      while t < slot {
        let pair = (series[t], series[t &+ 1])
        let quotients = SIMD2(Double(pair.0), Double(pair.1)) / scales
        target[t] = pair.0 == none ? .nan : quotients.x
        target[t &+ 1] = pair.1 == none ? .nan : quotients.y
        t &+= 2
      }
      if t == slot { target[t] = FigureGrid.double(series[t], scale: scale) }
    }
  }

  /// The flags a row's own figures raise at the monitored slot: missing; late (reported on or
  /// after the due instant, or still missing at `asOf` after it); a flow's year-to-date figure
  /// below the previous quarter's (`previous`, NaN in a first quarter).
  @inline(__always)
  func ownFlags(_ fact: IndicatorFacts, value: Double, previous: Double, reported: Double) -> UInt16 {
    ownFlags(fact, slot: slot, due: due, value: value, previous: previous, reported: reported)
  }

  /// The flags a row's own figures raise at `slot`, whose figures fall due at `due`, as
  /// `ownFlags(_:value:previous:reported:)` gives them at the monitored slot.
  @inline(__always)
  func ownFlags(
    _ fact: IndicatorFacts, slot: Int, due: Double, value: Double, previous: Double, reported: Double
  ) -> UInt16 {
    var flags: UInt16 = 0
    if value.isNaN { flags |= DataQualityFlag.missing.bit }
    if reported >= due || (value.isNaN && asOf >= due) { flags |= DataQualityFlag.late.bit }
    if fact.isFlow && slot % 4 > 0 && value < previous { flags |= DataQualityFlag.ytdFalls.bit }
    return flags
  }

  /// The years from the base year to the latest year-end at the monitored slot (t of the
  /// plan-period view).
  var viewYears: Int { Self.viewYears(slot: slot) }

  /// The years from the base year to the latest year-end at `slot`.
  static func viewYears(slot: Int) -> Int { slot % 4 == 3 ? slot / 4 : slot / 4 - 1 }

  /// Whether the rows of an indicator have a plan-period view at `slot`: after a year-end, not for
  /// a parity.
  static func hasView(_ fact: IndicatorFacts, slot: Int) -> Bool { viewYears(slot: slot) >= 1 && fact.partner < 0 }

  /// Whether a row has a target at `slot`: a milestone in the book, or for a parity a year after
  /// the base year (at year-ends only when annual).
  @inline(__always)
  func isActive(_ fact: IndicatorFacts, cell: Int, slot: Int) -> Bool {
    fact.hasTarget(in: targets, series: cell, slot: slot)
  }

  /// An actual figure as the statistics read it: the double nearest to its units, or a derived
  /// figure as computed; NaN where there is none.
  @inline(__always)
  func value(_ fact: IndicatorFacts, _ at: Int) -> Double {
    fact.isComputed ? computed[at + fact.computedOffset] : FigureGrid.double(units[at], scale: fact.scale)
  }

  /// A milestone as a double; NaN where there is none.
  @inline(__always)
  func target(_ fact: IndicatorFacts, _ at: Int) -> Double {
    FigureGrid.double(targets[at], scale: fact.targetScale)
  }

  /// The milestone: the book's, or the partner's city figure for a parity.
  @inline(__always)
  func milestone(_ fact: IndicatorFacts, cell: Int, slot: Int) -> Double {
    fact.partner >= 0
      ? value(facts[fact.partner], (fact.partner * orgCount + fact.partnerCity) * slots + slot)
      : target(fact, cell + slot)
  }

  /// The actual figure in the target's measure at `slot`, from the row's figures read
  /// (`figures[t]` the figure at slot t, up to `slot` at least): the value; less the base year's
  /// for an increase; plus the earlier years' totals for a cumulative addition.
  @inline(__always)
  func actual(_ fact: IndicatorFacts, figures: UnsafeMutableBufferPointer<Double>, slot: Int) -> Double {
    let value = figures[slot]
    switch fact.measure {
    case .level, .averageAnnual: return value
    case .increase: return value - figures[3]
    case .cumulative: return earlierYears(figures: figures, slot: slot) + value
    }
  }

  /// The sum of the year-end figures of the years after the base year and before `slot`'s year.
  @inline(__always)
  func earlierYears(figures: UnsafeMutableBufferPointer<Double>, slot: Int) -> Double {
    var total = 0.0
    var year = 1
    while year < slot / 4 {
      total += figures[year * 4 + 3]
      year += 1
    }
    return total
  }

  /// The pace at `slot` of a row whose figures are read into `figures` (up to `slot` at least),
  /// against its `milestone` there and, for a seasonal flow, the `annual` target of `slot`'s year
  /// (the milestone for a parity), and what the actual figure was compared with.
  @inline(__always)
  func pace(
    _ fact: IndicatorFacts, i: Int, slot: Int, figures: UnsafeMutableBufferPointer<Double>, milestone: Double,
    annual: Double
  ) -> (pace: Pace, expected: Double) {
    let actual = self.actual(fact, figures: figures, slot: slot)
    if fact.isRate { return (Pace.rate(actual: actual, milestone: milestone, direction: fact.direction), milestone) }
    let expected = Pace.expected(
      milestone: milestone, annualTarget: annual, share: shares[i * slots + slot], quarter: slot % 4 + 1,
      seasonal: fact.isSeasonal)
    let pace = Pace.amount(actual: actual, expected: expected, direction: fact.direction, milestone: milestone)
    return (pace, expected)
  }

  /// The pace at `slot` of a row whose figures are read into `figures`, as
  /// `pace(_:i:slot:figures:milestone:annual:)` with the row's milestone and annual target.
  func pace(_ fact: IndicatorFacts, i: Int, cell: Int, slot: Int, figures: UnsafeMutableBufferPointer<Double>) -> (
    pace: Pace, expected: Double
  ) {
    let milestone = self.milestone(fact, cell: cell, slot: slot)
    let annual = fact.partner >= 0 ? milestone : target(fact, cell + slot / 4 * 4 + 3)
    return pace(fact, i: i, slot: slot, figures: figures, milestone: milestone, annual: annual)
  }

  @inline(__always)
  func light(_ fact: IndicatorFacts, _ pointsBehind: Double) -> PaceStatus {
    PaceStatus.light(
      pointsBehind: pointsBehind,
      yellowLimit: fact.isRate ? settings.bands.rateYellowPoints : settings.bands.yellowPoints)
  }

  /// Year-on-year growth from the figure `now` and the one a year `before`: now/before − 1 for
  /// amounts (before > 0), now − before in percentage points for rates; NaN without both figures.
  @inline(__always)
  static func growth(_ fact: IndicatorFacts, now: Double, before: Double) -> Double {
    if fact.isRate { return now - before }
    return before > 0 ? now / before - 1 : .nan
  }

  // MARK: - One indicator

  /// The outlier test across districts from scratch: the sample of the districts' year-on-year
  /// growth is gathered and sorted again, then every district scored (`scoreAcrossDistricts`).
  /// Returns the spread they were scored by.
  @discardableResult
  func outliersAcrossDistricts(
    _ i: Int, rows: UnsafeMutableBufferPointer<RowState>, sample: inout SortedSample
  ) -> ModifiedZScore.Spread? {
    let fact = facts[i]
    let districtRows = fact.firstDistrictRow..<fact.endRow
    sample.replace(
      with: districtRows.lazy.filter { isSampled(fact, row: $0, rows[$0]) }.map { rows[$0].growth },
      capacity: districtRows.count)
    let spread = self.spread(sample)
    scoreAcrossDistricts(i, rows: rows, spread: spread, only: districtRows)
    return spread
  }

  /// The spread the districts are scored by: the sample's, when it has at least
  /// `outlierMinimumCount` values.
  func spread(_ sample: SortedSample) -> ModifiedZScore.Spread? {
    sample.count >= settings.outlierMinimumCount ? sample.spread(scoring: true) : nil
  }

  /// Whether a row's growth is in its indicator's sample across districts: a district's, active,
  /// finite, of an indicator tested for outliers.
  @inline(__always)
  func isSampled(_ fact: IndicatorFacts, row: Int, _ state: RowState) -> Bool {
    fact.testsOutliers && row >= fact.firstDistrictRow && row < fact.endRow && state.isActive
      && state.growth.isFinite
  }

  /// The outlier test across districts on the district rows `only` of indicator `i`: the modified
  /// z-score of each district's year-on-year growth by the `spread` of the districts that have
  /// one (nil when too few have).
  func scoreAcrossDistricts(
    _ i: Int, rows: UnsafeMutableBufferPointer<RowState>, spread: ModifiedZScore.Spread?, only: some Sequence<Int>
  ) {
    let fact = facts[i]
    let bit = DataQualityFlag.outlierAcrossDistricts.bit
    for row in only {
      var score = Double.nan
      if let spread, rows[row].isActive, rows[row].growth.isFinite {
        score = ModifiedZScore.score(rows[row].growth, spread: spread)
      }
      rows[row].scoreAcrossDistricts = score
      if let spread, isOutlier(fact, rows[row].growth, score: score, median: spread.median) {
        rows[row].flags |= bit
      } else {
        rows[row].flags &= ~bit
      }
    }
  }

  /// |M| above the threshold, and at least `outlierMinimumPoints` percentage points from the median.
  @inline(__always)
  func isOutlier(_ fact: IndicatorFacts, _ growth: Double, score: Double, median: Double) -> Bool {
    abs(score) > settings.outlierThreshold
      && abs(growth - median) * (fact.isRate ? 1 : 100) >= settings.outlierMinimumPoints
  }

  /// The sum check of an additive indicator on its city row: with every district's figure and the
  /// city's, |city − Σ districts| must not exceed ½ × precision × the number of districts (each
  /// district figure may be rounded by up to half a step), in exact units.
  func sumCheck(_ i: Int, rows: UnsafeMutableBufferPointer<RowState>, total: DistrictTotal) {
    let fact = facts[i]
    let cityRow = fact.firstDistrictRow - 1
    let bit = DataQualityFlag.sumMismatch.bit
    guard rows[cityRow].isActive else { return }
    rows[cityRow].flags &= ~bit
    guard fact.isSum, fact.endRow > fact.firstDistrictRow else { return }
    let check = sum(i, total: total)
    if check.mismatch { rows[cityRow].flags |= bit }
  }

  /// The districts' figures of indicator `i` at the monitored slot, added up.
  func districtTotal(_ i: Int) -> DistrictTotal {
    let fact = facts[i]
    let none = FigureGrid.none
    // 128 bits hold any sum of 64-bit figures; a missing one is counted, not branched on.
    var total = DistrictTotal()
    for row in fact.firstDistrictRow..<fact.endRow {
      let figure = units[(i * orgCount + Int(rowOrg[row])) * slots + slot]
      total.missing += figure == none ? 1 : 0
      total.sum &+= figure == none ? 0 : Int128(figure)
    }
    return total
  }

  /// The city figure, the sum of the districts' and twice the tolerance, in units of the
  /// indicator's places (`FigureGrid.none` for a sum with a figure missing), and whether they
  /// disagree (false when a figure is missing).
  func sum(
    _ i: Int, total districtTotal: DistrictTotal? = nil
  ) -> (city: Int64, districts: Int64, doubleTolerance: Int64, mismatch: Bool) {
    let fact = facts[i]
    let none = FigureGrid.none
    let city = units[(i * orgCount + fact.city) * slots + slot]
    let districts = districtTotal ?? self.districtTotal(i)
    let wide = districts.sum
    let total = districts.missing > 0 || wide.magnitude >= UInt128(Int64.max) ? none : Int64(wide)
    let tolerance = fact.precisionUnits.multipliedReportingOverflow(by: Int64(fact.endRow - fact.firstDistrictRow))
    guard city != none, total != none, !tolerance.overflow else { return (city, total, tolerance.partialValue, false) }
    let difference = Int128(city) - wide
    return (city, total, tolerance.partialValue, difference.magnitude * 2 > UInt128(tolerance.partialValue))
  }
}
