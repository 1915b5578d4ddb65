import Foundation
import ZhibiaoPlan

/// The text of report rows, with what every row of a monitor shares worked out once: the
/// indicators' and orgs' fields as JSON and CSV, the period, the due day and the reporting notes.
struct ReportLineText: Sendable {
  let monitor: Monitor
  let dueDay: String
  let asOf: String?
  /// Per indicator: `"domain":…,"due_day":…` is not shared, so each piece is kept apart.
  let indicatorJSON: [[UInt8]]
  let domainJSON: [[UInt8]]
  let unitJSON: [[UInt8]]
  let kindJSON: [[UInt8]]
  let measureJSON: [[UInt8]]
  let orgJSON: [[UInt8]]
  let periodJSON: [UInt8]
  let dueDayJSON: [UInt8]
  /// The reporting note of each reporting state as JSON (`null` for none).
  let noteJSON: [ReportingState: [UInt8]]

  init(monitor: Monitor) {
    self.monitor = monitor
    let settings = monitor.settings
    dueDay = settings.dueDay(for: monitor.targets.axis.period(ofSlot: monitor.slot))
    asOf = monitor.asOf.map(settings.day(of:))
    func json(_ text: String?) -> [UInt8] {
      var output: [UInt8] = []
      ReportText.appendJSON(text, to: &output)
      return output
    }
    let specs = monitor.targets.indicators
    indicatorJSON = specs.map { json($0.id.rawValue) }
    domainJSON = specs.map { json($0.domain?.rawValue) }
    unitJSON = specs.map { json($0.unit) }
    kindJSON = specs.map { json($0.kind.rawValue) }
    measureJSON = specs.map { json($0.measure.rawValue) }
    orgJSON = monitor.targets.orgs.map { json($0.rawValue) }
    periodJSON = json(monitor.period.description)
    dueDayJSON = json(dueDay)
    var notes: [ReportingState: [UInt8]] = [:]
    for state in ReportingState.allCases {
      var output: [UInt8] = []
      if let note = state.note(dueDay: dueDay) {
        ReportText.appendJSON(note, to: &output)
      } else {
        output = Array("null".utf8)
      }
      notes[state] = output
    }
    noteJSON = notes
  }

  /// Appends the active rows among `rows` in `format` (each JSON row after a comma). Returns
  /// how many it wrote.
  func append(_ rows: Range<Int>, _ format: MonitoringReportWriter.Format, to output: inout [UInt8]) -> Int {
    var count = 0
    for row in rows where monitor.rows[row].isActive {
      let line = monitor.reportLine(row, dueDay: dueDay)
      switch format {
      case .csv: appendCSV(line, to: &output)
      case .json:
        output.append(UInt8(ascii: ","))
        appendJSON(line, to: &output)
      }
      count += 1
    }
    return count
  }

  // MARK: - JSON

