import Foundation
import ZhibiaoPlan

/// The text of report rows, with what every row of a monitor shares worked out once: the
/// indicators' and orgs' fields as JSON and CSV, the period, the due day, the reporting notes and
/// how each indicator's reasons write figures.
struct ReportLineText: Sendable {
  let monitor: Monitor
  let dueDay: String
  let asOf: String?
  /// Per indicator, its `domain`, `indicator`, `kind`, `measure` and `unit` as JSON.
  let domainJSON: FieldTexts
  let indicatorJSON: FieldTexts
  let kindJSON: FieldTexts
  let measureJSON: FieldTexts
  let unitJSON: FieldTexts
  /// Per org, its name as JSON.
  let orgJSON: FieldTexts
  let periodJSON: [UInt8]
  let dueDayJSON: [UInt8]
  /// The reporting note of each reporting state as JSON (`null` for none), in the order of
  /// `ReportingState.allCases`.
  let noteJSON: FieldTexts
  let reportingStates = ReportingState.allCases
  /// Per indicator, its first CSV fields up to the org's (`indicator,domain,`), and those after
  /// it (`,is_city` is the row's) from the period to the measure; per org, its field.
  let indicatorCSV: FieldTexts
  let afterOrgCSV: FieldTexts
  let orgCSV: FieldTexts
  /// `,due_day,` in CSV.
  let dueDayCSV: [UInt8]
  /// Per indicator, the org holding its city figure.
  let cities: [Int]
  /// The names of the rows' states, flags and warnings.
  let statusNames = NameTexts<PaceStatus>()
  let changeNames = NameTexts<PaceChange>()
  let growthNames = NameTexts<GrowthStatus>()
  let categoryNames = NameTexts<MidTermCategory>()
  let reportingNames = NameTexts<ReportingState>()
  let flagNames = NameTexts<DataQualityFlag>()
  let warningNames = NameTexts<MonitoringWarning.Kind>()
  /// The reasons of warnings, and how each indicator's write figures.
  let reasons: ReasonText
  let styles: [ReasonText.Style]

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
    indicatorJSON = FieldTexts(specs.map { json($0.id.rawValue) })
    domainJSON = FieldTexts(specs.map { json($0.domain?.rawValue) })
    unitJSON = FieldTexts(specs.map { json($0.unit) })
    kindJSON = FieldTexts(specs.map { json($0.kind.rawValue) })
    measureJSON = FieldTexts(specs.map { json($0.measure.rawValue) })
    orgJSON = FieldTexts(monitor.targets.orgs.map { json($0.rawValue) })
    periodJSON = json(monitor.period.description)
    dueDayJSON = json(dueDay)
    let dueDay = dueDay
    noteJSON = FieldTexts(
      ReportingState.allCases.map { state in
        var output: [UInt8] = []
        if let note = state.note(dueDay: dueDay) {
          ReportText.appendJSON(note, to: &output)
        } else {
          output = Array("null".utf8)
        }
        return output
      })
    func csv(_ fields: [String]) -> [UInt8] {
      var output: [UInt8] = []
      for field in fields {
        ReportText.appendCSV(field, to: &output)
        output.append(UInt8(ascii: ","))
      }
      return output
    }
    indicatorCSV = FieldTexts(specs.map { csv([$0.id.rawValue, $0.domain?.rawValue ?? ""]) })
    afterOrgCSV = FieldTexts(
      specs.map { csv([monitor.period.description, $0.unit ?? "", $0.kind.rawValue, $0.measure.rawValue]) })
    orgCSV = FieldTexts(monitor.targets.orgs.map { csv([$0.rawValue]) })
    dueDayCSV = csv([dueDay])
    cities = specs.map(\.city)
    reasons = ReasonText(
      period: monitor.targets.axis.period(ofSlot: monitor.slot), dueDay: dueDay, asOf: asOf, settings: settings)
    styles = specs.map(ReasonText.Style.init)
  }

  /// Appends the active rows among `rows` in `format` (each JSON row after a comma). Returns
  /// how many it wrote.
  func append(_ rows: Range<Int>, _ format: MonitoringReportWriter.Format, to output: inout ReportBytes) -> Int {
    var count = 0
    var days = ReportedDays()
    var warnings: [RowWarning] = []
    var kept = RepeatedDoubleTexts()
    for row in rows where monitor.rows[row].isActive {
      let line = monitor.reportLine(row, days: &days, warnings: &warnings)
      switch format {
      case .csv: appendCSV(line, warnings, kept: &kept, to: &output)
      case .json:
        output.append(UInt8(ascii: ","))
        appendJSON(line, warnings, kept: &kept, to: &output)
      }
      count += 1
    }
    return count
  }

  // MARK: - JSON

  /// Appends a row as `JSONEncoder` writes a `MonitoringRow` with sorted keys; `kept` holds the
  /// text of the doubles that repeat from row to row.
  func appendJSON(
    _ line: ReportLine, _ warnings: [RowWarning], kept: inout RepeatedDoubleTexts, to output: inout ReportBytes
  ) {
    let state = line.state
    let i = line.indicator
    let view = line.view
    let hasView = line.hasView && !view.timeElapsed.isNaN
    output.append(#"{"actual_ytd":"#)
    let actual = output.count
    output.appendJSON(units: line.actual, places: line.places)
    let actualLength = output.count - actual
    output.append(#","annual_target":"#)
    let annual = output.count
    output.appendJSON(units: line.annualTarget, places: line.targetPlaces)
    let annualLength = output.count - annual
    output.append(#","domain":"#)
    domainJSON.append(i, to: &output)
    output.append(#","due_day":"#)
    output.append(dueDayJSON)
    output.append(#","expected":"#)
    output.appendJSON(state.expected, kept: &kept.expected, likelyShort: true)
    output.append(#","flags":["#)
    var first = true
    for (index, flag) in flagNames.cases.enumerated() where line.flags & flag.bit != 0 {
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      flagNames.appendJSON(at: index, to: &output)
    }
    output.append(#"],"gap":"#)
    if let gap = line.gap { output.appendDecimal(gap, places: line.gapPlaces) } else { output.append("null") }
    output.append(#","growth_actual":"#)
    output.appendJSON(view.growthActual)
    output.append(#","growth_ratio":"#)
    output.appendJSON(view.growthRatio)
    output.append(#","growth_required":"#)
    output.appendJSON(view.growthRequired)
    output.append(#","growth_status":"#)
    growthNames.appendJSON(hasView ? view.growthStatus : nil, to: &output)
    output.append(#","indicator":"#)
    indicatorJSON.append(i, to: &output)
    output.append(line.org == cities[i] ? #","is_city":true,"kind":"# : #","is_city":false,"kind":"#)
    kindJSON.append(i, to: &output)
    output.append(#","last_reported":"#)
    if let lastReported = line.lastReported {
      output.appendEncoded(lastReported)
    } else {
      output.append("null")
    }
    output.append(#","measure":"#)
    measureJSON.append(i, to: &output)
    output.append(#","mid_term":"#)
    categoryNames.appendJSON(hasView ? view.category : nil, to: &output)
    output.append(#","milestone_ytd":"#)
    if line.milestone == line.annualTarget {
      output.appendAgain(from: annual, length: annualLength)
    } else {
      output.appendJSON(units: line.milestone, places: line.targetPlaces)
    }
    output.append(#","org":"#)
    orgJSON.append(line.org, to: &output)
    output.append(#","pace":"#)
    output.appendJSON(state.pace)
    output.append(#","period":"#)
    output.append(periodJSON)
    output.append(#","points_behind":"#)
    output.appendJSON(state.pointsBehind)
    output.append(#","previous_status":"#)
    statusNames.appendJSON(state.previous, to: &output)
    output.append(#","progress":"#)
    output.appendJSON(view.progress)
    output.append(#","projection":"#)
    if line.hasProjection {
      let projection = state.projection
      output.append(#"{"high":"#)
      output.appendJSON(projection.high, kept: &kept.projection, likelyShort: true)
      output.append(#","last_year_pattern":"#)
      output.appendJSON(projection.lastYearPattern, kept: &kept.projection, likelyShort: true)
      output.append(#","low":"#)
      output.appendJSON(projection.low, kept: &kept.projection, likelyShort: true)
      output.append(#","remaining_quarters":"#)
      output.appendJSON(projection.remainingQuarters, kept: &kept.projection, likelyShort: true)
      output.append(#","share_of_year":"#)
      output.appendJSON(projection.shareOfYear, kept: &kept.projection, likelyShort: true)
      output.append(UInt8(ascii: "}"))
    } else {
      output.append("null")
    }
    if let disagreement = line.disagreement {
      output.append(#","register_disagreement":"#)
      output.appendEncoded(disagreement)
    }
    output.append(#","reported_on":"#)
    output.appendJSON(line.reportedOn)
    output.append(#","reporting":"#)
    reportingNames.appendJSON(line.reporting, to: &output)
    output.append(#","reporting_note":"#)
    noteJSON.append(reportingStates.firstIndex(of: line.reporting) ?? 0, to: &output)
    output.append(#","score_across_districts":"#)
    output.appendJSON(state.scoreAcrossDistricts)
    output.append(#","score_over_time":"#)
    output.appendJSON(state.scoreOverTime)
    output.append(#","seasonal_share":"#)
    output.appendJSON(line.seasonalShare, kept: &kept.seasonalShare)
    output.append(#","status":"#)
    statusNames.appendJSON(state.status, to: &output)
    output.append(#","status_change":"#)
    changeNames.appendJSON(PaceChange.between(state.previous, state.status), to: &output)
    output.append(#","time_elapsed":"#)
    output.appendJSON(view.timeElapsed, kept: &kept.timeElapsed)
    output.append(#","unit":"#)
    unitJSON.append(i, to: &output)
    output.append(#","value":"#)
    if line.value == line.actual {
      output.appendAgain(from: actual, length: actualLength)
    } else {
      output.appendJSON(units: line.value, places: line.places)
    }
    output.append(#","warnings":["#)
    let style = styles[i]
    for (index, warning) in warnings.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      output.append(#"{"kind":"#)
      warningNames.appendJSON(warning.kind, to: &output)
      output.append(#","reason":{"en":""#)
      let escapes = !ReasonText.isTemplateAndFigures(warning.reason)
      var start = output.count
      reasons.write(warning.reason, style, in: .en, to: &output)
      if escapes { output.escapeJSON(from: start) }
      output.append(#"","zh":""#)
      start = output.count
      reasons.write(warning.reason, style, in: .zh, to: &output)
      if escapes { output.escapeJSON(from: start) }
      output.append(#""}}"#)
    }
    output.append(#"],"yoy_growth":"#)
    output.appendJSON(state.growth)
    output.append(UInt8(ascii: "}"))
  }

  // MARK: - CSV

  /// Appends a row in the columns of `MonitoringReport.csvColumns`, as `MonitoringReport.csv`
  /// writes it; `kept` holds the text of the doubles that repeat from row to row.
  func appendCSV(
    _ line: ReportLine, _ warnings: [RowWarning], kept: inout RepeatedDoubleTexts, to output: inout ReportBytes
  ) {
    let state = line.state
    let i = line.indicator
    func name(_ text: String?) {
      if let text { output.append(utf8: text) }
      output.append(UInt8(ascii: ","))
    }
    func name<Name>(_ value: Name?, _ names: NameTexts<Name>) {
      names.append(value, to: &output)
      output.append(UInt8(ascii: ","))
    }
    func number(_ value: Double) {
      output.appendCSV(value)
      output.append(UInt8(ascii: ","))
    }
    func number(_ value: Double, kept: inout RepeatedDoubleText, likelyShort: Bool = false) {
      output.appendCSV(value, kept: &kept, likelyShort: likelyShort)
      output.append(UInt8(ascii: ","))
    }
    func figure(_ units: Int64, places: Int) {
      if units != FigureGrid.none { output.appendDecimal(units, places: places) }
      output.append(UInt8(ascii: ","))
    }
    indicatorCSV.append(i, to: &output)
    orgCSV.append(line.org, to: &output)
    output.append(line.org == cities[i] ? "true," : "false,")
    afterOrgCSV.append(i, to: &output)
    // The actual is mostly the figure reported, and the annual target the milestone at the
    // year's end: the same units and places, so the same text, copied.
    let value = output.count
    figure(line.value, places: line.places)
    if line.actual == line.value {
      output.appendAgain(from: value, length: output.count - value)
    } else {
      figure(line.actual, places: line.places)
    }
    let milestone = output.count
    figure(line.milestone, places: line.targetPlaces)
    if line.annualTarget == line.milestone {
      output.appendAgain(from: milestone, length: output.count - milestone)
    } else {
      figure(line.annualTarget, places: line.targetPlaces)
    }
    if let gap = line.gap { output.appendDecimal(gap, places: line.gapPlaces) }
    output.append(UInt8(ascii: ","))
    number(line.seasonalShare, kept: &kept.seasonalShare)
    number(state.expected, kept: &kept.expected, likelyShort: true)
    number(state.pace)
    number(state.pointsBehind)
    name(state.status, statusNames)
    name(state.previous, statusNames)
    name(PaceChange.between(state.previous, state.status), changeNames)
    let view = line.view
    let hasView = line.hasView && !view.timeElapsed.isNaN
    number(view.progress)
    number(view.timeElapsed, kept: &kept.timeElapsed)
    name(hasView ? view.category : nil, categoryNames)
    number(view.growthActual)
    number(view.growthRequired)
    number(view.growthRatio)
    name(hasView ? view.growthStatus : nil, growthNames)
    let projection = line.hasProjection ? state.projection : YearEndProjection.none
    number(projection.shareOfYear, kept: &kept.projection, likelyShort: true)
    number(projection.lastYearPattern, kept: &kept.projection, likelyShort: true)
    number(projection.remainingQuarters, kept: &kept.projection, likelyShort: true)
    number(projection.low, kept: &kept.projection, likelyShort: true)
    number(projection.high, kept: &kept.projection, likelyShort: true)
    number(state.growth)
    number(state.scoreAcrossDistricts)
    number(state.scoreOverTime)
    name(line.reportedOn)
    output.append(dueDayCSV)
    name(line.reporting, reportingNames)
    if let lastReported = line.lastReported {
      name(lastReported.period.description)
      output.appendCSV(lastReported.value.description)
      output.append(UInt8(ascii: ","))
      output.appendCSV(lastReported.actual.description)
      output.append(UInt8(ascii: ","))
    } else {
      output.append(",,,")
    }
    var first = true
    for (index, flag) in flagNames.cases.enumerated() where line.flags & flag.bit != 0 {
      if !first { output.append(UInt8(ascii: " ")) }
      first = false
      flagNames.append(at: index, to: &output)
    }
    output.append(UInt8(ascii: ","))
    for (index, warning) in warnings.enumerated() {
      if index > 0 { output.append(UInt8(ascii: " ")) }
      warningNames.append(warning.kind, to: &output)
    }
    output.append(UInt8(ascii: ","))
    let style = styles[i]
    func reasons(in language: Language, separator: StaticString, then end: UInt8) {
      let start = output.count
      for (index, warning) in warnings.enumerated() {
        if index > 0 { output.append(separator) }
        self.reasons.write(warning.reason, style, in: language, to: &output)
      }
      output.quoteCSV(from: start)
      output.append(end)
    }
    reasons(in: .zh, separator: "；", then: UInt8(ascii: ","))
    reasons(in: .en, separator: "; ", then: 0x0A)
  }
}

/// Texts written in many rows — an indicator's or an org's fields — kept in one array of bytes and
/// found by number, so that writing one copies bytes without touching an array of its own.
struct FieldTexts: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [Int] = [0]

  /// The texts, numbered from 0 in order.
  init(_ texts: [[UInt8]]) {
    for text in texts {
      bytes.append(contentsOf: text)
      ends.append(bytes.count)
    }
  }

  /// Appends text number `index`.
  func append(_ index: Int, to output: inout ReportBytes) {
    let range = ends[index]..<ends[index + 1]
    bytes.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[range])) }
  }
}

/// The names of an enumeration's cases (their raw values, letters, digits and underscores) as
/// JSON strings and as they are, kept as bytes so that writing one copies them without making a
/// string.
struct NameTexts<Name: CaseIterable & RawRepresentable & Equatable & Sendable>: Sendable
where Name.RawValue == String {
  /// The cases, in the order of `allCases`.
  let cases: [Name]
  private let json: FieldTexts
  private let plain: FieldTexts

  init() {
    cases = Array(Name.allCases)
    json = FieldTexts(cases.map { Array("\"\($0.rawValue)\"".utf8) })
    plain = FieldTexts(cases.map { Array($0.rawValue.utf8) })
  }

  /// Appends the name of `name` as a JSON string, `null` for none.
  func appendJSON(_ name: Name?, to output: inout ReportBytes) {
    guard let name, let index = cases.firstIndex(of: name) else { return output.append("null") }
    json.append(index, to: &output)
  }

  /// Appends the name of case number `index` as a JSON string.
  func appendJSON(at index: Int, to output: inout ReportBytes) { json.append(index, to: &output) }

  /// Appends the name of `name` as it is, nothing for none.
  func append(_ name: Name?, to output: inout ReportBytes) {
    guard let name, let index = cases.firstIndex(of: name) else { return }
    plain.append(index, to: &output)
  }

  /// Appends the name of case number `index` as it is.
  func append(at index: Int, to output: inout ReportBytes) { plain.append(index, to: &output) }
}
