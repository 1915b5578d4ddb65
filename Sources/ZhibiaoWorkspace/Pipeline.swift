import Foundation
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

  /// Reads the plan's figures, and the target versions issued, from `store`.
  public init(workspace: Workspace, store: any Store) async throws {
    let plan = workspace.plan.id
    self.workspace = workspace.issuing(try await IssuedTargets.read(plan: plan, from: store))
    observations = try await store.observations(plan: plan).map {
      ReportedValue(indicator: $0.indicator, org: $0.org, period: $0.period, value: $0.value, reportedAt: $0.reportedAt)
    }
    registerEntries = try await store.registerEntries(plan: plan, register: nil)
    taskReports = try await store.taskReports(plan: plan, task: nil, org: nil, period: nil).map {
      TaskStanding.Report(progress: $0.progress, approved: $0.review == .approved)
    }
    assessmentEvents = try await store.assessmentEvents(plan: plan, year: nil)
    noticeActions = try await store.noticeActions(plan: plan, org: nil)
  }

  /// Where the plan's key tasks stand at `monitoring`'s period.
  public func taskStanding(at monitoring: MonitoringReport) -> TaskStanding {
    TaskStanding(plan: workspace.plan, monitoring: monitoring, reports: taskReports)
  }

  /// Monitoring at `period` (a year means its fourth quarter), lateness judged as of `asOf`.
  public func monitoring(at period: Period, asOf: Date) throws -> MonitoringReport {
    let plan = workspace.plan
    let monitor = try Monitor(
      plan: plan, book: workspace.book, observations: observations, registerEntries: registerEntries,
      baselines: workspace.baselines, period: Workspace.yearToDate(period), settings: plan.monitoringSettings,
      asOf: asOf)
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
