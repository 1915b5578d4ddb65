/// A reporting period: a year, or the year to date through a quarter (Chinese statistics
/// report quarters cumulatively: 1–3月, 1–6月, 1–9月, 1–12月).
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public var year: Int
  /// The quarter 1–4 for a year-to-date period, nil for the whole year.
  public var quarter: Int?

  /// The whole of `year`.
  public static func year(_ year: Int) -> Period { Period(year: year, quarter: nil) }

  /// The year to date through `quarter` of `year`.
  public static func quarter(_ quarter: Int, of year: Int) -> Period { Period(year: year, quarter: quarter) }

  /// Parses `2024` or `2024Q3`.
  public init?(_ text: String) {
    let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
    // Digits only: Int("+024") would read a sign as part of the year.
    let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    guard (1...2).contains(parts.count), parts[0].count == 4, isDigits(parts[0]), let year = Int(parts[0])
    else { return nil }
    if parts.count == 2 {
      guard isDigits(parts[1]), let quarter = Int(parts[1]), (1...4).contains(quarter) else { return nil }
      self.init(year: year, quarter: quarter)
    } else {
      self.init(year: year, quarter: nil)
    }
  }

  private init(year: Int, quarter: Int?) {
    self.year = year
    self.quarter = quarter
  }

  /// The number of months the period covers from January (3, 6, 9 or 12).
  public var months: Int { (quarter ?? 4) * 3 }

  /// `2024` or `2024Q3`.
  public var description: String { quarter.map { "\(year)Q\($0)" } ?? "\(year)" }

  /// `2024年` or `2024年1-9月`.
  public var zh: String { quarter.map { "\(year)年1-\($0 * 3)月" } ?? "\(year)年" }

  /// Years sort before their quarters' ends: 2024Q1 < 2024Q4 < 2024 < 2025Q1.
  public static func < (lhs: Period, rhs: Period) -> Bool {
    (lhs.year, lhs.quarter ?? 5) < (rhs.year, rhs.quarter ?? 5)
  }
}
