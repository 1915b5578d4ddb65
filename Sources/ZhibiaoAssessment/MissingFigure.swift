import Foundation
import ZhibiaoMonitoring
import ZhibiaoPlan
import ZhibiaoScoring

/// Why an item's figure is missing — its period, its due day, whether that day has passed — and
/// what the org reported before it in the same year: what the scheme's rule for missing figures
/// (`MissingFigureRule`) reads.
public struct MissingFigure: Hashable, Sendable {
  /// The period whose figure is missing (`2024Q4`, year to date).
  public var period: Period
  /// The last day it was due (`YYYY-MM-DD`).
  public var dueDay: String
  /// 未报 once the due day has passed, 待报 before it, 缺报 when no day was given to judge by.
  public var reporting: ReportingState
  /// The last figure reported in the same year before `period`, if any.
  public var lastReported: MonitoringRow.LastReported?
  /// The cumulative seasonal share S_q of `period` (1 for a fourth quarter) for a seasonal flow.
  public var seasonalShare: Decimal?

  /// Creates a note.
  public init(
    period: Period, dueDay: String, reporting: ReportingState, lastReported: MonitoringRow.LastReported? = nil,
    seasonalShare: Decimal? = nil
  ) {
    self.period = period
    self.dueDay = dueDay
    self.reporting = reporting
    self.lastReported = lastReported
    self.seasonalShare = seasonalShare
  }

  /// The note of a monitoring row without a figure; nil for a row that has one.
  public init?(_ row: MonitoringRow) {
    guard row.reporting.isAbsent else { return nil }
    self.init(
      period: row.period, dueDay: row.dueDay, reporting: row.reporting, lastReported: row.lastReported,
      seasonalShare: row.seasonalShare.flatMap { Decimal(string: "\($0)", locale: nil) })
  }

  /// The provisional figure `missing: last_quarter` scores: the last quarter's actual C_p, for a
  /// seasonal flow projected to the missing period by the book's seasonal shares,
  ///
  ///     P = C_p × S_q ÷ S_p          (S_q = 1 for the year: P = C_p ÷ S_p, 全年 = 1–9月 ÷ S_3)
  ///
  /// (the share-of-year projection of `YearEndProjection`, in exact decimals), and for anything
  /// else — stocks, counts, rates — C_p as it is, since a level reached by the third quarter is
  /// the best statement of the level at the fourth. Nil when nothing was reported in the year.
  public var provisional: Decimal? {
    guard let last = lastReported else { return nil }
    guard let projection else { return last.actual }
    return last.actual * projection.to / projection.from
  }

  /// The shares S_p and S_q a seasonal flow's last figure is projected by; nil when it is taken
  /// as it is.
  var projection: (from: Decimal, to: Decimal)? {
    guard let from = lastReported?.seasonalShare, let to = seasonalShare, from > 0, from != to else { return nil }
    return (from, to)
  }

  /// The period in words: "2024年第四季度（1-12月）", "fourth-quarter 2024 (Jan–Dec)".
  static func name(of period: Period) -> LocalizedText {
    guard let quarter = period.quarter else { return LocalizedText(zh: period.zh, en: period.description) }
    let zh = ["一", "二", "三", "四"][quarter - 1]
    let en = ["first", "second", "third", "fourth"][quarter - 1]
    let months = ["Jan–Mar", "Jan–Jun", "Jan–Sep", "Jan–Dec"][quarter - 1]
    return LocalizedText(
      zh: "\(period.year)年第\(zh)季度（1-\(quarter * 3)月）", en: "\(en)-quarter \(period.year) (\(months))")
  }

  /// Why the figure is missing: "未报2024年第四季度（1-12月）数据（截止 2025-01-20）".
  public var reason: LocalizedText {
    let name = Self.name(of: period)
    switch reporting {
    case .notYetDue:
      return LocalizedText(
        zh: "\(name.zh)数据待报（截止 \(dueDay)）", en: "the \(name.en) figure is not yet due (due \(dueDay))")
    case .notReported:
      return LocalizedText(
        zh: "未报\(name.zh)数据（截止 \(dueDay)）", en: "the \(name.en) figure was not reported (due \(dueDay))")
    case .missing, .reported, .reportedLate:
      return LocalizedText(zh: "缺\(name.zh)数据", en: "no \(name.en) figure")
    }
  }
}

extension AssessmentFigure {
  /// The figure of a monitoring row: its actual in the target's measure against `target`, with
  /// the note of a figure not reported.
  public init(_ row: MonitoringRow, target: Decimal?) {
    self.init(actual: row.actual, target: target, missing: MissingFigure(row))
  }

  /// The figure scored under `rule`: under `last_quarter`, a missing actual is the provisional
  /// figure from the last quarter reported; otherwise the figure as given.
  public func scored(under rule: MissingFigureRule) -> AssessmentFigure {
    guard rule == .lastQuarter, actual == nil, let missing, let provisional = missing.provisional else { return self }
    var figure = self
    figure.actual = provisional
    return figure
  }
}
