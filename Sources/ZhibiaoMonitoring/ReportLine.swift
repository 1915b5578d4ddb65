import Foundation
import ZhibiaoPlan

/// What a report writer reads of one row, in the monitor's own terms: figures in units, statistics
/// as doubles, and the warnings with their reasons — the fields of `MonitoringRow` without making
/// a `Decimal` or an array for every figure.
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
  var warnings: [MonitoringWarning]
}

extension Monitor {
  /// The line of an active row, with `dueDay` the period's; the same fields as `report()` gives
  /// its row.
  func reportLine(_ row: Int, dueDay: String) -> ReportLine {
    var days: [UInt64: String] = [:]
    return reportLine(row, dueDay: dueDay, days: &days)
  }

  /// The line of an active row, with the days of times of reporting already written in `days`
  /// (by the bits of the time), to which it adds its own: a report's figures come in on few days.
  func reportLine(_ row: Int, dueDay: String, days: inout [UInt64: String]) -> ReportLine {
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
    let milestone: Int64
    let annual: Int64
    let targetPlaces: Int
    if fact.partner >= 0 {
      milestone = units[(fact.partner * orgCount + fact.partnerCity) * slots + slot]
      annual = milestone
      targetPlaces = actuals.figures.places[fact.partner]
    } else {
      milestone = targets.figures.units[cell + slot]
      annual = targets.figures.units[cell + slot / 4 * 4 + 3]
      targetPlaces = targets.figures.places[i]
    }
    let none = FigureGrid.none
    var gap: Int128?
    let gapPlaces = max(places, targetPlaces)
    if actual != none, milestone != none {
      gap = Int128(actual) * Self.power(gapPlaces - places) - Int128(milestone) * Self.power(gapPlaces - targetPlaces)
    }
    let reported = actuals.reportedAt[cell + slot]
    let disagreement = actuals.registerDisagreement(Actuals.Cell(indicator: i, org: o, slot: slot))
    let flags = state.flags | (disagreement == nil ? 0 : DataQualityFlag.registerMismatch.bit)
    let hasView = MonitorEvaluation.hasView(fact, slot: slot)
    let view =
      hasView
      ? state.view(
        years: MonitorEvaluation.viewYears(slot: slot), span: targets.axis.years - 1,
        direction: targets.indicators[i].direction) : PlanPeriodView.none
    var reportedOn: String?
    if !reported.isNaN {
      if let day = days[reported.bitPattern] {
        reportedOn = day
      } else {
        let day = settings.day(of: Date(timeIntervalSinceReferenceDate: reported))
        days[reported.bitPattern] = day
        reportedOn = day
      }
    }
    var warnings: [MonitoringWarning] = []
    let needsFigures = state.status == .yellow || state.status == .red || flags & DataQualityFlag.ytdFalls.bit != 0
    if state.status == .yellow || state.status == .red || flags != 0 {
      warnings = self.warnings(
        row: row, flags: DataQualityFlag.flags(in: flags),
        value: needsFigures ? FigureGrid.decimal(value, places: places) : nil,
        actual: needsFigures ? FigureGrid.decimal(actual, places: places) : nil,
        milestone: needsFigures ? FigureGrid.decimal(milestone, places: targetPlaces) : nil, reportedOn: reportedOn,
        dueDay: dueDay, disagreement: disagreement)
    }
    return ReportLine(
      row: row, indicator: i, org: o, state: state, value: value, actual: actual, milestone: milestone,
      annualTarget: annual, places: places, targetPlaces: targetPlaces, gap: gap, gapPlaces: gapPlaces,
      seasonalShare: fact.isSeasonal ? targets.shares[i * slots + slot] : .nan, view: view, hasView: hasView,
      hasProjection: fact.hasProjection, reportedOn: reportedOn,
      reporting: ReportingState.of(
        hasFigure: value != none, reportedAt: reported, due: due, asOf: asOf?.timeIntervalSinceReferenceDate ?? .nan),
      flags: flags, disagreement: disagreement, lastReported: value == none ? lastReported(i, o) : nil,
      warnings: warnings)
  }

  /// 10^exponent, for exponents from 0 to 18.
  private static func power(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }
}
