import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

/// Monitoring as a workbook (监测表) for those who read it in Excel or WPS: a sheet of the city's
/// figures and a sheet of the districts', each row an indicator with its year-to-date actual and
/// milestone and its annual target at the indicator's precision, the pace, the light as a filled
/// cell that also names it, and the first warning's reason; frozen header, a filter on it, and
/// columns wide enough for Chinese text.
public struct MonitoringWorkbook {
  let plan: Plan
  let report: MonitoringReport
  let language: Language

  /// The workbook of `report`, in `language`.
  public init(plan: Plan, report: MonitoringReport, language: Language) {
    self.plan = plan
    self.report = report
    self.language = language
  }

  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// The sheets: the city's, then the districts'.
  public func content() -> WorkbookContent {
    let city = report.rows.filter(\.isCity)
    let districts = report.rows.filter { !$0.isCity }
    return WorkbookContent(sheets: [
      sheet(t("全市 City", "City"), city), sheet(t("区县 Districts", "Districts"), districts),
    ])
  }

  private var headings: [String] {
    [
      t("指标编号", "indicator"), t("指标", "name"), t("单位（组织）", "org"), t("计量单位", "unit"),
      t("累计实际", "actual YTD"), t("累计目标", "milestone YTD"), t("年度目标", "annual target"),
      t("序时进度 %", "pace %"), t("灯色", "light"), t("说明", "reason"),
    ]
  }

  private func sheet(_ name: String, _ rows: [MonitoringRow]) -> SheetContent {
    var cells: [[SheetCell]] = [headings.map { .text($0, .heading) }]
    for row in rows {
      let indicator = plan.indicator(row.indicator)
      let places = indicator?.precision.map(DecimalArithmetic.places)
      let light = SheetCell.Light(rawValue: row.status.rawValue) ?? .grey
      cells.append([
        .text(row.indicator.rawValue), .text(indicator?.name.text(in: language) ?? row.indicator.rawValue),
        .text(plan.org(row.org)?.name.text(in: language) ?? row.org.rawValue), .text(row.unit ?? ""),
        .number(row.actual, decimals: places), .number(row.milestone, decimals: places),
        .number(row.annualTarget, decimals: places),
        .number(row.pace.map { Decimal(Int(($0 * 1000).rounded())) / 10 }, decimals: 1),
        SheetCell(.text(lightName(light)), style: .light(light)),
        .text(row.warnings.first?.reason.text(in: language) ?? ""),
      ])
    }
    var widths = SheetContent.fittedWidths(cells, maximum: 48)
    if widths.count > 9 { widths[9] = max(widths[9], 30) }
    return SheetContent(name: name, rows: cells, columnWidths: widths, frozenRows: 1, autofilterRow: 0)
  }

  private func lightName(_ light: SheetCell.Light) -> String {
    switch light {
    case .green: t("绿", "green")
    case .yellow: t("黄", "yellow")
    case .red: t("红", "red")
    case .grey: t("灰（无数据）", "grey (no data)")
    }
  }
}
