import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

/// A random grid and a random sequence of changed figures.
struct IncrementalCase: Sendable, CustomStringConvertible {
  struct Change: Sendable {
    var indicator: Int
    var org: Int
    var slot: Int
    var value: Double
    var reportedAt: Double
  }

  var values: [Double]
  var reportedAt: [Double]
  var targets: [Double]
  var period: Period
  var changes: [Change]

  var description: String { "period \(period), changes \(changes.map { ($0.indicator, $0.org, $0.slot, $0.value) })" }

  /// A flow (seasonal), a count with an increase target (annual), a rate where less is better, a
  /// cumulative flow, and a parity on the rate.
  static let indicators: [MonitoredIndicator] = [
    MonitoringGrid.indicator("mon.output", kind: .flow),
    MonitoringGrid.indicator(
      "mon.firms", kind: .stock, frequency: .annual, measure: .increase, precision: 1, unit: "家"),
    MonitoringGrid.indicator(
      "mon.cost", kind: .ratio, direction: .lower, aggregation: .weightedMean, comparator: .atMost, precision: 0.01,
      unit: "%"),
    MonitoringGrid.indicator("mon.listings", kind: .flow, measure: .cumulative, precision: 1, unit: "家"),
    MonitoringGrid.indicator(
      "mon.level", kind: .ratio, aggregation: .cityOnly, frequency: .annual, comparator: .parity, unit: "%",
      cityOnly: true, partner: 2),
  ]

  static var generator: Generator<IncrementalCase, Shrink.None<IncrementalCase>> {
    Generator { rng in
      let orgs = MonitoringGrid.orgs.count
      let slots = MonitoringGrid.axis.count
      let count = indicators.count * orgs * slots
      let dueBase = chinaTime("2022-01-01 00:00").timeIntervalSinceReferenceDate
      func randomValue(_ rng: inout any SeededRandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return .nan
        case 1: return 0
        case 2: return Double(Int.random(in: 0...3, using: &rng))  // ties, so that MAD is often 0
        default: return Double(Int.random(in: 1...4000, using: &rng)) / 10
        }
      }
      func randomTime(_ rng: inout any SeededRandomNumberGenerator) -> Double {
        Int.random(in: 0..<3, using: &rng) == 0
          ? .nan : dueBase + Double(Int.random(in: 0...(4 * 365), using: &rng)) * 86400
      }
      var values: [Double] = []
      var reportedAt: [Double] = []
      for _ in 0..<count {
        values.append(randomValue(&rng))
        reportedAt.append(randomTime(&rng))
      }
      let targets = (0..<count).map { index -> Double in
        // No targets in the base year; a few missing elsewhere.
        index % slots < 4 || Int.random(in: 0..<20, using: &rng) == 0
          ? .nan : Double(Int.random(in: 1...3000, using: &rng)) / 10
      }
      let slot = Int.random(in: 4..<slots, using: &rng)
      let changes = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
        Change(
          indicator: Int.random(in: 0..<indicators.count, using: &rng), org: Int.random(in: 0..<orgs, using: &rng),
          slot: Int.random(in: 0..<slots, using: &rng), value: randomValue(&rng), reportedAt: randomTime(&rng))
      }
      return IncrementalCase(
        values: values, reportedAt: reportedAt, targets: targets,
        period: MonitoringGrid.axis.period(ofSlot: slot), changes: changes)
    }
  }

  var grid: MonitoringGrid {
    var grid = MonitoringGrid(Self.indicators)
    grid.values = ContiguousArray(values)
    grid.reportedAt = ContiguousArray(reportedAt)
    grid.targets = ContiguousArray(targets)
    grid.setShares(0, [0.21, 0.47, 0.72, 1])
    return grid
  }
}

@Suite("Monitoring: incremental recompute")
struct MonitoringIncrementalTests {
  static let settings = MonitoringSettings(outlierMinimumCount: 3, outlierMinimumPoints: 0)

  @Test("After any sequence of changed figures, the incremental result equals a full recompute")
  func incrementalEqualsFull() async throws {
    await propertyCheck(count: 300, input: IncrementalCase.generator) { testCase in
      let grid = testCase.grid
      let asOf = chinaTime("2024-06-30 12:00")
      guard var monitor = try? grid.monitor(testCase.period, settings: Self.settings, asOf: asOf) else {
        Issue.record("no monitor for \(testCase)")
        return
      }
      for change in testCase.changes {
        monitor.update(
          Actuals.Cell(indicator: change.indicator, org: change.org, slot: change.slot), value: change.value,
          reportedAt: change.reportedAt)
        let full = try Monitor(
          targets: grid.monitoringTargets, actuals: monitor.actuals, period: testCase.period, settings: Self.settings,
          asOf: asOf)
        #expect(monitor.hasSameResults(as: full), "\(testCase)")
        #expect(monitor.report() == full.report(), "\(testCase)")
      }
    }
  }

