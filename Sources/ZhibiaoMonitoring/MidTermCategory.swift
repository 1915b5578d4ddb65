import ZhibiaoPlan

/// The mid-term category of the plan-period view (目标一致法, the method of China's mid-term plan
/// evaluations): progress p = (x_t − x_0)/(x_T − x_0) from the base year to the target year,
/// against time elapsed τ = t/n.
public enum MidTermCategory: String, Sendable, CaseIterable, Codable {
  /// 提前实现: the latest figure already meets the target-year target.
  case achievedEarly = "achieved_early"
  /// 快于预期: p ≥ τ + `aheadPoints`/100.
  case ahead
  /// 基本符合预期: τ − `behindPoints`/100 ≤ p < τ + `aheadPoints`/100.
  case onTrack = "on_track"
  /// 滞后: p < τ − `behindPoints`/100.
  case behind

  /// The category; nil when progress cannot be computed (no base-year figure, x_T = x_0) and the
  /// target is not met.
  public static func of(
    progress: Double, elapsed: Double, achieved: Bool, settings: MonitoringSettings
  ) -> MidTermCategory? {
    if achieved { return .achievedEarly }
    guard progress.isFinite, elapsed.isFinite else { return nil }
    if progress >= elapsed + settings.aheadPoints / 100 - 1e-12 { return .ahead }
    if progress >= elapsed - settings.behindPoints / 100 - 1e-12 { return .onTrack }
    return .behind
  }

  /// The Chinese name.
  public var zh: String {
    switch self {
    case .achievedEarly: "提前实现"
    case .ahead: "快于预期"
    case .onTrack: "基本符合预期"
    case .behind: "滞后"
    }
  }

  /// The English name.
  public var en: String {
    switch self {
    case .achievedEarly: "achieved early"
    case .ahead: "ahead of schedule"
    case .onTrack: "broadly on schedule"
    case .behind: "behind schedule"
    }
  }
}
