import ZhibiaoPlan

/// A warning on a row — a yellow or red light, or a data-quality flag — with a one-line reason in
/// Chinese and English that names the figures it rests on.
public struct MonitoringWarning: Hashable, Sendable, Encodable {
  /// What is warned of.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// Behind pace: a yellow or red light.
    case behindPace = "behind_pace"
    /// No figure.
    case missing
    /// Late or overdue.
    case late
    /// A year-to-date flow that fell.
    case ytdFalls = "ytd_falls"
    /// Districts that do not add up to the city.
    case sumMismatch = "sum_mismatch"
    /// An outlier among the districts.
    case outlierAcrossDistricts = "outlier_across_districts"
    /// An outlier against the org's own history.
    case outlierOverTime = "outlier_over_time"
    /// A reported count that disagrees with its register.
    case registerMismatch = "register_mismatch"

    /// The kind of a data-quality flag.
    public init(_ flag: DataQualityFlag) {
      self =
        switch flag {
        case .missing: .missing
        case .late: .late
        case .ytdFalls: .ytdFalls
        case .sumMismatch: .sumMismatch
        case .outlierAcrossDistricts: .outlierAcrossDistricts
        case .outlierOverTime: .outlierOverTime
        case .registerMismatch: .registerMismatch
        }
    }
  }

  /// What is warned of.
  public var kind: Kind
  /// Why, in one line.
  public var reason: LocalizedText

  /// A warning.
  public init(kind: Kind, reason: LocalizedText) {
    self.kind = kind
    self.reason = reason
  }
}
