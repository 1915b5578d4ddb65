import Foundation
import ZhibiaoPlan

extension Monitor {
  /// The report: every row with a target at the period, with its warnings and their reasons.
  public func report() -> MonitoringReport {
    let dueDay = settings.dueDay(for: targets.axis.period(ofSlot: slot))
    return MonitoringReport(
      period: period, asOf: asOf.map(settings.day(of:)),
      rows: rows.indices.compactMap { rows[$0].isActive ? makeRow($0, dueDay: dueDay) : nil })
  }

  /// The number of rows of each light, as `report().counts` gives them, without writing the rows.
  public var lightCounts: [PaceStatus: Int] {
    var counts: [PaceStatus: Int] = [:]
    for state in rows where state.isActive { counts[state.status, default: 0] += 1 }
    return counts
  }

  /// The light of an indicator for an org, by position; nil when the row has no target at the
  /// period.
  public func light(indicator: Int, org: Int) -> PaceStatus? {
    let row = Int(rowOf[indicator * targets.orgs.count + org])
    return row >= 0 && rows[row].isActive ? rows[row].status : nil
  }

  /// The row of an indicator for an org, if it has a target at the period.
  public func row(_ indicator: IndicatorID, _ org: OrgID) -> MonitoringRow? {
    guard let i = actuals.position(of: indicator), let o = actuals.position(of: org) else { return nil }
    let row = Int(rowOf[i * targets.orgs.count + o])
    return row >= 0 && rows[row].isActive
      ? makeRow(row, dueDay: settings.dueDay(for: targets.axis.period(ofSlot: slot))) : nil
  }

  private func makeRow(_ row: Int, dueDay: String) -> MonitoringRow {
    let state = rows[row]
    let i = Int(rowIndicator[row])
    let o = Int(rowOrg[row])
    let spec = targets.indicators[i]
    let fact = facts[i]
    let slots = targets.axis.count
    let cell = (i * targets.orgs.count + o) * slots
    let value = actuals.figures.decimal(at: cell + slot)
    let actual = exactActual(i, o)
    let (milestone, annual) = targetFigures(i, o)
    let reported = actuals.reportedAt[cell + slot]
    let disagreement = actuals.registerDisagreement(Actuals.Cell(indicator: i, org: o, slot: slot))
    let flagBits = state.flags | (disagreement == nil ? 0 : DataQualityFlag.registerMismatch.bit)
    let flags = DataQualityFlag.flags(in: flagBits)
    let view =
      MonitorEvaluation.hasView(fact, slot: slot)
      ? state.view(
        years: MonitorEvaluation.viewYears(slot: slot), span: targets.axis.years - 1, direction: spec.direction)
      : PlanPeriodView.none
    let hasView = !view.timeElapsed.isNaN
    var result = MonitoringRow(
      indicator: spec.id, domain: spec.domain, org: targets.orgs[o], isCity: o == spec.city, period: period,
      unit: spec.unit, kind: spec.kind, measure: spec.measure, value: value,
      actual: actual, milestone: milestone, annualTarget: annual,
      gap: actual.flatMap { actual in milestone.map { actual - $0 } },
      seasonalShare: fact.isSeasonal ? Self.number(targets.shares[i * slots + slot]) : nil,
      expected: Self.number(state.expected), pace: Self.number(state.pace),
      pointsBehind: Self.number(state.pointsBehind), status: state.status, previousStatus: state.previous,
      statusChange: PaceChange.between(state.previous, state.status),
      progress: Self.number(view.progress), timeElapsed: Self.number(view.timeElapsed),
      midTerm: hasView ? view.category : nil, growthActual: Self.number(view.growthActual),
      growthRequired: Self.number(view.growthRequired), growthRatio: Self.number(view.growthRatio),
      growthStatus: hasView ? view.growthStatus : nil,
      projection: fact.hasProjection
        ? MonitoringRow.Projection(
          shareOfYear: Self.number(state.projection.shareOfYear),
          lastYearPattern: Self.number(state.projection.lastYearPattern),
          remainingQuarters: Self.number(state.projection.remainingQuarters),
          low: Self.number(state.projection.low), high: Self.number(state.projection.high)) : nil,
      yoyGrowth: Self.number(state.growth), scoreAcrossDistricts: Self.number(state.scoreAcrossDistricts),
      scoreOverTime: Self.number(state.scoreOverTime),
      reportedOn: reported.isNaN ? nil : settings.day(of: Date(timeIntervalSinceReferenceDate: reported)),
      dueDay: dueDay,
      reporting: ReportingState.of(
        hasFigure: value != nil, reportedAt: reported, due: due, asOf: asOf?.timeIntervalSinceReferenceDate ?? .nan),
      lastReported: value == nil ? lastReported(i, o) : nil, flags: flags, warnings: [])
    result.registerDisagreement = disagreement
    let places = actuals.figures.places[i]
    let target = targetUnits(i, o)
    result.warnings = warnings(
      row: row, flags: flagBits, value: StatedFigure(actuals.figures.units[cell + slot], places: places),
      actual: StatedFigure(actualUnits(i, o), places: places),
      milestone: StatedFigure(target.milestone, places: target.places), reportedOn: result.reportedOn,
      dueDay: dueDay, disagreement: disagreement)
    return result
  }

