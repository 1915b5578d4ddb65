import Foundation
import Testing
import ZhibiaoKernel

/// 未报: a figure absent once its period's due day (20 days after the quarter) has passed, as
/// distinct from one not yet due. The grid is `MonitoringPaceTests.flowGrid()`: a flow with the
/// seasonal profile 0.2, 0.45, 0.7, 1 and an annual target of 1000 in 2024.
@Suite("Monitoring: figures not reported by their due day (未报)")
struct ReportingStateTests {
  /// District d2 reported 1–3, 1–6 and 1–9月 2024 but not 1–12月.
  static func grid() -> MonitoringGrid {
    var grid = MonitoringPaceTests.flowGrid()
    grid.setYear(0, "district.d2", 2024, [190, 430, 665.5])
    grid.set(0, "district.d1", .quarter(4, of: 2024), 1000, reportedAt: chinaTime("2025-01-18 10:00"))
    grid.set(0, "district.d3", .quarter(4, of: 2024), 1000, reportedAt: chinaTime("2025-01-21 08:00"))
    return grid
  }

  @Test("Before the due day an absent figure is 待报; from the day after it, 未报, grey, with the due day")
  func beforeAndAfterTheDueDay() throws {
    let grid = Self.grid()
    // The due day of 1–12月 2024 is 20 January 2025: on its evening the figure is not yet due.
    let before = try #require(
      try grid.monitor(.quarter(4, of: 2024), asOf: chinaTime("2025-01-20 18:00")).row("mon.output", "district.d2"))
    #expect(before.status == .grey && before.reporting == .notYetDue && before.dueDay == "2025-01-20")
    #expect(before.reportingNote == LocalizedText(zh: "待报（截止 2025-01-20）", en: "not yet due (due 2025-01-20)"))
    #expect(before.flags == [.missing])

    let after = try #require(
      try grid.monitor(.quarter(4, of: 2024), asOf: chinaTime("2025-01-21 00:00")).row("mon.output", "district.d2"))
    #expect(after.status == .grey && after.reporting == .notReported)
    #expect(after.reportingNote == LocalizedText(zh: "未报（截止 2025-01-20）", en: "not reported (due 2025-01-20)"))
    #expect(after.flags == [.missing, .late])
    // What a provisional assessment can read: the last quarter reported in the year, with S_3.
    let last = try #require(after.lastReported)
    #expect(last.period == .quarter(3, of: 2024))
    #expect(last.value == Decimal(string: "665.5") && last.actual == Decimal(string: "665.5"))
    #expect(last.seasonalShare == Decimal(string: "0.7"))
  }

  @Test("Reported on time, reported late, and absent with no day to judge by are told apart")
  func otherStates() throws {
    let grid = Self.grid()
    let monitor = try grid.monitor(.quarter(4, of: 2024), asOf: chinaTime("2025-02-15 09:00"))
    let onTime = try #require(monitor.row("mon.output", "district.d1"))
    #expect(onTime.reporting == .reported && onTime.reportingNote == nil && onTime.lastReported == nil)
    let late = try #require(monitor.row("mon.output", "district.d3"))
    #expect(late.reporting == .reportedLate && late.status != .grey)
    #expect(late.reportingNote?.zh == "迟报（截止 2025-01-20）")
    // Nothing reported in the whole year: no last quarter to read.
    #expect(monitor.row("mon.output", "district.d4")?.reporting == .notReported)
    #expect(monitor.row("mon.output", "district.d4")?.lastReported == nil)
    // Without an as-of day, lateness is not judged.
    let undated = try grid.monitor(.quarter(4, of: 2024))
    #expect(undated.row("mon.output", "district.d2")?.reporting == .missing)
  }

  @Test("The JSON states the reporting state, its note with the due day, and the last quarter reported")
  func json() throws {
    let monitor = try Self.grid().monitor(.quarter(4, of: 2024), asOf: chinaTime("2025-02-15 09:00"))
    let row = try #require(monitor.row("mon.output", "district.d2"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let object = try #require(
      try JSONSerialization.jsonObject(with: encoder.encode(row)) as? [String: Any])
    #expect(object["reporting"] as? String == "not_reported")
    #expect(object["due_day"] as? String == "2025-01-20")
    #expect((object["reporting_note"] as? [String: String])?["zh"] == "未报（截止 2025-01-20）")
    let last = try #require(object["last_reported"] as? [String: Any])
    #expect(last["period"] as? String == "2024Q3")
    #expect((last["seasonal_share"] as? NSNumber)?.doubleValue == 0.7)
  }
}
