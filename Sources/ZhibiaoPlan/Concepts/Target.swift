import Foundation

/// A target of an indicator for a year, as the plan states it.
public struct Target: Hashable, Sendable {
  /// How the value is compared.
  public enum Comparator: String, Sendable, CaseIterable, Codable {
    /// 突破, 超过, 达到, 实现, 以上, 不低于: the value or more.
    case atLeast = "at_least"
    /// The value or less; for ranks, 前四 is rank at most 4.
    case atMost = "at_most"
    /// 相持平: level with another indicator.
    case parity

    /// The mathematical sign for listings.
    public var symbol: String {
      switch self {
      case .atLeast: "≥"
      case .atMost: "≤"
      case .parity: "="
      }
    }
  }

  /// What the value measures.
  public enum Measure: String, Sendable, CaseIterable, Codable {
    /// The indicator's value in the year.
    case level
    /// The increase of a stock since the base year (新增 N 家).
    case increase
    /// The sum of a flow over the years after the base year (新增 N, counted as it happens).
    case cumulative
    /// The average annual growth since the base year (年均增速).
    case averageAnnual = "average_annual"
  }

  /// The year the target is for.
  public var year: Int
  /// How the value is compared.
  public var comparator: Comparator
  /// The value, in the indicator's unit; nil for a parity.
  public var value: Decimal?
  /// What the value measures.
  public var measure: Measure
  /// For a parity: the indicator to be level with.
  public var partner: IndicatorID?

  /// Creates a target.
  public init(
    year: Int, comparator: Comparator, value: Decimal?, measure: Measure = .level,
    partner: IndicatorID? = nil
  ) {
    self.year = year
    self.comparator = comparator
    self.value = value
    self.measure = measure
    self.partner = partner
  }
}

/// How a target is compared.
public typealias Comparator = Target.Comparator
/// What a target's value measures.
public typealias TargetMeasure = Target.Measure

extension Target.Measure {
  /// The words written before a target's comparator: nothing for a level, `新增 ` / `increase `,
  /// `累计新增 ` / `cumulative `, `年均 ` / `average annual `.
  public func prefix(in language: Language) -> String {
    switch (self, language) {
    case (.level, _): ""
    case (.increase, .zh): "新增 "
    case (.increase, .en): "increase "
    case (.cumulative, .zh): "累计新增 "
    case (.cumulative, .en): "cumulative "
    case (.averageAnnual, .zh): "年均 "
    case (.averageAnnual, .en): "average annual "
    }
  }
}
