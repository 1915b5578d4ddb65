/// Checks that hold for every domain's derived indicators.
extension CrossReferenceChecker {
  /// A derived ratio r_i = n_i / d_i that districts report is averaged by its denominator:
  /// Σ(r_i · d_i) / Σ d_i equals the city ratio Σ n_i / Σ d_i only under that weight, so any
  /// other weighting makes district targets inconsistent with the city's.
  func checkDerivedRatiosAreWeightedByDenominator() {
    for derivation in plan.derivations {
      guard let indicator = plan.indicator(derivation.indicator), indicator.kind == .ratio,
        indicator.aggregation != .cityOnly, let denominator = derivation.inputs.last,
        indicator.aggregation != .weightedMean || indicator.weight != denominator
      else { continue }
      // An unknown weight is reported where it is written; one problem, one message.
      if let weight = indicator.weight, plan.indicator(weight) == nil { continue }
      log.error(
        "The ratio '\(indicator.id)' is \(derivation.formula.en), so districts must be averaged by '\(denominator)'.",
        at: indicator.position(of: "weight"),
        hint: "set 'aggregation: weighted_mean' and 'weight: \(denominator)'")
    }
  }
}
