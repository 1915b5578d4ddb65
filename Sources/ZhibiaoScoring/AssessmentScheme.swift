import Foundation
import ZhibiaoPlan

/// The assessment scheme (考核办法): for each kind of org assessed — districts and lead
/// bureaus, at the same time on the same indicators (同步考核) — the items and their weights,
/// bonuses and deductions with their caps, the veto, the grade bands with their quotas, and
/// how ties are settled. Read from `Config/assessment.yaml` by `decode(_:plan:)`.
public struct AssessmentScheme: Sendable {
  /// The scheme's name.
  public var name: LocalizedText
  /// The anchored grades of qualitative items, best first.
  public var taskGrades: [AssessmentTaskGrade]
  /// One section per kind of org assessed, in the order written.
  public var sections: [AssessmentSection]
  /// What is done with an item whose figure was not reported (`missing:`; `zero` when absent).
  public var missing: MissingFigureRule
  /// Where the grades of items listing key tasks come from (`task_grading:`; `events` when absent).
  public var taskGrading: TaskGrading = .events
  /// Where the scheme was read from.
  public var location: SourceLocation

  /// Creates a scheme.
  public init(
    name: LocalizedText, taskGrades: [AssessmentTaskGrade] = AssessmentTaskGrade.standard,
    sections: [AssessmentSection], missing: MissingFigureRule = .zero, location: SourceLocation
  ) {
    self.name = name
    self.taskGrades = taskGrades
    self.sections = sections
    self.missing = missing
    self.location = location
  }

  /// The section that assesses orgs of `kind`.
  public func section(for kind: Org.Kind) -> AssessmentSection? {
    sections.first { $0.orgKind == kind }
  }
}

/// How one kind of org is assessed.
///
/// A district is scored on its own figures; a bureau on the city figures of the indicators it
/// is assessed on — the common `items`, and under `owned` every target indicator it owns, in
/// equal shares.
public struct AssessmentSection: Sendable {
  /// The kind of org assessed: `district` or `bureau`.
  public var orgKind: Org.Kind
  /// The basic points (基本分) the weights add up to, e.g. 100.
  public var basicPoints: Decimal
  /// The items every org of the kind is scored on.
  public var items: [AssessmentItem]
  /// For bureaus: the indicators each owns, scored in equal shares of `points`.
  public var owned: AssessmentOwnedIndicators?
  /// Bonus points (加分) and their cap; nil when the section gives none.
  public var bonus: AssessmentAdjustmentPolicy?
  /// Deductions (扣分) and their cap; nil when the section takes none.
  public var deduction: AssessmentAdjustmentPolicy?
  /// The veto (一票否决), which caps the grade.
  public var veto: AssessmentVetoPolicy?
  /// The deduction per supervision notice left unanswered, and its cap; nil when notices count for nothing.
  public var notices: AssessmentNoticePolicy?
  /// The grade bands, best first.
  public var grades: [AssessmentGrade]
  /// How orgs with equal totals are ordered, after the total; `id` always comes last.
  public var tieBreak: [AssessmentTieBreak]
  /// The highest total an org could reach: every item at its maximum plus the bonus cap.
  public var maximumTotal: Decimal
  /// Where the section starts.
  public var location: SourceLocation

  /// Creates a section. `maximumTotal` is computed from the items, the owned share and the bonus
  /// cap.
  public init(
    orgKind: Org.Kind, basicPoints: Decimal, items: [AssessmentItem], owned: AssessmentOwnedIndicators? = nil,
    bonus: AssessmentAdjustmentPolicy? = nil, deduction: AssessmentAdjustmentPolicy? = nil,
    veto: AssessmentVetoPolicy? = nil, grades: [AssessmentGrade], tieBreak: [AssessmentTieBreak] = [.basic, .id],
    notices: AssessmentNoticePolicy? = nil, location: SourceLocation
  ) {
    self.notices = notices
    self.orgKind = orgKind
    self.basicPoints = basicPoints
    self.items = items
    self.owned = owned
    self.bonus = bonus
    self.deduction = deduction
    self.veto = veto
    self.grades = grades
    self.tieBreak = tieBreak.contains(.id) ? tieBreak : tieBreak + [.id]
    self.location = location
    let itemsMaximum = items.reduce(Decimal(0)) { $0 + $1.rule.maximumPoints(weight: $1.weight) }
    let ownedMaximum = owned.map { owned in
      owned.rules.values.map { $0.maximumPoints(weight: owned.points) }.max() ?? owned.points
    }
    self.maximumTotal = itemsMaximum + (ownedMaximum ?? 0) + (bonus?.cap ?? 0)
  }

  /// The band a total falls in: the first, best first, whose lower bound it reaches; the
  /// lowest band for anything below.
  public func band(for total: Decimal) -> Int {
    grades.firstIndex { total >= $0.from } ?? max(grades.count - 1, 0)
  }
}

/// An item of a section: an indicator scored by a rule, or a qualitative item (重点任务落实)
/// scored on anchored grades.
public struct AssessmentItem: Hashable, Sendable {
  /// The item's id: the indicator's id, or the qualitative item's own (`tasks`).
  public var id: String
  /// The indicator scored; nil for a qualitative item that is not an indicator.
  public var indicator: IndicatorID?
  /// The name shown on scorecards.
  public var name: LocalizedText
  /// The weight in points.
  public var weight: Decimal
  /// The scoring rule.
  public var rule: ScoringRule
  /// Whether it is a headline item, compared first when totals tie.
  public var headline: Bool
  /// For a qualitative item: the key tasks its grade covers (`tasks: all` in YAML: every key task
  /// of the plan, so that each org is graded on those that name it).
  public var tasks: [TaskID]
  /// Where it was written.
  public var location: SourceLocation

