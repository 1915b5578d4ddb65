import Foundation
import ZhibiaoPlan

/// The days of times of reporting already written in a report, by the bits of the time: a
/// report's figures come in on few days, so a day is mostly found again rather than worked out
/// with the time zone. Kept in a table of 64 places, each time in the place its bits hash to
/// (a new time takes over its place), which is cheaper to look in than a dictionary.
struct ReportedDays {
  private var times = [UInt64](repeating: Double.nan.bitPattern, count: 64)
  private var days = [String](repeating: "", count: 64)

  /// The day of `time` (seconds since the reference date) as `settings.day(of:)` writes it.
  mutating func day(of time: Double, settings: MonitoringSettings) -> String {
    let place = Int(truncatingIfNeeded: (time.bitPattern &* 0x9E37_79B9_7F4A_7C15) >> 58)
    if times[place] == time.bitPattern { return days[place] }
    let day = settings.day(of: Date(timeIntervalSinceReferenceDate: time))
    times[place] = time.bitPattern
    days[place] = day
    return day
  }
}
