/// How the traffic light changed since the previous period (the previous quarter of a quarterly
/// indicator, the previous year-end of an annual one).
public enum PaceChange: String, Sendable, CaseIterable, Codable {
  /// Better: red → yellow or green, yellow → green.
  case improved
  /// Worse: green → yellow or red, yellow → red.
  case worsened
  /// The same light (grey → grey included).
  case unchanged
  /// A light where there was none or a grey one before.
  case new
  /// Grey now, where there was a light before: the figure is missing.
  case noData = "no_data"

  /// The change from `previous` (nil when the previous period had no target) to `current`.
  public static func between(_ previous: PaceStatus?, _ current: PaceStatus) -> PaceChange {
    if current == .grey { return previous == nil || previous == .grey ? .unchanged : .noData }
    guard let previous, previous != .grey else { return .new }
    if current == previous { return .unchanged }
    return current > previous ? .improved : .worsened
  }

  /// The Chinese name.
  public var zh: String {
    switch self {
    case .improved: "好转"
    case .worsened: "恶化"
    case .unchanged: "持平"
    case .new: "新增"
    case .noData: "缺数"
    }
  }
}
