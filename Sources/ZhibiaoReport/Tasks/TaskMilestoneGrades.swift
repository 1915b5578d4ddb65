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
///
/// An item with nothing to grade for an org — none of its tasks names the org, or none of their
/// milestones naming it falls due in the year — does not apply to that org: it is left out and
/// its weight shared among the org's other items, rather than scored 0.
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
  /// Each org's items with nothing to grade in the year, by item id, with why.
  public let inapplicable: [OrgID: [String: LocalizedText]]

  static let notNamed = LocalizedText(
    zh: "本项所列重点任务均不涉及本单位，不计此项，其权重按比例分摊到其他项目",
    en: "None of the item's key tasks names this org; the item is left out and its weight shared among the other items")
  static let nothingDue = LocalizedText(
    zh: "本项所列重点任务本年无涉及本单位的到期节点，不计此项，其权重按比例分摊到其他项目",
    en:
      "No milestone of the item's key tasks naming this org falls due this year; the item is left out and its weight shared among the other items"
  )

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
    var inapplicable: [OrgID: [String: LocalizedText]] = [:]
    for section in scheme.sections {
      for item in section.items where !item.tasks.isEmpty {
        let tasks = plan.tasks.filter { item.tasks.contains($0.id) }
        for org in plan.orgs where org.kind == section.orgKind {
          let lines = standing.lines.filter { line in
            line.due.year == year && item.tasks.contains(line.task.id) && line.task.orgs.contains(org.id)
          }
          guard !lines.isEmpty else {
            let named = tasks.contains { $0.orgs.contains(org.id) }
            inapplicable[org.id, default: [:]][item.id] = named ? Self.nothingDue : Self.notNamed
            continue
          }
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
    self.inapplicable = inapplicable
  }
}
