extension Indicator {
  /// What kind of quantity an indicator is.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// A flow over a period (流量), reported year-to-date: revenue, value added.
    case flow
    /// A stock at a point in time (存量): a count of recognised entities, a loan balance.
    case stock
    /// A ratio of two quantities, in percent: R&D spending / GDP.
    case ratio
    /// A growth rate, in percent: 绿色贷款年均增速.
    case growthRate = "growth_rate"
    /// A national rank (lower is better).
    case rank
    /// An aim stated in words.
    case qualitative

    /// The Chinese term used in listings.
    public var zh: String {
      switch self {
      case .flow: "流量"
      case .stock: "存量"
      case .ratio: "比率"
      case .growthRate: "增速"
      case .rank: "排名"
      case .qualitative: "定性"
      }
    }
  }

  /// Whether a higher or a lower value is better.
  public enum Direction: String, Sendable, CaseIterable, Codable {
    case higher, lower
  }

  /// Binding (约束性) or expected (预期性), as Chinese plans classify indicators.
  public enum Binding: String, Sendable, CaseIterable, Codable {
    case binding, expected

    /// The Chinese term.
    public var zh: String { self == .binding ? "约束性" : "预期性" }
  }

  /// How district figures combine into the city's.
  public enum Aggregation: String, Sendable, CaseIterable, Codable {
    /// The city figure is the sum of the districts'.
    case sum
    /// The city figure is the mean of the districts', weighted by another indicator.
    case weightedMean = "weighted_mean"
    /// Only the city has a figure (a national rank, a parity aim, a qualitative aim).
    case cityOnly = "city_only"
  }

  /// How often figures are reported.
  public enum Frequency: String, Sendable, CaseIterable, Codable {
    case quarterly, annual
  }
}

/// The kind of an indicator.
public typealias IndicatorKind = Indicator.Kind
