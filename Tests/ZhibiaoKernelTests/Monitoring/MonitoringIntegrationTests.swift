import Foundation
import Testing
import ZhibiaoKernel

@Suite("Monitoring: a whole plan loaded through the registry")
struct MonitoringIntegrationTests {
  struct Setup {
    let plan: Plan
    let book: TargetBook
    let observations: [ReportedValue]
    let baselines: Baselines

    init(through: Period = .quarter(3, of: 2024)) throws {
      plan = try MonitoringPlanFixture.loadPlan()
      baselines = MonitoringPlanFixture.baselines()
      book = Decomposer(plan: plan, baselines: baselines).targetBook()
      observations = MonitoringPlanFixture.observations(book: book, plan: plan, through: through)
    }

    func monitor(_ period: Period, asOf: Date? = nil) throws -> Monitor {
      try Monitor(
        plan: plan, book: book, observations: observations, registerEntries: MonitoringPlanFixture.registerEntries,
        baselines: baselines, period: period, asOf: asOf)
    }
  }

  @Test("The book decomposes every indicator of the fixture")
  func bookIsComplete() throws {
    let setup = try Setup()
    #expect(setup.book.problems.isEmpty, "\(setup.book.problems)")
  }

  @Test("At 2024Q3: quarterly indicators have a row per org; the laggard is red, the others green")
  func quarter() throws {
    let setup = try Setup()
    let monitor = try setup.monitor(.quarter(3, of: 2024), asOf: chinaTime("2024-11-05 09:00"))
    let report = monitor.report()
    #expect(Set(report.rows.map(\.indicator)) == ["mon.output", "mon.listings", "mon.balance_growth"])
    #expect(report.rows.count == 21)
    #expect(report.rows.first?.org == "bureau.b" && report.rows.first?.isCity == true)

    let output = Dictionary(
      uniqueKeysWithValues: report.rows.filter { $0.indicator == "mon.output" }.map { ($0.org, $0) })
    #expect(output["district.d5"]?.status == .red)
    #expect(close(output["district.d5"]?.pace, 0.8, tolerance: 0.01))
    for org: OrgID in ["district.d1", "district.d2", "district.d3", "district.d6"] {
      #expect(output[org]?.status == .green, "\(org): \(String(describing: output[org]))")
    }
    // District 1 meets its milestone 28.4 although 28.4 / (annual × S_3) is 99.9 %.
    #expect(
      output["district.d1"]?.milestone == Decimal(string: "28.4", locale: nil)
        && output["district.d1"]?.pointsBehind == 0)
    // District 4 did not report: grey, missing and overdue; district 6 reported late.
    #expect(output["district.d4"]?.status == .grey && output["district.d4"]?.flags == [.missing, .late])
    #expect(output["district.d6"]?.flags == [.late] && output["district.d6"]?.reportedOn == "2024-10-25")
    // The city is the sum of the five that reported, so it cannot be checked against the six.
    #expect(output["bureau.b"]?.flags.contains(.sumMismatch) == false)
    #expect(output["bureau.b"]?.projection?.low != nil)

    let growth = try #require(monitor.row("mon.balance_growth", "district.d1"))
    // ((1.12^2.75 B_0)/B_0)^(1/3) − 1 = 10.95 %, against 10 % (balances rounded to 0.1).
    #expect(
      close(growth.actual.map(DecimalArithmetic.double), (pow(1.12, 2.75 / 3) - 1) * 100, tolerance: 0.05)
        && growth.status == .green)
    // The city's balance lacks district 4: its growth is red and its output growth an outlier over time.
    #expect(monitor.row("mon.balance_growth", "bureau.b")?.status == .red)
    #expect(growth.pace == nil && growth.projection == nil)

    let listings = try #require(monitor.row("mon.listings", "district.d1"))
    #expect(listings.measure == .cumulative && listings.status == .green)
  }

  @Test("At the year-end 2023: annual rows, the register count as an increase, the derived ratio, the parity")
  func yearEnd() throws {
    let setup = try Setup()
    let monitor = try setup.monitor(.year(2023))
    let report = monitor.report()
    #expect(
      Set(report.rows.map(\.indicator))
        == [
          "plan.rank", "mon.output", "mon.firms", "mon.fairs", "mon.listings", "mon.share", "mon.balance_growth",
          "mon.level",
        ])
    let fairs = try #require(monitor.row("mon.fairs", "bureau.b"))
    #expect(fairs.value == 4 && fairs.actual == 1 && fairs.measure == .increase)  // 4 fairs, 3 in 2021
    #expect(monitor.row("mon.fairs", "district.d4")?.actual == 1)
    // The city's share reads each input at its own owner: output at bureau.b, GDP at bureau.a.
    let share = try #require(monitor.row("mon.share", "bureau.b"))
    let output = try #require(monitor.actuals.value("mon.output", "bureau.b", .year(2023)))
    let gdp = try #require(monitor.actuals.value("plan.gdp", "bureau.a", .year(2023)))
    // A derived figure is stated at its indicator's precision (0.01).
    let hundredth = try #require(Decimal(string: "0.01", locale: nil))
    #expect(share.value == DecimalArithmetic.rounded(output / gdp * 100, toMultipleOf: hundredth))
    let level = try #require(monitor.row("mon.level", "bureau.b"))
    #expect(level.milestone == 6 && level.actual == 5 && close(level.pointsBehind, 1) && level.status == .yellow)
    let rank = try #require(monitor.row("plan.rank", "bureau.a"))
    #expect(rank.value == 6 && rank.status == .red && rank.midTerm == nil)
    #expect(rank.previousStatus == .red && rank.statusChange == .unchanged)
    let firms = try #require(monitor.row("mon.firms", "district.d1"))
    #expect(firms.status == .green && firms.progress != nil && firms.midTerm != nil)
  }

  @Test("The report filters by org, light and domain, and encodes with the stable keys")
  func filtersAndJSON() throws {
    let setup = try Setup()
    let report = try setup.monitor(.quarter(3, of: 2024)).report()
    #expect(report.filtered(orgs: ["district.d5"]).rows.count == 3)
    #expect(report.filtered(statuses: [.red]).rows.map(\.org) == ["bureau.b", "district.d5", "bureau.b"])
    #expect(report.filtered(domains: ["mon"]).rows.count == 21)
    #expect(report.filtered(domains: ["other"]).rows.isEmpty)
    #expect(
      report.counts[.green, default: 0] + report.counts[.yellow, default: 0] + report.counts[.red, default: 0]
        + report.counts[.grey, default: 0] == 21)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(report), as: UTF8.self)
    for key in [
      "\"actual_ytd\"", "\"milestone_ytd\"", "\"annual_target\"", "\"pace\"", "\"points_behind\"", "\"status\"",
      "\"status_change\"", "\"mid_term\"", "\"growth_ratio\"", "\"growth_status\"", "\"share_of_year\"",
      "\"last_year_pattern\"", "\"remaining_quarters\"", "\"flags\"", "\"warnings\"", "\"reason\"", "\"as_of\"",
    ] {
      #expect(json.contains(key), "missing \(key)")
    }
    #expect(json.contains("\"period\":\"2024Q3\""))
  }

  @Test("Repeating the run gives the same report")
  func deterministic() throws {
    let setup = try Setup()
    #expect(try setup.monitor(.quarter(3, of: 2024)).report() == setup.monitor(.quarter(3, of: 2024)).report())
  }

  @Test("The monitor refuses a period outside the plan")
  func periodOutside() throws {
    let setup = try Setup()
    #expect(throws: Monitor.Failure.self) { try setup.monitor(.quarter(1, of: 2026)) }
  }
}