  /// Creates an item.
  public init(
    id: String, indicator: IndicatorID?, name: LocalizedText, weight: Decimal, rule: ScoringRule,
    headline: Bool = false, tasks: [TaskID] = [], location: SourceLocation
  ) {
    self.id = id
    self.indicator = indicator
    self.name = name
    self.weight = weight
    self.rule = rule
    self.headline = headline
    self.tasks = tasks
    self.location = location
  }
}

/// The indicators a bureau owns, scored on the city figures in equal shares: `points` split
/// equally over the owned target indicators, in 0.01-point units by largest remainder (the
/// odd hundredths go to the first indicators in the plan's order), each scored by the rule of
/// its kind.
public struct AssessmentOwnedIndicators: Sendable {
  /// The points shared among the owned indicators.
  public var points: Decimal
  /// The rule for each kind of indicator.
  public var rules: [Indicator.Kind: ScoringRule]
  /// Owned indicators left out of the assessment.
  public var exclude: [IndicatorID]

  /// Creates the share.
  public init(points: Decimal, rules: [Indicator.Kind: ScoringRule], exclude: [IndicatorID] = []) {
    self.points = points
    self.rules = rules
    self.exclude = exclude
  }

  /// The target indicators `org` owns and is assessed on, in the plan's order.
  public func indicators(of org: OrgID, in plan: Plan) -> [Indicator] {
    plan.indicators.filter { $0.owner == org && $0.isTarget && !exclude.contains($0.id) }
  }
}

/// Bonus points (加分) or deductions (扣分): listed events, each category with its own cap,
/// and a cap on the whole: counted = min(Σ_categories min(Σ points, category cap), cap).
public struct AssessmentAdjustmentPolicy: Hashable, Sendable {
  /// The most points counted in all.
  public var cap: Decimal
  /// The categories an event may name.
  public var categories: [AssessmentEventCategory]

  /// Creates a policy.
  public init(cap: Decimal, categories: [AssessmentEventCategory] = []) {
    self.cap = cap
    self.categories = categories
  }

  /// The category with `id`.
  public func category(_ id: String) -> AssessmentEventCategory? { categories.first { $0.id == id } }
}

/// A category of bonus, deduction or veto events, e.g. 国家级试点示范 or 数据迟报.
public struct AssessmentEventCategory: Hashable, Sendable {
  /// The id events name.
  public var id: String
  /// The name.
  public var name: LocalizedText
  /// The points of one event when the event states none.
  public var points: Decimal?
  /// The most points the category counts; nil for no cap of its own.
  public var cap: Decimal?

  /// Creates a category.
  public init(id: String, name: LocalizedText, points: Decimal? = nil, cap: Decimal? = nil) {
    self.id = id
    self.name = name
    self.points = points
    self.cap = cap
  }
}

/// 一票否决: an org with a veto event is graded no better than `maxGrade`, whatever its
/// score. The veto does not enter the score or the rank.
public struct AssessmentVetoPolicy: Hashable, Sendable {
  /// The id of the best grade a vetoed org can get, e.g. `pass` (合格).
  public var maxGrade: String
  /// The categories a veto event may name.
  public var categories: [AssessmentEventCategory]

  /// Creates a veto policy.
  public init(maxGrade: String, categories: [AssessmentEventCategory] = []) {
    self.maxGrade = maxGrade
    self.categories = categories
  }
}

/// A grade band (等次): totals from `from` (inclusive) up to the next better band's `from`.
public struct AssessmentGrade: Hashable, Sendable {
  /// The id, e.g. `excellent`.
  public var id: String
  /// The name, e.g. 优秀.
  public var name: LocalizedText
  /// The lowest total in the band.
  public var from: Decimal
  /// The total the band ends below, as written; nil when not written (the next better band's
  /// `from`, or no end for the best band).
  public var to: Decimal?
  /// The most orgs that can have this grade, as a share of the orgs assessed, rounded down;
  /// nil for no quota.
  public var quota: Decimal?

  /// Creates a band.
  public init(id: String, name: LocalizedText, from: Decimal, to: Decimal? = nil, quota: Decimal? = nil) {
    self.id = id
    self.name = name
    self.from = from
    self.to = to
    self.quota = quota
  }

  /// The number of orgs the quota admits among `count`: ⌊quota × count⌋.
  public func limit(among count: Int) -> Int? {
    quota.map { quota in
      NSDecimalNumber(decimal: DecimalArithmetic.rounded(quota * Decimal(count), scale: 0, .down)).intValue
    }
  }
}

/// What settles a tie between equal totals, in the order the scheme lists them.
public enum AssessmentTieBreak: String, Sendable, CaseIterable, Codable {
  /// The higher points on the headline items (the plan's own headline targets) first.
  case headline
  /// The higher basic score (before bonuses and deductions) first.
  case basic
  /// The org id in alphabetical order: stable, unrelated to performance, always last.
  case id

  /// What the criterion compares, for notes.
  public var text: LocalizedText {
    switch self {
    case .headline: LocalizedText(zh: "重点指标得分高者在前", en: "higher points on the headline items first")
    case .basic: LocalizedText(zh: "基本分高者在前", en: "higher basic score first")
    case .id: LocalizedText(zh: "按单位代码（id）字母顺序", en: "org id in alphabetical order")
    }
  }
}
