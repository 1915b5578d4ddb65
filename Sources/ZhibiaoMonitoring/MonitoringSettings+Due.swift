import Foundation
import ZhibiaoPlan

/// When figures are due, by the settings' `dueDays` and `timeZone`.
extension MonitoringSettings {
  /// The first instant at which a figure for `period` is late: the start of the day after the due
  /// day, that is the quarter's (or year's) last day + `dueDays` + 1 day, 00:00 in `timeZone`.
  public func dueInstant(for period: Period) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let month = (period.quarter ?? 4) * 3
    // The first day of the month after the period is its last day + 1.
    var components = DateComponents(year: period.year, month: month + 1, day: 1)
    if month == 12 { components = DateComponents(year: period.year + 1, month: 1, day: 1) }
    let dayAfterEnd = calendar.date(from: components)!
    return calendar.date(byAdding: .day, value: dueDays, to: dayAfterEnd)!
  }

  /// The due day itself (the last day a figure is on time), as `YYYY-MM-DD`.
  public func dueDay(for period: Period) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let last = calendar.date(byAdding: .day, value: -1, to: dueInstant(for: period))!
    return Self.day(last, in: calendar)
  }

  /// `date` as `YYYY-MM-DD` in `timeZone`: the civil date of the day number, by Howard Hinnant's
  /// `civil_from_days`, without a calendar object (a report writes one for every figure). The
  /// time is taken to the start of its second before it is moved to 1970, so that no sum rounds
  /// a time just before midnight into the next day, which `dueInstant` would not call late.
  public func day(of date: Date) -> String {
    let seconds =
      date.timeIntervalSinceReferenceDate.rounded(.down) + Date.timeIntervalBetween1970AndReferenceDate
      + Double(timeZone.secondsFromGMT(for: date))
    let days = Int((seconds / 86_400).rounded(.down)) + 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  private static func day(_ date: Date, in calendar: Calendar) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    let pad = { (value: Int?) in value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
    return "\(parts.year ?? 0)-\(pad(parts.month))-\(pad(parts.day))"
  }
}
