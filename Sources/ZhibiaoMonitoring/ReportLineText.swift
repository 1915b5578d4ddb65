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
  /// Per indicator, its first eight CSV fields up to the org's (`indicator,domain,`), and those
  /// after it (`,is_city` is the row's) from the period to the measure; the org's field.
  let indicatorCSV: [[UInt8]]
  let afterOrgCSV: [[UInt8]]
  let orgCSV: [[UInt8]]
  /// Per indicator, the org holding its city figure.
  let cities: [Int]

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
    func csv(_ fields: [String]) -> [UInt8] {
      var output: [UInt8] = []
      for field in fields {
        ReportText.appendCSV(field, to: &output)
        output.append(UInt8(ascii: ","))
      }
      return output
    }
    indicatorCSV = specs.map { csv([$0.id.rawValue, $0.domain?.rawValue ?? ""]) }
    afterOrgCSV = specs.map {
      csv([monitor.period.description, $0.unit ?? "", $0.kind.rawValue, $0.measure.rawValue])
    }
    orgCSV = monitor.targets.orgs.map { csv([$0.rawValue]) }
    cities = specs.map(\.city)
  }

  /// Appends the active rows among `rows` in `format` (each JSON row after a comma). Returns
  /// how many it wrote.
  func append(_ rows: Range<Int>, _ format: MonitoringReportWriter.Format, to output: inout [UInt8]) -> Int {
    var count = 0
    var days: [UInt64: String] = [:]
    for row in rows where monitor.rows[row].isActive {
      let line = monitor.reportLine(row, dueDay: dueDay, days: &days)
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
    func number(_ value: Double) { ReportText.appendJSON(value, to: &output) }
    func name(_ text: String?) { ReportText.appendJSON(text, to: &output) }
    output.append(contentsOf: #"{"actual_ytd":"#.utf8)
    ReportText.appendJSON(units: line.actual, places: line.places, to: &output)
    output.append(contentsOf: #","annual_target":"#.utf8)
    ReportText.appendJSON(units: line.annualTarget, places: line.targetPlaces, to: &output)
    output.append(contentsOf: #","domain":"#.utf8)
    output.append(contentsOf: domainJSON[i])
    output.append(contentsOf: #","due_day":"#.utf8)
    output.append(contentsOf: dueDayJSON)
    output.append(contentsOf: #","expected":"#.utf8)
    number(state.expected)
    output.append(contentsOf: #","flags":"#.utf8)
    output.append(UInt8(ascii: "["))
    var first = true
    for flag in DataQualityFlag.allCases where line.flags & flag.bit != 0 {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      name(flag.rawValue)
    }
    output.append(UInt8(ascii: "]"))
    output.append(contentsOf: #","gap":"#.utf8)
    if let gap = line.gap {
      NumberText.appendDecimal(gap, places: line.gapPlaces, to: &output)
    } else {
      output.append(contentsOf: "null".utf8)
    }
    output.append(contentsOf: #","growth_actual":"#.utf8)
    number(line.view.growthActual)
    output.append(contentsOf: #","growth_ratio":"#.utf8)
    number(line.view.growthRatio)
    output.append(contentsOf: #","growth_required":"#.utf8)
    number(line.view.growthRequired)
    output.append(contentsOf: #","growth_status":"#.utf8)
    name(line.hasView && !line.view.timeElapsed.isNaN ? line.view.growthStatus?.rawValue : nil)
    output.append(contentsOf: #","indicator":"#.utf8)
    output.append(contentsOf: indicatorJSON[i])
    output.append(contentsOf: #","is_city":"#.utf8)
    output.append(contentsOf: (line.org == cities[i] ? "true" : "false").utf8)
    output.append(contentsOf: #","kind":"#.utf8)
    output.append(contentsOf: kindJSON[i])
    output.append(contentsOf: #","last_reported":"#.utf8)
    if let lastReported = line.lastReported {
      ReportText.appendEncoded(lastReported, to: &output)
    } else {
      output.append(contentsOf: "null".utf8)
    }
    output.append(contentsOf: #","measure":"#.utf8)
    output.append(contentsOf: measureJSON[i])
    output.append(contentsOf: #","mid_term":"#.utf8)
    name(line.hasView && !line.view.timeElapsed.isNaN ? line.view.category?.rawValue : nil)
    output.append(contentsOf: #","milestone_ytd":"#.utf8)
    ReportText.appendJSON(units: line.milestone, places: line.targetPlaces, to: &output)
    output.append(contentsOf: #","org":"#.utf8)
    output.append(contentsOf: orgJSON[line.org])
    output.append(contentsOf: #","pace":"#.utf8)
    number(state.pace)
    output.append(contentsOf: #","period":"#.utf8)
    output.append(contentsOf: periodJSON)
    output.append(contentsOf: #","points_behind":"#.utf8)
    number(state.pointsBehind)
    output.append(contentsOf: #","previous_status":"#.utf8)
    name(state.previous?.rawValue)
    output.append(contentsOf: #","progress":"#.utf8)
    number(line.view.progress)
    output.append(contentsOf: #","projection":"#.utf8)
    if line.hasProjection {
      let projection = state.projection
      output.append(contentsOf: #"{"high":"#.utf8)
      number(projection.high)
      output.append(contentsOf: #","last_year_pattern":"#.utf8)
      number(projection.lastYearPattern)
      output.append(contentsOf: #","low":"#.utf8)
      number(projection.low)
      output.append(contentsOf: #","remaining_quarters":"#.utf8)
      number(projection.remainingQuarters)
      output.append(contentsOf: #","share_of_year":"#.utf8)
      number(projection.shareOfYear)
      output.append(UInt8(ascii: "}"))
    } else {
      output.append(contentsOf: "null".utf8)
    }
    if let disagreement = line.disagreement {
      output.append(contentsOf: #","register_disagreement":"#.utf8)
      ReportText.appendEncoded(disagreement, to: &output)
    }
    output.append(contentsOf: #","reported_on":"#.utf8)
    name(line.reportedOn)
    output.append(contentsOf: #","reporting":"#.utf8)
    name(line.reporting.rawValue)
    output.append(contentsOf: #","reporting_note":"#.utf8)
    output.append(contentsOf: noteJSON[line.reporting] ?? Array("null".utf8))
    output.append(contentsOf: #","score_across_districts":"#.utf8)
    number(state.scoreAcrossDistricts)
    output.append(contentsOf: #","score_over_time":"#.utf8)
    number(state.scoreOverTime)
    output.append(contentsOf: #","seasonal_share":"#.utf8)
    number(line.seasonalShare)
    output.append(contentsOf: #","status":"#.utf8)
    name(state.status.rawValue)
    output.append(contentsOf: #","status_change":"#.utf8)
    name(PaceChange.between(state.previous, state.status).rawValue)
    output.append(contentsOf: #","time_elapsed":"#.utf8)
    number(line.view.timeElapsed)
    output.append(contentsOf: #","unit":"#.utf8)
    output.append(contentsOf: unitJSON[i])
    output.append(contentsOf: #","value":"#.utf8)
    ReportText.appendJSON(units: line.value, places: line.places, to: &output)
    output.append(contentsOf: #","warnings":"#.utf8)
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
    output.append(contentsOf: #","yoy_growth":"#.utf8)
    number(state.growth)
    output.append(UInt8(ascii: "}"))
  }

  // MARK: - CSV

  /// Appends a row in the columns of `MonitoringReport.csvColumns`, as `MonitoringReport.csv`
  /// writes it.
  func appendCSV(_ line: ReportLine, to output: inout [UInt8]) {
    let state = line.state
    let i = line.indicator
    func field(_ text: String) {
      ReportText.appendCSV(text, to: &output)
      output.append(UInt8(ascii: ","))
    }
    func number(_ value: Double) {
      ReportText.appendCSV(value, to: &output)
      output.append(UInt8(ascii: ","))
    }
    func figure(_ units: Int64, places: Int) {
      if units != FigureGrid.none { NumberText.appendDecimal(units, places: places, to: &output) }
      output.append(UInt8(ascii: ","))
    }
    func joined(_ parts: some Sequence<String>, by separator: String) {
      var text: [UInt8] = []
      for (index, part) in parts.enumerated() {
        if index > 0 { text.append(contentsOf: separator.utf8) }
        text.append(contentsOf: part.utf8)
      }
      ReportText.appendCSV(String(decoding: text, as: UTF8.self), to: &output)
    }
    output.append(contentsOf: indicatorCSV[i])
    output.append(contentsOf: orgCSV[line.org])
    output.append(contentsOf: (line.org == cities[i] ? "true," : "false,").utf8)
    output.append(contentsOf: afterOrgCSV[i])
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
    if let lastReported = line.lastReported {
      field(lastReported.period.description)
      field(lastReported.value.description)
      field(lastReported.actual.description)
    } else {
      output.append(contentsOf: ",,,".utf8)
    }
    joined(DataQualityFlag.allCases.lazy.filter { line.flags & $0.bit != 0 }.map(\.rawValue), by: " ")
    output.append(UInt8(ascii: ","))
    joined(line.warnings.lazy.map(\.kind.rawValue), by: " ")
    output.append(UInt8(ascii: ","))
    joined(line.warnings.lazy.map(\.reason.zh), by: "；")
    output.append(UInt8(ascii: ","))
    joined(line.warnings.lazy.map(\.reason.en), by: "; ")
    output.append(0x0A)
  }
}
