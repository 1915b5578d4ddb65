import Foundation
import ZhibiaoKernel

/// A district's target sheet (目标责任书, draft) in Markdown: its annual and year-to-date
/// quarterly targets for a year, the bureau answerable for each indicator, and the key tasks
/// that name the district.
public struct TargetSheet {
  let plan: Plan
  let book: TargetBook
  let district: Org
  let year: Int

  /// The sheet of `district` for `year`.
  public init(plan: Plan, book: TargetBook, district: Org, year: Int) {
    self.plan = plan
    self.book = book
    self.district = district
    self.year = year
  }

  /// The Markdown text.
  public func markdown() -> String {
    let annual = book.entries(org: district.id, year: year, quarterly: false)
    var lines = [
      "# \(district.name.zh) \(year)年生产性服务业目标责任书（草案）", "",
      "依据《\(plan.name.zh)》（基期 \(plan.baseYear) 年，目标年 \(plan.targetYear) 年）分解。基期数据含示意值，仅供讨论，不作为正式下达依据。",
      "", "## 一、年度目标", "",
      "| 领域 | 指标 | \(year)年目标 | 单位 | 牵头部门 | 分解方法 |", "| --- | --- | --- | --- | --- | --- |",
    ]
    for entry in annual {
      guard let indicator = plan.indicator(entry.indicator) else { continue }
      let domain = indicator.domain.flatMap { plan.domain($0)?.name.zh } ?? "总体"
      let owner = plan.org(indicator.owner)?.name.zh ?? indicator.owner.rawValue
      lines.append(
        "| \(domain) | \(indicator.name.zh) | \(value(entry)) | \(indicator.unit ?? "") | \(owner) | \(entry.method.summary.zh) |"
      )
    }
    let quarterly = book.entries(org: district.id, year: year, quarterly: true)
    if !quarterly.isEmpty {
      lines += [
        "", "## 二、季度累计目标（年初至季末）", "", "| 指标 | 1-3月 | 1-6月 | 1-9月 | 1-12月 | 单位 |",
        "| --- | --- | --- | --- | --- | --- |",
      ]
      for indicatorID in orderedIndicators(quarterly) {
        guard let indicator = plan.indicator(indicatorID) else { continue }
        let cells = (1...4).map { quarter -> String in
          guard let entry = quarterly.first(where: { $0.indicator == indicatorID && $0.period.quarter == quarter })
          else { return "—" }
          return value(entry)
        }
        lines.append("| \(indicator.name.zh) | \(cells.joined(separator: " | ")) | \(indicator.unit ?? "") |")
      }
    }
    let tasks = plan.tasks.filter { $0.orgs.contains(district.id) }
    if !tasks.isEmpty {
      lines += ["", "## 三、涉及本地的重点任务", ""]
      for task in tasks {
        let lead = task.lead.flatMap { plan.org($0)?.name.zh } ?? ""
        lines.append("- \(task.text)（牵头：\(lead)）")
      }
    }
    let notes = orderedIndicators(annual).compactMap { id -> String? in
      guard let text = book.notes[id], let indicator = plan.indicator(id) else { return nil }
      return "- \(indicator.name.zh)：" + text.map(\.zh).joined(separator: " ")
    }
    if !notes.isEmpty { lines += ["", "## 说明", ""] + notes }
    return lines.joined(separator: "\n") + "\n"
  }

  private func value(_ entry: TargetBook.Entry) -> String {
    guard let comparator = entry.comparator, let value = entry.value else { return "—" }
    let prefix: String =
      switch entry.measure {
      case .level: ""
      case .increase: "新增 "
      case .cumulative: "累计新增 "
      case .averageAnnual: "年均 "
      }
    let step = plan.indicator(entry.indicator)?.precision
    return "\(prefix)\(comparator.symbol) \(DecimalArithmetic.text(value, step: step))"
  }

  private func orderedIndicators(_ entries: [TargetBook.Entry]) -> [IndicatorID] {
    var seen = Set<IndicatorID>()
    return entries.map(\.indicator).filter { seen.insert($0).inserted }
  }
}
