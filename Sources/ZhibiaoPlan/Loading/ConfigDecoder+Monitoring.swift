import Foundation

extension ConfigDecoder {
  static let monitoringKeys = ["yellow_points", "rate_yellow_points", "due_days", "outlier_threshold"]

  /// `plan.yaml`'s `monitoring:` settings: the traffic-light bands, when quarterly figures
  /// are due, and the outlier threshold.
  func monitoringSettings(_ reader: NodeReader) -> MonitoringSettings {
    var settings = MonitoringSettings()
    guard let mapping = reader.mapping() else { return settings }
    mapping.allowOnly(Self.monitoringKeys, in: "'monitoring'")
    func positive(_ key: String) -> Double? {
      guard let valueReader = mapping.optional(key), let value = valueReader.decimal() else { return nil }
      guard value > 0 else {
        valueReader.error("'\(key)' in 'monitoring' must be greater than zero.")
        return nil
      }
      return DecimalArithmetic.double(value)
    }
    if let points = positive("yellow_points") { settings.bands.yellowPoints = points }
    if let points = positive("rate_yellow_points") { settings.bands.rateYellowPoints = points }
    if let days = mapping.optional("due_days")?.int() {
      if days < 0 { mapping.reader.error("'due_days' in 'monitoring' cannot be negative.") }
      settings.dueDays = days
    }
    if let threshold = positive("outlier_threshold") { settings.outlierThreshold = threshold }
    return settings
  }
}
