// Each rule for missing figures (the scheme's `missing:`) on one hand-computed scorecard.
// The scheme is AssessmentFixture.scheme; district.east is scored on
//   alpha.output 40 (completion, cap 1.2)   not reported for 2024Q4; 1–9月 54.0 with S₃ = 0.75
//   alpha.count  20 (completion, cap 1.2)   not reported; its last quarter (1–9月) stood at 9
//   alpha.port   10 (completion)            45.0 of 50.0: completion 90 %
//   alpha.rate   10 (gap, 5 per point)      not reported, an annual figure: no quarter to read
//   tasks        20 (graded)                完成
// The other districts meet every target.

import Foundation
import Testing
import ZhibiaoKernel

@Suite("Assessment: missing figures")
struct MissingFigureRuleTests {
  let plan: Plan

  init() throws { plan = try AssessmentFixture.plan() }

  static let due = "2025-01-20"

  static func missing(_ last: Period?, _ actual: Decimal?, share: Decimal? = nil) -> MissingFigure {
    MissingFigure(
      period: .quarter(4, of: 2024), dueDay: due, reporting: .notReported,
      lastReported: last.flatMap { period in
        actual.map { MonitoringRow.LastReported(period: period, value: $0, actual: $0, seasonalShare: share) }
      },
      seasonalShare: share == nil ? nil : 1)
  }

  func inputs() -> AssessmentInputs {
    var inputs = AssessmentFixture.onTarget(plan: plan)
    let q3 = Period.quarter(3, of: 2024)
    inputs.set(
      "district.east", "alpha.output",
      AssessmentFigure(actual: nil, target: 100, missing: Self.missing(q3, 54, share: Decimal(string: "0.75"))))
    inputs.set("district.east", "alpha.count", AssessmentFigure(actual: nil, target: 10, missing: Self.missing(q3, 9)))
    inputs.set("district.east", "alpha.port", AssessmentFigure(actual: 45, target: 50))
    inputs.set("district.east", "alpha.rate", AssessmentFigure(actual: nil, target: 4, missing: Self.missing(nil, nil)))
    return inputs
  }

  func east(_ rule: MissingFigureRule) throws -> Scorecard {
    var scheme = try AssessmentFixture.scheme(plan: plan)
    scheme.missing = rule
    let result = scheme.assess(inputs(), plan: plan)
    return try #require(result.scorecard(for: "district.east"))
  }

