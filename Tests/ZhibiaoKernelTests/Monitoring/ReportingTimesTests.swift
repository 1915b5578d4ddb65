import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

@Suite("Monitoring: times of reporting kept to the second")
struct ReportingTimesTests {
  @Test("A time reads back as the start of its second; unknown stays unknown; out of range is kept at the nearer end")
  func roundTrip() {
    var times = ReportingTimes([0, 12.75, -0.25, .nan, 788_918_400.999_999, -1e12, 1e12])
    #expect(times[0] == 0)
    #expect(times[1] == 12)
    #expect(times[2] == -1)
    #expect(times[3].isNaN)
    #expect(times[4] == 788_918_400)
    #expect(times[5] == -978_307_200)  // 1970-01-01
    #expect(times[6] == Double(UInt32.max - 1) - 978_307_200)  // 2106
    times[3] = 5.5
    #expect(times[3] == 5)
    times[0] = .nan
    #expect(times[0].isNaN && times.stored[0] == ReportingTimes.none)
    let unknown = ReportingTimes(count: 3)
    #expect(unknown.count == 3 && unknown.allSatisfy { $0.isNaN })
  }

  @Test(
    "Property: a time is at or after a due instant exactly when its second is, and it and its second fall on the day the lateness says"
  )
  func lateness() async {
    let settings = MonitoringSettings()
    let period = Period.quarter(3, of: 2024)
    let due = settings.dueInstant(for: period).timeIntervalSinceReferenceDate
    let dueDay = settings.dueDay(for: period)
    #expect(due == due.rounded(.down))
    let offsets = Gen.oneOf(Gen.double(in: -3...3), Gen.double(in: -200_000...200_000), Gen.double(in: -1e-6...1e-6))
    await propertyCheck(count: 2000, input: offsets) { offset in
      let time = due + offset
      let kept = ReportingTimes([time])[0]
      let day = settings.day(of: Date(timeIntervalSinceReferenceDate: kept))
      #expect((kept >= due) == (time >= due), "\(offset)")
      // A day after the due day exactly when late: a time a hair before midnight stays on its day.
      #expect((day > dueDay) == (time >= due), "\(offset)")
      // The day of the time itself is the same, however near midnight it falls.
      #expect(day == settings.day(of: Date(timeIntervalSinceReferenceDate: time)), "\(offset)")
    }
  }

  @Test("A figure reported a fraction of a second before its due instant is on time, at it late")
  func monitoredLateness() throws {
    let settings = MonitoringSettings()
    let due = settings.dueInstant(for: .quarter(3, of: 2024))
    var grid = MonitoringPaceTests.flowGrid()
    grid.set(0, "district.d1", .quarter(3, of: 2024), 700, reportedAt: due.addingTimeInterval(-0.001))
    grid.set(0, "district.d2", .quarter(3, of: 2024), 700, reportedAt: due)
    let monitor = try grid.monitor(.quarter(3, of: 2024), settings: settings)
    #expect(monitor.row("mon.output", "district.d1")?.reporting == .reported)
    #expect(monitor.row("mon.output", "district.d1")?.flags == [])
    #expect(monitor.row("mon.output", "district.d2")?.reporting == .reportedLate)
    #expect(monitor.row("mon.output", "district.d2")?.flags == [.late])
  }
}
