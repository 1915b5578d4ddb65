import Foundation
import Synchronization
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore

/// From the store's figures to what people read: monitoring at a period, the assessment of a
/// year and the inputs of a report, over one workspace. The store is read once per pipeline.
public struct Pipeline: Sendable {
  /// The configuration, with the target versions issued in the store in force.
  public let workspace: Workspace
  /// The reported figures, as monitoring reads them.
  public let observations: [ReportedValue]
  /// The register entries that count indicators are counted from.
  public let registerEntries: [RegisterEntry]
  /// The progress reports sent on the plan's key tasks, as the tasks' standing reads them.
  public let taskReports: [TaskStanding.Report]
  /// The bonuses, deductions and vetoes the commission recorded in the store, withdrawn ones too.
  public let assessmentEvents: [AssessmentEventRecord]
  /// What people did about supervision notices: answers and the commission's decisions.
  public let noticeActions: [NoticeAction]
  /// The review state of each figure of `observations`, in the same order.
  public let statuses: [ObservationStatus]
  /// The target versions issued in the store when it was read.
  private let targetIssues: [TargetIssue]
  /// The targets and the actual figures laid out for monitoring, made once for every monitor of
  /// this pipeline (each period's monitoring, the notices' history).
  private let grids: Grids

  /// The grids every monitor starts from, each made when first asked for.
  private final class Grids: Sendable {
    /// The target book laid out; taken over from the previous pipeline while the book is the same.
    let targets: Kept<MonitoringTargets>
    /// The figures laid out.
    let actuals = Kept<Actuals>()

    init(targets: MonitoringTargets?) {
      self.targets = Kept(targets)
    }
  }

