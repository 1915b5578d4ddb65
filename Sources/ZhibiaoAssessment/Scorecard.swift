import Foundation
import ZhibiaoPlan
import ZhibiaoScoring

/// The assessment of a year: one result per section (kind of org), each with its scorecards in
/// rank order.
public struct AssessmentResult: Sendable {
  /// The results of one kind of org.
  public struct Section: Sendable {
    /// The kind of org.
    public var orgKind: Org.Kind
    /// The scorecards, best rank first.
    public var scorecards: [Scorecard]
    /// Each quota: the grade, the number of orgs it admits, and how that was computed.
    public var quotas: [Quota]
    /// What a reader must know: how ties are settled and why, how quotas work, every tie settled.
    public var notes: [LocalizedText]

    /// The org ids in rank order.
    public var ranking: [OrgID] { scorecards.map(\.org) }
  }

  /// A quota of a grade.
  public struct Quota: Hashable, Sendable {
    /// The grade's id.
    public var grade: String
    /// The most orgs that may have it.
    public var limit: Int
    /// "⌊13 × 15%⌋ = 1".
    public var formula: String

    /// Creates a quota line.
    public init(grade: String, limit: Int, formula: String) {
      self.grade = grade
      self.limit = limit
      self.formula = formula
    }
  }

  /// The year assessed.
  public var year: Int
  /// One result per section of the scheme.
  public var sections: [Section]

  /// The result of the section for `kind`.
  public func section(for kind: Org.Kind) -> Section? { sections.first { $0.orgKind == kind } }

  /// The scorecard of `org`.
  public func scorecard(for org: OrgID) -> Scorecard? {
    sections.lazy.flatMap(\.scorecards).first { $0.org == org }
  }
}

/// One org's assessment: every item with the numbers and rule behind its points, bonus and
/// deduction lines, vetoes, the total, the grade and how it was reached, the rank and its
/// change.
public struct Scorecard: Hashable, Sendable {
  /// The org.
  public var org: OrgID
  /// Its name.
  public var orgName: LocalizedText
  /// Its kind.
  public var orgKind: Org.Kind
  /// The items, in the scheme's order (common items, then owned indicators in plan order).
  public var items: [ScoredItem]
  /// 基本分: the sum of the items' points.
  public var basic: Decimal
  /// The points on the headline items, the first tie-break when the scheme marks any.
  public var headlinePoints: Decimal
  /// Bonus points (加分).
  public var bonus: AssessmentAdjustmentTotal
  /// Deductions (扣分).
  public var deduction: AssessmentAdjustmentTotal
  /// Vetoes (一票否决).
  public var vetoes: [AssessmentEvents.Veto]
  /// 实得分 = 基本分 + 加分 − 扣分.
  public var total: Decimal
  /// How the total was added up: "实得分 = 基本分 95.43 + 加分 0.00 − 扣分 1.00 = 94.43".
  public var totalExplanation: LocalizedText {
    let (b, p, d, t) = (
      AssessmentText.pointsText(basic), AssessmentText.pointsText(bonus.counted),
      AssessmentText.pointsText(deduction.counted), AssessmentText.pointsText(total)
    )
    return AssessmentText.text(
      "实得分 = 基本分 \(b) + 加分 \(p) − 扣分 \(d) = \(t)", "Total = basic \(b) + bonus \(p) − deduction \(d) = \(t)")
  }
  /// The grade the total falls in, before veto and quota.
  public var scoreGrade: AssessmentGrade
  /// The grade given.
  public var grade: AssessmentGrade
  /// The steps to the grade: the band, a veto, a quota, the grade given.
  var gradeSteps: [GradeStep]
  /// How the grade was reached: the band, a veto, a quota, e.g. "实得分 97.78 ≥ 90，分数等次为优秀；
  /// 优秀名额 ⌊4 × 25%⌋ = 1 个，本单位在该等次中居第 2 位，顺延为良好；评定为良好".
  public var gradeExplanation: LocalizedText {
    let texts = gradeSteps.map(\.text)
    return AssessmentText.text(texts.map(\.zh).joined(separator: "；"), texts.map(\.en).joined(separator: "; "))
  }
  /// The rank among orgs of the same kind, from 1.
  public var rank: Int
  /// How a tie with the org ranked just above was settled, if there was one.
  public var rankNote: LocalizedText?
  /// The rank in the previous assessment, if given.
  public var previousRank: Int?
  /// Places gained since the previous assessment (positive: up), if it is known.
  public var rankChange: Int? { previousRank.map { $0 - rank } }

