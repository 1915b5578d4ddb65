import Foundation
import ZhibiaoKernel

/// The grades of the assessment items that list key tasks (重点任务落实), computed from the
/// milestones of those tasks that name the org and fall due in the year (the scheme's
/// `task_grading: milestones`).
///
/// A milestone the plan gives a value for counts as completed when its indicator's city figure
/// reaches it, as the tasks' standing judges it; any other when the org's own latest approved
/// progress report on the task in the year (by its fourth quarter) says 已完成. The share
/// completed earns the best grade of the scheme whose `from` it reaches.
public struct TaskMilestoneGrades: Sendable {
  /// How one org's item was graded.
  public struct Basis: Hashable, Sendable {
    /// The milestones that fell due in the year, and how many were completed.
    public var due: Int
    public var completed: Int
    /// The grade earned.
    public var grade: AssessmentTaskGrade

    /// "按任务节点评定：到期 5 项，完成 4 项（80%）".
    public var text: LocalizedText {
      let share = due > 0 ? "\(completed * 100 / due)%" : "—"
      return LocalizedText(
        zh: "按任务节点评定：本年到期节点 \(due) 项，完成 \(completed) 项（\(share)）",
        en: "graded on milestones: \(completed) of the \(due) due this year completed (\(share))")
    }
  }

  /// The year graded.
  public let year: Int
  /// Each org's graded items, by item id.
  public let grades: [OrgID: [String: Basis]]

  /// Grades the task items of `scheme` for `year`, from `standing` taken at the year's end and the
  /// progress `reports` sent.
  public init(
    scheme: AssessmentScheme, plan: Plan, standing: TaskStanding, reports: [TaskStanding.Report], year: Int
  ) {
    self.year = year
    var latest: [String: TaskStanding.Report] = [:]
    for report in reports where report.approved && report.progress.period.year <= year {
      let key = "\(report.progress.task)|\(report.progress.org)"
      if let kept = latest[key], kept.progress.period > report.progress.period { continue }
      latest[key] = report
    }
    var grades: [OrgID: [String: Basis]] = [:]
    for section in scheme.sections {
      for item in section.items where !item.tasks.isEmpty {
        for org in plan.orgs where org.kind == section.orgKind {
          let lines = standing.lines.filter { line in
            line.due.year == year && item.tasks.contains(line.task.id) && line.task.orgs.contains(org.id)
          }
          guard !lines.isEmpty else { continue }
          let completed = lines.filter { line in
            if line.milestone.indicator != nil, line.milestone.value != nil { return line.state == .completed }
            guard let report = latest["\(line.task.id)|\(org.id)"] else { return false }
            let inYear = line.milestone.kind == .outcome || report.progress.period.year == year
            return inYear && report.progress.status == .completed
          }.count
          let share = Decimal(completed) / Decimal(lines.count)
          guard let grade = scheme.taskGrade(forShare: share) else { continue }
          grades[org.id, default: [:]][item.id] = Basis(due: lines.count, completed: completed, grade: grade)
        }
      }
    }
    self.grades = grades
  }
}
