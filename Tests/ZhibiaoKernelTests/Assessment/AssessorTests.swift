// The dense assessment against the explaining one: on the repository's plan, scheme and sample
// events with random figures, `Assessor` must give every item's points, every total, rank and
// grade exactly as `AssessmentScheme.assess` does, and an incremental update exactly what a full
// pass gives. Figures are drawn so that rounding boundaries are hit often: rates stated to a
// thousandth against a precision of 0.01 (1.005 → 1.01), ratios landing on a half ten-thousandth,
// zero and negative targets, missing figures.

import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

/// A seeded generator (SplitMix64), so that a failing seed can be replayed.
struct AssessorRandom: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A target, and an actual figure near it, of kinds that exercise the scoring's edge cases.
  mutating func figures() -> (actual: Double, target: Double) {
    let scale = [1.0, 10, 100, 1000][Int.random(in: 0..<4, using: &self)]
    switch Int.random(in: 0..<12, using: &self) {
    case 0: return (.nan, Double(Int.random(in: 1...100, using: &self)))
    case 1: return (Double(Int.random(in: 1...100, using: &self)), .nan)
    case 2: return (Double(Int.random(in: 0...3, using: &self)), Double(Int.random(in: -2...1, using: &self)))
    case 3:
      // A rate: actual stated to a thousandth near a target stated to a hundredth, so that the
      // actual often lies on a half hundredth (1.005 is 1.00499… as a double).
      let target = Double(Int.random(in: 50...1000, using: &self)) / 100
      return (Double(Int.random(in: -500...500, using: &self)) / 1000 + target, target)
    case 4:
      // A target with a short reciprocal: actual ÷ target often ends on a half ten-thousandth.
      let target = [0.8, 1.6, 3.2, 6.4, 12.8, 2.5, 1.25][Int.random(in: 0..<7, using: &self)] * scale
      return (Double(Int.random(in: 1...Int(target * 12), using: &self)) / 10, target)
    case 5:
      let target = Double(Int.random(in: 1...20_000, using: &self)) / 100
      return (Double(Int.random(in: 0...4_000_000, using: &self)) / 10_000 * target / 200, target)
    case 6: return (-Double(Int.random(in: 1...50, using: &self)) / 10, Double(Int.random(in: 1...50, using: &self)))
    case 7:
      let target = Double(Int.random(in: 1...200_000, using: &self)) / 10
      return (target, target)
    default:
      let target = Double(Int.random(in: 1...2_000, using: &self)) / 10 * scale
      return (Double.random(in: 0.5...1.3, using: &self) * target, target)
    }
  }
}

@Suite("Dense assessment")
struct AssessorTests {
  let plan: Plan
  let scheme: AssessmentScheme
  let events: AssessmentEvents

  init() throws {
    plan = try AssessmentRepository.plan()
    scheme = try AssessmentFixture.scheme(try AssessmentRepository.text("assessment.yaml"), plan: plan)
    let text = try AssessmentRepository.text("sample/assessment-events-2024.yaml")
    events = try #require(AssessmentFixture.decodeEvents(text, plan: plan, scheme: scheme, year: 2024).0)
  }

  /// An empty grid over the plan: indicators and orgs in the plan's order, the city figure in the
  /// owner's column.
  func emptyGrid(events: AssessmentEvents) -> AssessmentGrid {
    let orgs = plan.orgs.map(\.id)
    return AssessmentGrid(
      year: 2024, indicators: plan.indicators.map(\.id), orgs: orgs,
      city: plan.indicators.map { indicator in orgs.firstIndex(of: indicator.owner)! }, events: events)
  }

  /// Random figures for every district and city figure, the same in the grid and in the inputs.
  func randomCase(seed: Int) -> (AssessmentGrid, AssessmentInputs) {
    var random = AssessorRandom(state: UInt64(seed))
    var events = self.events
    // Random grades for graded items, a veto now and then.
    for org in plan.orgs where org.kind != .leadingGroup {
      let pick = Int.random(in: 0...scheme.taskGrades.count, using: &random)
      events.grades[org.id, default: [:]]["tasks"] =
        pick < scheme.taskGrades.count ? scheme.taskGrades[pick].id : nil
      if Int.random(in: 0..<15, using: &random) == 0 {
        events.vetoes.append(.init(org: org.id, category: "statistical_fraud", reason: "测试"))
      }
    }
    var grid = emptyGrid(events: events)
    var inputs = AssessmentInputs(year: 2024, events: events)
    for (i, indicator) in plan.indicators.enumerated() where indicator.isTarget {
      let owner = grid.city[i]
      for (o, org) in plan.orgs.enumerated() where org.kind == .district || o == owner {
        let (actual, target) = random.figures()
        grid.set(indicator: i, org: o, actual: actual, target: target)
        let figure = AssessmentFigure.doubles(actual: actual, target: target)
        if o == owner { inputs.setCity(indicator.id, figure) } else { inputs.set(org.id, indicator.id, figure) }
      }
    }
    return (grid, inputs)
  }

