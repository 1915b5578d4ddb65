/// The traffic light (红黄绿灯) of an indicator for an org at a period, from its points behind pace
/// and the bands of `MonitoringSettings.Bands`.
public enum PaceStatus: String, Sendable, CaseIterable, Codable, Comparable {
  /// On pace or ahead (绿灯).
  case green
  /// Behind, within the yellow band (黄灯).
  case yellow
  /// Behind beyond the yellow band (红灯).
  case red
  /// No figure to judge (灰灯).
  case grey

  /// The light for `pointsBehind` (NaN when there is no figure): green when b ≤ 0, yellow when
  /// 0 < b ≤ `yellowLimit`, red beyond, grey for NaN. A tolerance of 10⁻⁹ point keeps a pace of
  /// exactly 90 % (b = 10, computed as 10.000000000000002) yellow.
  public static func light(pointsBehind: Double, yellowLimit: Double) -> PaceStatus {
    if pointsBehind.isNaN { return .grey }
    if pointsBehind <= 1e-9 { return .green }
    return pointsBehind <= yellowLimit + 1e-9 ? .yellow : .red
  }

  /// The Chinese name.
  public var zh: String {
    switch self {
    case .green: "绿"
    case .yellow: "黄"
    case .red: "红"
    case .grey: "灰"
    }
  }

  /// Red < yellow < green; grey, which has no figure, sorts first.
  var rank: Int {
    switch self {
    case .grey: 0
    case .red: 1
    case .yellow: 2
    case .green: 3
    }
  }

  /// Whether `lhs` is a worse light than `rhs` (grey counting as worst).
  public static func < (lhs: PaceStatus, rhs: PaceStatus) -> Bool { lhs.rank < rhs.rank }
}
