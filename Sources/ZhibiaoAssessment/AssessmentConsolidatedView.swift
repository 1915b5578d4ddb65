import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// The consolidated view of a year (总体情况): each goal group of the plan's 1+4+3 system with
/// the status of its indicators on the city figures, the count of targets met across the plan,
/// and the city's own total on the district items.
public struct AssessmentConsolidatedView: Sendable {
  /// One indicator's standing on the city figures.
  public struct IndicatorStatus: Hashable, Sendable {
    /// Where an indicator stands.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
      /// The city figure meets the year's target.
      case met
      /// The city figure falls short of it.
      case behind
      /// No figure or no target.
      case noData = "no_data"
      /// A qualitative aim, graded.
      case graded
    }

    /// The indicator.
    public var indicator: IndicatorID
    /// Its name.
    public var name: LocalizedText
    /// The bureau answerable for the city figure.
    public var owner: OrgID
    /// The city's actual figure, at the indicator's precision.
    public var actual: Decimal?
    /// The year's city target.
    public var target: Decimal?
    /// The completion ratio (inverted when lower is better), for amounts and ranks.
    public var completion: Decimal?
    /// The gap in percentage points, for rates.
    public var gap: Decimal?
    /// The grade of a qualitative aim.
    public var grade: AssessmentTaskGrade?
    /// Where it stands.
    public var status: Status
    /// The numbers, in a sentence.
    public var explanation: LocalizedText
  }

  /// A goal group and its indicators.
  public struct Group: Hashable, Sendable {
    /// The group.
    public var goal: GoalID
    /// Its name.
    public var name: LocalizedText
    /// Its place in 1+4+3.
    public var kind: GoalGroup.Kind
    /// Its indicators, in the plan's order.
    public var indicators: [IndicatorStatus]
    /// How many meet their target (a qualitative aim graded at full value, 1, counts as met).
    public var met: Int { indicators.filter(\.counted).count }
    /// How many have a figure or a grade.
    public var reported: Int { indicators.filter { $0.status != .noData }.count }
    /// "2 of 3 met; 1 without data".
    public var summary: LocalizedText {
      let missing = indicators.count - reported
      return AssessmentText.text(
        "\(indicators.count) 项指标中 \(met) 项达到年度目标" + (missing > 0 ? "，\(missing) 项缺数据或未评定" : ""),
        "\(met) of \(indicators.count) meet the year's target" + (missing > 0 ? "; \(missing) without data" : ""))
    }
  }

  /// The year.
  public var year: Int
  /// The goal groups, in the plan's order.
  public var groups: [Group]
  /// Every indicator with a target or an aim, on the city figures.
  public var indicators: [IndicatorStatus]
  /// The city scored on the district section's indicator items (items that are not indicators,
  /// such as graded tasks, do not apply and their weight is shared out); nil without a district
  /// section.
  public var cityItems: [ScoredItem]?
  /// The city's total on those items.
  public var cityTotal: Decimal?
  /// The band the city's total falls in.
  public var cityGrade: AssessmentGrade?

  /// How many of the plan's targets the city meets this year.
  public var met: Int { indicators.filter(\.counted).count }

  /// Builds the view from the city figures of `inputs` (and the grades given to each qualitative
  /// aim's owner).
  public static func build(plan: Plan, scheme: AssessmentScheme, inputs: AssessmentInputs) -> Self {
    let statuses = plan.targetIndicators.map { status(of: $0, inputs: inputs, scheme: scheme) }
    let byID = Dictionary(statuses.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
    let groups = plan.goals.map { goal in
      Group(goal: goal.id, name: goal.name, kind: goal.kind, indicators: goal.indicators.compactMap { byID[$0] })
    }
    var view = Self(year: inputs.year, groups: groups, indicators: statuses)
    if let section = scheme.section(for: .district) {
      let city = Org(
        id: plan.leadingGroup, kind: .leadingGroup, name: AssessmentText.text("全市", "City"),
        location: section.location)
      var assessment = SectionAssessment(scheme: scheme, section: section, plan: plan, inputs: inputs)
      assessment.indicatorsOnly = true
      let card = assessment.scorecard(city)
      view.cityItems = card.items
      view.cityTotal = card.basic
      view.cityGrade = section.grades.isEmpty ? nil : section.grades[section.band(for: card.basic)]
    }
    return view
  }

  static func status(of indicator: Indicator, inputs: AssessmentInputs, scheme: AssessmentScheme) -> IndicatorStatus {
    var status = IndicatorStatus(
      indicator: indicator.id, name: indicator.name, owner: indicator.owner, actual: nil, target: nil,
      completion: nil, gap: nil, grade: nil, status: .noData,
      explanation: AssessmentText.text("缺少实际值或目标值", "No actual figure or no target"))
    if indicator.kind == .qualitative {
      let given = inputs.events.grades[indicator.owner]?[indicator.id.rawValue]
      guard let grade = given.flatMap({ AssessmentTaskGrade.find($0, in: scheme.taskGrades) }) else {
        status.explanation = AssessmentText.text("未评定", "Not graded")
        return status
      }
      status.grade = grade
      status.status = .graded
      status.explanation = AssessmentText.text("评定为\(grade.name.zh)", "Graded \(grade.name.en)")
      return status
    }
    let given = inputs.cityFigures[indicator.id]
    let figure = RuleFigure(
      actual: given?.actual, target: given?.target, direction: indicator.direction, precision: indicator.precision)
    status.actual = figure.actual
    status.target = figure.target
    guard let actual = figure.actual, let target = figure.target else { return status }
    let met = indicator.direction == .higher ? actual >= target : actual <= target
    status.status = met ? .met : .behind
    let (a, t) = (figure.text(actual), figure.text(target))
    let sign = indicator.direction == .higher ? "≥" : "≤"
    let verdict = met ? ("达到", "met") : ("未达到", "not met")
    if indicator.kind == .ratio || indicator.kind == .growthRate {
      let raw = indicator.direction == .higher ? actual - target : target - actual
      let gap = AssessmentText.round(raw, AssessmentText.pointScale)
      status.gap = gap
      let d = AssessmentText.signedPoints(gap)
      status.explanation = AssessmentText.text(
        "实际 \(a)，目标 \(sign) \(t)，差距 \(d)个百分点，\(verdict.0)",
        "actual \(a), target \(sign) \(t), gap \(d) percentage points: \(verdict.1)")
    } else {
      let completion = CompletionRatio(actual: actual, target: target, direction: figure.direction)
      status.completion = completion.ratio
      let rate = completion.ratio.map { AssessmentText.percent($0) } ?? "—"
      status.explanation = AssessmentText.text(
        "实际 \(a)，目标 \(sign) \(t)，完成率 \(rate)，\(verdict.0)",
        "actual \(a), target \(sign) \(t), completion \(rate): \(verdict.1)")
    }
    return status
  }
}

extension AssessmentConsolidatedView.IndicatorStatus {
  /// Whether it counts as met: a target met, or an aim graded at full value (1).
  var counted: Bool { status == .met || (status == .graded && grade?.value ?? 0 >= 1) }
}
