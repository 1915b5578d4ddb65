import Foundation
import ZhibiaoKernel
import ZhibiaoStore

extension Pipeline {
  /// The supervision notices as of `asOf`: raised by the plan's `supervision:` rules from every
  /// quarter's lights and lateness (judged as of `asOf`), with the stored answers and decisions
  /// made by then applied.
  public func notices(asOf: Date) throws -> [Notice] {
    try notices(at: Period.quarter(4, of: workspace.plan.targetYear), asOf: asOf)
  }

  /// The notices from the history of a monitor at `period` (every quarter's, whatever the period).
  func notices(at period: Period, asOf: Date) throws -> [Notice] {
    let plan = workspace.plan
    guard !plan.supervision.levels.isEmpty else { return [] }
    let monitor = try monitor(at: period, asOf: asOf)
    return Supervision.notices(
      rules: plan.supervision, settings: plan.monitoringSettings,
      tracks: monitor.supervisionTracks(monitor.history()), activity: noticeActions.map(\.activity), asOf: asOf)
  }

  /// The notices as of the end of the day `monitoring` was run (none when it names no day): what
  /// its assessment deducts for. The monitor of the same period has just been made, so making it
  /// again cannot fail.
  func noticesAsOfMonitoring(_ monitoring: MonitoringReport) -> [Notice] {
    guard let day = monitoring.asOf, let end = Self.endOfDay(day, settings: workspace.plan.monitoringSettings) else {
      return []
    }
    return (try? notices(at: monitoring.period, asOf: end)) ?? []
  }

  /// The first instant after the day `YYYY-MM-DD` in the settings' time zone.
  static func endOfDay(_ day: String, settings: MonitoringSettings) -> Date? {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = settings.timeZone
    return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + 1))
  }
}
