import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: year-end projections")
struct MonitoringProjectionTests {
  // Last year: C = 180, 400, 620, 900; this year: C = 200, 450, 690; S_3 = 0.7.
  static let projection = YearEndProjection.flow(
    ytd: 690, quarter: 3, share: 0.7, previousYTD: 450, lastYear: 900, lastYearYTD: 620, lastYearPreviousYTD: 400)

  @Test("Share of year: C_q / S_q = 690 / 0.7 = 985.71")
  func shareOfYear() {
    #expect(close(Self.projection.shareOfYear, 690 / 0.7))
    let elapsed = YearEndProjection.flow(
      ytd: 690, quarter: 3, share: .nan, previousYTD: 450, lastYear: .nan, lastYearYTD: .nan,
      lastYearPreviousYTD: .nan)
    #expect(close(elapsed.shareOfYear, 920))  // 690 / (3/4)
  }

  @Test("Last year's pattern: Y_{y−1} · C_q / C_{q,y−1} = 900 × 690 / 620 = 1001.61")
  func lastYearPattern() {
    #expect(close(Self.projection.lastYearPattern, 900 * 690 / 620.0))
  }

  @Test("Remaining quarters at this year's growth: 690 + (900 − 620) × 240 / 220 = 995.45")
  func remainingQuarters() {
    #expect(close(Self.projection.remainingQuarters, 690 + 280 * 240 / 220.0))
  }

  @Test("The range runs from the lowest method to the highest")
  func range() {
    #expect(close(Self.projection.low, 690 / 0.7))
    #expect(close(Self.projection.high, 900 * 690 / 620.0))
  }

  @Test("At Q1 the growth method equals last year's pattern; at Q4 every method is C_4")
  func firstAndLastQuarter() {
    let q1 = YearEndProjection.flow(
      ytd: 200, quarter: 1, share: 0.2, previousYTD: .nan, lastYear: 900, lastYearYTD: 180, lastYearPreviousYTD: .nan)
    #expect(close(q1.lastYearPattern, 1000) && close(q1.remainingQuarters, 1000) && close(q1.shareOfYear, 1000))
    let q4 = YearEndProjection.flow(
      ytd: 950, quarter: 4, share: 1, previousYTD: 690, lastYear: 900, lastYearYTD: 900, lastYearPreviousYTD: 620)
    #expect(q4.shareOfYear == 950 && q4.lastYearPattern == 950 && q4.remainingQuarters == 950)
  }

  @Test("A method without its inputs gives nothing, and the range uses the others")
  func missingInputs() {
    let p = YearEndProjection.flow(
      ytd: 690, quarter: 3, share: 0.7, previousYTD: 450, lastYear: .nan, lastYearYTD: .nan, lastYearPreviousYTD: .nan)
    #expect(p.lastYearPattern.isNaN && p.remainingQuarters.isNaN)
    #expect(p.low == p.high && close(p.low, 690 / 0.7))
  }

  @Test("The monitor projects a flow's row, and adds earlier years for a cumulative target")
  func monitorRows() throws {
    var grid = MonitoringGrid([
      MonitoringGrid.indicator("mon.output", kind: .flow),
      MonitoringGrid.indicator("mon.listings", kind: .flow, measure: .cumulative, precision: 1, unit: "家"),
    ])
    grid.setShares(0, [0.2, 0.45, 0.7, 1])
    grid.targetPath(
      0, "bureau.a", annual: [2022: 800, 2023: 900, 2024: 1000, 2025: 1100], shares: [0.2, 0.45, 0.7, 1])
    grid.targetPath(1, "bureau.a", annual: [2022: 10, 2023: 20, 2024: 30, 2025: 40])
    grid.setYear(0, "bureau.a", 2023, [180, 400, 620, 900])
    grid.setYear(0, "bureau.a", 2024, [200, 450, 690])
    grid.set(1, "bureau.a", .year(2022), 11)
    grid.setYear(1, "bureau.a", 2023, [2, 5, 8, 12])
    grid.setYear(1, "bureau.a", 2024, [3, 5, 6])
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    let output = try #require(monitor.row("mon.output", "bureau.a")?.projection)
    #expect(close(output.shareOfYear, 690 / 0.7) && close(output.lastYearPattern, 900 * 690 / 620.0))
    #expect(close(output.remainingQuarters, 690 + 280 * 240 / 220.0))
    let listings = try #require(monitor.row("mon.listings", "bureau.a"))
    #expect(listings.actual == 29)  // 11 + 12 + 6
    #expect(listings.milestone == Decimal(string: "27.5", locale: nil))  // 20 + (30 − 20) × 3/4
    let projection = try #require(listings.projection)
    #expect(close(projection.shareOfYear, 23 + 8))  // 6 / 0.75 = 8
    #expect(close(projection.lastYearPattern, 23 + 12 * 6 / 8.0))
    #expect(close(projection.remainingQuarters, 23 + 6 + (12 - 8) * 1 / 3.0))
  }
}
