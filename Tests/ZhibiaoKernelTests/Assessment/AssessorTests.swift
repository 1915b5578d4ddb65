// The dense assessment against the explaining one: on the synthetic plan and the fixture scheme
// with random figures, `Assessor` must give every item's points, every total, rank and grade
// exactly as `AssessmentScheme.assess` does, and an incremental update exactly what a full pass
// gives. Figures are drawn so that rounding boundaries are hit often: rates stated to a thousandth
// against a precision of 0.01 (1.005 → 1.01), ratios landing on a half ten-thousandth, zero and
// negative targets, missing figures. The same comparison on the repository's plan is a host test.

import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Dense assessment")
struct AssessorTests {
  let comparison: AssessmentComparison

  var plan: Plan { comparison.plan }
  var scheme: AssessmentScheme { comparison.scheme }
  var events: AssessmentEvents { comparison.events }

  /// Bonuses, a deduction, a bureau's graded aim and previous ranks: what the events of a year hold.
  static let events = AssessmentEvents(
    year: 2024,
    bonuses: [
      .init(org: "district.east", category: "national", points: 1, reason: "国家级荣誉"),
      .init(org: "district.east", category: "national", points: 1, reason: "国家级荣誉"),
      .init(org: "district.west", category: "project", points: 2, reason: "重大项目"),
    ],
    deductions: [.init(org: "district.north", category: "late_data", points: Decimal(string: "0.5")!, reason: "迟报")],
    grades: ["bureau.b": ["alpha.aim": "completed"]],
    previousRanks: ["district.east": 2, "district.west": 1, "district.north": 4, "district.south": 3])

  init() throws {
    let plan = try SyntheticPlan.plan()
    comparison = AssessmentComparison(
      plan: plan, scheme: try AssessmentFixture.scheme(plan: plan), events: Self.events)
  }

