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

  /// The checked rows of CSV `text` read from `file`, and every problem found (empty when the
  /// file can be imported).
  public func check(_ text: String, file: String) -> (rows: [ObservationInput], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard
      let table = ImportTable.importFile(
        text, file: file, required: Self.requiredColumns, layout: Self.columns, log: log)
    else { return ([], log.sorted) }
    return check(table, log: log)
  }

  /// The checked rows of `table`, and every problem found (empty when it can be imported).
  public func check(_ table: ImportTable) -> (rows: [ObservationInput], diagnostics: [Diagnostic]) {
    let log = DiagnosticLog()
    guard table.hasColumns(Self.requiredColumns, layout: Self.columns, log: log) else { return ([], log.sorted) }
    return check(table, log: log)
  }

  private func check(_ table: ImportTable, log: DiagnosticLog) -> (rows: [ObservationInput], diagnostics: [Diagnostic])
  {
    table.refuseUnknownColumns(known: Self.columns, context: Self.contextColumns, log: log)
    var rows: [ObservationInput] = []
    var firstRow: [String: SourceLocation] = [:]
    for row in table.rows {
      if let input = check(row, log: log) {
        let key = "\(input.indicator)|\(input.org)|\(input.period)"
        if let first = firstRow[key] {
          log.error(
            "This row repeats '\(input.indicator)' for '\(input.org)' in \(input.period), given \(first.within).",
            at: row.start, hint: "keep one of the two rows")
          continue
        }
        firstRow[key] = row.start
        rows.append(input)
      }
    }
    checkYearToDate(rows, log: log)
    checkShares(rows, log: log)
    checkMagnitude(rows, log: log)
    return (log.hasErrors ? [] : rows, log.sorted)
  }

  // MARK: - One row

  private func check(_ row: ImportTable.Row, log: DiagnosticLog) -> ObservationInput? {
    /// Reports `message` at the field of `column`, or at the row's start.
    func fail(_ message: String, at column: String? = nil, hint: String? = nil) -> ObservationInput? {
      log.error(message, at: column.map(row.location(of:)) ?? row.start, hint: hint)
      return nil
    }
    let indicatorText = (row["indicator"] ?? "").trimmingCharacters(in: .whitespaces)
    guard let indicator = plan.indicator(IndicatorID(indicatorText)) else {
      return fail(
        "Unknown indicator '\(indicatorText)'.", at: "indicator",
        hint: Suggestion.hint(for: indicatorText, among: plan.indicators.map(\.id.rawValue)))
    }
    let orgText = (row["org"] ?? "").trimmingCharacters(in: .whitespaces)
    guard let org = plan.org(OrgID(orgText)) ?? plan.orgs.first(where: { $0.name.zh == orgText }) else {
      return fail(
        "Unknown org '\(orgText)'; give its id or its Chinese name.", at: "org",
        hint: Suggestion.hint(for: orgText, among: plan.orgs.map(\.id.rawValue) + plan.orgs.map(\.name.zh)))
    }
    let periodText = row["period"] ?? ""
    guard var period = PeriodText.parse(periodText) else {
      return fail("The period '\(periodText)' is not a period; write 2024Q3, 2024 or 2024年1-9月.", at: "period")
    }
    guard period.year >= plan.baseYear, period.year <= plan.targetYear else {
      return fail("The period \(period) is outside the plan's years \(plan.baseYear)–\(plan.targetYear).", at: "period")
    }
    switch (indicator.frequency, period.quarter) {
    case (.annual, .some):
      return fail(
        "'\(indicator.id)' is reported once a year; give the year (\(period.year)), not \(period).", at: "period")
    case (.quarterly, nil):
      period = .quarter(4, of: period.year)  // a quarterly indicator's year is its 1–12月 figure
    default: break
    }
    if let refusal = refusal(indicator, for: org) { return fail(refusal.message, at: refusal.column) }

    let valueText = (row["value"] ?? "").trimmingCharacters(in: .whitespaces)
    if valueText.isEmpty {
      return fail("No value is given for '\(indicator.id)'; fill in the figure or delete the row.", at: "value")
    }
    var value: Decimal
    switch ExactDecimal(valueText) {
    case .value(let exact): value = exact
    case .tooPrecise(let digits): return fail(ExactDecimal.tooPreciseMessage(valueText, digits: digits), at: "value")
    case .notANumber:
      return fail(
        "The value '\(valueText)' is not a number.", at: "value",
        hint: "write digits with a decimal point only, without separators or words, e.g. 1234.5")
    }
    let unitText = (row["unit"] ?? "").trimmingCharacters(in: .whitespaces)
    if !unitText.isEmpty, let unit = indicator.unit, unitText != unit {
      guard let factor = UnitConversion.factor(from: unitText, to: unit) else {
        return fail(
          "The unit '\(unitText)' cannot be converted to '\(unit)', the unit of '\(indicator.id)'.", at: "unit")
      }
      value *= factor
    }
    if value < 0, indicator.kind != .growthRate {
      return fail("The value \(value) of '\(indicator.id)' cannot be negative.", at: "value")
    }
    let note = row["note"].flatMap { $0.isEmpty ? nil : $0 }
    var reportedAt: Date?
    if let day = row["reported_on"]?.trimmingCharacters(in: .whitespaces), !day.isEmpty {
      guard let date = Self.noonInChina(day) else {
        return fail("The date '\(day)' under 'reported_on' is not a date written YYYY-MM-DD.", at: "reported_on")
      }
      if let refusal = Plausibility.reportedOn(day, period: period, today: today) {
        return fail(refusal, at: "reported_on")
      }
      reportedAt = date
    }
    return ObservationInput(
      indicator: indicator.id, org: org.id, period: period, value: value, note: note, line: row.line,
      location: row.start, reportedAt: reportedAt)
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
  private func checkYearToDate(_ rows: [ObservationInput], log: DiagnosticLog) {
    var inFile: [String: Decimal] = [:]
    for row in rows { inFile["\(row.indicator)|\(row.org)|\(row.period)"] = row.value }
    for row in rows {
      guard let quarter = row.period.quarter, quarter > 1, plan.indicator(row.indicator)?.kind == .flow else {
        continue
      }
      let previous = Period.quarter(quarter - 1, of: row.period.year)
      guard let earlier = inFile["\(row.indicator)|\(row.org)|\(previous)"] ?? stored(row.indicator, row.org, previous),
        row.value < earlier
      else { continue }
      log.error(
        "The year-to-date \(row.value) of '\(row.indicator)' for '\(row.org)' in \(row.period) is below \(earlier) in \(previous); year-to-date figures cannot fall.",
        at: row.start(in: ""))
    }
    // In the other order: a quarter sent after a later one of the same year is already stored.
    for row in rows {
      guard let quarter = row.period.quarter, quarter < 4, plan.indicator(row.indicator)?.kind == .flow else {
        continue
      }
      let next = Period.quarter(quarter + 1, of: row.period.year)
      guard inFile["\(row.indicator)|\(row.org)|\(next)"] == nil, let later = stored(row.indicator, row.org, next),
        row.value > later
      else { continue }
      log.error(
        "The year-to-date \(row.value) of '\(row.indicator)' for '\(row.org)' in \(row.period) is above \(later), already stored for \(next); year-to-date figures cannot fall.",
        at: row.start(in: ""))
    }
  }

  /// A part cannot exceed its whole (the numerator of a share, its denominator). The two may be
  /// reported at different frequencies: a year of an annual indicator is the 1–12月 (Q4) figure
  /// of a quarterly one.
  private func checkShares(_ rows: [ObservationInput], log: DiagnosticLog) {
    var inFile: [String: Decimal] = [:]
    for row in rows { inFile["\(row.indicator)|\(row.org)|\(row.period)"] = row.value }
    func value(_ indicator: IndicatorID, _ org: OrgID, _ period: Period) -> (Decimal, inFile: Bool)? {
      var period = period
      switch (plan.indicator(indicator)?.frequency, period.quarter) {
      case (.quarterly, nil): period = .quarter(4, of: period.year)
      case (.annual, 4): period = .year(period.year)
      case (.annual, .some): return nil
      default: break
      }
      if let found = inFile["\(indicator)|\(org)|\(period)"] { return (found, true) }
      return stored(indicator, org, period).map { ($0, false) }
    }
    for derivation in plan.derivations {
      guard let share = derivation.share else { continue }
      for row in rows where row.indicator == share.part || row.indicator == share.whole {
        let isPart = row.indicator == share.part
        guard let other = value(isPart ? share.whole : share.part, row.org, row.period) else { continue }
        // Report once, on the part's line, when both are in the file.
        if !isPart && other.inFile { continue }
        let (part, whole) = isPart ? (row.value, other.0) : (other.0, row.value)
        guard part > whole else { continue }
        log.error(
          "'\(share.part)' (\(part)) exceeds '\(share.whole)' (\(whole)) for '\(row.org)' in \(row.period); a part cannot exceed its whole.",
          at: row.start(in: ""))
      }
    }
  }
}
