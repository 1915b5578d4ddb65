import Foundation

extension CrossReferenceChecker {
  /// A decomposition rule names districts that exist and that the indicator applies to, fits
  /// the indicator's kind, and can hold the target: Σpins + Σfloors ≤ T, and when every other
  /// district is capped, Σpins + Σcaps ≥ T.
  func checkDecomposition(_ indicator: Indicator) {
    guard let rule = indicator.decompose else { return }
    let context = "the decomposition rule of indicator '\(indicator.id)'"
    func at(_ field: String) -> SourceLocation {
      rule.positions[field] ?? rule.positions["decompose"] ?? indicator.location
    }
    let districts = plan.districts.map(\.id)
    let eligible = indicator.eligible ?? districts
    for (org, field) in rule.namedOrgs {
      let location = rule.positions["\(field).\(org)"] ?? at(field)
      if !districts.contains(org) {
        log.error(
          "Unknown district '\(org)' under '\(field)' in \(context).", at: location,
          hint: Suggestion.hint(for: org.rawValue, among: districts.map(\.rawValue)))
      } else if !eligible.contains(org) {
        log.error("'\(org)' is under '\(field)' in \(context), but the indicator does not apply to it.", at: location)
      }
    }
    let bounded = !rule.pins.isEmpty || !rule.floors.isEmpty || !rule.caps.isEmpty || !rule.weights.isEmpty
    if bounded && (indicator.aggregation != .sum) {
      log.error(
        "Only additive indicators take pins, floors, caps or weights; '\(indicator.id)' aggregates by '\(indicator.aggregation.rawValue)'.",
        at: at("decompose"))
    }
    if rule.countMethod != nil && !indicator.isCount {
      log.error(
        "'apportion' applies to whole counts; '\(indicator.id)' is in \(indicator.unit ?? "no unit") at precision \(indicator.precision.map { "\($0)" } ?? "none").",
        at: at("apportion"))
    }
    if rule.assumedGrowth != nil && indicator.isTarget {
      log.error(
        "'assumed_growth' projects indicators without targets; '\(indicator.id)' has its own targets.",
        at: at("assumed_growth"))
    }
    if rule.share == .explicit {
      let missing = eligible.filter { rule.weights[$0] == nil && rule.pins[$0] == nil }
      if !missing.isEmpty {
        log.error(
          "The explicit weights in \(context) leave out \(missing.map(\.rawValue).joined(separator: ", ")).",
          at: at("weights"))
      }
    }
    for (org, floor) in rule.floors {
      if let cap = rule.caps[org], cap < floor {
        log.error("The floor \(floor) of '\(org)' is above its cap \(cap) in \(context).", at: at("floors"))
      }
    }
    guard let target = indicator.target(for: plan.targetYear), let total = target.value, target.comparator != .parity
    else { return }
    let pins = rule.pins.values.reduce(0, +)
    let floors = rule.floors.filter { rule.pins[$0.key] == nil }.values.reduce(0, +)
    if pins + floors > total {
      log.error(
        "The pins (\(pins)) and floors (\(floors)) in \(context) add up to \(pins + floors), more than the \(plan.targetYear) target \(total) by \(pins + floors - total).",
        at: at(rule.floors.isEmpty ? "pins" : "floors"))
    }
    let free = eligible.filter { rule.pins[$0] == nil }
    if !rule.caps.isEmpty, free.allSatisfy({ rule.caps[$0] != nil }) {
      let caps = free.map { rule.caps[$0]! }.reduce(0, +)
      if pins + caps < total {
        log.error(
          "The caps in \(context) hold at most \(pins + caps), less than the \(plan.targetYear) target \(total) by \(total - pins - caps).",
          at: at("caps"))
      }
    }
  }
}
