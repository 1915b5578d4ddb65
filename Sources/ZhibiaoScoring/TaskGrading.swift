import Foundation
import ZhibiaoPlan

/// Where the grades of the items that list key tasks (重点任务落实) come from — the scheme's
/// `task_grading:` key.
public enum TaskGrading: String, Hashable, Sendable, CaseIterable, Codable {
  /// Typed in the events file per org and item (`grades:`), as the commission judges them.
  case events
  /// Computed at the year's end from the milestones of the item's tasks that name the org and
  /// fall due in the year: the share completed — an outcome with a value by its indicator's city
  /// figure, any other by the org's own latest approved progress report — earns the best grade
  /// whose `from` it reaches. The events file then grades none of these items.
  case milestones

  /// The rule in a few words.
  public var name: LocalizedText {
    switch self {
    case .events: LocalizedText(zh: "重点任务由考核事项文件评定等次", en: "key tasks graded in the events file")
    case .milestones:
      LocalizedText(zh: "重点任务按年度到期节点完成比例评定等次", en: "key tasks graded on the share of the year's milestones completed")
    }
  }
}

extension AssessmentScheme {
  /// The grade earned by completing `share` (0–1) of an item's milestones: the best grade whose
  /// `from` the share reaches; nil when the scale gives no grade a `from`.
  public func taskGrade(forShare share: Decimal) -> AssessmentTaskGrade? {
    taskGrades.filter { $0.from.map { share >= $0 } ?? false }.max { ($0.from ?? 0) < ($1.from ?? 0) }
  }
}
