import Foundation
import ZhibiaoKernel

/// Where the plan's key tasks stand at a monitored period (重点任务推进): each milestone that falls
/// due in the period's year or before, judged by its indicator where the plan names the value that
/// settles it, and otherwise awaiting the progress report its lead org owes once it is due.
///
/// A dated outcome with an indicator and a value is 已完成 once the city's figure reaches the value
/// (is at or below it, for an indicator where lower is better), 逾期 when its due period has ended
/// without, and 推进中 before. One without a value, and a year's progress (年度推进), is judged on
/// the progress report of the task's lead org (which consolidates its co-operating orgs'): the
/// latest one up to the period (for yearly progress, of the milestone's year) once reviewed —
/// 已完成, 滞后, or 推进中 and 逾期 once due — 待审核 while its review is pending, and without a
/// report 待报送 once due (at the year's end for yearly progress) and 未到期 before.
public struct TaskStanding: Sendable {
  /// A milestone's state.
  public enum State: String, Sendable, CaseIterable {
    case completed
    case overdue
    case inProgress = "in_progress"
    case awaitingReport = "awaiting_report"
    case notDue = "not_due"
    /// Reported as behind its schedule (滞后), and the report approved.
    case lagging
    /// Reported, the report not yet approved.
    case awaitingReview = "awaiting_review"

    public var name: LocalizedText {
      switch self {
      case .completed: LocalizedText(zh: "已完成", en: "completed")
      case .overdue: LocalizedText(zh: "逾期", en: "overdue")
      case .inProgress: LocalizedText(zh: "推进中", en: "in progress")
      case .awaitingReport: LocalizedText(zh: "待报送进展", en: "awaiting its progress report")
      case .notDue: LocalizedText(zh: "未到期", en: "not yet due")
      case .lagging: LocalizedText(zh: "滞后", en: "lagging")
      case .awaitingReview: LocalizedText(zh: "进展待审核", en: "progress awaiting review")
      }
    }
  }

  /// One milestone of one task, due at `due`.
  public struct Line: Sendable {
    public var task: KeyTask
    public var milestone: KeyTask.Milestone
    public var due: Period
    public var state: State
    /// The city's figure of the milestone's indicator at the period, when it has one.
    public var actual: Decimal?
    /// The lead org's progress report the state was judged on, if any.
    public var report: TaskProgress?
  }

  /// A progress report as the standing reads it: what it says, and whether its reviewer approved it.
  public struct Report: Hashable, Sendable {
    public var progress: TaskProgress
    public var approved: Bool

    public init(progress: TaskProgress, approved: Bool) {
      self.progress = progress
      self.approved = approved
    }
  }

  /// The period the standing is taken at (year to date).
  public let period: Period
  /// Every milestone due in the period's year or before, in the plan's order of tasks.
  public let lines: [Line]
  /// The tasks whose lead org has sent no progress report for the period's quarter.
  public let unreported: [KeyTask]

  /// The standing of `plan`'s tasks at `monitoring`'s period, from its city figures and the
  /// progress `reports` sent.
  public init(plan: Plan, monitoring: MonitoringReport, reports: [Report] = []) {
    period = monitoring.period
    var byLead: [TaskID: [Report]] = [:]
    let leads = Dictionary(plan.tasks.map { ($0.id, $0.lead) }, uniquingKeysWith: { first, _ in first })
    for report in reports where leads[report.progress.task] == report.progress.org {
      guard Self.hasEnded(report.progress.period, at: monitoring.period) else { continue }
      byLead[report.progress.task, default: []].append(report)
    }
    for task in byLead.keys { byLead[task]?.sort { $0.progress.period < $1.progress.period } }
    var city: [IndicatorID: Decimal] = [:]
    for row in monitoring.rows where row.isCity { if let actual = row.actual { city[row.indicator] = actual } }
    let year = monitoring.period.year
    var lines: [Line] = []
    for task in plan.tasks {
      for milestone in task.milestones {
        let dues = milestone.dueDates(in: plan.years.lowerBound..<(year + 1))
        for due in dues where due.year >= plan.years.lowerBound {
          let ended = Self.hasEnded(due, at: monitoring.period)
          var line = Line(task: task, milestone: milestone, due: due, state: .notDue, actual: nil)
          if let indicator = milestone.indicator, let value = milestone.value {
            line.actual = city[indicator]
            let lower = plan.indicator(indicator)?.direction == .lower
            let reached = line.actual.map { lower ? $0 <= value : $0 >= value } ?? false
            line.state = reached ? .completed : ended ? .overdue : .inProgress
          } else {
            let year = milestone.kind == .yearly ? due.year : nil
            let report = byLead[task.id]?.last { year == nil || $0.progress.period.year == year }
            line.report = report?.progress
            line.state = Self.state(of: report, ended: ended)
          }
          // Yearly progress of a year gone by is settled by that year's report; only the
          // current year's is listed.
          if milestone.kind == .yearly, due.year < year { continue }
          lines.append(line)
        }
      }
    }
    self.lines = lines
    let quarter = monitoring.period
    unreported = plan.tasks.filter { task in !(byLead[task.id]?.contains { $0.progress.period == quarter } ?? false) }
  }

  /// The state of a milestone judged on the lead's latest `report`.
  static func state(of report: Report?, ended: Bool) -> State {
    guard let report else { return ended ? .awaitingReport : .notDue }
    guard report.approved else { return .awaitingReview }
    switch report.progress.status {
    case .completed: return .completed
    case .lagging: return .lagging
    case .inProgress, .notStarted: return ended ? .overdue : .inProgress
    }
  }

  /// Whether `due` (a year or a quarter) has ended by the year-to-date period `now`.
  static func hasEnded(_ due: Period, at now: Period) -> Bool {
    let nowQuarter = now.quarter ?? 4
    if due.year != now.year { return due.year < now.year }
    return (due.quarter ?? 4) <= nowQuarter
  }

  /// The lines of `domain`'s tasks.
  public func lines(of domain: DomainID) -> [Line] { lines.filter { $0.task.domain == domain } }

  /// The lines of the tasks that name `org`.
  public func lines(naming org: OrgID) -> [Line] { lines.filter { $0.task.orgs.contains(org) } }

  /// How many lines are in `state`.
  public func count(_ state: State) -> Int { lines.filter { $0.state == state }.count }
}
