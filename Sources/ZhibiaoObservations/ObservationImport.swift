import Foundation
import ZhibiaoPlan

/// Checks an observation CSV (`indicator,org,period,value,unit,note`) row by row against the
/// plan and what is already stored, and turns it into rows in each indicator's own unit.
///
/// Every problem of the file is reported together, each with its line, so a reporter can fix
/// the file in one pass; the caller imports nothing unless there are none.
public struct ObservationImport {
  /// The columns; `unit`, `note` and `reported_on` may be left out or empty (the unit is then
  /// the indicator's, and the figure counts as sent when the file is imported).
  public static let columns = ["indicator", "org", "period", "value", "unit", "note", "reported_on"]
  /// Columns that must be present.
  public static let requiredColumns = ["indicator", "org", "period", "value"]
  /// Columns that hold a number.
  public static let numberColumns = ["value"]
  /// The read-only columns a data-entry template sets beside the import's: the import leaves them alone.
  public static let contextColumns = ["name", "target", "target_basis", "last_year"]
  /// Columns that hold a day, written `YYYY-MM-DD`.
  public static let dateColumns = ["reported_on"]

  /// The plan.
  public let plan: Plan
  /// The org that submits the file.
  public let submitter: OrgID
  /// The value already stored for an indicator, org and period, if any.
  public let stored: (IndicatorID, OrgID, Period) -> Decimal?
  /// Today in China, `YYYY-MM-DD`: no figure is reported later than today.
  public let today: String

  /// Prepares checks for `submitter`'s files, as of `now`.
  public init(
    plan: Plan, submitter: OrgID, now: Date = Date(),
    stored: @escaping (IndicatorID, OrgID, Period) -> Decimal? = { _, _, _ in nil }
  ) {
    self.plan = plan
    self.submitter = submitter
    self.stored = stored
    self.today = Plausibility.day(of: now)
  }

  /// The size from which a text is read and checked in two parts at once: a megabyte, some
  /// twenty thousand rows, beside which the cost of starting a second thread is lost.
  public static let partedSize = 1 << 20

  /// The checked rows of CSV `text` read from `file`, and every problem found (empty when the
  /// file can be imported).
  ///
  /// The text is read row by row and each row checked as it is read, so that what is held is the
  /// checked rows, not every field of the file: problems of the CSV itself, which are found only
  /// at its end, are then the only ones reported, as when the whole table is read first.
  ///
  /// A text of at least `partedSize` bytes is read and checked in two parts at once; the result
  /// is the same, row for row and diagnostic for diagnostic.
  public func check(_ text: String, file: String, partedSize: Int = Self.partedSize) -> (
    rows: [ObservationInput], diagnostics: [Diagnostic]
  ) {
    if text.utf8.count >= partedSize, let checked = checkInParts(text, file: file, minimumSize: partedSize) {
      return checked
    }
    let log = DiagnosticLog()
    // Room for as many rows as the text has lines, so that the rows and their index are not
    // copied over and over as they grow.
    let lines = Self.lines(of: text)
    let numbering = FigureNumbering(plan: plan)
    var checked = CheckedRows(header: [], numbering: numbering)
    var hasColumns = false
    do {
      try ImportTable.forEachRow(
        parsing: text, file: file,
        header: { table in
          hasColumns = checkHeader(table, log: log)
          guard hasColumns else { return }
          checked = CheckedRows(header: table.header, numbering: numbering, capacity: lines)
        },
        row: { row in
          if hasColumns { check(row, into: &checked, log: log) }
        })
    } catch {
      return Self.refusal(error)
    }
    guard hasColumns else { return ([], log.sorted) }
    return finish(checked, log: log)
  }

