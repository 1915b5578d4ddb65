import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

/// The target book (目标分解表) as a workbook: a sheet of annual targets, a sheet of year-to-date
/// quarterly milestones and a sheet of notes, each with a frozen header, an autofilter, columns
/// wide enough for Chinese text and every target at its indicator's precision.
public struct TargetBookWorkbook {
  let plan: Plan
  let book: TargetBook
  let entries: [TargetBook.Entry]
  let language: Language

  /// The workbook of `entries` of `book` (whose notes it shows for the indicators listed), in `language`.
  public init(plan: Plan, book: TargetBook, entries: [TargetBook.Entry], language: Language) {
    self.plan = plan
    self.book = book
    self.entries = entries
    self.language = language
  }

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// The sheets: annual targets, quarterly milestones, and the notes when there are any.
  public func content() -> WorkbookContent {
    let annual = entries.filter { $0.period.quarter == nil }
    let quarterly = entries.filter { $0.period.quarter != nil }
    var sheets = [
      sheet(text("年度目标", "Annual targets"), annual, seasonal: false),
      sheet(text("季度累计目标", "Quarterly milestones"), quarterly, seasonal: true),
    ]
    let shown = Set(entries.map(\.indicator))
    let notes = plan.indicators.filter { shown.contains($0.id) }.flatMap { indicator in
      (book.notes[indicator.id] ?? []).map { [SheetCell.text(indicator.id.rawValue), .text($0.text(in: language))] }
    }
    if !notes.isEmpty {
      let rows = [[SheetCell.text(text("指标", "Indicator"), .heading), .text(text("说明", "Note"), .heading)]] + notes
      sheets.append(
        SheetContent(
          name: text("说明", "Notes"), rows: rows, columnWidths: SheetContent.fittedWidths(rows, maximum: 100),
          frozenRows: 1, autofilterRow: 0))
    }
    return WorkbookContent(sheets: sheets)
  }

  private func sheet(_ name: String, _ entries: [TargetBook.Entry], seasonal: Bool) -> SheetContent {
    var headings = [
      text("指标", "Indicator"), text("名称", "Name"), text("责任单位", "Org"), text("单位编号", "Org id"),
      text("期间", "Period"), text("口径", "Basis"), text("目标", "Target"), text("单位", "Unit"),
      text("方法", "Method"),
    ]
    if seasonal { headings.append(text("累计季节占比", "Seasonal share")) }
    let rows: [[SheetCell]] =
      [headings.map { .text($0, .heading) }]
      + entries.map { entry in
        let indicator = plan.indicator(entry.indicator)
        var row: [SheetCell] = [
          .text(entry.indicator.rawValue), .text(indicator.map { $0.name.text(in: language) } ?? ""),
          .text(plan.org(entry.org).map { $0.name.text(in: language) } ?? entry.org.rawValue),
          .text(entry.org.rawValue), .text(language == .zh ? entry.period.zh : entry.period.description),
          .text(basis(entry, indicator)),
          .number(entry.value, decimals: indicator?.precision.map(DecimalArithmetic.places)),
          .text(indicator?.unit ?? ""), .text(entry.method.rawValue),
        ]
        if seasonal { row.append(.number(entry.seasonalShare, decimals: nil)) }
        return row
      }
    return SheetContent(
      name: name, rows: rows, columnWidths: SheetContent.fittedWidths(rows), frozenRows: 1, autofilterRow: 0)
  }

  /// What the target number means: `≥`, `新增 ≥`, a parity or a qualitative aim.
  private func basis(_ entry: TargetBook.Entry, _ indicator: Indicator?) -> String {
    guard let comparator = entry.comparator else {
      return indicator?.aims.joined(separator: text("、", "; ")) ?? ""
    }
    if comparator == .parity {
      return text("与 \(entry.partner?.rawValue ?? "?") 相持平", "level with \(entry.partner?.rawValue ?? "?")")
    }
    return entry.measure.prefix(in: language) + comparator.symbol
  }
}