  /// The items whose figures were not reported, whatever the scheme made of them.
  public var unreportedItems: [ScoredItem] { items.filter { $0.missing != nil } }
  /// Whether the total is provisional: some item is scored on an earlier quarter's figure.
  public var isProvisional: Bool { items.contains { $0.status == .provisional } }

  /// What a reader must know first when figures were not reported: which, by when they were due,
  /// and what the scheme made of them, e.g. "缺2024年第四季度（1-12月）数据：4 项未报（截止
  /// 2025-01-20），按本年最近一个已报季度暂估，得分为暂估分"; nil when every figure is in.
  public var missingNote: LocalizedText? {
    let unreported = unreportedItems
    guard let first = unreported.first?.missing else { return nil }
    let periods = unreported.compactMap(\.missing?.period).reduce(into: [Period]()) { periods, period in
      if !periods.contains(period) { periods.append(period) }
    }
    let names = periods.map(MissingFigure.name(of:))
    let (zhPeriods, enPeriods) = (names.map(\.zh).joined(separator: "、"), names.map(\.en).joined(separator: ", "))
    let count = unreported.count
    let state =
      unreported.allSatisfy { $0.missing?.reporting == .notYetDue }
      ? ("待报", "not yet due") : ("未报", "not reported")
    let head = AssessmentText.text(
      "缺\(zhPeriods)数据：\(count) 项\(state.0)（截止 \(first.dueDay)）",
      "missing \(enPeriods) figures: \(count) item\(count == 1 ? "" : "s") \(state.1) (due \(first.dueDay))")
    let provisional = unreported.filter { $0.status == .provisional }.count
    let excluded = unreported.filter { $0.status == .excluded }.count
    let zero = count - provisional - excluded
    var zh: [String] = []
    var en: [String] = []
    if provisional > 0 {
      zh.append("\(provisional) 项按本年最近一个已报季度暂估")
      en.append("\(provisional) scored provisionally on the last quarter reported")
    }
    if excluded > 0 {
      zh.append("\(excluded) 项不计、权重分摊到其他项目")
      en.append("\(excluded) left out with their weight shared among the other items")
    }
    if zero > 0 {
      zh.append("\(zero) 项计0分")
      en.append("\(zero) scored 0")
    }
    let tail = isProvisional ? ("，得分为暂估分", "; the score is provisional") : ("", "")
    return AssessmentText.text(
      "\(head.zh)，\(zh.joined(separator: "，"))\(tail.0)", "\(head.en); \(en.joined(separator: ", "))\(tail.1)")
  }
}

/// One item of a scorecard.
public struct ScoredItem: Hashable, Sendable {
  /// Whether an item could be scored: scored, missing (0 points) or not applicable.
  public typealias Status = AssessmentItemStatus

  /// The item's id (the indicator's id, or the qualitative item's own).
  public var id: String
  /// The indicator, if the item is one.
  public var indicator: IndicatorID?
  /// The name.
  public var name: LocalizedText
  /// The rule's id, e.g. `completion`.
  public var rule: String
  /// The rule's name, e.g. 完成率法.
  public var ruleName: LocalizedText
  /// The weight this org is scored with (after equal shares or reweighting).
  public var weight: Decimal
  /// The weight as the scheme writes it (for owned indicators, the owned points).
  public var schemeWeight: Decimal
  /// The actual figure used, at the indicator's precision.
  public var actual: Decimal?
  /// The target used.
  public var target: Decimal?
  /// The completion ratio (0.9633), for completion and piecewise rules.
  public var completion: Decimal?
  /// The gap in percentage points, for the gap rule.
  public var gap: Decimal?
  /// The grade id, for a graded item.
  public var grade: String?
  /// The points, rounded to 0.01.
  public var points: Decimal
  /// Whether it is a headline item.
  public var headline: Bool
  /// Whether it was scored.
  public var status: Status
  /// The rule with its parameters.
  public var scoringRule: ScoringRule
  /// How the weight came about when it is not the scheme's own.
  var weightNotes: [WeightNote]
  /// The figures as the rule reads them.
  var figure: RuleFigure
  /// The grade given, for a graded item.
  var gradeGiven: AssessmentTaskGrade?
  /// The text of an item that was not scored by its rule (not applicable).
  var fixedExplanation: LocalizedText?
  /// For an item whose figure was not reported: why, and what the org reported before it.
  public var missing: MissingFigure?
  /// For a graded item whose grade was computed from its tasks' milestones: how many of them fell
  /// due and were completed.
  public var gradeBasis: LocalizedText?
  /// The scheme's rule for missing figures, as applied to this item when `missing` is set.
  public var missingRule: MissingFigureRule?

