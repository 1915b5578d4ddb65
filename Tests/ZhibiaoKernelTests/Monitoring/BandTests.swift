import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: bands and changes of light")
struct MonitoringBandTests {
  @Test("Default bands: green on pace, yellow up to 10 points behind, red beyond, grey without a figure")
  func defaultBands() {
    let limit = MonitoringSettings().bands.yellowPoints
    #expect(limit == 10)
    #expect(PaceStatus.light(pointsBehind: -3, yellowLimit: limit) == .green)
    #expect(PaceStatus.light(pointsBehind: 0, yellowLimit: limit) == .green)
    #expect(PaceStatus.light(pointsBehind: 0.01, yellowLimit: limit) == .yellow)
    #expect(PaceStatus.light(pointsBehind: (1 - 0.9) * 100, yellowLimit: limit) == .yellow)
    #expect(PaceStatus.light(pointsBehind: 10.01, yellowLimit: limit) == .red)
    #expect(PaceStatus.light(pointsBehind: .infinity, yellowLimit: limit) == .red)
    #expect(PaceStatus.light(pointsBehind: .nan, yellowLimit: limit) == .grey)
    #expect(MonitoringSettings().bands.rateYellowPoints == 1)
  }

  @Test("Bands come from the settings: with a 5-point yellow band, 7 points behind is red")
  func configuredBands() throws {
    var grid = MonitoringPaceTests.flowGrid()
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 651)  // 93 % of 700
    let settings = MonitoringSettings(bands: .init(yellowPoints: 5, rateYellowPoints: 0.5))
    #expect(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a")?.status == .yellow)
    #expect(try grid.monitor(.quarter(3, of: 2024), settings: settings).row("mon.output", "bureau.a")?.status == .red)
  }

  @Test("The change of light since the previous period")
  func changes() {
    #expect(PaceChange.between(.red, .green) == .improved)
    #expect(PaceChange.between(.yellow, .green) == .improved)
    #expect(PaceChange.between(.green, .yellow) == .worsened)
    #expect(PaceChange.between(.yellow, .yellow) == .unchanged)
    #expect(PaceChange.between(nil, .red) == .new)
    #expect(PaceChange.between(.grey, .green) == .new)
    #expect(PaceChange.between(.green, .grey) == .noData)
    #expect(PaceChange.between(.grey, .grey) == .unchanged)
    #expect(PaceChange.between(nil, .grey) == .unchanged)
  }

  @Test("The previous period of a quarter is the quarter before, across a year-end too")
  func previousPeriod() throws {
    var grid = MonitoringPaceTests.flowGrid()
    grid.setYear(0, "bureau.a", 2023, [150, 340, 560, 900])  // Q3 560 of 630: 88.9 %, red; Q4 on pace
    grid.setYear(0, "bureau.a", 2024, [160, 450, 700])  // Q1 80 %, Q2 on pace
    let q3 = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a"))
    #expect(q3.previousStatus == .green && q3.status == .green && q3.statusChange == .unchanged)
    let q1 = try #require(try grid.monitor(.quarter(1, of: 2024)).row("mon.output", "bureau.a"))
    #expect(q1.previousStatus == .green && q1.status == .red && q1.statusChange == .worsened)
    let q2 = try #require(try grid.monitor(.quarter(2, of: 2024)).row("mon.output", "bureau.a"))
    #expect(q2.previousStatus == .red && q2.statusChange == .improved)
    let q4 = try #require(try grid.monitor(.quarter(4, of: 2023)).row("mon.output", "bureau.a"))
    #expect(q4.previousStatus == .red && q4.status == .green)
    // The first monitored quarter has no previous period with a target.
    #expect(try grid.monitor(.quarter(1, of: 2022)).row("mon.output", "bureau.a")?.previousStatus == nil)
  }
}