  /// Appends a row as `JSONEncoder` writes a `MonitoringRow` with sorted keys.
  func appendJSON(_ line: ReportLine, to output: inout [UInt8]) {
    let state = line.state
    let i = line.indicator
    func key(_ name: StaticString) {
      output.append(UInt8(ascii: ","))
      output.append(UInt8(ascii: "\""))
      output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      output.append(contentsOf: "\":".utf8)
    }
    func number(_ value: Double) { ReportText.appendJSON(value, to: &output) }
    func name(_ text: String?) { ReportText.appendJSON(text, to: &output) }
    output.append(contentsOf: #"{"actual_ytd":"#.utf8)
    ReportText.appendJSON(units: line.actual, places: line.places, to: &output)
    key("annual_target")
    ReportText.appendJSON(units: line.annualTarget, places: line.targetPlaces, to: &output)
    key("domain")
    output.append(contentsOf: domainJSON[i])
    key("due_day")
    output.append(contentsOf: dueDayJSON)
    key("expected")
    number(state.expected)
    key("flags")
    output.append(UInt8(ascii: "["))
    var first = true
    for flag in DataQualityFlag.allCases where line.flags & flag.bit != 0 {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      name(flag.rawValue)
    }
    output.append(UInt8(ascii: "]"))
    key("gap")
    if let gap = line.gap {
      NumberText.appendDecimal(gap, places: line.gapPlaces, to: &output)
    } else {
      output.append(contentsOf: "null".utf8)
    }
    key("growth_actual")
    number(line.view.growthActual)
    key("growth_ratio")
    number(line.view.growthRatio)
    key("growth_required")
    number(line.view.growthRequired)
    key("growth_status")
    name(line.hasView && !line.view.timeElapsed.isNaN ? line.view.growthStatus?.rawValue : nil)
    key("indicator")
    output.append(contentsOf: indicatorJSON[i])
    key("is_city")
    output.append(contentsOf: (line.org == monitor.targets.indicators[i].city ? "true" : "false").utf8)
    key("kind")
    output.append(contentsOf: kindJSON[i])
    key("last_reported")
    if let lastReported = line.lastReported {
      ReportText.appendEncoded(lastReported, to: &output)
    } else {
      output.append(contentsOf: "null".utf8)
    }
    key("measure")
    output.append(contentsOf: measureJSON[i])
    key("mid_term")
    name(line.hasView && !line.view.timeElapsed.isNaN ? line.view.category?.rawValue : nil)
    key("milestone_ytd")
    ReportText.appendJSON(units: line.milestone, places: line.targetPlaces, to: &output)
    key("org")
    output.append(contentsOf: orgJSON[line.org])
    key("pace")
    number(state.pace)
    key("period")
    output.append(contentsOf: periodJSON)
    key("points_behind")
    number(state.pointsBehind)
    key("previous_status")
    name(state.previous?.rawValue)
    key("progress")
    number(line.view.progress)
    key("projection")
    if line.hasProjection {
      let projection = state.projection
      output.append(contentsOf: #"{"high":"#.utf8)
      number(projection.high)
      key("last_year_pattern")
      number(projection.lastYearPattern)
      key("low")
      number(projection.low)
      key("remaining_quarters")
      number(projection.remainingQuarters)
      key("share_of_year")
      number(projection.shareOfYear)
      output.append(UInt8(ascii: "}"))
    } else {
      output.append(contentsOf: "null".utf8)
    }
    if let disagreement = line.disagreement {
      key("register_disagreement")
      ReportText.appendEncoded(disagreement, to: &output)
    }
    key("reported_on")
    name(line.reportedOn)
    key("reporting")
    name(line.reporting.rawValue)
    key("reporting_note")
    output.append(contentsOf: noteJSON[line.reporting] ?? Array("null".utf8))
    key("score_across_districts")
    number(state.scoreAcrossDistricts)
    key("score_over_time")
    number(state.scoreOverTime)
    key("seasonal_share")
    number(line.seasonalShare)
    key("status")
    name(state.status.rawValue)
    key("status_change")
    name(PaceChange.between(state.previous, state.status).rawValue)
    key("time_elapsed")
    number(line.view.timeElapsed)
    key("unit")
    output.append(contentsOf: unitJSON[i])
    key("value")
    ReportText.appendJSON(units: line.value, places: line.places, to: &output)
    key("warnings")
    output.append(UInt8(ascii: "["))
    for (index, warning) in line.warnings.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: #"{"kind":"#.utf8)
      name(warning.kind.rawValue)
      output.append(contentsOf: #","reason":"#.utf8)
      ReportText.appendJSON(warning.reason, to: &output)
      output.append(UInt8(ascii: "}"))
    }
    output.append(UInt8(ascii: "]"))
    key("yoy_growth")
    number(state.growth)
    output.append(UInt8(ascii: "}"))
  }

  // MARK: - CSV

  /// Appends a row in the columns of `MonitoringReport.csvColumns`, as `MonitoringReport.csv`
  /// writes it.
  func appendCSV(_ line: ReportLine, to output: inout [UInt8]) {
    let state = line.state
    let spec = monitor.targets.indicators[line.indicator]
    func field(_ text: String) {
      ReportText.appendCSV(text, to: &output)
      output.append(UInt8(ascii: ","))
    }
    func number(_ value: Double) {
      if !value.isNaN { output.append(contentsOf: ReportText.csv(value).utf8) }
      output.append(UInt8(ascii: ","))
    }
    func figure(_ units: Int64, places: Int) {
      if units != FigureGrid.none { NumberText.appendDecimal(units, places: places, to: &output) }
      output.append(UInt8(ascii: ","))
    }
    field(spec.id.rawValue)
    field(spec.domain?.rawValue ?? "")
    field(monitor.targets.orgs[line.org].rawValue)
    field(line.org == spec.city ? "true" : "false")
    field(monitor.period.description)
    field(spec.unit ?? "")
    field(spec.kind.rawValue)
    field(spec.measure.rawValue)
    figure(line.value, places: line.places)
    figure(line.actual, places: line.places)
    figure(line.milestone, places: line.targetPlaces)
    figure(line.annualTarget, places: line.targetPlaces)
    if let gap = line.gap { NumberText.appendDecimal(gap, places: line.gapPlaces, to: &output) }
    output.append(UInt8(ascii: ","))
    number(line.seasonalShare)
    number(state.expected)
    number(state.pace)
    number(state.pointsBehind)
    field(state.status.rawValue)
    field(state.previous?.rawValue ?? "")
    field(PaceChange.between(state.previous, state.status).rawValue)
    let view = line.view
    let hasView = line.hasView && !view.timeElapsed.isNaN
    number(view.progress)
    number(view.timeElapsed)
    field(hasView ? view.category?.rawValue ?? "" : "")
    number(view.growthActual)
    number(view.growthRequired)
    number(view.growthRatio)
    field(hasView ? view.growthStatus?.rawValue ?? "" : "")
    let projection = line.hasProjection ? state.projection : YearEndProjection.none
    number(projection.shareOfYear)
    number(projection.lastYearPattern)
    number(projection.remainingQuarters)
    number(projection.low)
    number(projection.high)
    number(state.growth)
    number(state.scoreAcrossDistricts)
    number(state.scoreOverTime)
    field(line.reportedOn ?? "")
    field(dueDay)
    field(line.reporting.rawValue)
    field(line.lastReported?.period.description ?? "")
    field(line.lastReported.map(\.value.description) ?? "")
    field(line.lastReported.map(\.actual.description) ?? "")
    field(DataQualityFlag.allCases.filter { line.flags & $0.bit != 0 }.map(\.rawValue).joined(separator: " "))
    field(line.warnings.map(\.kind.rawValue).joined(separator: " "))
    field(line.warnings.map(\.reason.zh).joined(separator: "；"))
    ReportText.appendCSV(line.warnings.map(\.reason.en).joined(separator: "; "), to: &output)
    output.append(0x0A)
  }
}
