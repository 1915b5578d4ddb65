import Foundation
import ZhibiaoPlan

/// What a report writer reads of one row, in the monitor's own terms: figures in units, statistics
/// as doubles, and what the reasons of its warnings state (`RowWarning`, kept apart so that their
/// array is reused) — the fields of `MonitoringRow` without making a `Decimal`, a string or an
/// array for every row.
struct ReportLine {
  var row: Int
  var indicator: Int
  var org: Int
  var state: RowState
  /// The reported figure, the actual in the target's measure, the milestone and the annual
  /// target, in units (`FigureGrid.none` for none), and their places.
  var value: Int64
  var actual: Int64
  var milestone: Int64
  var annualTarget: Int64
  var places: Int
  var targetPlaces: Int
  /// actual − milestone in units of 10^−gapPlaces; nil without both.
  var gap: Int128?
  var gapPlaces: Int
  var seasonalShare: Double
  var view: PlanPeriodView
  var hasView: Bool
  var hasProjection: Bool
  var reportedOn: String?
  var reporting: ReportingState
  var flags: UInt16
  var disagreement: RegisterDisagreement?
  var lastReported: MonitoringRow.LastReported?
}

extension Monitor {
  /// The line of an active row, with its warnings put in `warnings` (emptied first) and the days
  /// of times of reporting already written in `days` (by the bits of the time), to which it adds
  /// its own: a report's figures come in on few days.
  func reportLine(_ row: Int, days: inout ReportedDays, warnings: inout [RowWarning]) -> ReportLine {
    let state = rows[row]
    let i = Int(rowIndicator[row])
    let o = Int(rowOrg[row])
    let fact = facts[i]
    let slots = targets.axis.count
    let orgCount = targets.orgs.count
    let cell = (i * orgCount + o) * slots
    let units = actuals.figures.units
    let places = actuals.figures.places[i]
    let value = units[cell + slot]
    let actual = units.withUnsafeBufferPointer {
      FigureGrid.actual($0, measure: fact.measure, series: cell, slot: slot)
    }
    let (milestone, annual, targetPlaces) = targetUnits(i, o)
    let none = FigureGrid.none
    var gap: Int128?
    let gapPlaces = max(places, targetPlaces)
    if actual != none, milestone != none {
      gap = Int128(actual) * Self.power(gapPlaces - places) - Int128(milestone) * Self.power(gapPlaces - targetPlaces)
    }
    let reported = actuals.reportedAt[cell + slot]
    // Most plans count nothing in registers: no dictionary looked in for every row.
    let disagreement =
      actuals.countedIndicators.isEmpty
      ? nil : actuals.registerDisagreement(Actuals.Cell(indicator: i, org: o, slot: slot))
    let flags = state.flags | (disagreement == nil ? 0 : DataQualityFlag.registerMismatch.bit)
    let hasView = MonitorEvaluation.hasView(fact, slot: slot)
    let view =
      hasView
      ? state.view(
        years: MonitorEvaluation.viewYears(slot: slot), span: targets.axis.years - 1,
        direction: targets.indicators[i].direction) : PlanPeriodView.none
    let reportedOn = reported.isNaN ? nil : days.day(of: reported, settings: settings)
    warnings.removeAll(keepingCapacity: true)
    if state.status == .yellow || state.status == .red || flags != 0 {
      rowWarnings(
        row: row, flags: flags, value: StatedFigure(value, places: places),
        actual: StatedFigure(actual, places: places), milestone: StatedFigure(milestone, places: targetPlaces),
        reportedOn: reportedOn, disagreement: disagreement, into: &warnings)
    }
    return ReportLine(
      row: row, indicator: i, org: o, state: state, value: value, actual: actual, milestone: milestone,
      annualTarget: annual, places: places, targetPlaces: targetPlaces, gap: gap, gapPlaces: gapPlaces,
      seasonalShare: fact.isSeasonal ? targets.shares[i * slots + slot] : .nan, view: view, hasView: hasView,
      hasProjection: fact.hasProjection, reportedOn: reportedOn,
      reporting: ReportingState.of(
        hasFigure: value != none, reportedAt: reported, due: due, asOf: asOf?.timeIntervalSinceReferenceDate ?? .nan),
      flags: flags, disagreement: disagreement, lastReported: value == none ? lastReported(i, o) : nil)
  }

  /// 10^exponent, for exponents from 0 to 18.
  private static func power(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }
}
