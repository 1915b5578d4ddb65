import ZhibiaoPlan

/// Whether a row's figure is in, judged against its period's due day (`MonitoringSettings.dueDays`
/// after the quarter's last day) as of the day monitoring is run.
///
/// A figure that is absent once its due day has passed is 未报 (not reported): the light stays grey
/// and the row names the due day, and the assessment applies the scheme's rule for missing figures.
/// Before the due day an absent figure is only 待报 (not yet due).
public enum ReportingState: String, Hashable, Sendable, CaseIterable, Codable {
  /// Reported by its due day (已报), or reported with no time to judge.
  case reported
  /// Reported after its due day (迟报).
  case reportedLate = "reported_late"
  /// No figure, and the due day has not passed as of the day monitored (待报).
  case notYetDue = "not_yet_due"
  /// No figure, and the due day has passed (未报).
  case notReported = "not_reported"
  /// No figure, and no day was given to judge the due day by (缺报).
  case missing

  /// The state of a figure: `hasFigure`, reported at `reportedAt` (seconds since 2001, NaN when
  /// unknown), for a period late from `due` on, as of `asOf` (NaN when not given).
  static func of(hasFigure: Bool, reportedAt: Double, due: Double, asOf: Double) -> ReportingState {
    if hasFigure { return reportedAt >= due ? .reportedLate : .reported }
    if asOf.isNaN { return .missing }
    return asOf >= due ? .notReported : .notYetDue
  }

  /// Whether the row has no figure.
  public var isAbsent: Bool { self == .notYetDue || self == .notReported || self == .missing }

  /// The state in a word: 已报, 迟报, 待报, 未报, 缺报.
  public var name: LocalizedText {
    switch self {
    case .reported: LocalizedText(zh: "已报", en: "reported")
    case .reportedLate: LocalizedText(zh: "迟报", en: "reported late")
    case .notYetDue: LocalizedText(zh: "待报", en: "not yet due")
    case .notReported: LocalizedText(zh: "未报", en: "not reported")
    case .missing: LocalizedText(zh: "缺报", en: "no figure")
    }
  }

  /// The state with the due day where it matters: "未报（截止 2025-01-20）", "待报（截止 …）";
  /// nil for a figure reported on time.
  public func note(dueDay: String) -> LocalizedText? {
    switch self {
    case .reported: nil
    case .missing: name
    case .reportedLate, .notYetDue, .notReported:
      LocalizedText(zh: "\(name.zh)（截止 \(dueDay)）", en: "\(name.en) (due \(dueDay))")
    }
  }
}
