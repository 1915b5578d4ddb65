import Foundation
import ZhibiaoKernel
import ZhibiaoReport

extension Pipeline {
  /// The inputs of a report: monitoring at its period, every year-end of the plan for the paths,
  /// and the assessment when the configuration has a scheme (provisional for a quarter).
  public func reportInputs(
    scope: ReportInputs.Scope, events: AssessmentEvents, asOf: Date, caveat: LocalizedText?
  ) throws -> ReportInputs {
    let period = scope.period
    let yearEnds = try workspace.plan.years.map { try monitoring(at: .quarter(4, of: $0), asOf: asOf) }
    let current = try yearEnds.first { $0.period == period } ?? monitoring(at: period, asOf: asOf)
    var standing: ReportInputs.Assessment?
    if workspace.scheme != nil {
      let provisional: Bool
      if case .quarter = scope { provisional = true } else { provisional = false }
      standing = try assessment(of: current, events: events, provisional: provisional)
    }
    var inputs = ReportInputs(
      plan: workspace.plan, book: workspace.book, scope: scope, monitoring: current, yearEnds: yearEnds,
      assessment: standing, tiles: workspace.layout.tiles, subject: workspace.layout.subject, caveat: caveat,
      asOf: current.asOf)
    inputs.taskReports = taskReports
    inputs.notices = noticesAsOfMonitoring(current)
    return inputs
  }

  /// The plan's evaluation at the end of `year`: final at the target year, mid-term before it.
  public func evaluation(year: Int, asOf: Date) throws -> PlanEvaluation {
    let plan = workspace.plan
    let yearEnds = try plan.years.filter { $0 <= year }.map { try monitoring(at: .quarter(4, of: $0), asOf: asOf) }
    return PlanEvaluation(
      plan: plan, book: workspace.book, baselines: workspace.baselines,
      kind: year >= plan.targetYear ? .final : .midterm, yearEnds: yearEnds, bands: workspace.layout.evaluation,
      citation: workspace.issue(of: plan.targetYear)?.citation)
  }
}

extension Pipeline {
  /// Every figure at the end of `year`, by indicator and org: monitoring's actual where the
  /// indicator is monitored (counts of registers, derived figures, year-to-date flows), else the
  /// reported figure of the year (`2025`) or of its fourth quarter (`2025Q4`).
  public func yearEndFigures(year: Int, asOf: Date) throws -> [IndicatorID: [OrgID: Decimal]] {
    var figures: [IndicatorID: [OrgID: Decimal]] = [:]
    for value in observations where value.period == .year(year) || value.period == .quarter(4, of: year) {
      figures[value.indicator, default: [:]][value.org] = value.value
    }
    for row in try monitoring(at: .quarter(4, of: year), asOf: asOf).rows {
      if let actual = row.actual { figures[row.indicator, default: [:]][row.org] = actual }
    }
    return figures
  }
}
