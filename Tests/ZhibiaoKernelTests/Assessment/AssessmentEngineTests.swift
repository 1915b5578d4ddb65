// The assessment engine by hand: bonus and deduction caps, the veto, quotas, the tie-break,
// the change in rank, items that do not apply, bureaus' equal shares of what they own.
// The scheme is AssessmentFixture.scheme: district items alpha.output 40 (headline, cap 1.2),
// alpha.count 20 (cap 1.2), alpha.port 10 (only east and west), alpha.rate 10 (gap, 5 per
// point), tasks 20 (graded); bonus cap 5, deduction cap 4; veto at most 合格; 优秀 ≥ 90 with a
// quota of 25 % (⌊4 × 25%⌋ = 1), 良好 ≥ 80, 合格 ≥ 60, 不合格 below.

import Foundation
import Testing
import ZhibiaoKernel

@Suite("Assessment engine")
struct AssessmentEngineTests {
  let plan: Plan
  let scheme: AssessmentScheme

  init() throws {
    plan = try AssessmentFixture.plan()
    scheme = try AssessmentFixture.scheme(plan: plan)
  }

  func run(_ inputs: AssessmentInputs, scheme: AssessmentScheme? = nil) throws -> AssessmentResult.Section {
    try #require((scheme ?? self.scheme).assess(inputs, plan: plan).section(for: .district))
  }

  func card(_ section: AssessmentResult.Section, _ org: OrgID) throws -> Scorecard {
    try #require(section.scorecards.first { $0.org == org })
  }

  @Test("On target everywhere, every district scores 100 basic points and the items explain themselves")
  func onTarget() throws {
    let section = try run(AssessmentFixture.onTarget(plan: plan))
    for card in section.scorecards {
      #expect(card.basic == 100, "\(card.org)")
      #expect(card.total == 100)
    }
    let east = try card(section, "district.east")
    #expect(east.items.map(\.points) == [40, 20, 10, 10, 20])
    #expect(east.items[0].explanation.zh == "完成率 = 100.0 ÷ 100.0 = 100.00%，得分 = 40 × 1 = 40.00")
    #expect(east.items[3].explanation.zh == "差距 = 4.00 − 4.00 = 0.00个百分点，达到目标，得满分 10.00")
    #expect(east.items[4].explanation.zh == "评定为完成（1），得分 = 20 × 1 = 20.00")
    #expect(east.totalExplanation.zh == "实得分 = 基本分 100.00 + 加分 0.00 − 扣分 0.00 = 100.00")
  }

