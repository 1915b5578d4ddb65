import Foundation
import ZhibiaoKernel

extension ReportBuilder {
  /// Where the key tasks stand at the report's period.
  var taskStanding: TaskStanding {
    TaskStanding(plan: plan, monitoring: inputs.monitoring, reports: inputs.taskReports)
  }

  /// A domain's key tasks (重点任务推进): its dated milestones due this year or before, each with its
  /// state, and how many tasks owe this year's progress report.
  func taskBlocks(_ domain: DomainID, standing: TaskStanding) -> [ReportBlock] {
    let lines = standing.lines(of: domain)
    guard !lines.isEmpty else { return [] }
    var blocks: [ReportBlock] = [.heading(t("重点任务推进", "Key tasks"))]
    let dated = lines.filter { $0.milestone.kind == .outcome }
    if !dated.isEmpty { blocks.append(.table(taskTable(dated, file: nil))) }
    let yearly = lines.filter { $0.milestone.kind == .yearly }
    if !yearly.isEmpty {
      let owed = yearly.filter { $0.state == .awaitingReport }.count
      blocks.append(
        .note(
          owed > 0
            ? t(
              "年度推进：\(yearly.count) 项任务以年度进展评定，\(period.year) 年末应报送进展，尚待报送 \(owed) 项。",
              "Yearly progress: \(yearly.count) tasks are judged on their yearly progress; \(owed) reports for "
                + "\(period.year) are still awaited.")
            : t(
              "年度推进：\(yearly.count) 项任务以年度进展评定，于 \(period.year) 年末报送。",
              "Yearly progress: \(yearly.count) tasks are judged on the progress reported at the end of \(period.year)."
            )))
    }
    return blocks
  }

  /// The milestones of the tasks naming `district`, due this year or before.
  func districtTaskBlocks(_ district: OrgID, standing: TaskStanding) -> [ReportBlock] {
    let lines = standing.lines(naming: district).filter { $0.milestone.kind == .outcome }
    guard !lines.isEmpty else { return [] }
    return [.heading(t("涉及本区的重点任务节点", "Key-task milestones naming the district")), .table(taskTable(lines, file: nil))]
  }

  /// The overdue and lagging milestones, the reports awaited, and the tasks whose lead has not
  /// reported this quarter, for the warnings.
  func taskWarningBlocks(_ standing: TaskStanding) -> [ReportBlock] {
    let behind = standing.lines.filter { $0.state == .overdue || $0.state == .lagging }
    let awaited = standing.count(.awaitingReport)
    let unreported = standing.unreported
    guard !behind.isEmpty || awaited > 0 || !unreported.isEmpty else { return [] }
    var blocks: [ReportBlock] = [.heading(t("重点任务预警", "Key-task warnings"))]
    blocks.append(
      .paragraph(
        t(
          "逾期未完成或报告滞后的任务节点 \(behind.count) 项；已到期、待报送进展的任务节点 \(awaited) 项；"
            + "进展待审核的 \(standing.count(.awaitingReview)) 项。",
          "\(behind.count) milestones are overdue or reported lagging; \(awaited) milestones that have fallen due await "
            + "their progress report; \(standing.count(.awaitingReview)) reports await review.")))
    if !unreported.isEmpty {
      var byLead: [(OrgID, Int)] = []
      for task in unreported {
        guard let lead = task.lead else { continue }
        if let index = byLead.firstIndex(where: { $0.0 == lead }) {
          byLead[index].1 += 1
        } else {
          byLead.append((lead, 1))
        }
      }
      let zh = byLead.map { "\(name($0.0)) \($0.1) 项" }.joined(separator: "、")
      let en = byLead.map { "\(name($0.0)) \($0.1)" }.joined(separator: ", ")
      blocks.append(
        .note(
          t(
            "\(standing.period.year)年\(standing.period.quarter ?? 4)季度未报送进展的重点任务 \(unreported.count) 项（按牵头单位：\(zh)）。",
            "\(unreported.count) key tasks have no progress report from their lead org for \(standing.period) (by lead: \(en))."
          )))
    }
    if !behind.isEmpty { blocks.append(.table(taskTable(behind, file: nil))) }
    return blocks
  }

  /// Every milestone line as data (`data/tasks.csv|json`).
  func taskData(_ standing: TaskStanding) -> ReportTable { taskTable(standing.lines, file: "tasks") }

  func taskTable(_ lines: [TaskStanding.Line], file: String?) -> ReportTable {
    let rows = lines.map { line -> [ReportCell] in
      let text = line.task.text.count > 36 ? String(line.task.text.prefix(36)) + "…" : line.task.text
      let lead = line.task.lead.map(name) ?? ""
      var figures = "—"
      if let indicator = line.milestone.indicator, let value = line.milestone.value {
        let step = plan.indicator(indicator)?.precision
        let actual = line.actual.map { DecimalArithmetic.text($0, step: step) } ?? t("无数据", "no figure")
        figures = "\(actual) / \(DecimalArithmetic.text(value, step: step))"
      } else if let report = line.report {
        let said = report.text.count > 24 ? String(report.text.prefix(24)) + "…" : report.text
        figures = (report.progress.map { "\($0)% " } ?? "") + said
      }
      return [
        ReportCell(text, value: .text(line.task.id.rawValue)),
        ReportCell(lead, value: .text(line.task.lead?.rawValue ?? "")),
        ReportCell(line.milestone.text, value: .text(line.milestone.text)),
        ReportCell(
          line.milestone.kind == .yearly ? t("\(line.due.year)年末", "end of \(line.due.year)") : dueText(line.due),
          value: .text(line.due.description)),
        ReportCell(figures, value: line.actual.map { .decimal($0) } ?? .null),
        ReportCell(
          line.state.name.text(in: language), value: .text(line.state.rawValue),
          light: line.state == .overdue || line.state == .lagging ? .red : line.state == .completed ? .green : nil),
      ]
    }
    return ReportTable(
      file: file,
      columns: [
        ReportColumn("task", t("重点任务", "Key task")), ReportColumn("lead", t("牵头单位", "Lead"), compact: true),
        ReportColumn("milestone", t("节点", "Milestone")), ReportColumn("due", t("到期", "Due"), compact: true),
        ReportColumn("figures", t("实际 / 节点值或进展", "Actual / milestone, or progress"), compact: true),
        ReportColumn("state", t("状态", "State"), compact: true),
      ], rows: rows)
  }

  private func dueText(_ period: Period) -> String {
    guard let quarter = period.quarter else { return t("\(period.year)年", "\(period.year)") }
    return t("\(period.year)年\(quarter)季度", "\(period.year)Q\(quarter)")
  }
}