  /// The warnings of a row with their reasons: the light when yellow or red, then each flag.
  /// `value`, `actual` and `milestone` are the row's figures; only the reasons of a light behind
  /// pace and of a falling year-to-date figure read them.
  func warnings(
    row: Int, flags: UInt16, value: StatedFigure, actual: StatedFigure, milestone: StatedFigure, reportedOn: String?,
    dueDay: String, disagreement: RegisterDisagreement?
  ) -> [MonitoringWarning] {
    var found: [RowWarning] = []
    rowWarnings(
      row: row, flags: flags, value: value, actual: actual, milestone: milestone, reportedOn: reportedOn,
      disagreement: disagreement, into: &found)
    let text = ReasonText(
      period: targets.axis.period(ofSlot: slot), dueDay: dueDay, asOf: asOf.map(settings.day(of:)), settings: settings)
    let style = ReasonText.Style(targets.indicators[Int(rowIndicator[row])])
    return found.map { MonitoringWarning(kind: $0.kind, reason: text.text($0.reason, style)) }
  }

  /// Appends to `warnings` the warnings of a row with what their reasons state, in the order of
  /// `warnings(row:…)`.
  func rowWarnings(
    row: Int, flags: UInt16, value: StatedFigure, actual: StatedFigure, milestone: StatedFigure, reportedOn: String?,
    disagreement: RegisterDisagreement?, into warnings: inout [RowWarning]
  ) {
    let state = rows[row]
    let i = Int(rowIndicator[row])
    if state.status == .yellow || state.status == .red {
      warnings.append(
        RowWarning(
          kind: .behindPace,
          reason: .behindPace(
            pointsBehind: state.pointsBehind, pace: state.pace, expected: state.expected, actual: actual,
            milestone: milestone)))
    }
    guard flags != 0 else { return }
    for flag in DataQualityFlag.allCases where flags & flag.bit != 0 {
      let reason: WarningReason
      switch flag {
      case .missing:
        reason = .missing(derived: actuals.isDerived(i))
      case .late:
        reason = .late(reportedOn: reportedOn)
      case .ytdFalls:
        let cell = (i * targets.orgs.count + Int(rowOrg[row])) * targets.axis.count
        reason = .ytdFalls(
          value: value, previous: StatedFigure(actuals.figures.units[cell + slot - 1], places: value.places))
      case .sumMismatch:
        let sum = withEvaluationReading { $0.sum(i) }
        let places = actuals.figures.places[i]
        reason = .sumMismatch(
          city: StatedFigure(sum.city, places: places), districts: StatedFigure(sum.districts, places: places),
          tolerance: StatedFigure(sum.doubleTolerance * 5, places: places + 1))
      case .outlierAcrossDistricts:
        reason = .outlier(growth: state.growth, score: state.scoreAcrossDistricts, acrossDistricts: true)
      case .outlierOverTime:
        reason = .outlier(growth: state.growth, score: state.scoreOverTime, acrossDistricts: false)
      case .registerMismatch:
        guard let disagreement else { continue }
        reason = .registerMismatch(disagreement.reason(unit: targets.indicators[i].unit))
      }
      warnings.append(RowWarning(kind: MonitoringWarning.Kind(flag), reason: reason))
    }
  }