  /// The check of a large text in two parts at once (`ImportTable.forEachRowInParts`): the first
  /// part's rows are kept as they are checked, the second part's after it, as their figures
  /// repeat none before; nil when the text cannot be cut, and is to be checked in one part.
  private func checkInParts(_ text: String, file: String, minimumSize: Int) -> (
    rows: [ObservationInput], diagnostics: [Diagnostic]
  )? {
    let log = DiagnosticLog()
    let lines = Self.lines(of: text)
    let numbering = FigureNumbering(plan: plan)
    let parts = [
      PartCheck(of: self, log: log, isFirst: true), PartCheck(of: self, log: DiagnosticLog(), isFirst: false),
    ]
    var hasColumns = false
    do {
      let read = try ImportTable.forEachRowInParts(
        parsing: text, file: file, minimumSize: minimumSize,
        header: { table in
          hasColumns = checkHeader(table, log: log)
          guard hasColumns else { return }
          parts[0].checked = CheckedRows(header: table.header, numbering: numbering, capacity: lines)
          // The second part's own numbering, so that the two threads share no object they count
          // references to for every row; room for every line, since either part may hold most
          // (untouched room costs no memory).
          parts[1].checked = CheckedRows(
            header: table.header, numbering: FigureNumbering(plan: plan), capacity: lines, figures: false)
        },
        row: { part, row in parts[part].check(row) })
      guard read else { return nil }
    } catch {
      return Self.refusal(error)
    }
    guard hasColumns, var checked = parts[0].take() else { return ([], log.sorted) }
    for diagnostic in parts[1].log.diagnostics { log.report(diagnostic) }
    if let later = parts[1].take() {
      for index in later.rows.indices {
        keep(later.rows[index], later.keys[index], later.scaled[index], into: &checked, log: log)
      }
    }
    return finish(checked, log: log)
  }