  @Test("Random figures: the dense assessment gives every point, total, rank and grade of the explaining one")
  func sameAsExplaining() async throws {
    let compiled = try comparison.compiled()
    #expect(compiled.lineCount > plan.districts.count * 4)
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000)) { seed in
      try comparison.expectDenseEqualsExplaining(seed: seed, compiled: compiled)
    }
  }

  @Test("After any sequence of changed figures, the incremental assessment equals a full one")
  func incrementalEqualsFull() async throws {
    let compiled = try comparison.compiled()
    await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000_000)) { seed in
      try comparison.expectIncrementalEqualsFull(seed: seed, compiled: compiled)
    }
  }

  @Test(
    "Every figure on target: the dense path gives the totals of the explaining one, bonuses and deductions included")
  func onTarget() throws {
    var events = self.events
    for district in plan.districts { events.grades[district.id, default: [:]]["tasks"] = "completed" }
    var grid = comparison.emptyGrid(events: events)
    var inputs = AssessmentInputs(year: 2024, events: events)
    for (i, indicator) in plan.indicators.enumerated() where indicator.isTarget && indicator.kind != .qualitative {
      for (o, org) in plan.orgs.enumerated() {
        // 10 at the grid's six decimals.
        grid.set(indicator: i, org: o, actual: 10_000_000, target: 10_000_000)
        if org.id == indicator.owner {
          inputs.setCity(indicator.id, AssessmentFigure(actual: 10, target: 10))
        } else if org.kind == .district {
          inputs.set(org.id, indicator.id, AssessmentFigure(actual: 10, target: 10))
        }
      }
    }
    let assessor = try Assessor(compiled: try comparison.compiled(), grid: grid)
    comparison.expectSame(assessor, scheme.assess(inputs, plan: plan))
    // 100 basic points each; two national honours of 1 point for the east, a project of 2 for the
    // west, half a point off for the north's late data.
    let districts = ["district.east", "district.west", "district.north", "district.south"]
    #expect(districts.map { assessor.standing(of: OrgID($0))?.basic } == [100, 100, 100, 100])
    #expect(districts.map { assessor.standing(of: OrgID($0))?.total } == [102, 102, Decimal(string: "99.5"), 100])
    // The east and the west tie and are ordered by id; one 优秀 of four (⌊4 × 25%⌋ = 1).
    #expect(districts.map { assessor.standing(of: OrgID($0))?.rank } == [1, 2, 4, 3])
    #expect(assessor.standing(of: "district.east")?.grade?.id == "excellent")
    #expect(assessor.standing(of: "district.west")?.grade?.id == "good")
  }

  @Test("A figure on a rounding boundary is scored on decimals: 1.005 at 0.01 is 1.01, as written")
  func roundingBoundary() throws {
    // 1.005 × 100 is 100.49999999999999 in doubles; the figure as stated rounds half up to 1.01.
    let rate = try #require(plan.indicators.firstIndex { $0.id == "alpha.rate" })
    let district = try #require(plan.orgs.firstIndex { $0.id == "district.east" })
    var grid = comparison.emptyGrid()
    let (figure, units) = AssessmentComparison.figure(1.005, 1.2)
    grid.set(indicator: rate, org: district, actual: units.0, target: units.1)
    var inputs = AssessmentInputs(year: 2024, events: events)
    inputs.set("district.east", "alpha.rate", figure)
    let assessor = try Assessor(compiled: try comparison.compiled(), grid: grid)
    comparison.expectSame(assessor, scheme.assess(inputs, plan: plan))
    // Gap 1.01 − 1.2 = −0.19 points at 5 points each: 10 − 0.95 = 9.05 (1.00 would give 9).
    let points = assessor.items(of: "district.east").first { $0.item == "alpha.rate" }?.points
    #expect(points == Decimal(string: "9.05"))
  }

  @Test(
    "A completion whose weight × ratio does not fit 64 bits is scored in 128: 100 points × the ratio, as stated",
    arguments: [(2.0, "200"), (999_999_999, "99999999900")])
  func hugeCompletion(ratio: Double, expected: String) throws {
    // One item of 100 points (10⁶ ten-thousandths): at a ratio of 2 (2 × 10⁴ ten-thousandths) the
    // product fits 64 bits; at 999,999,999 (about 10¹³) it is about 10¹⁹, which does not.
    var section = try #require(scheme.section(for: .district))
    var item = section.items[0]
    item.weight = 100
    item.rule = .completion(CompletionScoring(cap: 999_999_999))
    section.items = [item]
    let huge = AssessmentScheme(name: scheme.name, sections: [section], location: scheme.location)
    let indicator = try #require(plan.indicators.firstIndex { $0.id == item.indicator })
    let district = try #require(plan.orgs.firstIndex { $0.id == "district.east" })
    var grid = comparison.emptyGrid()
    let (_, units) = AssessmentComparison.figure(ratio * 10, 10)
    grid.set(indicator: indicator, org: district, actual: units.0, target: units.1)
    let assessor = try Assessor(compiled: try CompiledScheme(scheme: huge, plan: plan, grid: grid), grid: grid)
    let points = assessor.items(of: "district.east").first { $0.item == item.id }?.points
    #expect(points == Decimal(string: expected))
  }

  @Test("A number the dense assessment cannot hold exactly is refused, naming it")
  func tooPrecise() throws {
    var section = try #require(scheme.section(for: .district))
    section.items[0].weight = try #require(Decimal(string: "14.99999"))
    let odd = AssessmentScheme(name: scheme.name, sections: [section], location: scheme.location)
    #expect(throws: CompiledScheme.Failure.tooPrecise("weight 14.99999 of item 'alpha.output'")) {
      try CompiledScheme(scheme: odd, plan: plan, grid: comparison.emptyGrid())
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
      let figure = AssessmentFigure(actual: row.actual, target: row.annualTarget)
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
    let check = AssessmentComparison(plan: setup.plan, scheme: scheme, events: events)
    check.expectSame(assessor, scheme.assess(Self.inputs(monitor.report(), events: events), plan: setup.plan))
    #expect(assessor.standings(of: .district).contains { $0.basic > 0 && $0.basic < 100 })

    // District 2's output revised: its rows (and the derived share's) change in the monitor.
    let output = try #require(grid.indicators.firstIndex(of: "mon.output"))
    let d2 = try #require(grid.orgs.firstIndex(of: "district.d2"))
    #expect(monitor.update("mon.output", "district.d2", .quarter(4, of: 2024), value: 5) > 0)
    #expect(assessor.update(from: monitor) > 0)
    #expect(assessor.grid.figure(indicator: output, org: d2) != grid.figure(indicator: output, org: d2))
    // The derived share follows its input without being named.
    let share = try #require(grid.indicators.firstIndex(of: "mon.share"))
    #expect(assessor.grid.figure(indicator: share, org: d2).actual != grid.figure(indicator: share, org: d2).actual)
    let fresh = try Assessor(compiled: compiled, grid: AssessmentGrid(monitor: monitor, events: events))
    #expect(assessor.hasSameResults(as: fresh))
    check.expectSame(assessor, scheme.assess(Self.inputs(monitor.report(), events: events), plan: setup.plan))
  }

  @Test("Each line on a figure is the scorecard item of its org on that indicator, with the same points")
  func figureLines() throws {
    let setup = try MonitoringIntegrationTests.Setup(through: .quarter(4, of: 2024))
    let monitor = try setup.monitor(.quarter(4, of: 2024))
    let scheme = Self.monitoringScheme()
    let events = AssessmentEvents()
    let grid = AssessmentGrid(monitor: monitor, events: events)
    let assessor = try Assessor(
      compiled: try CompiledScheme(scheme: scheme, plan: setup.plan, grid: grid), grid: grid)
    let result = scheme.assess(Self.inputs(monitor.report(), events: events), plan: setup.plan)
    var items: [String: Decimal] = [:]
    for card in result.sections.flatMap(\.scorecards) {
      for item in card.items { if let indicator = item.indicator { items["\(card.org) \(indicator)"] = item.points } }
    }
    let lines = assessor.figureLines
    #expect(lines.count > setup.plan.districts.count)
    for line in lines {
      let key = "\(line.assessed) \(grid.indicators[line.indicator])"
      guard let hundredths = line.hundredths else { continue }
      #expect(items[key] == Decimal(hundredths) / 100, "\(key)")
      if line.assessed.rawValue.hasPrefix("district.") { #expect(grid.orgs[line.figureOrg] == line.assessed) }
    }
    #expect(lines.contains { $0.hundredths != nil })
  }
}