  @Test("zero: each missing item scores 0 and says it was not reported, by when")
  func zero() throws {
    let card = try east(.zero)
    // 0 + 0 + 10 × 0.9 + 0 + 20 × 1 = 29.00
    #expect(card.items.map(\.points) == [0, 0, 9, 0, 20])
    #expect(card.basic == 29)
    #expect(card.items.map(\.status) == [.missing, .missing, .scored, .missing, .scored])
    #expect(
      card.items[0].explanation.zh == "未报2024年第四季度（1-12月）数据（截止 2025-01-20），按方案缺报计0分")
    #expect(
      card.items[0].explanation.en
        == "the fourth-quarter 2024 (Jan–Dec) figure was not reported (due 2025-01-20); the scheme scores a missing figure 0"
    )
    #expect(!card.isProvisional)
    #expect(
      card.missingNote?.zh == "缺2024年第四季度（1-12月）数据：3 项未报（截止 2025-01-20），3 项计0分")
  }

  @Test("reweight: missing items are left out and their weight shared among the others")
  func reweight() throws {
    let card = try east(.reweight)
    // Left: port 10 and tasks 20 of 30, scaled to 100: 33.333… and 66.666…, in hundredths 3333 +
    // 6666 = 9999, the last hundredth to the larger remainder (tasks, .67): 33.33 and 66.67.
    #expect(card.items.map(\.weight) == [0, 0, Decimal(string: "33.33"), 0, Decimal(string: "66.67")])
    // port 33.33 × 0.9 = 29.997 → 30.00; tasks 66.67 × 1 = 66.67; basic 96.67.
    #expect(card.items.map(\.points) == [0, 0, 30, 0, Decimal(string: "66.67")])
    #expect(card.basic == Decimal(string: "96.67"))
    #expect(card.items.map(\.status) == [.excluded, .excluded, .scored, .excluded, .scored])
    #expect(
      card.items[0].explanation.zh
        == "未报2024年第四季度（1-12月）数据（截止 2025-01-20），按方案不计此项，其权重按比例分摊到其他项目")
    #expect(
      card.items[2].explanation.zh
        == "权重按比例折算：10 × 100 ÷ 30 ≈ 33.33（有未报项目不计）；完成率 = 45.0 ÷ 50.0 = 90.00%，得分 = 33.33 × 0.9 = 30.00")
    #expect(
      card.missingNote?.zh
        == "缺2024年第四季度（1-12月）数据：3 项未报（截止 2025-01-20），3 项不计、权重分摊到其他项目")
  }

  @Test("last_quarter: a flow projected by its seasonal share, a stock as it is, no quarter scores 0")
  func lastQuarter() throws {
    let card = try east(.lastQuarter)
    // output: 54.0 ÷ 0.75 = 72.0, completion 72.0 ÷ 100.0 = 72.00 %, 40 × 0.72 = 28.80;
    // count: 9 as it is, 9 ÷ 10 = 90.00 %, 20 × 0.9 = 18.00; port 9.00; rate: nothing reported
    // in the year, 0; tasks 20.00. Basic 28.80 + 18.00 + 9.00 + 0 + 20.00 = 75.80.
    #expect(card.items.map(\.points) == [Decimal(string: "28.8"), 18, 9, 0, 20])
    #expect(card.basic == Decimal(string: "75.8"))
    #expect(card.items.map(\.status) == [.provisional, .provisional, .scored, .missing, .scored])
    #expect(card.items[0].actual == 72)
    #expect(
      card.items[0].explanation.zh
        == "暂估：未报2024年第四季度（1-12月）数据（截止 2025-01-20），按2024年第三季度（1-9月）累计数与季节占比推算："
        + "54.0 ÷ 0.75 = 72.0；完成率 = 72.0 ÷ 100.0 = 72.00%，得分 = 40 × 0.72 = 28.80")
    #expect(
      card.items[1].explanation.zh
        == "暂估：未报2024年第四季度（1-12月）数据（截止 2025-01-20），暂按2024年第三季度（1-9月）数据 9 计；"
        + "完成率 = 9 ÷ 10 = 90.00%，得分 = 20 × 0.9 = 18.00")
    #expect(
      card.items[3].explanation.zh
        == "未报2024年第四季度（1-12月）数据（截止 2025-01-20），本年无已报季度数据可作暂估，计0分")
    #expect(card.isProvisional)
    #expect(
      card.missingNote?.zh
        == "缺2024年第四季度（1-12月）数据：3 项未报（截止 2025-01-20），2 项按本年最近一个已报季度暂估，1 项计0分，得分为暂估分")
    #expect(
      card.missingNote?.en
        == "missing fourth-quarter 2024 (Jan–Dec) figures: 3 items not reported (due 2025-01-20); 2 scored "
        + "provisionally on the last quarter reported, 1 scored 0; the score is provisional")
  }

  @Test("The dense engine scores the provisional figures alike, and a figure coming in is scored as reported")
  func engineAgrees() throws {
    var scheme = try AssessmentFixture.scheme(plan: plan)
    for rule in MissingFigureRule.allCases {
      scheme.missing = rule
      let grid = scheme.grid(inputs(), plan: plan)
      var engine = try Assessor(compiled: CompiledScheme(scheme: scheme, plan: plan, grid: grid), grid: grid)
      let expected = try east(rule).total
      #expect(engine.standing(of: "district.east")?.total == expected, "\(rule)")
      // The output's 1–12月 figure comes in at 80.0: 40 × 0.8 = 32.00 under every rule.
      let output = try #require(grid.indicators.firstIndex(of: "alpha.output"))
      let east = try #require(grid.orgs.firstIndex(of: "district.east"))
      engine.update(indicator: output, org: east, figure: AssessmentFigure(actual: 80, target: 100))
      var reported = inputs()
      reported.set("district.east", "alpha.output", AssessmentFigure(actual: 80, target: 100))
      let fresh = scheme.assess(reported, plan: plan).scorecard(for: "district.east")
      #expect(engine.standing(of: "district.east")?.total == fresh?.total, "\(rule)")
      #expect(fresh?.items.first?.status == .scored)
      // 40 × 0.8 = 32.00; under reweight count and rate are still left out, so output weighs
      // 40 × 100 ÷ 70 = 57.142… → 57.14 (port 14.29 takes the last hundredth), 57.14 × 0.8 = 45.71.
      #expect(fresh?.items.first?.points == (rule == .reweight ? Decimal(string: "45.71") : 32), "\(rule)")
    }
  }

  @Test("The scheme reads `missing:`, refuses an unknown rule, and scores 0 without it")
  func decoding() throws {
    let text = AssessmentFixture.scheme.replacingOccurrences(
      of: "district:\n", with: "missing: last_quarter\ndistrict:\n")
    #expect(try AssessmentFixture.scheme(text, plan: plan).missing == .lastQuarter)
    #expect(try AssessmentFixture.scheme(plan: plan).missing == .zero)
    let wrong = AssessmentFixture.scheme.replacingOccurrences(
      of: "district:\n", with: "missing: last_quater\ndistrict:\n")
    let (scheme, diagnostics) = AssessmentFixture.decode(wrong, plan: plan)
    #expect(scheme == nil)
    expectAssessmentDiagnostic(
      diagnostics, at: "Config/assessment.yaml:3:10",
      "'last_quater' is not a valid value for 'missing'; expected one of 'zero', 'reweight', 'last_quarter'.",
      hint: "did you mean 'last_quarter'?")
  }
}