  /// For an item whose figure was not reported, why and what the scheme made of it: "暂估：未报
  /// 2024年第四季度（1-12月）数据（截止 2025-01-20），按2024年1-9月累计 52.3 推算：52.3 ÷ 0.73 = 71.6";
  /// nil for an item whose figure is in.
  public var missingNote: LocalizedText? {
    guard let missing, let missingRule else { return nil }
    let reason = missing.reason
    switch (missingRule, status) {
    case (.reweight, _):
      return AssessmentText.text(
        "\(reason.zh)，按方案不计此项，其权重按比例分摊到其他项目",
        "\(reason.en); the scheme leaves the item out and shares its weight among the other items")
    case (.lastQuarter, .provisional):
      guard let last = missing.lastReported, let provisional = missing.provisional else { break }
      let name = MissingFigure.name(of: last.period)
      let (c, p) = (figure.text(last.actual), figure.text(provisional))
      guard let projection = missing.projection else {
        return AssessmentText.text(
          "暂估：\(reason.zh)，暂按\(name.zh)数据 \(c) 计", "provisional: \(reason.en); taken as the \(name.en) figure \(c)")
      }
      let (from, to) = (AssessmentText.plain(projection.from), AssessmentText.plain(projection.to))
      let formula = projection.to == 1 ? "\(c) ÷ \(from) = \(p)" : "\(c) × \(to) ÷ \(from) = \(p)"
      return AssessmentText.text(
        "暂估：\(reason.zh)，按\(name.zh)累计数与季节占比推算：\(formula)",
        "provisional: \(reason.en); projected from the \(name.en) figure by the seasonal shares: \(formula)")
    case (.lastQuarter, _):
      return AssessmentText.text(
        "\(reason.zh)，本年无已报季度数据可作暂估，计0分",
        "\(reason.en); no quarter of the year was reported to score it on provisionally: 0 points")
    case (.zero, _):
      break
    }
    return AssessmentText.text("\(reason.zh)，按方案缺报计0分", "\(reason.en); the scheme scores a missing figure 0")
  }

  /// The numbers and the rule that produced the points, e.g.
  /// "完成率 = 231.2 ÷ 240.0 = 96.33%，得分 = 10 × 0.9633 = 9.63", after the weight note if
  /// there is one. Written when read, so that a full assessment spends no time on text nobody
  /// reads.
  public var explanation: LocalizedText {
    var text =
      fixedExplanation ?? scoringRule.score(figure, grade: gradeGiven, weight: weight, explain: true).explanation
    if status == .provisional, let missingNote {
      text = AssessmentText.text("\(missingNote.zh)；\(text.zh)", "\(missingNote.en); \(text.en)")
    }
    if let gradeBasis { text = AssessmentText.text("\(gradeBasis.zh)；\(text.zh)", "\(gradeBasis.en); \(text.en)") }
    guard status != .notApplicable, status != .excluded, let weightNote else { return text }
    return AssessmentText.text("\(weightNote.zh)；\(text.zh)", "\(weightNote.en); \(text.en)")
  }

  /// How the weight came about when it is not the scheme's own: an equal share of what a bureau
  /// owns ("权重 = 80 ÷ 13…"), or a weight rescaled because another item does not apply.
  public var weightNote: LocalizedText? {
    guard !weightNotes.isEmpty else { return nil }
    let texts = weightNotes.map(\.text)
    return AssessmentText.text(texts.map(\.zh).joined(separator: "；"), texts.map(\.en).joined(separator: "; "))
  }
}

