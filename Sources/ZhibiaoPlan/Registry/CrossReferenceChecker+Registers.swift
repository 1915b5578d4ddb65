extension CrossReferenceChecker {
  /// A count of a register names a register that exists, levels it has, and is a whole count.
  func checkRegisterCount(_ indicator: Indicator) {
    guard let count = indicator.countOf else { return }
    let location = indicator.position(of: "count_of")
    guard let register = plan.register(count.register) else {
      log.error(
        "Unknown register '\(count.register)' in 'count_of' of indicator '\(indicator.id)'.", at: location,
        hint: Suggestion.hint(for: count.register.rawValue, among: plan.registers.map(\.id.rawValue)))
      return
    }
    for level in count.levels where !register.levels.contains(level) {
      log.error(
        "The register '\(register.id)' has no level '\(level)'; its levels are \(register.levels.joined(separator: "、")).",
        at: location, hint: Suggestion.hint(for: level, among: register.levels))
    }
    if !indicator.isCount {
      log.error(
        "The count of a register is whole: '\(indicator.id)' needs a count unit and 'precision: 1'.", at: location)
    }
  }
}
