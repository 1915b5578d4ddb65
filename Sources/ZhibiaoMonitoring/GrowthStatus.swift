import ZhibiaoPlan

/// The progress status of Open SDG's progress measure (after Statistics Canada, in turn after
/// Eurostat): the ratio of the actual to the required compound annual growth rate, compared with
/// fixed thresholds.
///
/// CR_a = (x_t/x_0)^(1/t) − 1, CR_r = (x_T/x_0)^(1/n) − 1, R = d·CR_a/|CR_r| with d = +1 when more
/// is better and −1 when less is (`methodology_2` in open-sdg/sdg-build `sdg/ProgressMeasure.py`).
/// Thresholds there and in Open SDG's `docs/progress-methodology.md`: R ≥ 0.95 on track
/// (`substantial_progress`), 0.6 ≤ R < 0.95 `moderate_progress` ("progress made but acceleration
/// needed"), 0 ≤ R < 0.6 `limited_progress`, R < 0 `deterioration`; a met target is
/// `target_achieved` whatever R is. (Open SDG's moderate threshold is 0.6, not 0.5.)
public enum GrowthStatus: String, Sendable, CaseIterable, Codable {
  /// The latest figure meets the target-year target.
  case targetAchieved = "target_achieved"
  /// R ≥ 0.95: on track.
  case substantialProgress = "substantial_progress"
  /// 0.6 ≤ R < 0.95: progress, but acceleration needed.
  case moderateProgress = "moderate_progress"
  /// 0 ≤ R < 0.6.
  case limitedProgress = "limited_progress"
  /// R < 0: moving away from the target.
  case deterioration

  /// The status of ratio `ratio` (NaN when it cannot be computed), given whether the target is met.
  @inline(__always)
  public static func of(ratio: Double, achieved: Bool, settings: MonitoringSettings) -> GrowthStatus? {
    if achieved { return .targetAchieved }
    guard ratio.isFinite else { return nil }
    if ratio >= settings.substantialProgressRatio { return .substantialProgress }
    if ratio >= settings.moderateProgressRatio { return .moderateProgress }
    return ratio >= 0 ? .limitedProgress : .deterioration
  }

  /// The Chinese name.
  public var zh: String {
    switch self {
    case .targetAchieved: "已实现目标"
    case .substantialProgress: "进展良好"
    case .moderateProgress: "有进展但需加快"
    case .limitedProgress: "进展有限"
    case .deterioration: "退步"
    }
  }
}
