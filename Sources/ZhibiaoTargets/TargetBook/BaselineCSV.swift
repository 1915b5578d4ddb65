import Foundation
import ZhibiaoPlan

/// Reads baseline figures from CSV (`indicator,org,year,value,basis,source`), checking every
/// row against the plan and reporting every problem with its line.
public enum BaselineCSV {
  /// The columns, in order; `source` may be empty except for reported figures.
  public static let columns = ["indicator", "org", "year", "value", "basis", "source"]

  /// Parses `text` read from `file`, together with the figures the plan's domain files give
  /// (`baselines:` of an indicator); throws every problem found.
  public static func parse(_ text: String, file: String, plan: Plan) throws(ConfigurationErrors) -> Baselines {
    let log = DiagnosticLog()
    let table: ImportTable
    do {
      table = try ImportTable(parsing: text, file: file)
    } catch {
      throw error
    }
    for column in columns where !table.header.contains(column) {
      log.error(
        "The header has no column '\(column)'.", at: SourceLocation(file: file, line: table.headerLine, column: 1),
        hint: Suggestion.hint(for: column, among: table.header))
    }
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }

    let indicatorIDs = plan.indicators.map(\.id.rawValue)
    let orgIDs = plan.orgs.map(\.id.rawValue)
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
      guard let year = Int(yearText) else {
        fail("The year '\(yearText)' is not a year up to \(plan.targetYear).")
        continue
      }
      let valueText = (row["value"] ?? "").trimmingCharacters(in: .whitespaces)
      let value: Decimal
      switch ExactDecimal(valueText) {
      case .value(let exact): value = exact
      case .tooPrecise(let digits):
        fail(ExactDecimal.tooPreciseMessage(valueText, digits: digits))
        continue
      case .notANumber:
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
      entries.append(
        Baseline(
          indicator: indicator.id, org: org.id, year: year, value: value, basis: basis, source: source, location: at))
    }
    let baselines = BaselineRules.admit(entries + plan.indicators.flatMap(\.baselines), plan: plan, log: log)
    if log.hasErrors { throw ConfigurationErrors(log.sorted) }
    return baselines
  }
}