  /// Expects the dense assessment to give the explaining assessment's numbers, ranks and grades.
  func expectSame(
    _ assessor: Assessor, _ result: AssessmentResult, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for section in result.sections {
      #expect(assessor.ranking(of: section.orgKind) == section.ranking, sourceLocation: sourceLocation)
      for card in section.scorecards {
        #expect(assessor.standing(of: card.org) == AssessmentStanding(card), sourceLocation: sourceLocation)
        let items = assessor.items(of: card.org)
        let applicable = card.items.filter { $0.status != .notApplicable }
        #expect(items.map(\.item) == applicable.map(\.id), sourceLocation: sourceLocation)
        #expect(items.map(\.points) == applicable.map(\.points), "\(card.org)", sourceLocation: sourceLocation)
        #expect(items.map(\.scored) == applicable.map { $0.status == .scored }, sourceLocation: sourceLocation)
      }
    }
  }

  @Test("Random figures: the dense assessment gives every point, total, rank and grade of the explaining one")
  func sameAsExplaining() async throws {
    let compiled = try CompiledScheme(scheme: scheme, plan: plan, grid: emptyGrid(events: events))
    #expect(compiled.lineCount > 13 * 14)
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000)) { seed in
      let (grid, inputs) = randomCase(seed: seed)
      let assessor = try Assessor(compiled: compiled, grid: grid)
      expectSame(assessor, scheme.assess(inputs, plan: plan))
    }
  }

  @Test("After any sequence of changed figures, the incremental assessment equals a full one")
  func incrementalEqualsFull() async throws {
    let compiled = try CompiledScheme(scheme: scheme, plan: plan, grid: emptyGrid(events: events))
    await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000_000)) { seed in
      let (grid, _) = randomCase(seed: seed)
      var assessor = try Assessor(compiled: compiled, grid: grid)
      var random = AssessorRandom(state: UInt64(seed) ^ 0xA55E55)
      for _ in 0..<Int.random(in: 1...30, using: &random) {
        let i = Int.random(in: 0..<grid.indicators.count, using: &random)
        // Mostly a district, sometimes the city column that every bureau reads.
        let o =
          Int.random(in: 0..<3, using: &random) == 0
          ? grid.city[i] : Int.random(in: 0..<grid.orgs.count, using: &random)
        let (actual, target) = random.figures()
        assessor.update(indicator: i, org: o, actual: actual, target: target)
        let full = try Assessor(compiled: compiled, grid: assessor.grid)
        #expect(assessor.hasSameResults(as: full), "seed \(seed)")
      }
    }
  }

  @Test("Every figure on target: the repository's scheme gives the hand-computed totals through the dense path")
  func handComputed() throws {
    var grid = emptyGrid(events: events)
    for (i, indicator) in plan.indicators.enumerated() where indicator.isTarget && indicator.kind != .qualitative {
      for o in plan.orgs.indices { grid.set(indicator: i, org: o, actual: 10, target: 10) }
    }
    let assessor = try Assessor(compiled: try CompiledScheme(scheme: scheme, plan: plan, grid: grid), grid: grid)
    let binjiang = try #require(assessor.standing(of: "district.binjiang"))
    #expect(binjiang.basic == 100)  // 90 + 完成 × 10
    #expect(binjiang.total == 102)  // two national recognitions of 1 point
    #expect(binjiang.rank == 1)
    #expect(binjiang.grade?.id == "excellent")
    #expect(assessor.standing(of: "district.jiande")?.total == Decimal(string: "97.5"))  // 90 + 8 − 0.5
    #expect(assessor.standings(of: .district).filter { $0.grade?.id == "excellent" }.count == 1)
    #expect(assessor.standings(of: .district).map(\.rank) == Array(1...13))
  }

  @Test("A figure on a rounding boundary is scored on decimals: 1.005 at 0.01 is 1.01, as written")
  func roundingBoundary() throws {
    // 1.005 × 100 is 100.49999999999999 in doubles; the figure as written rounds half up to 1.01.
    let rd = try #require(plan.indicators.firstIndex { $0.id == "tech.rd_intensity" })
    let district = try #require(plan.orgs.firstIndex { $0.id == "district.binjiang" })
    var grid = emptyGrid(events: events)
    grid.set(indicator: rd, org: district, actual: 1.005, target: 1.2)
    var inputs = AssessmentInputs(year: 2024, events: events)
    inputs.set("district.binjiang", "tech.rd_intensity", .doubles(actual: 1.005, target: 1.2))
    let assessor = try Assessor(compiled: try CompiledScheme(scheme: scheme, plan: plan, grid: grid), grid: grid)
    expectSame(assessor, scheme.assess(inputs, plan: plan))
    // Gap 1.01 − 1.2 = −0.19 points at 4 points each: 4 − 0.76 = 3.24.
    let points = assessor.items(of: "district.binjiang").first { $0.item == "tech.rd_intensity" }?.points
    #expect(points == Decimal(string: "3.24"))
  }

  @Test("A number the dense assessment cannot hold exactly is refused, naming it")
  func tooPrecise() throws {
    var section = try #require(scheme.section(for: .district))
    section.items[0].weight = try #require(Decimal(string: "14.99999"))
    let odd = AssessmentScheme(name: scheme.name, sections: [section], location: scheme.location)
    #expect(throws: CompiledScheme.Failure.tooPrecise("weight 14.99999 of item 'plan.producer_services_va'")) {
      try CompiledScheme(scheme: odd, plan: plan, grid: emptyGrid(events: events))
    }
  }

  /// A scheme over the monitoring fixture's plan: each district item 15 points by the rule of its
  /// kind, 10 points of tasks; the bureaus on what they own.
  static func monitoringScheme() -> AssessmentScheme {
    func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }
    let location = SourceLocation(file: "assessment.yaml", line: 1, column: 1)
    let rules: [Indicator.Kind: ScoringRule] = [
      .flow: .completion(CompletionScoring(cap: decimal("1.2"), floor: decimal("0.6"))),
      .stock: .piecewise(PiecewiseScoring(perPoint: decimal("0.2"), maxAbove: 1, maxBelow: 5)),
      .ratio: .gap(GapScoring(perPoint: 4)), .growthRate: .gap(GapScoring(perPoint: decimal("0.3"))),
      .rank: .completion(CompletionScoring(cap: 1)), .qualitative: .graded(GradedScoring()),
    ]
    let kinds: [(IndicatorID, Indicator.Kind)] = [
      ("mon.output", .flow), ("mon.firms", .stock), ("mon.fairs", .stock), ("mon.listings", .flow),
      ("mon.share", .ratio), ("mon.balance_growth", .growthRate),
    ]
    var items = kinds.enumerated().map { index, pair in
      AssessmentItem(
        id: pair.0.rawValue, indicator: pair.0, name: LocalizedText(zh: "指标", en: "Indicator"), weight: 15,
        rule: rules[pair.1]!, headline: index == 0, location: location)
    }
    let tasks = AssessmentItem(
      id: "tasks", indicator: nil, name: LocalizedText(zh: "重点任务", en: "Tasks"), weight: 10,
      rule: .graded(GradedScoring()), location: location)
    items.append(tasks)
    let grades = [
      AssessmentGrade(id: "excellent", name: LocalizedText(zh: "优秀", en: "Excellent"), from: 90, quota: 0.5),
      AssessmentGrade(id: "pass", name: LocalizedText(zh: "合格", en: "Pass"), from: 0, to: 90),
    ]
    return AssessmentScheme(
      name: LocalizedText(zh: "监测考核", en: "Monitoring scheme"),
      sections: [
        AssessmentSection(
          orgKind: .district, basicPoints: 100, items: items, grades: grades, tieBreak: [.headline, .basic],
          location: location),
        AssessmentSection(
          orgKind: .bureau, basicPoints: 100, items: [tasks],
          owned: AssessmentOwnedIndicators(points: 90, rules: rules), grades: grades, location: location),
      ], location: location)
  }

  /// The inputs the host assembles from a monitoring report: the city's rows for bureaus, each
  /// district's own.
  static func inputs(_ report: MonitoringReport, events: AssessmentEvents) -> AssessmentInputs {
    var inputs = AssessmentInputs(year: report.period.year, events: events)
    for row in report.rows {
      let figure = AssessmentFigure.doubles(actual: row.actual, target: row.annualTarget)
      if row.isCity { inputs.setCity(row.indicator, figure) } else { inputs.set(row.org, row.indicator, figure) }
    }
    return inputs
  }

  @Test("From a monitor: the grid holds the report's figures, and an update through the monitor equals a new grid")
  func fromMonitor() throws {
    let setup = try MonitoringIntegrationTests.Setup(through: .quarter(4, of: 2024))
    var monitor = try setup.monitor(.quarter(4, of: 2024))
    let scheme = Self.monitoringScheme()
    var events = AssessmentEvents()
    events.grades["district.d1"] = ["tasks": "completed"]
    events.grades["district.d3"] = ["tasks": "partly_completed"]
    let grid = AssessmentGrid(monitor: monitor, events: events)
    let compiled = try CompiledScheme(scheme: scheme, plan: setup.plan, grid: grid)
    var assessor = try Assessor(compiled: compiled, grid: grid)
    expectSame(assessor, scheme.assess(Self.inputs(monitor.report(), events: events), plan: setup.plan))
    #expect(assessor.standings(of: .district).contains { $0.basic > 0 && $0.basic < 100 })

    // District 2's output revised: its rows (and the derived share's) change in the monitor.
    let output = try #require(grid.indicators.firstIndex(of: "mon.output"))
    let d2 = try #require(grid.orgs.firstIndex(of: "district.d2"))
    #expect(monitor.update("mon.output", "district.d2", .quarter(4, of: 2024), value: 5) > 0)
    for i in grid.indicators.indices { assessor.update(indicator: i, org: d2, from: monitor) }
    #expect(assessor.grid.figure(indicator: output, org: d2) != grid.figure(indicator: output, org: d2))
    let fresh = try Assessor(compiled: compiled, grid: AssessmentGrid(monitor: monitor, events: events))
    #expect(assessor.hasSameResults(as: fresh))
    expectSame(assessor, scheme.assess(Self.inputs(monitor.report(), events: events), plan: setup.plan))
  }
}
