// The assessment the benchmark times: a scheme shaped like Config/assessment.yaml over the generated
// indicators, and generated events. ILLUSTRATIVE: every weight, rule and event is made up.
import Foundation
import ZhibiaoKernel

enum BenchmarkScheme {
  static let location = SourceLocation(file: "benchmark-assessment.yaml", line: 1, column: 1)

  /// The rule each kind of indicator is scored by, as the repository's scheme scores a bureau's
  /// owned indicators (stocks piecewise, so that every rule is timed).
  static let rules: [Indicator.Kind: ScoringRule] = [
    .flow: .completion(CompletionScoring(cap: decimal("1.2"), floor: decimal("0.6"))),
    .stock: .piecewise(PiecewiseScoring(perPoint: decimal("0.2"), maxAbove: 1, maxBelow: 5)),
    .ratio: .gap(GapScoring(perPoint: 4)),
    .growthRate: .gap(GapScoring(perPoint: decimal("0.3"))),
    .rank: .completion(CompletionScoring(cap: 1)),
    .qualitative: .graded(GradedScoring()),
  ]

  static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  static func text(_ zh: String, _ en: String) -> LocalizedText { LocalizedText(zh: zh, en: en) }

  /// Districts: every indicator they report is an item, 90 points in equal hundredths (the first
  /// a headline item), and 10 points of graded key tasks. The city bureau: every indicator it owns,
  /// in equal shares of 80 points, and 20 points of key tasks. Bonus and deduction categories with
  /// caps, a veto and four grades, 优秀 held to 15 %.
  static func scheme(districtItems: [(id: IndicatorID, kind: Indicator.Kind)]) -> AssessmentScheme {
    let count = max(districtItems.count, 1)
    var items = districtItems.enumerated().map { index, indicator in
      let hundredths = 9_000 / count + (index < 9_000 % count ? 1 : 0)
      return AssessmentItem(
        id: indicator.id.rawValue, indicator: indicator.id, name: text("指标", "Indicator"),
        weight: Decimal(hundredths) / 100, rule: rules[indicator.kind]!, headline: index == 0, location: location)
    }
    items.append(tasks(weight: 10))
    let grades = [
      AssessmentGrade(id: "excellent", name: text("优秀", "Excellent"), from: 90, quota: decimal("0.15")),
      AssessmentGrade(id: "good", name: text("良好", "Good"), from: 80, to: 90),
      AssessmentGrade(id: "pass", name: text("合格", "Pass"), from: 60, to: 80),
      AssessmentGrade(id: "fail", name: text("不合格", "Fail"), from: 0, to: 60),
    ]
    let bonus = AssessmentAdjustmentPolicy(
      cap: 5, categories: [AssessmentEventCategory(id: "national", name: text("国家级", "National"), points: 1, cap: 3)])
    let deduction = AssessmentAdjustmentPolicy(
      cap: 10,
      categories: [
        AssessmentEventCategory(id: "late_data", name: text("迟报", "Late data"), points: decimal("0.5"), cap: 2)
      ])
    let veto = AssessmentVetoPolicy(
      maxGrade: "pass", categories: [AssessmentEventCategory(id: "fraud", name: text("统计造假", "Falsified"))])
    let districts = AssessmentSection(
      orgKind: .district, basicPoints: 100, items: items, bonus: bonus, deduction: deduction, veto: veto,
      grades: grades, tieBreak: [.headline, .basic, .id], location: location)
    let bureaus = AssessmentSection(
      orgKind: .bureau, basicPoints: 100, items: [tasks(weight: 20)],
      owned: AssessmentOwnedIndicators(points: 80, rules: rules), bonus: AssessmentAdjustmentPolicy(cap: 3),
      grades: [grades[0], grades[2]], location: location)
    return AssessmentScheme(
      name: text("基准考核办法", "Benchmark scheme"), sections: [districts, bureaus], location: location)
  }

  static func tasks(weight: Decimal) -> AssessmentItem {
    AssessmentItem(
      id: "tasks", indicator: nil, name: text("重点任务落实", "Key tasks delivered"), weight: weight,
      rule: .graded(GradedScoring()), location: location)
  }

  /// Every org's key tasks graded, a national recognition for one district in twenty, late data
  /// for another one in twenty, one veto.
  static func events(orgs: [OrgID], using rng: inout some RandomNumberGenerator) -> AssessmentEvents {
    var events = AssessmentEvents()
    let grades = AssessmentTaskGrade.standard.map(\.id)
    for (index, org) in orgs.enumerated() {
      events.grades[org] = ["tasks": grades[Int.random(in: 0..<grades.count, using: &rng)]]
      guard org.rawValue.hasPrefix("district.") else { continue }
      if index % 20 == 3 { events.bonuses.append(.init(org: org, category: "national", points: 1, reason: "示范")) }
      if index % 20 == 11 {
        events.deductions.append(.init(org: org, category: "late_data", points: decimal("0.5"), reason: "迟报"))
      }
      if index == 7 { events.vetoes.append(.init(org: org, category: "fraud", reason: "统计造假")) }
    }
    return events
  }
}
