import ZhibiaoPlan

/// Where baseline figures come from: a CSV file in the configuration today, the store later.
public protocol BaselineSource: Sendable {
  /// The baselines for `plan`, or every problem found in reading them.
  func baselines(for plan: Plan) throws(ConfigurationErrors) -> Baselines
}
