// Each scoring rule, by hand: the rule's own worked examples (one generic test over every
// rule, as a linter checks its self-describing rules) and further hand-computed cases of caps,
// floors, inversion for lower-is-better, gaps and piecewise limits.

import Foundation
import Testing
import ZhibiaoKernel

/// The fixture indicator each kind of example is scored on.
private let indicatorOfKind: [Indicator.Kind: IndicatorID] = [
  .flow: "alpha.output", .stock: "alpha.count", .ratio: "alpha.rate", .growthRate: "alpha.growth",
  .rank: "alpha.rank", .qualitative: "alpha.aim",
]

/// Scores one item written as `rule` (a flow mapping of the rule's keys) on the fixture
/// indicator of `kind`, for bureau.a on the city figures.
private func scoreItem(
  rule: String, kind: Indicator.Kind, weight: Decimal, actual: Decimal? = nil, target: Decimal? = nil,
  grade: String? = nil, plan: Plan, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> ScoredItem {
  let indicator = try #require(indicatorOfKind[kind], sourceLocation: sourceLocation)
  let keys = rule.trimmingCharacters(in: .whitespaces).dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
  let text = """
    scheme:
      name: { zh: 例, en: Example }
    bureau:
      basic_points: \(weight)
      items:
        - { indicator: \(indicator), weight: \(weight), \(keys) }
      grades:
        - { id: all, name: { zh: 全部, en: All }, from: 0 }

    """
  let scheme = try AssessmentFixture.scheme(text, plan: plan, sourceLocation: sourceLocation)
  var inputs = AssessmentInputs(year: 2024)
  inputs.setCity(indicator, AssessmentFigure(actual: actual, target: target))
  if let grade { inputs.events.grades["bureau.a"] = [indicator.rawValue: grade] }
  let card = try #require(scheme.assess(inputs, plan: plan).scorecard(for: "bureau.a"), sourceLocation: sourceLocation)
  return try #require(card.items.first, sourceLocation: sourceLocation)
}

@Suite("Assessment scoring rules")
struct AssessmentRuleTests {
  @Test("Every rule describes itself: a unique id, names and formula in both languages, examples of every kind")
  func rulesDescribeThemselves() {
    let ids = ScoringRule.all.map(\.id)
    #expect(ids == ["completion", "gap", "piecewise", "graded"])
    for rule in ScoringRule.all {
      #expect(!rule.name.zh.isEmpty && !rule.name.en.isEmpty, "\(rule.id) has no name")
      #expect(!rule.formula.zh.isEmpty && !rule.formula.en.isEmpty, "\(rule.id) has no formula")
      #expect(!rule.kinds.isEmpty, "\(rule.id) scores no kind of indicator")
      #expect(!rule.examples.isEmpty, "\(rule.id) has no worked example")
      #expect(Set(rule.parameters.map(\.key)).count == rule.parameters.count)
      for parameter in rule.parameters {
        #expect(!parameter.meaning.zh.isEmpty && !parameter.meaning.en.isEmpty)
      }
      for example in rule.examples {
        #expect(rule.kinds.contains(example.kind), "\(rule.id): an example of a kind it does not score")
        #expect(example.yaml.contains("rule: \(rule.id)"), "\(rule.id): example \(example.yaml)")
      }
    }
    // Every kind of indicator but none is scored by some rule.
    let scored = Set(ScoringRule.all.flatMap(\.kinds))
    #expect(scored == Set(Indicator.Kind.allCases))
  }

  @Test(
    "Every rule's worked examples score as stated, through the scheme decoder and the engine",
    arguments: ScoringRule.all.flatMap { rule in rule.examples.map { (rule.id, $0) } })
  func workedExample(rule: String, example: ScoringRuleExample) throws {
    let plan = try AssessmentFixture.plan()
    let indicatorID = try #require(indicatorOfKind[example.kind])
    let indicator = try #require(plan.indicator(indicatorID))
    #expect(indicator.direction == example.direction)
    #expect(indicator.precision == example.precision)
    let item = try scoreItem(
      rule: example.yaml, kind: example.kind, weight: example.weight, actual: example.actual, target: example.target,
      grade: example.grade, plan: plan)
    #expect(item.rule == rule)
    #expect(item.points == example.points, "\(example.yaml): \(item.explanation.zh)")
    #expect(item.explanation.zh == example.explanation)
    #expect(!item.explanation.en.isEmpty)
  }

  // MARK: - Completion

  @Test("Completion: 231.2 of 240 on a weight of 10 is 96.33 %, 9.63 points")
  func completionBelowTarget() throws {
    let plan = try AssessmentFixture.plan()
    let item = try scoreItem(
      rule: "{ rule: completion }", kind: .flow, weight: 10, actual: Decimal(string: "231.2"), target: 240, plan: plan)
    #expect(item.completion == Decimal(string: "0.9633"))
    #expect(item.points == Decimal(string: "9.63"))
    #expect(item.status == .scored)
    #expect(item.explanation.en == "Completion = 231.2 ÷ 240.0 = 96.33%; points = 10 × 0.9633 = 9.63")
  }

  @Test("Completion is capped: 150 of 100 counts as the default cap 120 %, and at most what the cap says")
  func completionCap() throws {
    let plan = try AssessmentFixture.plan()
    let byDefault = try scoreItem(
      rule: "{ rule: completion }", kind: .flow, weight: 15, actual: 150, target: 100, plan: plan)
    #expect(byDefault.completion == Decimal(string: "1.5"))
    #expect(byDefault.points == 18)  // 15 × 1.2
    let atOne = try scoreItem(
      rule: "{ rule: completion, cap: 1 }", kind: .flow, weight: 15, actual: 150, target: 100, plan: plan)
    #expect(atOne.points == 15)
    let loose = try scoreItem(
      rule: "{ rule: completion, cap: 1.5 }", kind: .flow, weight: 15, actual: 130, target: 100, plan: plan)
    #expect(loose.points == Decimal(string: "19.5"))  // 15 × 1.3, below the cap
  }

  @Test("Completion below the floor scores 0; at the floor it scores in full proportion")
  func completionFloor() throws {
    let plan = try AssessmentFixture.plan()
    let below = try scoreItem(
      rule: "{ rule: completion, floor: 0.6 }", kind: .flow, weight: 15, actual: Decimal(string: "59.9"), target: 100,
      plan: plan)
    #expect(below.completion == Decimal(string: "0.599"))
    #expect(below.points == 0)
    #expect(below.explanation.zh == "完成率 = 59.9 ÷ 100.0 = 59.90%，低于保底 60%，得分 = 0")
    let at = try scoreItem(
      rule: "{ rule: completion, floor: 0.6 }", kind: .flow, weight: 15, actual: 60, target: 100, plan: plan)
    #expect(at.points == 9)  // 15 × 0.6
  }

  @Test("Completion of a rank is inverted: rank 5 against at most 4 is 4 ÷ 5 = 80 %; rank 3 is capped")
  func completionInvertedForRanks() throws {
    let plan = try AssessmentFixture.plan()
    let behind = try scoreItem(rule: "{ rule: completion }", kind: .rank, weight: 10, actual: 5, target: 4, plan: plan)
    #expect(behind.completion == Decimal(string: "0.8"))
    #expect(behind.points == 8)
    let ahead = try scoreItem(
      rule: "{ rule: completion, cap: 1 }", kind: .rank, weight: 10, actual: 3, target: 4, plan: plan)
    #expect(ahead.completion == Decimal(string: "1.3333"))
    #expect(ahead.points == 10)
    // 4 ÷ 6 = 0.666666… rounds half up to 0.6667; 10 × 0.6667 = 6.667 → 6.67.
    let far = try scoreItem(rule: "{ rule: completion }", kind: .rank, weight: 10, actual: 6, target: 4, plan: plan)
    #expect(far.completion == Decimal(string: "0.6667"))
    #expect(far.points == Decimal(string: "6.67"))
  }

  @Test("Completion rounds the ratio half up to 0.01 % before the points: 19267 of 20000 is 96.34 %, not 96.33 %")
  func completionRoundsHalfUp() throws {
    let plan = try AssessmentFixture.plan()
    // The stock's precision is 1, so a figure of 19267 against 20000 gives exactly 0.96335.
    let item = try scoreItem(
      rule: "{ rule: completion }", kind: .stock, weight: 10, actual: 19267, target: 20000, plan: plan)
    #expect(item.completion == Decimal(string: "0.9634"))
    #expect(item.points == Decimal(string: "9.63"))  // 10 × 0.9634 = 9.634
  }

  @Test("Completion with a target of 0: met when the actual is 0 or more, otherwise 0 points")
  func completionZeroTarget() throws {
    let plan = try AssessmentFixture.plan()
    let met = try scoreItem(rule: "{ rule: completion }", kind: .stock, weight: 5, actual: 0, target: 0, plan: plan)
    #expect(met.points == 5)
    #expect(met.completion == nil)
    let fell = try scoreItem(rule: "{ rule: completion }", kind: .stock, weight: 5, actual: -1, target: 0, plan: plan)
    #expect(fell.points == 0)
    #expect(fell.explanation.zh == "完成率无定义（目标 0，实际 −1），实际 < 目标，未完成，得分 = 0")
  }

  @Test("A missing actual or target scores 0 and says which is missing")
  func missingFigures() throws {
    let plan = try AssessmentFixture.plan()
    let noActual = try scoreItem(rule: "{ rule: completion }", kind: .flow, weight: 10, target: 100, plan: plan)
    #expect(noActual.points == 0)
    #expect(noActual.status == .missing)
    #expect(noActual.explanation.zh == "缺少实际值，不得分")
    let noTarget = try scoreItem(rule: "{ rule: gap, per_point: 1 }", kind: .ratio, weight: 10, actual: 4, plan: plan)
    #expect(noTarget.status == .missing)
    #expect(noTarget.explanation.zh == "缺少目标值，不得分")
  }

  @Test("The actual is taken at the indicator's precision: a derived 3.8749 % is scored as 3.87 %")
  func actualAtPrecision() throws {
    let plan = try AssessmentFixture.plan()
    let item = try scoreItem(
      rule: "{ rule: gap, per_point: 5 }", kind: .ratio, weight: 10, actual: Decimal(string: "3.8749"), target: 4,
      plan: plan)
    #expect(item.actual == Decimal(string: "3.87"))
    #expect(item.gap == Decimal(string: "-0.13"))
    #expect(item.points == Decimal(string: "9.35"))  // 10 − 5 × 0.13
  }

  // MARK: - Gap

  @Test("Gap: full points at or above the target, −k per percentage point below, never below 0")
  func gapRule() throws {
    let plan = try AssessmentFixture.plan()
    let at = try scoreItem(
      rule: "{ rule: gap, per_point: 5 }", kind: .ratio, weight: 10, actual: 4, target: 4, plan: plan)
    #expect(at.points == 10)
    let above = try scoreItem(
      rule: "{ rule: gap, per_point: 5 }", kind: .ratio, weight: 10, actual: 4.5, target: 4, plan: plan)
    #expect(above.points == 10)
    let below = try scoreItem(
      rule: "{ rule: gap, per_point: 5 }", kind: .ratio, weight: 10, actual: 3.25, target: 4, plan: plan)
    #expect(below.gap == Decimal(string: "-0.75"))
    #expect(below.points == Decimal(string: "6.25"))  // 10 − 5 × 0.75
    let far = try scoreItem(
      rule: "{ rule: gap, per_point: 5 }", kind: .ratio, weight: 10, actual: 1, target: 4, plan: plan)
    #expect(far.points == 0)  // 10 − 15 → 0
  }

  @Test("Gap above the target earns per_point_above up to the cap")
  func gapAboveTarget() throws {
    let plan = try AssessmentFixture.plan()
    let rule = "{ rule: gap, per_point: 1, per_point_above: 0.5, cap: 1.2 }"
    let little = try scoreItem(rule: rule, kind: .growthRate, weight: 10, actual: 22, target: 20, plan: plan)
    #expect(little.points == 11)  // 10 + min(0.5 × 2, 2)
    let much = try scoreItem(rule: rule, kind: .growthRate, weight: 10, actual: 30, target: 20, plan: plan)
    #expect(much.points == 12)  // 10 + min(0.5 × 10, 10 × 0.2)
    #expect(much.explanation.zh == "差距 = 30.00 − 20.00 = +10.00个百分点，得分 = 10 + min(0.5 × 10.00, 2) = 12.00")
  }

  // MARK: - Piecewise

  @Test("Piecewise: ± k per percentage point of completion around full points, within ± limits")
  func piecewiseRule() throws {
    let plan = try AssessmentFixture.plan()
    let rule = "{ rule: piecewise, per_point: 0.5, max_above: 2, max_below: 6 }"
    let at = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 100, target: 100, plan: plan)
    #expect(at.points == 10)
    #expect(at.explanation.zh == "完成率 = 100.0 ÷ 100.0 = 100.00%，达到目标，得满分 10.00")
    let above = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 103, target: 100, plan: plan)
    #expect(above.points == Decimal(string: "11.5"))  // 10 + 0.5 × 3
    let aboveCapped = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 110, target: 100, plan: plan)
    #expect(aboveCapped.points == 12)  // 10 + min(5, 2)
    let below = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 92.5, target: 100, plan: plan)
    #expect(below.points == Decimal(string: "6.25"))  // 10 − 0.5 × 7.5
    let belowCapped = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 70, target: 100, plan: plan)
    #expect(belowCapped.points == 4)  // 10 − min(15, 6)
  }

  @Test("Piecewise defaults: +0.2 × weight at most above, down to 0 below; inverted for ranks")
  func piecewiseDefaults() throws {
    let plan = try AssessmentFixture.plan()
    let rule = "{ rule: piecewise, per_point: 1 }"
    let above = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 150, target: 100, plan: plan)
    #expect(above.points == 12)
    let below = try scoreItem(rule: rule, kind: .flow, weight: 10, actual: 50, target: 100, plan: plan)
    #expect(below.points == 0)
    // Rank 5 against at most 4: completion 80 %, 20 points below: 10 − min(20, 10) = 0.
    let rank = try scoreItem(
      rule: "{ rule: piecewise, per_point: 0.25 }", kind: .rank, weight: 10, actual: 5, target: 4, plan: plan)
    #expect(rank.points == 5)  // 10 − 0.25 × 20
  }

  // MARK: - Grades

  @Test("Graded items earn weight × the grade's anchor value; a grade may be written by id or by name")
  func gradedRule() throws {
    let plan = try AssessmentFixture.plan()
    for (grade, points) in [("完成", 10), ("基本完成", 8), ("部分完成", 5), ("未完成", 0), ("completed", 10)] as [(String, Decimal)]
    {
      let item = try scoreItem(rule: "{ rule: graded }", kind: .qualitative, weight: 10, grade: grade, plan: plan)
      #expect(item.points == points, "\(grade)")
    }
  }

  @Test("Scores agree with plain Decimal arithmetic on random figures, large and small, positive and negative")
  func agreesWithDecimalArithmetic() throws {
    let plan = try AssessmentFixture.plan()
    let text = """
      scheme:
        name: { zh: 例, en: Example }
      bureau:
        basic_points: 7.25
        items:
          - { indicator: alpha.output, weight: 7.25, rule: completion, cap: 1.2 }
        grades:
          - { id: all, name: { zh: 全部, en: All }, from: 0 }

      """
    let scheme = try AssessmentFixture.scheme(text, plan: plan)
    var state: UInt64 = 0x5EED
    func next(_ bound: UInt64) -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return (state >> 33) % bound
    }
    let (cap, weight) = (Decimal(string: "1.2")!, Decimal(string: "7.25")!)
    for round in 0..<500 {
      // Tenths (the indicator's precision), up to 10¹⁴ so that some exceed the integer path.
      let scale = Decimal(sign: .plus, exponent: Int(next(15)), significand: 1)
      let actual = Decimal(Int64(next(2_000_000)) - 100_000) * scale / 10
      let target = Decimal(Int64(next(1_000_000)) + 1) * scale / 10
      var inputs = AssessmentInputs(year: 2024)
      inputs.setCity("alpha.output", AssessmentFigure(actual: actual, target: target))
      let card = try #require(scheme.assess(inputs, plan: plan).scorecard(for: "bureau.a"))
      let ratio = DecimalArithmetic.rounded(actual / target, scale: 4, .plain)
      let score = min(max(ratio, 0), cap)
      let points = DecimalArithmetic.rounded(weight * score, scale: 2, .plain)
      #expect(card.items[0].completion == ratio, "round \(round): \(actual) / \(target)")
      #expect(card.items[0].points == points, "round \(round): \(actual) / \(target)")
    }
  }
}
