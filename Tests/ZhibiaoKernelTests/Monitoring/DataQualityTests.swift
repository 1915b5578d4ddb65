import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: data-quality flags")
struct MonitoringDataQualityTests {
  @Test("A missing figure is flagged and grey; once its due day has passed it is also late")
  func missingAndOverdue() throws {
    let grid = MonitoringPaceTests.flowGrid()
    let row = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "district.d2"))
    #expect(row.status == .grey && row.flags == [.missing])
    #expect(row.warnings.first?.reason.zh == "未报送2024年1-9月数据")
    #expect(row.warnings.first?.reason.en == "no figure reported for 2024Q3")
    #expect(row.dueDay == "2024-10-20")

    let before = try grid.monitor(.quarter(3, of: 2024), asOf: chinaTime("2024-10-20 18:00"))
    #expect(before.row("mon.output", "district.d2")?.flags == [.missing])
    let after = try grid.monitor(.quarter(3, of: 2024), asOf: chinaTime("2024-11-01 09:00"))
    let overdue = try #require(after.row("mon.output", "district.d2"))
    #expect(overdue.flags == [.missing, .late])
    #expect(overdue.warnings.last?.reason.zh == "截至 2024-11-01 仍未报送，截止日为 2024-10-20")
    #expect(overdue.warnings.last?.reason.en == "not reported by 2024-11-01; due by 2024-10-20")
  }

  @Test("A figure reported after the 20th day after the quarter is late; on the 20th it is on time")
  func late() throws {
    var grid = MonitoringPaceTests.flowGrid()
    grid.set(0, "district.d1", .quarter(3, of: 2024), 700, reportedAt: chinaTime("2024-10-20 23:59"))
    grid.set(0, "district.d2", .quarter(3, of: 2024), 700, reportedAt: chinaTime("2024-10-21 00:00"))
    grid.set(0, "district.d3", .quarter(4, of: 2024), 1000, reportedAt: chinaTime("2025-01-21 08:00"))
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    #expect(monitor.row("mon.output", "district.d1")?.flags == [])
    let late = try #require(monitor.row("mon.output", "district.d2"))
    #expect(late.flags == [.late] && late.status == .green && late.reportedOn == "2024-10-21")
    #expect(late.warnings.map(\.reason.zh) == ["2024-10-21 报送，晚于截止日 2024-10-20"])
    #expect(late.warnings.map(\.reason.en) == ["reported on 2024-10-21, after the due day 2024-10-20"])
    // Due days are configurable: with 30 days the same figure is on time.
    let relaxed = try grid.monitor(.quarter(3, of: 2024), settings: MonitoringSettings(dueDays: 30))
    #expect(relaxed.row("mon.output", "district.d2")?.flags == [])
    // A year's figures are due 20 days after 31 December.
    #expect(try grid.monitor(.year(2024)).row("mon.output", "district.d3")?.flags == [.late])
    #expect(MonitoringSettings().dueDay(for: .year(2024)) == "2025-01-20")
  }

  @Test("A year-to-date flow below the previous quarter's is flagged")
  func ytdFalls() throws {
    var grid = MonitoringPaceTests.flowGrid()
    grid.setYear(0, "district.d1", 2024, [200, 460, 455])
    grid.setYear(0, "district.d2", 2024, [200, 460, 460])
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    let row = try #require(monitor.row("mon.output", "district.d1"))
    #expect(row.flags == [.ytdFalls])
    #expect(row.warnings.last?.reason.zh == "累计值 455.0 低于上季累计 460.0")
    #expect(monitor.row("mon.output", "district.d2")?.flags == [])
    // Q1 has no previous quarter in the year.
    grid.setYear(0, "district.d3", 2023, [200, 460, 700, 900])
    grid.setYear(0, "district.d3", 2024, [150])
    #expect(
      try grid.monitor(.quarter(1, of: 2024)).row("mon.output", "district.d3")?.flags.contains(.ytdFalls) == false)
  }

  @Test("Districts that do not add up to the city beyond ½ × precision × districts are flagged on the city row")
  func sumMismatch() throws {
    var grid = MonitoringPaceTests.flowGrid()
    let districts = [100.0, 120.0, 80.0, 50.0, 30.0, 19.6]  // 399.6
    for (org, value) in zip(MonitoringGrid.districts, districts) { grid.set(0, org, .quarter(3, of: 2024), value) }
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 400)  // 0.4 off; tolerance 0.5 × 0.1 × 6 = 0.3
    let row = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a"))
    #expect(row.flags.contains(.sumMismatch))
    let reason = try #require(row.warnings.first { $0.kind == .sumMismatch }).reason
    #expect(reason.zh == "各区县合计 399.6，与全市 400.0 相差 0.4，超过容差 0.30")
    #expect(reason.en == "districts add up to 399.6, not the city's 400.0 (difference 0.4, tolerance 0.30)")
    #expect(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "district.d1")?.flags == [])

    grid.set(0, "bureau.a", .quarter(3, of: 2024), 399.8)  // 0.2 off, within the tolerance
    #expect(
      try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a")?.flags.contains(.sumMismatch) == false)
    // With a district missing, the sum is not checked (the district is flagged missing instead).
    grid.set(0, "district.d6", .quarter(3, of: 2024), .nan)
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 500)
    #expect(
      try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a")?.flags.contains(.sumMismatch) == false)
  }

  @Test("Year-on-year growth far from the other districts' is an outlier by the modified z-score")
  func outlierAcrossDistricts() throws {
    var grid = MonitoringPaceTests.flowGrid()
    let growth = [0.10, 0.12, 0.08, 0.11, 0.09, 0.60]
    for (org, g) in zip(MonitoringGrid.districts, growth) {
      grid.set(0, org, .quarter(3, of: 2023), 600)
      grid.set(0, org, .quarter(3, of: 2024), 600 * (1 + g))
    }
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    let outlier = try #require(monitor.row("mon.output", "district.d6"))
    #expect(outlier.flags == [.outlierAcrossDistricts])
    // median 0.105, MAD 0.015: M = 0.6745 × 0.495 / 0.015 = 22.26
    #expect(close(outlier.scoreAcrossDistricts, 0.6745 * 0.495 / 0.015, tolerance: 1e-6))
    #expect(close(outlier.yoyGrowth, 0.6))
    let reason = try #require(outlier.warnings.last).reason
    #expect(reason.zh == "同比增长 60%，在各区县中异常（修正 z 值 22.3，阈值 3.5）")
    #expect(
      reason.en == "year-on-year growth 60% is an outlier among the districts (modified z-score 22.3, threshold 3.5)")
    #expect(monitor.row("mon.output", "district.d1")?.flags == [])
    // The city is not one of the districts.
    #expect(monitor.row("mon.output", "bureau.a")?.scoreAcrossDistricts == nil)
  }

  @Test("When more than half the districts grow alike (MAD = 0) the mean absolute deviation decides")
  func outlierWithMADZero() throws {
    var grid = MonitoringPaceTests.flowGrid()
    let growth = [0.10, 0.10, 0.10, 0.10, 0.12, 0.30]
    for (org, g) in zip(MonitoringGrid.districts, growth) {
      grid.set(0, org, .quarter(3, of: 2023), 500)
      grid.set(0, org, .quarter(3, of: 2024), 500 * (1 + g))
    }
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    // median 0.10, MAD 0, MeanAD = (0.02 + 0.20)/6: M(0.30) = 0.20/(1.253314 × 0.036667) = 4.35
    let outlier = try #require(monitor.row("mon.output", "district.d6"))
    #expect(outlier.flags == [.outlierAcrossDistricts])
    #expect(close(outlier.scoreAcrossDistricts, 0.2 / (1.253314 * 0.22 / 6), tolerance: 1e-6))
    #expect(monitor.row("mon.output", "district.d5")?.flags == [])  // M = 0.44

    // Every district alike: no spread at all, nothing flagged.
    for org in MonitoringGrid.districts { grid.set(0, org, .quarter(3, of: 2024), 550) }
    let flat = try grid.monitor(.quarter(3, of: 2024))
    #expect(MonitoringGrid.districts.allSatisfy { flat.row("mon.output", $0)?.flags == [] })
  }

  @Test("Year-on-year growth far from the org's own past growth is an outlier over time")
  func outlierOverTime() throws {
    var grid = MonitoringPaceTests.flowGrid()
    // 2022 and 2023 grow 10 % a year, 2024 Q1–Q2 too, then Q3 jumps 80 %.
    let base = [100.0, 220, 350, 500]
    grid.setYear(0, "bureau.a", 2021, base)
    grid.setYear(0, "bureau.a", 2022, base.map { $0 * 1.1 })
    grid.setYear(0, "bureau.a", 2023, base.map { $0 * 1.21 })
    grid.setYear(0, "bureau.a", 2024, [133.1, 292.82, 350 * 1.21 * 1.8])
    let row = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a"))
    #expect(row.flags.contains(.outlierOverTime))
    #expect(
      row.warnings.last?.reason.en.hasPrefix("year-on-year growth 80% is an outlier against this org's own") == true)
    // With fewer than five growth rates (2022Q1–Q4) nothing is judged.
    let early = try #require(try grid.monitor(.quarter(4, of: 2022)).row("mon.output", "bureau.a"))
    #expect(early.scoreOverTime == nil && !early.flags.contains(.outlierOverTime))
  }
}
