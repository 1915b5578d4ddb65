import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: pace and traffic lights")
struct MonitoringPaceTests {
  static let profile = [0.2, 0.45, 0.7, 1.0]

  /// A flow with S_q = 0.2, 0.45, 0.7, 1 and an annual target of 1000 for every org in 2024.
  static func flowGrid() -> MonitoringGrid {
    var grid = MonitoringGrid([MonitoringGrid.indicator("mon.output", kind: .flow)])
    grid.setShares(0, profile)
    for org in MonitoringGrid.orgs {
      grid.targetPath(0, org, annual: [2022: 800, 2023: 900, 2024: 1000, 2025: 1100], shares: profile)
    }
    return grid
  }

  @Test("A flow's pace is actual / (annual target × S_q): 574 of 1000 × 0.7 is 82 %, 18 points behind")
  func flowPace() throws {
    var grid = Self.flowGrid()
    let actuals: [OrgID: Double] = [
      "bureau.a": 574, "district.d1": 665, "district.d2": 630, "district.d3": 629, "district.d4": 700,
      "district.d5": 740,
    ]
    for (org, value) in actuals { grid.set(0, org, .quarter(3, of: 2024), value) }
    let monitor = try grid.monitor(.quarter(3, of: 2024))

    let city = try #require(monitor.row("mon.output", "bureau.a"))
    #expect(city.isCity && city.milestone == 700 && city.annualTarget == 1000 && city.seasonalShare == 0.7)
    #expect(city.expected == 700 && close(city.pace, 0.82) && close(city.pointsBehind, 18))
    #expect(city.gap == -126)
    #expect(city.status == .red)
    let reason = try #require(city.warnings.first { $0.kind == .behindPace }).reason
    #expect(reason.zh == "序时进度 82%，落后 18 个百分点")
    #expect(reason.en == "pace 82%, 18 points behind")

    let statuses = MonitoringGrid.districts.map { monitor.row("mon.output", $0)?.status }
    // 95 % yellow; exactly 90 % still yellow; 89.86 % red; 100 % and 105.7 % green; no figure grey.
    #expect(statuses == [.yellow, .yellow, .red, .green, .green, .grey])
    #expect(monitor.row("mon.output", "district.d1")?.warnings.first?.reason.en == "pace 95%, 5 points behind")
    #expect(monitor.row("mon.output", "district.d6")?.warnings.map(\.kind) == [.missing])
  }