  /// A value made once, when first asked for.
  private final class Kept<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: Value? = nil) {
      self.value = Mutex(value)
    }

    /// The value, if made.
    var made: Value? { value.withLock { $0 } }

    /// The value, made by `make` if it was not. It is made outside the lock, so that no request
    /// waits on another's thread; two that race both make it, and the first kept serves both.
    func get(_ make: () -> Value) -> Value {
      if let made { return made }
      let fresh = make()
      return value.withLock { value in
        if let value { return value }
        value = fresh
        return fresh
      }
    }
  }

  /// Reads the plan's figures, and the target versions issued, from `store`. With `previous`, a
  /// pipeline of the same workspace read earlier, the issued targets — and the targets laid out
  /// for monitoring — are taken over from it when no version has been issued since. The store's tables are read side by side.
  public init(workspace: Workspace, store: any Store, after previous: Pipeline? = nil) async throws {
    let plan = workspace.plan.id
    async let records = store.observations(plan: plan)
    async let registerEntries = store.registerEntries(plan: plan, register: nil)
    async let taskReports = store.taskReports(plan: plan, task: nil, org: nil, period: nil)
    async let assessmentEvents = store.assessmentEvents(plan: plan, year: nil)
    async let noticeActions = store.noticeActions(plan: plan, org: nil)
    let issues = try await store.targetIssues(plan: plan)
    if let previous, previous.targetIssues == issues {
      self.workspace = previous.workspace
      grids = Grids(targets: previous.grids.targets.made)
    } else {
      self.workspace = workspace.issuing(try await IssuedTargets.read(plan: plan, issues: issues, from: store))
      grids = Grids(targets: nil)
    }
    targetIssues = issues
    let read = try await records
    observations = read.map {
      ReportedValue(indicator: $0.indicator, org: $0.org, period: $0.period, value: $0.value, reportedAt: $0.reportedAt)
    }
    statuses = read.map(\.status)
    self.registerEntries = try await registerEntries
    self.taskReports = try await taskReports.map {
      TaskStanding.Report(progress: $0.progress, approved: $0.review == .approved)
    }
    self.assessmentEvents = try await assessmentEvents
    self.noticeActions = try await noticeActions
  }

  /// Where the plan's key tasks stand at `monitoring`'s period.
  public func taskStanding(at monitoring: MonitoringReport) -> TaskStanding {
    TaskStanding(plan: workspace.plan, monitoring: monitoring, reports: taskReports)
  }

  /// A monitor at `period` (a year means its fourth quarter), lateness judged as of `asOf`.
  func monitor(at period: Period, asOf: Date) throws(Monitor.Failure) -> Monitor {
    let plan = workspace.plan
    let targets = grids.targets.get { MonitoringTargets(plan: plan, book: workspace.book) }
    let actuals = grids.actuals.get {
      Actuals(plan: plan, observations: observations, registerEntries: registerEntries, baselines: workspace.baselines)
    }
    return try Monitor(
      targets: targets, actuals: actuals, period: Workspace.yearToDate(period), settings: plan.monitoringSettings,
      asOf: asOf)
  }

  /// Monitoring at `period` (a year means its fourth quarter), lateness judged as of `asOf`.
  public func monitoring(at period: Period, asOf: Date) throws -> MonitoringReport {
    let monitor = try monitor(at: period, asOf: asOf)
    var report = monitor.report()
    report.targets = workspace.issue(of: period.year)?.citation
    return report
  }

  /// The consolidated assessment of `year` from its 1–12月 figures against the annual targets.
  public func assessment(year: Int, events: AssessmentEvents, asOf: Date) throws -> ReportInputs.Assessment {
    let monitoring = try monitoring(at: .quarter(4, of: year), asOf: asOf)
    return try assessment(of: monitoring, events: events, provisional: false)
  }

  /// The assessment of `monitoring`: the year's standing against annual targets, or a quarter's
  /// provisional standing against the year-to-date milestones of the items due that quarter.
  public func assessment(
    of monitoring: MonitoringReport, events: AssessmentEvents, provisional: Bool
  ) throws(ConfigurationErrors) -> ReportInputs.Assessment {
    let scheme = try workspace.requireScheme()
    let plan = workspace.plan
    var events = events
    // The events recorded in the store count beside those of a file.
    for record in assessmentEvents where record.year == monitoring.period.year && record.counts {
      events.add(record.entry)
    }
    var taskGrades: TaskMilestoneGrades?
    if !provisional, scheme.taskGrading == .milestones {
      let grades = TaskMilestoneGrades(
        scheme: scheme, plan: plan, standing: taskStanding(at: monitoring), reports: taskReports,
        year: monitoring.period.year)
      for (org, items) in grades.grades {
        for (item, basis) in items { events.grades[org, default: [:]][item] = basis.grade.id }
      }
      events.inapplicable = grades.inapplicable
      taskGrades = grades
    }
    let figures = Self.inputs(
      year: monitoring.period.year, monitoring: monitoring,
      events: events.addingNoticeDeductions(
        noticesAsOfMonitoring(monitoring), year: monitoring.period.year, scheme: scheme, plan: plan),
      against: provisional ? \.milestone : \.annualTarget)
    let applied = provisional ? Self.dueItems(of: scheme, monitoring: monitoring, plan: plan) : scheme
    var result = applied.assess(figures, plan: plan)
    if let taskGrades { Self.state(taskGrades, on: &result) }
    return ReportInputs.Assessment(
      result: result, scheme: applied,
      view: AssessmentConsolidatedView.build(plan: plan, scheme: applied, inputs: figures), provisional: provisional)
  }

  /// Says on each scorecard how the grade of an item graded on milestones came about.
  static func state(_ grades: TaskMilestoneGrades, on result: inout AssessmentResult) {
    for section in result.sections.indices {
      for card in result.sections[section].scorecards.indices {
        let org = result.sections[section].scorecards[card].org
        for index in result.sections[section].scorecards[card].items.indices {
          let id = result.sections[section].scorecards[card].items[index].id
          guard let basis = grades.grades[org]?[id] else { continue }
          result.sections[section].scorecards[card].items[index].gradeBasis = basis.text
        }
      }
    }
  }

  /// The figures each org is scored on, from monitoring: the city's for bureaus, each district's
  /// own — actual in the target's own measure (an increase, a cumulative addition, a derived
  /// rate, a register count) against the book's annual target, or, for a quarter's provisional
  /// standing, against the year-to-date milestone. A figure not reported carries why, and the last
  /// quarter reported, for the scheme's rule for missing figures.
  public static func inputs(
    year: Int, monitoring: MonitoringReport, events: AssessmentEvents,
    against target: KeyPath<MonitoringRow, Decimal?> = \.annualTarget
  ) -> AssessmentInputs {
    var inputs = AssessmentInputs(year: year, events: events)
    for row in monitoring.rows {
      let figure = AssessmentFigure(row, target: row[keyPath: target])
      if row.isCity {
        inputs.setCity(row.indicator, figure)
      } else {
        inputs.set(row.org, row.indicator, figure)
      }
    }
    return inputs
  }

  /// The scheme a quarter's provisional standing uses: only the indicator items with a
  /// year-to-date milestone at the quarter; the weight of the others (annual figures, graded
  /// tasks) is shared among them by the scheme's own rule for items that do not apply.
  static func dueItems(of scheme: AssessmentScheme, monitoring: MonitoringReport, plan: Plan) -> AssessmentScheme {
    let due = Set(monitoring.rows.filter { $0.milestone != nil }.map(\.indicator))
    var applied = scheme
    for index in applied.sections.indices {
      applied.sections[index].items.removeAll { item in item.indicator.map { !due.contains($0) } ?? true }
      if var owned = applied.sections[index].owned {
        owned.exclude += plan.indicators.map(\.id).filter { !due.contains($0) && !owned.exclude.contains($0) }
        applied.sections[index].owned = owned
      }
    }
    return applied
  }
}