/// Bonus or deduction events counted for one org, with their caps.
public struct AssessmentAdjustmentTotal: Hashable, Sendable {
  /// The events.
  public var lines: [AssessmentEvents.Adjustment]
  /// The points after each category's cap, before the overall cap.
  public var uncapped: Decimal
  /// The points counted: min(uncapped, cap).
  public var counted: Decimal
  /// The overall cap; nil when the section has no such points.
  public var cap: Decimal?
  /// How the points were counted.
  public var explanation: LocalizedText
}

/// Why an item's weight differs from the scheme's, written out when read.
enum WeightNote: Hashable, Sendable {
  /// An equal share of `points` over the `count` indicators a bureau owns.
  case ownedShare(points: Decimal, count: Int)
  /// `before` scaled by `basic ÷ applicable` to `after`, because some items do not apply or were
  /// left out for figures not reported.
  case rescaled(before: Decimal, basic: Decimal, applicable: Decimal, after: Decimal, cause: Cause)

  /// Why some items weigh nothing.
  enum Cause: Hashable, Sendable {
    /// They do not apply to the org.
    case notApplicable
    /// Their figures were not reported (the scheme's `missing: reweight`).
    case unreported
    /// Both.
    case notApplicableOrUnreported

    var text: LocalizedText {
      switch self {
      case .notApplicable: AssessmentText.text("有不适用项目", "some items do not apply")
      case .unreported: AssessmentText.text("有未报项目不计", "items not reported are left out")
      case .notApplicableOrUnreported:
        AssessmentText.text("有不适用或未报不计的项目", "some items do not apply or are left out as not reported")
      }
    }
  }

  var text: LocalizedText {
    switch self {
    case .ownedShare(let points, let count):
      let p = AssessmentText.plain(points)
      return AssessmentText.text(
        "权重 = \(p) ÷ \(count)（本单位牵头的 \(count) 项指标等权，取到0.01分）",
        "weight = \(p) ÷ \(count) (the \(count) indicators it owns, equally, in 0.01 points)")
    case .rescaled(let before, let basic, let applicable, let after, let cause):
      let (b, r, a) = (
        AssessmentText.plain(before), "\(AssessmentText.plain(basic)) ÷ \(AssessmentText.plain(applicable))",
        AssessmentText.plain(after)
      )
      return AssessmentText.text(
        "权重按比例折算：\(b) × \(r) ≈ \(a)（\(cause.text.zh)）", "weight rescaled: \(b) × \(r) ≈ \(a) (\(cause.text.en))")
    }
  }
}

/// A step towards a grade, written out when read.
enum GradeStep: Hashable, Sendable {
  /// The band the total falls in (`upper`: the next better band's start; `below`: below every band).
  case band(total: Decimal, grade: AssessmentGrade, upper: Decimal?, below: Bool)
  /// A veto capped the grade.
  case veto(reasons: String, grade: LocalizedText)
  /// A full quota moved the org down a grade.
  case quota(from: LocalizedText, to: LocalizedText, formula: String, place: Int)
  /// The grade given.
  case final(LocalizedText)

  var text: LocalizedText {
    switch self {
    case .band(let total, let grade, let upper, let below):
      let t = AssessmentText.pointsText(total)
      let name = grade.name
      if below {
        return AssessmentText.text("实得分 \(t) 低于各等次下限，按最低等次\(name.zh)", "total \(t) is below every band: \(name.en)")
      }
      let from = AssessmentText.plain(grade.from)
      guard let upper else {
        return AssessmentText.text("实得分 \(t) ≥ \(from)，分数等次为\(name.zh)", "total \(t) ≥ \(from): \(name.en)")
      }
      let u = AssessmentText.plain(upper)
      return AssessmentText.text(
        "实得分 \(t) 在 [\(from), \(u)) 内，分数等次为\(name.zh)", "total \(t) in [\(from), \(u)): \(name.en)")
    case .veto(let reasons, let grade):
      return AssessmentText.text("一票否决（\(reasons)），等次最高为\(grade.zh)", "vetoed (\(reasons)): at best \(grade.en)")
    case .quota(let from, let to, let formula, let place):
      return AssessmentText.text(
        "\(from.zh)名额 \(formula) 个，本单位在该等次中居第 \(place) 位，顺延为\(to.zh)",
        "\(from.en) admits \(formula); this org is number \(place) in it, so it drops to \(to.en)")
    case .final(let name):
      return AssessmentText.text("评定为\(name.zh)", "graded \(name.en)")
    }
  }
}