  @Test("An item that does not apply gives its weight to the others in proportion, in 0.01 points adding up to 100")
  func notApplicableItemsAreReweighted() throws {
    let section = try run(AssessmentFixture.onTarget(plan: plan))
    let north = try card(section, "district.north")
    // 40, 20, 10, 20 of 90 scaled to 100: 44.444…, 22.222…, 11.111…, 22.222… in hundredths,
    // 4444 + 2222 + 1111 + 2222 = 9999, and the last hundredth to the largest remainder (0.44).
    #expect(
      north.items.map(\.weight) == [
        Decimal(string: "44.45"), Decimal(string: "22.22"), 0, Decimal(string: "11.11"), Decimal(string: "22.22"),
      ])
    #expect(north.items[2].status == .notApplicable)
    #expect(north.items[2].points == 0)
    #expect(north.basic == 100)
    #expect(
      north.items[0].explanation.zh
        == "权重按比例折算：40 × 100 ÷ 90 ≈ 44.45（有不适用项目）；完成率 = 100.0 ÷ 100.0 = 100.00%，得分 = 44.45 × 1 = 44.45")
  }

  @Test("A missing figure scores 0 and is marked missing")
  func missingFigure() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.set("district.south", "alpha.output", AssessmentFigure(actual: nil, target: 100))
    inputs.events.grades["district.south"] = nil
    let south = try card(try run(inputs), "district.south")
    #expect(south.items[0].status == .missing)
    #expect(south.items[0].points == 0)
    #expect(south.items[4].status == .missing)
    #expect(south.items[4].explanation.zh.hasSuffix("；未评定，不得分"))
    #expect(south.basic == Decimal(string: "33.33"))  // 22.22 + 11.11, port not applicable
  }

  @Test("Bonuses: each category held to its own cap, then the whole to the section's cap")
  func bonusCaps() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.events.bonuses = [
      .init(org: "district.east", category: "national", points: 1, reason: "甲"),
      .init(org: "district.east", category: "national", points: 1, reason: "乙"),
      .init(org: "district.east", category: "national", points: 1, reason: "丙"),
      .init(org: "district.east", category: "project", points: 2.5, reason: "丁"),
      .init(org: "district.east", points: 1, reason: "戊"),
      .init(org: "district.west", category: "project", points: 0.5, reason: "己"),
    ]
    let section = try run(inputs)
    let east = try card(section, "district.east")
    // national min(3, 2) = 2; project 2.5; other 1: 5.5, counted min(5.5, 5) = 5.
    #expect(east.bonus.uncapped == Decimal(string: "5.5"))
    #expect(east.bonus.counted == 5)
    #expect(east.total == 105)
    #expect(east.bonus.lines.count == 5)
    #expect(east.bonus.explanation.zh == "加分：国家级荣誉 min(1 + 1 + 1, 上限 2) = 2；重大项目 2.5；其他 1；计入 min(5.5, 上限 5) = 5.00")
    #expect(east.totalExplanation.zh == "实得分 = 基本分 100.00 + 加分 5.00 − 扣分 0.00 = 105.00")
    let west = try card(section, "district.west")
    #expect(west.bonus.counted == Decimal(string: "0.5"))
    #expect(west.total == Decimal(string: "100.5"))
  }

  @Test("Deductions: each category held to its own cap, then the whole to the section's cap")
  func deductionCaps() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.events.deductions = [
      .init(org: "district.west", category: "late_data", points: 0.5, reason: "一季度迟报"),
      .init(org: "district.west", category: "late_data", points: 0.5, reason: "二季度迟报"),
      .init(org: "district.west", category: "late_data", points: 0.5, reason: "三季度迟报"),
      .init(org: "district.west", points: 2, reason: "督查问题"),
      .init(org: "district.west", points: 1.5, reason: "整改不力"),
    ]
    let west = try card(try run(inputs), "district.west")
    // late_data min(1.5, 1) = 1; other 2 + 1.5 = 3.5: 4.5, counted min(4.5, 4) = 4.
    #expect(west.deduction.uncapped == Decimal(string: "4.5"))
    #expect(west.deduction.counted == 4)
    #expect(west.total == 96)
    #expect(
      west.deduction.explanation.zh
        == "扣分：数据迟报 min(0.5 + 0.5 + 0.5, 上限 1) = 1；其他 2 + 1.5 = 3.5；计入 min(4.5, 上限 4) = 4.00")
  }

  @Test("A veto caps the grade, not the score or the rank, and takes no place under a quota")
  func vetoCapsGrade() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.events.vetoes = [.init(org: "district.east", category: "fraud", reason: "统计数据弄虚作假")]
    let section = try run(inputs)
    let east = try card(section, "district.east")
    #expect(east.total == 100)
    #expect(east.scoreGrade.id == "excellent")
    #expect(east.grade.id == "pass")
    #expect(east.gradeExplanation.zh == "实得分 100.00 ≥ 90，分数等次为优秀；一票否决（统计数据弄虚作假），等次最高为合格；评定为合格")
    // Every total is 100: north and south lead on the headline item (44.45 against 40), then ids.
    #expect(section.ranking == ["district.north", "district.south", "district.east", "district.west"])
    #expect(east.rank == 3)
    // The one 优秀 place goes to the first in rank among those not vetoed.
    #expect(section.scorecards.map(\.grade.id) == ["excellent", "good", "pass", "good"])
  }

  /// East 100; north 97.78 (output 95 % of 44.45 = 42.23); west 96 (output 90 % of 40 = 36);
  /// south 88.89 (tasks 部分完成: 22.22 × 0.5 = 11.11).
  func quotaInputs() -> AssessmentInputs {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.set("district.north", "alpha.output", AssessmentFigure(actual: 95, target: 100))
    inputs.set("district.west", "alpha.output", AssessmentFigure(actual: 90, target: 100))
    inputs.events.grades["district.south"] = ["tasks": "部分完成"]
    return inputs
  }

  @Test("A quota admits ⌊quota × orgs⌋ to a grade; the rest of its band drop to the next grade in rank order")
  func quotaDemotes() throws {
    let section = try run(quotaInputs())
    #expect(section.ranking == ["district.east", "district.north", "district.west", "district.south"])
    #expect(section.scorecards.map(\.total) == [100, Decimal(string: "97.78"), 96, Decimal(string: "88.89")])
    #expect(section.scorecards.map(\.scoreGrade.id) == ["excellent", "excellent", "excellent", "good"])
    #expect(section.scorecards.map(\.grade.id) == ["excellent", "good", "good", "good"])
    #expect(section.quotas == [AssessmentResult.Quota(grade: "excellent", limit: 1, formula: "⌊4 × 25%⌋ = 1")])
    let north = try card(section, "district.north")
    #expect(
      north.gradeExplanation.zh
        == "实得分 97.78 ≥ 90，分数等次为优秀；优秀名额 ⌊4 × 25%⌋ = 1 个，本单位在该等次中居第 2 位，顺延为良好；评定为良好")
    #expect(section.notes.contains { $0.zh.hasPrefix("优秀不超过参评单位的 25%，向下取整：⌊4 × 25%⌋ = 1 个") })
  }

  @Test("Orgs dropped from a full band count against the next band's quota in turn")
  func quotaCascades() throws {
    let text = AssessmentFixture.scheme.replacingOccurrences(
      of: "from: 80, to: 90 }", with: "from: 80, to: 90, quota: 0.25 }")
    let scheme = try AssessmentFixture.scheme(text, plan: plan)
    let section = try run(quotaInputs(), scheme: scheme)
    // 良好 admits one: north (dropped from 优秀, ranked above everyone else in 良好) keeps it;
    // west and south drop to 合格.
    #expect(section.scorecards.map(\.grade.id) == ["excellent", "good", "pass", "pass"])
  }

  @Test("The rank change is the previous rank less the current one")
  func rankChange() throws {
    var inputs = quotaInputs()
    inputs.previousRanks = ["district.east": 3, "district.north": 1, "district.west": 2]
    let section = try run(inputs)
    #expect(section.scorecards.map(\.rank) == [1, 2, 3, 4])
    #expect(section.scorecards.map(\.previousRank) == [3, 1, 2, nil])
    #expect(section.scorecards.map(\.rankChange) == [2, -1, -1, nil])
  }

  @Test("Equal totals: the higher points on the headline items rank first")
  func tieBreakByHeadline() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    // East: 40 + 18 (9 of 10) + 10 + 10 + 20 = 98. West: 38 (95 of 100) + 20 + 10 + 10 + 20 = 98.
    inputs.set("district.east", "alpha.count", AssessmentFigure(actual: 9, target: 10))
    inputs.set("district.west", "alpha.output", AssessmentFigure(actual: 95, target: 100))
    let section = try run(inputs)
    let (east, west) = (try card(section, "district.east"), try card(section, "district.west"))
    #expect(east.total == 98 && west.total == 98)
    #expect(east.rank + 1 == west.rank)
    #expect(west.rankNote?.zh == "东区与西区实得分同为 98.00，按重点指标得分（40.00 > 38.00）排序")
  }

  @Test("Equal totals and headline points: the higher basic score ranks first, not the bonus")
  func tieBreakByBasic() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    // East: rate 3.60 is 0.4 points short, 10 − 5 × 0.4 = 8: basic 98, plus a bonus of 1 = 99.
    // West: rate 3.80, 10 − 5 × 0.2 = 9: basic 99.
    inputs.set("district.east", "alpha.rate", AssessmentFigure(actual: Decimal(string: "3.6"), target: 4))
    inputs.set("district.west", "alpha.rate", AssessmentFigure(actual: Decimal(string: "3.8"), target: 4))
    inputs.events.bonuses = [.init(org: "district.east", category: "national", points: 1, reason: "国家级荣誉")]
    let section = try run(inputs)
    let (east, west) = (try card(section, "district.east"), try card(section, "district.west"))
    #expect(east.total == 99 && west.total == 99)
    #expect(west.rank + 1 == east.rank)
    #expect(east.rankNote?.zh == "西区与东区实得分同为 99.00，按基本分（99.00 > 98.00）排序")
  }

  @Test("A tie on every criterion is settled by id, and the note says so")
  func tieBreakById() throws {
    let section = try run(AssessmentFixture.onTarget(plan: plan))
    #expect(section.ranking == ["district.north", "district.south", "district.east", "district.west"])
    let south = try card(section, "district.south")
    #expect(
      south.rankNote?.zh == "北区与南区实得分同为 100.00，其余比较项也相同，按 id 字母顺序（district.north 在 district.south 之前）排序")
    let east = try card(section, "district.east")
    #expect(east.rankNote?.zh == "南区与东区实得分同为 100.00，按重点指标得分（44.45 > 40.00）排序")
    #expect(section.notes.first?.zh.hasPrefix("排名按实得分从高到低；同分时依次比较：重点指标得分高者在前；基本分高者在前；按单位代码（id）字母顺序。") == true)
  }

  @Test("Bureaus are scored on the city figures of what they own, in equal shares by largest remainder")
  func bureausOwnEqualShares() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.setCity("alpha.output", AssessmentFigure(actual: 50, target: 100))
    inputs.events.grades["bureau.a"] = ["tasks": "完成"]
    inputs.events.grades["bureau.b"] = ["tasks": "完成", "alpha.aim": "基本完成"]
    let section = try #require(scheme.assess(inputs, plan: plan).section(for: .bureau))
    let a = try card(section, "bureau.a")
    // 70 ÷ 3 = 23.333…: 2333 hundredths each and the odd one to the first in plan order.
    #expect(a.items.map(\.id) == ["tasks", "alpha.output", "alpha.count", "alpha.rank"])
    #expect(
      a.items.map(\.weight) == [30, Decimal(string: "23.34"), Decimal(string: "23.33"), Decimal(string: "23.33")])
    #expect(a.items[1].points == Decimal(string: "11.67"))  // the city's 50 of 100: 23.34 × 0.5
    #expect(
      a.items[1].explanation.zh
        == "权重 = 70 ÷ 3（本单位牵头的 3 项指标等权，取到0.01分）；完成率 = 50.0 ÷ 100.0 = 50.00%，得分 = 23.34 × 0.5 = 11.67")
    #expect(a.basic == Decimal(string: "88.33"))
    let b = try card(section, "bureau.b")
    #expect(b.items.map(\.id) == ["tasks", "alpha.port", "alpha.rate", "alpha.growth", "alpha.aim"])
    #expect(b.items.dropFirst().map(\.weight) == [17.5, 17.5, 17.5, 17.5])
    #expect(b.items[4].points == 14)  // 17.5 × 0.8
    #expect(b.basic == Decimal(string: "96.5"))
    #expect(section.ranking == ["bureau.b", "bureau.a"])
    // Districts are unaffected by the city figure.
    let east = try card(try run(inputs), "district.east")
    #expect(east.items[0].points == 40)
  }

  @Test("The assessment is a pure function: the same inputs give the same scorecards")
  func repeatable() throws {
    var inputs = quotaInputs()
    inputs.events.bonuses = [.init(org: "district.south", category: "national", points: 1, reason: "国家级荣誉")]
    let first = scheme.assess(inputs, plan: plan)
    let second = scheme.assess(inputs, plan: plan)
    #expect(first.sections.map(\.scorecards) == second.sections.map(\.scorecards))
  }

  @Test("The consolidated view: goal groups with their indicators' status, targets met, the city's total")
  func consolidatedView() throws {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    inputs.setCity("alpha.output", AssessmentFigure(actual: 50, target: 100))
    inputs.setCity("alpha.rate", AssessmentFigure(actual: Decimal(string: "3.9"), target: 4))
    inputs.events.grades["bureau.b"] = ["alpha.aim": "完成"]
    let view = AssessmentConsolidatedView.build(plan: plan, scheme: scheme, inputs: inputs)
    #expect(view.groups.map(\.goal) == ["goal.overall"])
    let overall = try #require(view.groups.first)
    #expect(overall.indicators.map(\.indicator) == ["alpha.output"])
    #expect(overall.met == 0)
    #expect(overall.summary.zh == "1 项指标中 0 项达到年度目标")
    let output = try #require(overall.indicators.first)
    #expect(output.status == .behind)
    #expect(output.completion == Decimal(string: "0.5"))
    #expect(output.explanation.zh == "实际 50.0，目标 ≥ 100.0，完成率 50.00%，未达到")
    let statuses = Dictionary(uniqueKeysWithValues: view.indicators.map { ($0.indicator, $0) })
    #expect(statuses["alpha.rate"]?.gap == Decimal(string: "-0.1"))
    #expect(statuses["alpha.rate"]?.status == .behind)
    #expect(statuses["alpha.rank"]?.status == .met)
    #expect(statuses["alpha.aim"]?.status == .graded)
    // Of the seven targets, output and rate are behind; the aim graded 完成 counts as met.
    #expect(view.indicators.count == 7)
    #expect(view.met == 5)
    // The city on the district items without the graded tasks: 40, 20, 10, 10 of 80 scaled to 100
    // (50, 25, 12.5, 12.5); output at 50 % gives 25, rate 0.1 points short 12.5 − 5 × 0.1 = 12.
    let items = try #require(view.cityItems)
    #expect(items.map(\.weight) == [50, 25, Decimal(string: "12.5"), Decimal(string: "12.5"), 0])
    #expect(items.last?.status == .notApplicable)
    #expect(view.cityTotal == Decimal(string: "74.5"))  // 25 + 25 + 12.5 + 12
    #expect(view.cityGrade?.id == "pass")
  }
}
