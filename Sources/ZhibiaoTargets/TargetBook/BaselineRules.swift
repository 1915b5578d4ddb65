import Foundation
import ZhibiaoPlan

/// What every base-year figure must satisfy, wherever it is written (`baselines.csv` or an
/// indicator's `baselines:` in its domain file).
enum BaselineRules {
  /// The figures that pass every rule, each problem reported at the figure; a figure given twice
  /// is reported at the second.
  static func admit(_ candidates: [Baseline], plan: Plan, log: DiagnosticLog) -> Baselines {
    var seen: [String: SourceLocation] = [:]
    var entries: [Baseline] = []
    for entry in candidates {
      func fail(_ message: String, hint: String? = nil) { log.error(message, at: entry.location, hint: hint) }
      guard let indicator = plan.indicator(entry.indicator) else { continue }
      guard let org = plan.org(entry.org) else {
        fail(
          "Unknown org '\(entry.org)'.",
          hint: Suggestion.hint(for: entry.org.rawValue, among: plan.orgs.map(\.id.rawValue)))
        continue
      }
      guard (1949...plan.targetYear).contains(entry.year) else {
        fail("The year '\(entry.year)' is not a year up to \(plan.targetYear).")
        continue
      }
      guard DecimalArithmetic.fitsUnits(entry.value, of: indicator.precision) else {
        fail(
          "The figure \(entry.value) is too large to decompose exactly: at most 10^15 units of the precision "
            + "\(indicator.precision ?? 1) of '\(indicator.id)'.")
        continue
      }
      if entry.basis != .illustrative, entry.source == nil {
        fail("A \(entry.basis == .reported ? "reported" : "carried-over") figure must name its source.")
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
      if entry.value < 0, indicator.kind != .growthRate {
        fail("The value \(entry.value) of '\(indicator.id)' cannot be negative.")
      }
      if let precision = indicator.precision, !DecimalArithmetic.isMultiple(entry.value, of: precision) {
        fail("The value \(entry.value) of '\(indicator.id)' is finer than its precision \(precision).")
      }
      let key = "\(indicator.id)|\(org.id)|\(entry.year)"
      if let first = seen[key] {
        let place = first.file == entry.location.file ? "on line \(first.line)" : "at \(first)"
        fail("This row repeats the figure of '\(indicator.id)' for '\(org.id)' in \(entry.year) given \(place).")
        continue
      }
      seen[key] = entry.location
      entries.append(entry)
    }
    let baselines = Baselines(entries)
    checkSums(baselines, plan: plan, log: log)
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
