import Foundation

/// Reads baseline figures from CSV (`indicator,org,year,value,basis,source`), checking every
/// row against the plan and reporting every problem with its line.
public enum BaselineCSV {
  /// The columns, in order; `source` may be empty except for reported figures.
  public static let columns = ["indicator", "org", "year", "value", "basis", "source"]

  /// Parses `text` read from `file`; throws every problem found.
  public static func parse(_ text: String, file: String, plan: Plan) throws(ConfigurationErrors) -> Baselines {
    let log = DiagnosticLog()
    let table: CSVTable
    do {
      table = try CSVTable(parsing: text, file: file)
    } catch {
      throw ConfigurationErrors([error])
    }
    for column in columns where !table.header.contains(column) {
      log.error(
        "The header has no column '\(column)'.", at: SourceLocation(file: file, line: table.headerLine, column: 1),
        hint: Suggestion.hint(for: column, among: table.header))
    }
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }

    let indicatorIDs = plan.indicators.map(\.id.rawValue)
    let orgIDs = plan.orgs.map(\.id.rawValue)
    var seen: [String: Int] = [:]
    var entries: [Baseline] = []
    for row in table.rows {
      let at = SourceLocation(file: file, line: row.line, column: 1)
      func fail(_ message: String, hint: String? = nil) { log.error(message, at: at, hint: hint) }
      let indicatorText = row["indicator"] ?? ""
      let orgText = row["org"] ?? ""
      guard let indicator = plan.indicator(IndicatorID(indicatorText)) else {
        fail(
          "Unknown indicator '\(indicatorText)'.", hint: Suggestion.hint(for: indicatorText, among: indicatorIDs))
        continue
      }
      guard let org = plan.org(OrgID(orgText)) else {
        fail("Unknown org '\(orgText)'.", hint: Suggestion.hint(for: orgText, among: orgIDs))
        continue
      }
      let yearText = row["year"] ?? ""
      guard let year = Int(yearText), year >= 1949, year <= plan.targetYear else {
        fail("The year '\(yearText)' is not a year up to \(plan.targetYear).")
        continue
      }
      let valueText = (row["value"] ?? "").trimmingCharacters(in: .whitespaces)
      guard NodeReader.isDecimalLiteral(valueText), let value = Decimal(string: valueText, locale: nil) else {
        fail(
          "The value '\(valueText)' is not a plain decimal number.", hint: "write it in \(indicator.unit ?? "the unit")"
        )
        continue
      }
      let basisText = row["basis"] ?? ""
      guard let basis = Baseline.Basis(rawValue: basisText) else {
        fail(
          "The basis '\(basisText)' is neither 'reported' nor 'illustrative'.",
          hint: Suggestion.hint(for: basisText, among: Baseline.Basis.allCases.map(\.rawValue)))
        continue
      }
      let source = row["source"].flatMap { $0.isEmpty ? nil : $0 }
      if basis == .reported, source == nil {
        fail("A reported figure must name its source.")
      }
      if org.kind == .district {
        if indicator.aggregation == .cityOnly {
          fail("'\(indicator.id)' is a city-only figure; a district has no value of it.")
        } else if let eligible = indicator.eligible, !eligible.contains(org.id) {
          fail("'\(org.id)' is not among the districts '\(indicator.id)' applies to.")
        }
      } else if org.id != indicator.owner {
        fail("The city figure of '\(indicator.id)' belongs to its owner '\(indicator.owner)', not '\(org.id)'.")
      }
      if value < 0, indicator.kind != .growthRate {
        fail("The value \(value) of '\(indicator.id)' cannot be negative.")
      }
      if let precision = indicator.precision, !DecimalArithmetic.isMultiple(value, of: precision) {
        fail("The value \(value) of '\(indicator.id)' is finer than its precision \(precision).")
      }
      let key = "\(indicator.id)|\(org.id)|\(year)"
      if let first = seen[key] {
        fail("This row repeats the figure of '\(indicator.id)' for '\(org.id)' in \(year) given on line \(first).")
        continue
      }
      seen[key] = row.line
      entries.append(
        Baseline(
          indicator: indicator.id, org: org.id, year: year, value: value, basis: basis, source: source, location: at))
    }
    let baselines = Baselines(entries)
    checkSums(baselines, plan: plan, log: log)
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }
    return baselines
  }

  /// For an additive indicator with a city figure and every eligible district's, the districts
  /// should add up to the city. Published figures may not tie exactly, so this warns.
  private static func checkSums(_ baselines: Baselines, plan: Plan, log: DiagnosticLog) {
    let years = Set(baselines.entries.map(\.year))
    for indicator in plan.indicators where indicator.aggregation == .sum {
      let districts = indicator.eligible ?? plan.districts.map(\.id)
      for year in years.sorted() {
        guard let city = baselines.baseline(indicator.id, indicator.owner, year: year) else { continue }
        let parts = districts.compactMap { baselines.value(indicator.id, $0, year: year) }
        guard parts.count == districts.count else { continue }
        let sum = parts.reduce(0, +)
        if sum != city.value {
          log.warning(
            "The districts' \(year) figures of '\(indicator.id)' add up to \(sum), not the city's \(city.value).",
            at: city.location)
        }
      }
    }
  }
}
