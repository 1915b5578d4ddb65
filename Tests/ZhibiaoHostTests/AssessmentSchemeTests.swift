// The repository's own Config/assessment.yaml and sample events, checked against the plan built
// from the repository's Config; and the dense assessment held against the explaining one on them.

import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Assessment scheme of the repository")
struct AssessmentSchemeTests {
  let plan: Plan
  let scheme: AssessmentScheme

  init() throws {
    plan = try HangzhouPlan.plan()
    scheme = try HangzhouPlan.scheme()
  }

  @Test("Config/assessment.yaml says at the top, in Chinese and English, that it is illustrative and whose it is")
  func markedIllustrative() throws {
    let head = try HangzhouPlan.text("assessment.yaml").split(separator: "\n").prefix(6).joined(separator: "\n")
    #expect(head.contains("示意方案"))
    #expect(head.contains("ILLUSTRATIVE"))
    #expect(head.contains("市发改委"))
    #expect(head.contains("现代服务业发展工作领导小组办公室"))
    #expect(head.contains("commission"))
  }

  @Test("The district section: additive headline indicators of the plan, 100 basic points, quota of 15 %")
  func districtSection() throws {
    let section = try #require(scheme.section(for: .district))
    #expect(section.basicPoints == 100)
    #expect(section.items.reduce(Decimal(0)) { $0 + $1.weight } == 100)
    #expect(
      section.items.filter(\.headline).map(\.id) == ["plan.producer_services_va", "plan.producer_services_revenue"])
    for item in section.items {
      guard let id = item.indicator else {
        #expect(item.rule.id == "graded")
        continue
      }
      let indicator = try #require(plan.indicator(id))
      #expect(indicator.isTarget, "\(id)")
      #expect(indicator.aggregation != .cityOnly, "\(id)")
    }
    // 78 points of completion items at 120 %, 6 for the piecewise item, 7 of gaps, 10 of tasks,
    // and the bonus cap of 5.
    #expect(section.maximumTotal == Decimal(string: "121.6"))
    #expect(section.grades.map(\.name.zh) == ["优秀", "良好", "合格", "不合格"])
    #expect(section.grades.first?.limit(among: plan.districts.count) == 1)
    #expect(section.veto?.maxGrade == "pass")
    #expect(section.tieBreak == [.headline, .basic, .id])
  }

  @Test("The bureau section: every lead bureau is scored on every target indicator it owns")
  func bureauSection() throws {
    let section = try #require(scheme.section(for: .bureau))
    let owned = try #require(section.owned)
    let bureaus = plan.orgs.filter { $0.kind == .bureau }
    #expect(bureaus.count == 5)
    var assessed = 0
    for bureau in bureaus {
      let indicators = owned.indicators(of: bureau.id, in: plan)
      #expect(!indicators.isEmpty, "\(bureau.id) owns nothing")
      assessed += indicators.count
    }
    // Every indicator with a target or an aim is owned by a bureau, so each is assessed once.
    #expect(assessed == plan.targetIndicators.count)
    #expect(plan.targetIndicators.count == 44)
    #expect(section.grades.first?.limit(among: bureaus.count) == 1)
  }

  @Test("The sample events for 2024 decode against the scheme")
  func sampleEvents() throws {
    let events = try HangzhouPlan.sampleEvents()
    #expect(events.bonuses.count == 5)
    #expect(events.deductions.map(\.org) == ["district.jiande", "district.chunan"])
    // Only the bureaus' qualitative indicators: the key-task items are graded from milestones.
    #expect(
      events.grades == [
        "bureau.drc": ["plan.new_business_models": "basically_completed"],
        "bureau.econ_info": ["plan.industrial_digitalisation_index": "completed"],
      ])
    #expect(events.previousRanks.count == plan.districts.count + 5)
  }

  /// The sample events with a grade of the key-task item for every org, as the pipeline sets them
  /// from milestones: 完成 for 滨江区, 基本完成 for 建德市, and so on.
  static func gradedEvents() throws -> AssessmentEvents {
    var events = try HangzhouPlan.sampleEvents()
    let grades: [OrgID: String] = [
      "district.shangcheng": "completed", "district.gongshu": "completed", "district.xihu": "basically_completed",
      "district.binjiang": "completed", "district.xiaoshan": "completed", "district.yuhang": "basically_completed",
      "district.linping": "basically_completed", "district.qiantang": "completed",
      "district.fuyang": "partly_completed", "district.linan": "basically_completed",
      "district.tonglu": "basically_completed", "district.chunan": "partly_completed",
      "district.jiande": "basically_completed", "bureau.drc": "completed", "bureau.econ_info": "completed",
      "bureau.sci_tech": "basically_completed", "bureau.finance": "basically_completed",
      "bureau.commerce": "completed",
    ]
    for (org, grade) in grades { events.grades[org, default: [:]]["tasks"] = grade }
    return events
  }

  @Test("With every figure on target, a district's total is 90 + its tasks grade × 10 + bonus − deduction")
  func endToEndOnTarget() throws {
    let events = try Self.gradedEvents()
    var inputs = AssessmentInputs(year: 2024, events: events)
    for indicator in plan.targetIndicators where indicator.kind != .qualitative {
      inputs.setCity(indicator.id, AssessmentFigure(actual: 10, target: 10))
      for district in plan.districts {
        inputs.set(district.id, indicator.id, AssessmentFigure(actual: 10, target: 10))
      }
    }
    let result = scheme.assess(inputs, plan: plan)
    let districts = try #require(result.section(for: .district))
    #expect(districts.scorecards.count == 13)
    let binjiang = try #require(result.scorecard(for: "district.binjiang"))
    #expect(binjiang.basic == 100)  // 90 + 完成 × 10
    #expect(binjiang.bonus.counted == 2)  // two national recognitions of 1 point
    #expect(binjiang.total == 102)
    #expect(binjiang.rank == 1)
    #expect(binjiang.grade.id == "excellent")
    let jiande = try #require(result.scorecard(for: "district.jiande"))
    #expect(jiande.total == Decimal(string: "97.5"))  // 90 + 8 − 0.5 for late data
    // One 优秀 of 13; the others of 90 and above are 良好.
    #expect(districts.scorecards.filter { $0.grade.id == "excellent" }.count == 1)
    #expect(districts.scorecards.map(\.rank) == Array(1...13))
    // Bureaus: every owned indicator on target; drc's qualitative aim graded 基本完成.
    let bureaus = try #require(result.section(for: .bureau))
    #expect(bureaus.scorecards.count == 5)
    let drc = try #require(result.scorecard(for: "bureau.drc"))
    #expect(drc.items.first?.id == "tasks")
    #expect(drc.items.dropFirst().reduce(Decimal(0)) { $0 + $1.weight } == 80)
    #expect(result.assessRepeatably(scheme: scheme, inputs: inputs, plan: plan))
  }

  // MARK: - The dense assessment on the repository's scheme

  var comparison: AssessmentComparison {
    get throws { AssessmentComparison(plan: plan, scheme: scheme, events: try Self.gradedEvents()) }
  }

  @Test("Random figures: the dense assessment gives every point, total, rank and grade of the explaining one")
  func denseSameAsExplaining() async throws {
    let comparison = try comparison
    let compiled = try comparison.compiled()
    #expect(compiled.lineCount > 13 * 14)
    await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000_000)) { seed in
      try comparison.expectDenseEqualsExplaining(seed: seed, compiled: compiled)
    }
  }

  @Test("After any sequence of changed figures, the incremental assessment equals a full one")
  func denseIncrementalEqualsFull() async throws {
    let comparison = try comparison
    let compiled = try comparison.compiled()
    await propertyCheck(count: 100, input: Gen.int(in: 0...1_000_000_000)) { seed in
      try comparison.expectIncrementalEqualsFull(seed: seed, compiled: compiled)
    }
  }

  @Test("Every figure on target: the repository's scheme gives the hand-computed totals through the dense path")
  func denseHandComputed() throws {
    let comparison = try comparison
    var grid = comparison.emptyGrid()
    for (i, indicator) in plan.indicators.enumerated() where indicator.isTarget && indicator.kind != .qualitative {
      // 10 at the grid's six decimals.
      for o in plan.orgs.indices { grid.set(indicator: i, org: o, actual: 10_000_000, target: 10_000_000) }
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
}

extension AssessmentResult {
  /// Whether assessing again gives the same rankings and totals.
  func assessRepeatably(scheme: AssessmentScheme, inputs: AssessmentInputs, plan: Plan) -> Bool {
    let again = scheme.assess(inputs, plan: plan)
    return again.sections.map(\.ranking) == sections.map(\.ranking)
      && again.sections.map { $0.scorecards.map(\.total) } == sections.map { $0.scorecards.map(\.total) }
  }
}
