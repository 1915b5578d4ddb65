import Foundation
import ZhibiaoKernel

/// The evaluation of a plan (规划评估): at its target year the final evaluation (终期评估) of
/// each target — baseline, target, actual, the share of the target achieved and its category —
/// or, before, the mid-term evaluation (中期评估), which also judges each target against the
/// time-elapsed path (目标一致法). Targets are taken per org: the city's for every target, and
/// each district's where the target was decomposed to districts.
///
/// The share achieved is exact: actual ÷ target for a bound from below (≥), target ÷ actual for a
/// bound from above (≤), both in the target's own measure (a level, an increase since the base
/// year, a cumulative addition, an average annual rate), rounded half-up to four decimals.
public struct PlanEvaluation: Sendable {
  /// Final or mid-term.
  public enum Kind: String, Sendable, CaseIterable {
    /// 终期评估: at the target year, against the targets.
    case final
    /// 中期评估: before it, against the targets and the time elapsed.
    case midterm

    public var name: LocalizedText {
      switch self {
      case .final: LocalizedText(zh: "终期评估", en: "final evaluation")
      case .midterm: LocalizedText(zh: "中期评估", en: "mid-term evaluation")
      }
    }
  }

  /// How far a target was achieved.
  public enum Category: String, Sendable, CaseIterable {
    /// 已完成: the target is met (share ≥ 100 %).
    case completed
    /// 基本完成: share ≥ the band (90 % by default) but below 100 %.
    case basicallyCompleted = "basically_completed"
    /// 未完成: below the band.
    case notCompleted = "not_completed"
    /// 无数据: no figure for the evaluated year.
    case notReported = "not_reported"

    public var name: LocalizedText {
      switch self {
      case .completed: LocalizedText(zh: "已完成", en: "completed")
      case .basicallyCompleted: LocalizedText(zh: "基本完成", en: "basically completed")
      case .notCompleted: LocalizedText(zh: "未完成", en: "not completed")
      case .notReported: LocalizedText(zh: "无数据", en: "no figure")
      }
    }
  }

  /// Where the categories divide (`report.yaml`, `evaluation:`).
  public struct Bands: Hashable, Sendable {
    /// The least share that is 基本完成; below it, 未完成.
    public var basicallyCompleted: Decimal

    public init(basicallyCompleted: Decimal = Decimal(string: "0.9")!) {
      self.basicallyCompleted = basicallyCompleted
    }

    /// The category of `share`.
    public func category(of share: Decimal) -> Category {
      share >= 1 ? .completed : share >= basicallyCompleted ? .basicallyCompleted : .notCompleted
    }
  }

  /// One target of one org.
  public struct Line: Hashable, Sendable {
    public var indicator: IndicatorID
    public var org: OrgID
    public var isCity: Bool
    /// What the target measures and how it bounds.
    public var measure: Target.Measure
    public var comparator: Target.Comparator?
    /// The base-year figure, in the indicator's unit.
    public var baseline: Decimal?
    /// The target-year target, in its measure; for a parity, the partner's figure it is to equal.
    public var target: Decimal?
    /// The actual at the evaluated year's end, in the target's measure.
    public var actual: Decimal?
    /// The share achieved, to four decimals; nil where it has no meaning (no figure, a target
    /// of 0 or less, a parity).
    public var share: Decimal?
    /// The category; nil for a qualitative aim.
    public var category: Category?
    /// Against the time-elapsed path (mid-term).
    public var midTerm: MidTermCategory?
    /// Progress p from the base year to the target, and time elapsed τ.
    public var progress: Double?
    public var timeElapsed: Double?
    /// Required and actual average annual (compound) growth.
    public var growthRequired: Double?
    public var growthActual: Double?
  }

  public let plan: Plan
  public let kind: Kind
  /// The year whose year-end figures are evaluated.
  public let year: Int
  public let bands: Bands
  /// Every target, in the monitoring's order: each indicator's city line, then its districts'.
  public let lines: [Line]
  /// The year-end monitoring of every plan year up to `year`, for the paths.
  public let yearEnds: [MonitoringReport]
  /// The issued target version the targets come from, if the target year was issued.
  public let citation: TargetCitation?

  /// Evaluates the year-end `yearEnds.last` against the target-year targets of `book`.
  public init(
    plan: Plan, book: TargetBook, baselines: Baselines?, kind: Kind, yearEnds: [MonitoringReport], bands: Bands,
    citation: TargetCitation? = nil
  ) {
    self.plan = plan
    self.kind = kind
    self.bands = bands
    self.yearEnds = yearEnds
    self.citation = citation
    let current = yearEnds.last
    year = current?.period.year ?? plan.targetYear
    lines = (current?.rows ?? []).compactMap { row in
      guard let entry = book.target(row.indicator, row.org, .year(plan.targetYear)) else { return nil }
      return Self.line(
        row, target: entry, baseline: baselines?.value(row.indicator, row.org, year: plan.baseYear), bands: bands)
    }
  }

  static func line(_ row: MonitoringRow, target entry: TargetBook.Entry, baseline: Decimal?, bands: Bands) -> Line {
    var line = Line(
      indicator: row.indicator, org: row.org, isCity: row.isCity, measure: entry.measure, comparator: entry.comparator,
      baseline: baseline, target: entry.comparator == .parity ? row.annualTarget : entry.value, actual: row.actual,
      share: nil, category: nil, midTerm: row.midTerm,
      progress: row.progress, timeElapsed: row.timeElapsed, growthRequired: row.growthRequired,
      growthActual: row.growthActual)
    (line.share, line.category) = Self.judge(
      actual: row.actual, target: entry.value, comparator: entry.comparator,
      parityMet: row.midTerm == .achievedEarly, bands: bands)
    return line
  }

  /// The share achieved and the category of `actual` against `target`: nil and nil for a
  /// qualitative aim (no comparator); 无数据 without an actual; for a parity, met or not as
  /// `parityMet` says; for a bound from below (≥) actual ÷ target, from above (≤) target ÷ actual,
  /// to four decimals, and the category by `bands`. A target of 0 or less, or an actual of 0
  /// under an upper bound, has no share and is judged met or not.
  public static func judge(
    actual: Decimal?, target: Decimal?, comparator: Target.Comparator?, parityMet: Bool, bands: Bands
  ) -> (share: Decimal?, category: Category?) {
    guard let comparator else { return (nil, nil) }
    guard let actual else { return (nil, .notReported) }
    switch comparator {
    case .parity:
      return (nil, parityMet ? .completed : .notCompleted)
    case .atLeast:
      guard let target else { return (nil, nil) }
      guard target > 0 else { return (nil, actual >= target ? .completed : .notCompleted) }
      let share = rounded(actual / target)
      return (share, bands.category(of: share))
    case .atMost:
      guard let target else { return (nil, nil) }
      guard actual > 0, target >= 0 else { return (nil, actual <= target ? .completed : .notCompleted) }
      let share = rounded(target / actual)
      return (share, actual <= target ? .completed : bands.category(of: share))
    }
  }

  static func rounded(_ value: Decimal) -> Decimal { DecimalArithmetic.rounded(value, scale: 4, .plain) }

  /// The city's lines, one per target indicator.
  public var cityLines: [Line] { lines.filter(\.isCity) }

  /// The districts' lines of the targets decomposed to districts.
  public var districtLines: [Line] { lines.filter { !$0.isCity } }
}