  /// The lines of `text`: room for as many rows, so that the rows and their index are not
  /// copied over and over as they grow.
  private static func lines(of text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 1
      for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
      return count
    }
  }

  /// Whether the header of `table` has the required columns; an unknown column is reported too.
  private func checkHeader(_ table: ImportTable, log: DiagnosticLog) -> Bool {
    guard table.hasColumns(Self.requiredColumns, layout: Self.columns, log: log) else { return false }
    table.refuseUnknownColumns(known: Self.columns, context: Self.contextColumns, log: log)
    return true
  }

  /// The result of a text that cannot be read as CSV: its errors alone.
  private static func refusal(_ error: ConfigurationErrors) -> (rows: [ObservationInput], diagnostics: [Diagnostic]) {
    let errors = DiagnosticLog()
    for diagnostic in error.diagnostics { errors.report(diagnostic) }
    return ([], errors.sorted)
  }

  /// The checked rows of `table`, and every problem found (empty when it can be imported).
  public func check(_ table: ImportTable) -> (rows: [ObservationInput], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard table.hasColumns(Self.requiredColumns, layout: Self.columns, log: log) else { return ([], log.sorted) }
    table.refuseUnknownColumns(known: Self.columns, context: Self.contextColumns, log: log)
    var checked = CheckedRows(
      header: table.header, numbering: FigureNumbering(plan: plan), capacity: table.rows.count)
    for row in table.rows { check(row, into: &checked, log: log) }
    return finish(checked, log: log)
  }

  /// Checks `row` and keeps it in `checked` unless it has a problem or repeats a figure.
  func check(_ row: ImportTable.Row, into checked: inout CheckedRows, log: DiagnosticLog) {
    guard let (input, key, scaled) = check(row, in: &checked, log: log) else { return }
    keep(input, key, scaled, into: &checked, log: log)
  }

  /// Keeps the checked row `input` of the figure `key` in `checked`, unless a row before gave
  /// the figure already: that is reported at the row.
  func keep(
    _ input: ObservationInput, _ key: FigureKey, _ scaled: ScaledDecimal?, into checked: inout CheckedRows,
    log: DiagnosticLog
  ) {
    if let first = checked.figures.add(key, at: checked.rows.count) {
      log.error(
        "This row repeats '\(input.indicator)' for '\(input.org)' in \(input.period), given \(checked.rows[first].start(in: "").within).",
        at: input.start(in: ""), hint: "keep one of the two rows")
      return
    }
    checked.rows.append(input)
    checked.keys.append(key)
    checked.scaled.append(scaled)
  }

  /// The checks across rows, and the rows when there is no error.
  private func finish(_ checked: CheckedRows, log: DiagnosticLog) -> (
    rows: [ObservationInput], diagnostics: [Diagnostic]
  ) {
    checkYearToDate(checked, log: log)
    checkShares(checked, log: log)
    checkMagnitude(checked, log: log)
    return (log.hasErrors ? [] : checked.rows, log.sorted)
  }

  // MARK: - One row

  /// The checked row, its figure's key and its value's digits (when it has at most 18), or nil
  /// when the row has a problem (reported in `log`); the answers of the submitter's refusals are
  /// kept in `checked`.
  func check(
    _ row: ImportTable.Row, in checked: inout CheckedRows, log: DiagnosticLog
  ) -> (ObservationInput, FigureKey, ScaledDecimal?)? {
    let columns = checked.columns
    let numbering = checked.numbering
    /// Reports `message` at the field of `column`, or at the row's start.
    func fail(
      _ message: String, at column: Int? = nil, hint: String? = nil
    ) -> (ObservationInput, FigureKey, ScaledDecimal?)? {
      log.error(message, at: columns.location(of: column, in: row), hint: hint)
      return nil
    }
    func field(_ column: Int?) -> String? { columns.field(column, of: row) }
    let indicatorText = FieldText.trimmed(field(columns.indicator) ?? "")
    guard let indicatorNumber = numbering.indicator(IndicatorID(indicatorText)) else {
      return fail(
        "Unknown indicator '\(indicatorText)'.", at: columns.indicator,
        hint: Suggestion.hint(for: indicatorText, among: plan.indicators.map(\.id.rawValue)))
    }
    // What the row needs of its indicator, without copying the indicator.
    let indicator = numbering.facts[indicatorNumber]
    let orgText = FieldText.trimmed(field(columns.org) ?? "")
    guard let orgNumber = numbering.org(OrgID(orgText)) ?? plan.orgs.firstIndex(where: { $0.name.zh == orgText })
    else {
      return fail(
        "Unknown org '\(orgText)'; give its id or its Chinese name.", at: columns.org,
        hint: Suggestion.hint(for: orgText, among: plan.orgs.map(\.id.rawValue) + plan.orgs.map(\.name.zh)))
    }
    let org = numbering.orgs[orgNumber]
    let periodText = field(columns.period) ?? ""
    guard var period = PeriodText.parse(periodText) else {
      return fail("The period '\(periodText)' is not a period; write 2024Q3, 2024 or 2024年1-9月.", at: columns.period)
    }
    guard period.year >= plan.baseYear, period.year <= plan.targetYear else {
      return fail(
        "The period \(period) is outside the plan's years \(plan.baseYear)–\(plan.targetYear).", at: columns.period)
    }
    switch (indicator.frequency, period.quarter) {
    case (.annual, .some):
      return fail(
        "'\(indicator.id)' is reported once a year; give the year (\(period.year)), not \(period).", at: columns.period)
    case (.quarterly, nil):
      period = .quarter(4, of: period.year)  // a quarterly indicator's year is its 1–12月 figure
    default: break
    }
    if let refusal = refusal(indicator: indicatorNumber, org: orgNumber, in: &checked) {
      return fail(refusal.message, at: refusal.column == "org" ? columns.org : columns.indicator)
    }

    let valueText = FieldText.trimmed(field(columns.value) ?? "")
    if valueText.isEmpty {
      return fail("No value is given for '\(indicator.id)'; fill in the figure or delete the row.", at: columns.value)
    }
    var value: Decimal
    var scaled: ScaledDecimal?
    // Nearly every figure is a plain literal, read as `ExactDecimal` reads it, with its digits kept.
    if let parts = ExactDecimal.plainParts(valueText) {
      value = ExactDecimal.decimal(parts)
      scaled = ScaledDecimal(significand: parts.significand, exponent: parts.exponent)
    } else {
      switch ExactDecimal(valueText) {
      case .value(let exact): value = exact
      case .tooPrecise(let digits):
        return fail(ExactDecimal.tooPreciseMessage(valueText, digits: digits), at: columns.value)
      case .notANumber:
        return fail(
          "The value '\(valueText)' is not a number.", at: columns.value,
          hint: "write digits with a decimal point only, without separators or words, e.g. 1234.5")
      }
    }
    let unitText = FieldText.trimmed(field(columns.unit) ?? "")
    if !unitText.isEmpty, let unit = indicator.unit, unitText != unit {
      guard let factor = UnitConversion.factor(from: unitText, to: unit) else {
        return fail(
          "The unit '\(unitText)' cannot be converted to '\(unit)', the unit of '\(indicator.id)'.", at: columns.unit)
      }
      value *= factor
      scaled = scaled.flatMap { scaled in
        UnitConversion.powerOfTen(from: unitText, to: unit).map {
          ScaledDecimal(significand: scaled.significand, exponent: scaled.exponent + $0)
        }
      }
    }
    if scaled.map({ $0.significand < 0 }) ?? (value < 0), indicator.kind != .growthRate {
      return fail("The value \(value) of '\(indicator.id)' cannot be negative.", at: columns.value)
    }
    let note = field(columns.note).flatMap { $0.isEmpty ? nil : $0 }
    var reportedAt: Date?
    if let day = field(columns.reportedOn).map(FieldText.trimmed), !day.isEmpty {
      guard let date = Self.noonInChina(day) else {
        return fail("The date '\(day)' under 'reported_on' is not a date written YYYY-MM-DD.", at: columns.reportedOn)
      }
      if let refusal = Plausibility.reportedOn(day, period: period, today: today) {
        return fail(refusal, at: columns.reportedOn)
      }
      reportedAt = date
    }
    // The plan's years fit a key: a figure outside them was refused above.
    guard let key = FigureKey(indicator: indicatorNumber, org: orgNumber, period: period) else {
      return fail(
        "The period \(period) is outside the plan's years \(plan.baseYear)–\(plan.targetYear).", at: columns.period)
    }
    let input = ObservationInput(
      indicator: indicator.id, org: org, period: period, value: value, note: note, line: row.line,
      location: row.start, reportedAt: reportedAt)
    return (input, key, scaled)
  }

  /// Why the submitter may not report the indicator at `indicator` for the org at `org` (places
  /// in the plan), as ``refusal(_:for:)`` answers; an answer without a refusal is kept in
  /// `checked`, so that the rows after it are not asked again.
  private func refusal(indicator: Int, org: Int, in checked: inout CheckedRows) -> (message: String, column: String)? {
    let pair = indicator * checked.numbering.orgs.count + org
    guard pair < checked.allowed.count else { return refusal(plan.indicators[indicator], for: plan.orgs[org]) }
    if checked.allowed[pair] == 1 { return nil }
    let refusal = refusal(plan.indicators[indicator], for: plan.orgs[org])
    if refusal == nil { checked.allowed[pair] = 1 }
    return refusal
  }

  /// A district may submit only its own figures; a bureau, the figures of indicators it owns;
  /// the commission, any figure.
  func submitterRefusal(org: Org, indicator: Indicator) -> String? {
    guard submitter != plan.commission else { return nil }
    guard let sender = plan.org(submitter) else { return "The submitter '\(submitter)' is not an org of the plan." }
    switch sender.kind {
    case .district where org.id != sender.id:
      return "'\(sender.id)' may submit only its own figures, not those of '\(org.id)'."
    case .bureau where indicator.owner != sender.id:
      return "'\(sender.id)' does not own '\(indicator.id)'; its owner '\(indicator.owner)' or the districts submit it."
    case .leadingGroup:
      return "The leading group does not submit figures."
    case .cooperatingBureau:
      return "'\(sender.id)' co-operates on key tasks and owns no indicator; it does not submit figures."
    default:
      return nil
    }
  }

  /// Noon, China time, of a day written `YYYY-MM-DD`: the moment a figure sent that day is
  /// taken to have arrived.
  public static func noonInChina(_ day: String) -> Date? {
    guard RegisterImport.isDate(day) else { return nil }
    let parts = day.split(separator: "-").compactMap { Int($0) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
  }

  // MARK: - Across rows

  /// A flow reported year to date cannot fall from one quarter to the next within a year.
  private func checkYearToDate(_ checked: CheckedRows, log: DiagnosticLog) {
    let rows = checked.rows
    let kinds = checked.numbering.kinds
    for (index, (row, key)) in zip(rows, checked.keys).enumerated() {
      guard let quarter = row.period.quarter, quarter > 1, kinds[key.indicator] == .flow else {
        continue
      }
      let previous = Period.quarter(quarter - 1, of: row.period.year)
      guard
        let earlier = checked.value(key.at(previous))
          ?? stored(row.indicator, row.org, previous).map({ FigureValue($0) }),
        checked.value(at: index).isLess(than: earlier)
      else { continue }
      log.error(
        "The year-to-date \(row.value) of '\(row.indicator)' for '\(row.org)' in \(row.period) is below \(earlier.decimal) in \(previous); year-to-date figures cannot fall.",
        at: row.start(in: ""))
    }
    // In the other order: a quarter sent after a later one of the same year is already stored.
    for (index, (row, key)) in zip(rows, checked.keys).enumerated() {
      guard let quarter = row.period.quarter, quarter < 4, kinds[key.indicator] == .flow else {
        continue
      }
      let next = Period.quarter(quarter + 1, of: row.period.year)
      guard checked.figures.index(key.at(next)) == nil,
        let later = stored(row.indicator, row.org, next),
        FigureValue(later).isLess(than: checked.value(at: index))
      else { continue }
      log.error(
        "The year-to-date \(row.value) of '\(row.indicator)' for '\(row.org)' in \(row.period) is above \(later), already stored for \(next); year-to-date figures cannot fall.",
        at: row.start(in: ""))
    }
  }

  /// A part cannot exceed its whole (the numerator of a share, its denominator). The two may be
  /// reported at different frequencies: a year of an annual indicator is the 1–12月 (Q4) figure
  /// of a quarterly one.
  private func checkShares(_ checked: CheckedRows, log: DiagnosticLog) {
    let rows = checked.rows
    func value(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> (FigureValue, inFile: Bool)? {
      var period = period
      switch (plan.indicator(indicator)?.frequency, period.quarter) {
      case (.quarterly, nil): period = .quarter(4, of: period.year)
      case (.annual, 4): period = .year(period.year)
      case (.annual, .some): return nil
      default: break
      }
      if let found = checked.value(checked.numbering.key(indicator, org, period)) {
        return (found, true)
      }
      return stored(indicator, org, period).map { (FigureValue($0), false) }
    }
    for derivation in plan.derivations {
      guard let share = derivation.share else { continue }
      for (index, row) in rows.enumerated() where row.indicator == share.part || row.indicator == share.whole {
        let isPart = row.indicator == share.part
        guard let other = value(isPart ? share.whole : share.part, row.org, row.period) else { continue }
        // Report once, on the part's line, when both are in the file.
        if !isPart && other.inFile { continue }
        let (part, whole) = isPart ? (checked.value(at: index), other.0) : (other.0, checked.value(at: index))
        guard whole.isLess(than: part) else { continue }
        log.error(
          "'\(share.part)' (\(part.decimal)) exceeds '\(share.whole)' (\(whole.decimal)) for '\(row.org)' in \(row.period); a part cannot exceed its whole.",
          at: row.start(in: ""))
      }
    }
  }
}