  @Test("A grid large enough to be shared among processors gives the same rows as one computed row by row")
  func sharedAmongProcessors() throws {
    let axis = PeriodAxis(firstYear: 2021, lastYear: 2025)
    let districts = 12_500
    let orgs = WideGrid.orgs(districts: districts)
    let indicators = [
      MonitoredIndicator(id: "mon.output", kind: .flow, precision: 0.1, city: 0, districts: Array(1...districts)),
      MonitoredIndicator(id: "mon.stock", kind: .stock, precision: 0.1, city: 0, districts: Array(1...districts)),
      MonitoredIndicator(
        id: "mon.rate", kind: .ratio, aggregation: .weightedMean, city: 0, districts: Array(1...districts)),
      MonitoredIndicator(id: "mon.more", kind: .flow, precision: 0.1, city: 0, districts: Array(1...districts)),
    ]
    var random = WideGrid.Uniform(state: 42)
    func next() -> Double { random.next() }
    let count = indicators.count * orgs.count * axis.count
    let values = ContiguousArray((0..<count).map { _ in next() < 0.05 ? Double.nan : (next() * 1000).rounded() / 10 })
    let targets = ContiguousArray((0..<count).map { $0 % axis.count < 4 ? Double.nan : (next() * 1000).rounded() / 10 })
    let (monitoringTargets, actuals) = WideGrid.layout(
      indicators, orgs: orgs, axis: axis, values: values, targets: targets)
    var monitor = try Monitor(targets: monitoringTargets, actuals: actuals, period: .quarter(3, of: 2024))
    #expect(monitor.activeRowCount > 50_000)
    for _ in 0..<20 {
      let cell = Actuals.Cell(
        indicator: Int(next() * 4), org: Int(next() * Double(orgs.count)), slot: 10 + Int(next() * 5))
      monitor.update(cell, value: (next() * 3000).rounded() / 10)
    }
    let full = try Monitor(targets: monitoringTargets, actuals: monitor.actuals, period: .quarter(3, of: 2024))
    #expect(monitor.hasSameResults(as: full))
  }

  @Test("A change after the monitored period touches nothing; one before it recomputes only its own rows")
  func touchesOnlyWhatItMust() throws {
    var grid = MonitoringPaceTests.flowGrid()
    for org in MonitoringGrid.orgs { grid.setYear(0, org, 2024, [200, 450, 700]) }
    var monitor = try grid.monitor(.quarter(2, of: 2024))
    #expect(monitor.update(Actuals.Cell(indicator: 0, org: 1, slot: 14), value: 1) == 0)  // 2024Q3
    #expect(monitor.update(Actuals.Cell(indicator: 0, org: 1, slot: 12), value: 150) == 1)  // 2024Q1
    #expect(monitor.update("mon.output", "district.d2", .quarter(2, of: 2024), value: 300) == 1)
    #expect(monitor.row("mon.output", "district.d2")?.status == .red)
  }

  @Test("In a plan with derived indicators and a parity, updating figures equals loading them anew")
  func planIncremental() async throws {
    let setup = try MonitoringIntegrationTests.Setup()
    let axis = PeriodAxis(plan: setup.plan)
    // The observations keyed by indicator, org and slot, a year being its fourth quarter.
    var base: [String: ReportedValue] = [:]
    for observation in setup.observations {
      var row = observation
      row.period = .quarter(observation.period.quarter ?? 4, of: observation.period.year)
      base["\(row.indicator)|\(row.org)|\(axis.slot(of: row.period)!)"] = row
    }
    let changeable: [IndicatorID] = [
      "plan.gdp", "mon.output", "mon.listings", "mon.balance", "mon.firms", "mon.benchmark", "mon.level", "plan.rank",
    ]
    let orgs: [OrgID] = ["bureau.a", "bureau.b"] + MonitoringPlanFixture.districts
    let changes = Generator { rng in
      (0..<Int.random(in: 1...8, using: &rng)).map { _ in
        (
          changeable[Int.random(in: 0..<changeable.count, using: &rng)],
          orgs[Int.random(in: 0..<orgs.count, using: &rng)],
          Int.random(in: 4..<axis.count, using: &rng),
          Int.random(in: 0..<6, using: &rng) == 0 ? nil : Decimal(Int.random(in: 0...5000, using: &rng)) / 10
        )
      }
    }
    let period = Period.quarter(4, of: 2024)
    await propertyCheck(count: 100, input: changes, Gen.int(in: 0...3)) { changes, late in
      var observations = base
      var monitor = try setup.monitor(period)
      for (indicator, org, slot, value) in changes {
        let period = axis.period(ofSlot: slot)
        let reportedAt = late == 0 ? chinaTime("2025-02-01 10:00") : nil
        monitor.update(indicator, org, period, value: value, reportedAt: reportedAt)
        let key = "\(indicator)|\(org)|\(slot)"
        observations[key] = value.map {
          ReportedValue(indicator: indicator, org: org, period: period, value: $0, reportedAt: reportedAt)
        }
      }
      let fresh = try Monitor(
        plan: setup.plan, book: setup.book, observations: Array(observations.values),
        registerEntries: MonitoringPlanFixture.registerEntries, baselines: setup.baselines, period: period)
      #expect(monitor.hasSameResults(as: fresh))
      #expect(monitor.report() == fresh.report())
      #expect(
        monitor.actuals.figures.units == fresh.actuals.figures.units
          && zip(monitor.actuals.computed, fresh.actuals.computed).allSatisfy { $0.bitPattern == $1.bitPattern },
        "the derived figures differ")
    }
  }
}
