import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// The sample's progress reports on key tasks (`task-reports-YYYY.csv`), entered by the commission
/// as it enters what arrives on paper, and reviewed as the workflow has it: each task's lead org
/// approves its co-operating orgs' reports — returning one that names no evidence, to show a
/// return — and the commission approves the leads' own.
enum SampleTaskReports {
  /// The report the demo returns: 市数据资源局's on the data trading rules, which names no document.
  static let returned = (task: TaskID("digital.content.data_rules"), org: OrgID("bureau.data_resources"))

  /// Imports and reviews `file`; returns how many reports it held and how many were returned.
  static func run(_ file: URL, _ plan: Plan, _ store: any Store) async throws -> (reports: Int, returned: Int) {
    guard let (text, _) = TextDecoding.decode(try Data(contentsOf: file), as: nil) else {
      throw CommandFailure.file(
        path: file.path, LocalizedText(zh: "不是 UTF-8 或 GBK 文本。", en: "The file is not UTF-8 or GBK text."))
    }
    let (reports, _, diagnostics) = TaskReportImport(plan: plan, submitter: plan.commission).check(
      text, file: file.path)
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw CommandFailure.diagnostics(diagnostics, summary: nil)
    }
    _ = try await store.submitTaskReports(
      TaskReportSubmission(
        plan: plan.id, submitter: plan.commission, role: .commission, source: file.lastPathComponent, time: Date(),
        reports: reports))
    let rules = ReviewRules(plan: plan)
    var returns = 0
    for report in reports {
      guard let task = plan.tasks.first(where: { $0.id == report.task }), let lead = task.lead else { continue }
      let reviewer = report.org == lead ? plan.commission : lead
      let role = rules.role(of: reviewer)
      let isReturned = report.task == returned.task && report.org == returned.org
      returns += isReturned ? 1 : 0
      _ = try await store.reviewTaskReports(
        TaskReportReview(
          plan: plan.id, period: report.period, reports: [(report.task, report.org, nil)],
          decision: isReturned ? .return : .approve,
          comment: isReturned ? "请注明征求意见稿的文号或链接（示意）。" : nil, reviewer: reviewer, role: role, time: Date()))
    }
    return (reports.count, returns)
  }
}
