/// A data-quality flag (数据质量提示) on a row.
public enum DataQualityFlag: String, Sendable, CaseIterable, Codable {
  /// No figure for the period.
  case missing
  /// Reported after the due day, or still missing once it has passed.
  case late
  /// A year-to-date flow below the previous quarter's year-to-date figure.
  case ytdFalls = "ytd_falls"
  /// The districts of an additive indicator do not add up to the city figure.
  case sumMismatch = "sum_mismatch"
  /// Year-on-year growth far from the other districts' (modified z-score). Not tested for counts
  /// and ranks, which move in whole steps.
  case outlierAcrossDistricts = "outlier_across_districts"
  /// Year-on-year growth far from the org's own earlier growth (modified z-score).
  case outlierOverTime = "outlier_over_time"
  /// A count reported for an indicator counted from a register differs from the register's count
  /// at the period's end.
  case registerMismatch = "register_mismatch"

  /// The flag's bit in a row's flag set.
  public var bit: UInt16 {
    switch self {
    case .missing: 1
    case .late: 2
    case .ytdFalls: 4
    case .sumMismatch: 8
    case .outlierAcrossDistricts: 16
    case .outlierOverTime: 32
    case .registerMismatch: 64
    }
  }

  /// The flags whose bits are set in `bits`, in declaration order.
  public static func flags(in bits: UInt16) -> [DataQualityFlag] {
    allCases.filter { bits & $0.bit != 0 }
  }
}
