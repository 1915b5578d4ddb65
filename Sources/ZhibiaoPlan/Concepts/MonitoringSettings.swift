import Foundation

/// What the commission sets for monitoring (`plan.yaml`, key `monitoring:`): the traffic-light
/// bands, when figures are due, and the thresholds of the outlier test and of the plan-period
/// view. The defaults are those of the monitoring issue; every one can be changed.
public struct MonitoringSettings: Hashable, Sendable {
  /// The traffic-light bands (预警区间), applied to the points an org is behind its pace.
  ///
  /// - amounts (flows, stocks, counts, ranks): points behind b = (1 − ρ) × 100, where ρ is the
  ///   pace (序时进度); green when b ≤ 0 (on pace), yellow when 0 < b ≤ `yellowPoints`, red beyond;
  /// - rates (ratios and growth rates): b is the gap to the year-to-date target in percentage points
  ///   of the rate itself; green when b ≤ 0, yellow when 0 < b ≤ `rateYellowPoints`, red beyond;
  /// - grey when there is no figure.
  public struct Bands: Hashable, Sendable {
    /// How many points behind pace an amount may be and still be yellow (default 10).
    public var yellowPoints: Double
    /// How many percentage points below its year-to-date target a rate may be and still be yellow
    /// (default 1). An assumption of this engine, not of the issue: ten percentage points would
    /// never turn a 4 % R&D intensity red.
    public var rateYellowPoints: Double

    /// Bands with the given limits.
    public init(yellowPoints: Double = 10, rateYellowPoints: Double = 1) {
      self.yellowPoints = yellowPoints
      self.rateYellowPoints = rateYellowPoints
    }
  }

  /// The traffic-light bands.
  public var bands: Bands
  /// Figures for a quarter are due by the end of this day after the quarter's last day (default 20:
  /// figures for 1–9月 are due by the end of 20 October); a figure reported later is late, and a
  /// missing figure is overdue once this day has passed. The same rule applies to annual figures.
  public var dueDays: Int
  /// The time zone in which due days end (default China Standard Time, UTC+8).
  public var timeZone: TimeZone
  /// |M| above which a modified z-score marks an outlier (default 3.5, Iglewicz & Hoaglin 1993).
  public var outlierThreshold: Double
  /// The fewest values a modified z-score is computed from (default 5); fewer flag nothing.
  public var outlierMinimumCount: Int
  /// The least distance from the median, in percentage points of year-on-year growth (or of a
  /// rate's change), that an outlier must have as well as |M| > `outlierThreshold` (default 1).
  /// Without it, districts that grow alike but for rounding have a tiny MAD, and rounding noise
  /// would score far beyond 3.5.
  public var outlierMinimumPoints: Double
  /// Plan-period view (目标一致法): progress at least this many points ahead of time elapsed is
  /// 快于预期 (default 5).
  public var aheadPoints: Double
  /// Plan-period view: progress less than this many points behind time elapsed is still 基本符合预期;
  /// further behind is 滞后 (default 10).
  public var behindPoints: Double
  /// Ratio of actual to required compound growth at or above which progress is substantial (on
  /// track): 0.95, as in Open SDG's `ProgressMeasure.py` (`'high': 0.95`).
  public var substantialProgressRatio: Double
  /// Ratio at or above which progress is moderate: 0.6, as in Open SDG (`'med': 0.6`); below it and
  /// at or above 0 progress is limited, below 0 it is a deterioration.
  public var moderateProgressRatio: Double

  /// Settings; every argument has the default.
  public init(
    bands: Bands = Bands(), dueDays: Int = 20, timeZone: TimeZone = TimeZone(secondsFromGMT: 8 * 3600)!,
    outlierThreshold: Double = 3.5, outlierMinimumCount: Int = 5, outlierMinimumPoints: Double = 1,
    aheadPoints: Double = 5,
    behindPoints: Double = 10, substantialProgressRatio: Double = 0.95, moderateProgressRatio: Double = 0.6
  ) {
    self.bands = bands
    self.dueDays = dueDays
    self.timeZone = timeZone
    self.outlierThreshold = outlierThreshold
    self.outlierMinimumCount = outlierMinimumCount
    self.outlierMinimumPoints = outlierMinimumPoints
    self.aheadPoints = aheadPoints
    self.behindPoints = behindPoints
    self.substantialProgressRatio = substantialProgressRatio
    self.moderateProgressRatio = moderateProgressRatio
  }
}
