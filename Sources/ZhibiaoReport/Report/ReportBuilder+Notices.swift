import Foundation
import ZhibiaoKernel

extension ReportBuilder {
  /// The supervision notices of the report's year, after the warnings: how many each level raised,
  /// how many are still open and unanswered past their deadline, and a table of the open ones.
  /// Nothing when the year raised none.
  func noticeBlocks() -> [ReportBlock] {
    let year = inputs.scope.period.year
    let raised = inputs.notices.filter { $0.id.period.year == year && $0.id.period <= inputs.scope.period }
    guard !raised.isEmpty else { return [] }
    let settings = plan.monitoringSettings
    let levels = plan.supervision.levels.compactMap { level -> String? in
      let count = raised.filter { $0.id.level == level.id }.count
      return count == 0 ? nil : "\(level.name.text(in: language)) \(count)"
    }
    let open = raised.filter(\.isOpen)
    let unanswered = open.filter(\.isUnanswered).count
    let summary = t(
      "督办单：本年度下发 \(raised.count) 件（\(levels.joined(separator: "、"))），未办结 \(open.count) 件，其中逾期未答复 \(unanswered) 件。",
      "Supervision notices: \(raised.count) raised this year (\(levels.joined(separator: ", "))), \(open.count) open, "
        + "\(unanswered) unanswered past their deadline.")
    let table = ReportTable(
      file: "notices",
      columns: [
        ReportColumn("level", t("级别", "Level"), compact: true), ReportColumn("org", t("责任单位", "Org"), compact: true),
        ReportColumn("reason", t("事由", "Reason")), ReportColumn("state", t("状态", "State"), compact: true),
        ReportColumn("deadline", t("答复期限", "Answer due"), compact: true),
      ],
      rows: open.map { notice in
        [
          ReportCell(
            plan.supervision.level(notice.level)?.name.text(in: language) ?? notice.level, value: .text(notice.level)),
          ReportCell(name(notice.org), value: .text(notice.org.rawValue)),
          ReportCell(notice.reason.text(in: language)),
          ReportCell(notice.state.name.text(in: language), value: .text(notice.state.rawValue)),
          ReportCell(settings.day(of: notice.deadline.addingTimeInterval(-1))),
        ]
      })
    return [.heading(t("督办单", "Supervision notices")), .paragraph(summary)] + (open.isEmpty ? [] : [.table(table)])
  }
}