  /// A figure, or nil for NaN.
  static func number(_ value: Double) -> Double? { value.isNaN ? nil : value }

  /// The actual figure of indicator `i` for org `o` in the target's measure, exactly, at `slot`
  /// (the monitored one when nil).
  func exactActual(_ i: Int, _ o: Int, slot: Int? = nil) -> Decimal? {
    FigureGrid.decimal(actualUnits(i, o, slot: slot), places: actuals.figures.places[i])
  }

  /// The actual figure of indicator `i` for org `o` in the target's measure at `slot` (the
  /// monitored one when nil), in units of the indicator's places; `FigureGrid.none` for none.
  func actualUnits(_ i: Int, _ o: Int, slot: Int? = nil) -> Int64 {
    let series = (i * targets.orgs.count + o) * targets.axis.count
    return actuals.figures.units.withUnsafeBufferPointer {
      FigureGrid.actual($0, measure: facts[i].measure, series: series, slot: slot ?? self.slot)
    }
  }

  /// The last figure of indicator `i` for org `o` reported in the monitored year before the
  /// monitored quarter, with its actual in the target's measure and, for a seasonal flow, the
  /// share S_p of its quarter; nil when there is none (an annual indicator has no quarters).
  ///
  /// The share is the book's decimal S_p, stated to at most four decimals, read back from the
  /// double monitoring keeps it in: any decimal of at most 15 significant digits survives that
  /// round trip exactly.
  func lastReported(_ i: Int, _ o: Int) -> MonitoringRow.LastReported? {
    guard !facts[i].isAnnual else { return nil }
    let slots = targets.axis.count
    let cell = (i * targets.orgs.count + o) * slots
    var earlier = slot - 1
    while earlier >= slot / 4 * 4 {
      if let value = actuals.figures.decimal(at: cell + earlier), let actual = exactActual(i, o, slot: earlier) {
        let share = targets.shares[i * slots + earlier]
        return MonitoringRow.LastReported(
          period: targets.axis.period(ofSlot: earlier), value: value, actual: actual,
          seasonalShare: facts[i].isSeasonal && share.isFinite ? Decimal(string: "\(share)", locale: nil) : nil)
      }
      earlier -= 1
    }
    return nil
  }

  /// The milestone and the annual target of indicator `i` for org `o`, exactly: the book's, or for
  /// a parity the partner's city figure.
  func targetFigures(_ i: Int, _ o: Int) -> (milestone: Decimal?, annual: Decimal?) {
    let target = targetUnits(i, o)
    return (
      FigureGrid.decimal(target.milestone, places: target.places),
      FigureGrid.decimal(target.annual, places: target.places)
    )
  }

  /// The milestone and the annual target of indicator `i` for org `o` in units of `places`
  /// (`FigureGrid.none` for none), as `targetFigures` states them.
  func targetUnits(_ i: Int, _ o: Int) -> (milestone: Int64, annual: Int64, places: Int) {
    let fact = facts[i]
    let slots = targets.axis.count
    if fact.partner >= 0 {
      let partner = actuals.figures.units[(fact.partner * targets.orgs.count + fact.partnerCity) * slots + slot]
      return (partner, partner, actuals.figures.places[fact.partner])
    }
    let cell = (i * targets.orgs.count + o) * slots
    return (
      targets.figures.units[cell + slot], targets.figures.units[cell + slot / 4 * 4 + 3], targets.figures.places[i]
    )
  }
}