  @Test("Without a seasonal share the pace uses time elapsed: 720 of 1000 × 3/4 is 96 %")
  func timeElapsed() throws {
    var grid = Self.flowGrid()
    grid.shares = ContiguousArray(repeating: .nan, count: grid.shares.count)
    grid.target(0, "bureau.a", .quarter(3, of: 2024), 750)
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 720)
    let row = try #require(try grid.monitor(.quarter(3, of: 2024)).row("mon.output", "bureau.a"))
    #expect(row.expected == 750 && close(row.pace, 0.96) && row.status == .yellow)
    #expect(row.seasonalShare == nil)
  }

  @Test("A figure on its book milestone is on pace though rounding leaves ρ a hair below 1")
  func roundedMilestone() throws {
    var grid = Self.flowGrid()
    grid.target(0, "district.d1", .quarter(3, of: 2024), 699.9)  // the book rounded this district down
    grid.set(0, "district.d1", .quarter(3, of: 2024), 699.9)
    grid.set(0, "district.d2", .quarter(3, of: 2024), 699.9)
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    let onMilestone = try #require(monitor.row("mon.output", "district.d1"))
    #expect(close(onMilestone.pace, 699.9 / 700) && onMilestone.pointsBehind == 0 && onMilestone.status == .green)
    #expect(monitor.row("mon.output", "district.d2")?.status == .yellow)
  }

  @Test("A row states the pace and points behind that Pace gives, to the bit: behind, ahead, on its milestone")
  func paceToTheBit() throws {
    var grid = Self.flowGrid()
    grid.target(0, "district.d1", .quarter(3, of: 2024), 699.9)
    grid.set(0, "bureau.a", .quarter(3, of: 2024), 574)
    grid.set(0, "district.d1", .quarter(3, of: 2024), 699.9)
    grid.set(0, "district.d2", .quarter(3, of: 2024), 655.3)
    grid.set(0, "district.d3", .quarter(3, of: 2024), 741.7)
    let monitor = try grid.monitor(.quarter(3, of: 2024))
    let cases: [(OrgID, actual: Double, milestone: Double)] = [
      ("bureau.a", 574, 700), ("district.d1", 699.9, 699.9), ("district.d2", 655.3, 700), ("district.d3", 741.7, 700),
    ]
    for (org, actual, milestone) in cases {
      let row = try #require(monitor.row("mon.output", org))
      let pace = Pace.amount(actual: actual, expected: 700, direction: .higher, milestone: milestone)
      #expect(row.expected == 700)
      #expect(row.pace?.bitPattern == pace.ratio.bitPattern, "\(org)")
      #expect(row.pointsBehind?.bitPattern == pace.pointsBehind.bitPattern, "\(org)")
    }
  }

  @Test("A stock is measured against its interpolated milestone: 53 of 58 is 91.4 %, yellow")
  func stockPace() throws {
    var grid = MonitoringGrid([
      MonitoringGrid.indicator("mon.firms", kind: .stock, precision: 1, unit: "家")
    ])
    for org in MonitoringGrid.orgs {
      grid.targetPath(0, org, annual: [2022: 52, 2023: 56, 2024: 60, 2025: 64], from: 50)
    }
    grid.set(0, "bureau.a", .quarter(2, of: 2024), 53)
    let row = try #require(try grid.monitor(.quarter(2, of: 2024)).row("mon.firms", "bureau.a"))
    #expect(row.milestone == 58 && row.expected == 58 && row.seasonalShare == nil)
    #expect(close(row.pace, 53.0 / 58) && close(row.pointsBehind, (1 - 53.0 / 58) * 100))
    #expect(row.status == .yellow)
    #expect(row.warnings.first?.reason.zh == "序时进度 91.4%，落后 8.6 个百分点")
  }

  @Test("A rate's pace is its gap in percentage points: 3.6 % against 3.9 % is 0.3 points behind, yellow")
  func ratePace() throws {
    var grid = MonitoringGrid([
      MonitoringGrid.indicator(
        "mon.share", kind: .ratio, aggregation: .weightedMean, frequency: .annual, precision: 0.01, unit: "%")
    ])
    for org in MonitoringGrid.orgs {
      grid.targetPath(0, org, annual: [2022: 3.6, 2023: 3.7, 2024: 3.9, 2025: 4])
    }
    grid.set(0, "bureau.a", .year(2024), 3.6)
    grid.set(0, "district.d1", .year(2024), 2.8)
    grid.set(0, "district.d2", .year(2024), 4.0)
    let monitor = try grid.monitor(.year(2024))
    let city = try #require(monitor.row("mon.share", "bureau.a"))
    #expect(city.pace == nil && close(city.pointsBehind, 0.3) && city.status == .yellow)
    let gap = Pace.rate(actual: 3.6, milestone: 3.9, direction: .higher).pointsBehind
    #expect(city.pointsBehind?.bitPattern == gap.bitPattern)
    #expect(city.warnings.first?.reason.zh == "低于序时目标 0.3 个百分点（实际 3.60%，目标 3.90%）")
    #expect(
      city.warnings.first?.reason.en
        == "0.3 percentage points below the year-to-date target (actual 3.60%, target 3.90%)")
    #expect(monitor.row("mon.share", "district.d1")?.status == .red)
    #expect(monitor.row("mon.share", "district.d2")?.status == .green)
    // An annual indicator has no row before the year-end.
    #expect(try grid.monitor(.quarter(3, of: 2024)).row("mon.share", "bureau.a") == nil)
  }

  @Test("Lower is better: a rank of 5 against a bound of 4 is a pace of 4/5 = 80 %, red; 3 is green")
  func rankPace() throws {
    var grid = MonitoringGrid([
      MonitoringGrid.indicator(
        "plan.rank", kind: .rank, direction: .lower, aggregation: .cityOnly, frequency: .annual,
        comparator: .atMost, precision: 1, unit: "位", cityOnly: true)
    ])
    grid.targetPath(0, "bureau.a", annual: [2022: 4, 2023: 4, 2024: 4, 2025: 4])
    grid.set(0, "bureau.a", .year(2023), 3)
    grid.set(0, "bureau.a", .year(2024), 5)
    let now = try #require(try grid.monitor(.year(2024)).row("plan.rank", "bureau.a"))
    #expect(close(now.pace, 0.8) && close(now.pointsBehind, 20) && now.status == .red)
    #expect(now.previousStatus == .green && now.statusChange == .worsened)
    let before = try #require(try grid.monitor(.year(2023)).row("plan.rank", "bureau.a"))
    #expect(close(before.pace, 4.0 / 3) && before.status == .green)
  }

  @Test("Pace formulas on their own")
  func formulas() {
    #expect(close(Pace.amount(actual: 574, expected: 700, direction: .higher).ratio, 0.82))
    #expect(close(Pace.amount(actual: 5, expected: 4, direction: .lower).pointsBehind, 20))
    #expect(Pace.expected(milestone: 698, annualTarget: 1000, share: 0.7, quarter: 3, seasonal: true) == 700)
    #expect(Pace.expected(milestone: 698, annualTarget: 1000, share: .nan, quarter: 3, seasonal: true) == 750)
    #expect(Pace.expected(milestone: 58, annualTarget: 60, share: .nan, quarter: 2, seasonal: false) == 58)
    // Nothing due yet: on pace when met, red when not.
    #expect(Pace.amount(actual: 0, expected: 0, direction: .higher).pointsBehind == 0)
    #expect(Pace.amount(actual: -1, expected: 0, direction: .higher).pointsBehind == .infinity)
    #expect(close(Pace.rate(actual: 3.6, milestone: 3.9, direction: .higher).pointsBehind, 0.3))
    #expect(close(Pace.rate(actual: 3.6, milestone: 3.9, direction: .lower).pointsBehind, -0.3))
  }
}
