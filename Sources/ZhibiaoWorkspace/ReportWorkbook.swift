import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoReport

/// A report's tables as one workbook (`data/tables.xlsx`), for those who read them in Excel or
/// WPS: one sheet per data table, named by its data file (`ranking`, `monitoring` …), its
/// headings frozen with a filter on them, figures as numbers with exactly their stated digits,
/// counts as whole numbers, texts as the page shows them (names, where the CSV and JSON carry
/// ids), lights as filled cells that name them, and columns wide enough for Chinese text.
public struct ReportWorkbook {
  let document: ReportDocument

  /// The workbook of `document` (a report or an evaluation).
  public init(_ document: ReportDocument) { self.document = document }

  /// The file's name inside the report folder.
  public static let path = "data/tables.xlsx"

  /// One sheet per data table, in page order.
  public func content() -> WorkbookContent {
    WorkbookContent(sheets: document.dataTables.compactMap { table in table.file.map { sheet($0, table) } })
  }

  private func sheet(_ name: String, _ table: ReportTable) -> SheetContent {
    var rows: [[SheetCell]] = [table.columns.map { .text($0.heading, .heading) }]
    for row in table.rows {
      rows.append(row.map(cell))
    }
    return SheetContent(
      name: String(name.prefix(31)), rows: rows, columnWidths: SheetContent.fittedWidths(rows, maximum: 48),
      frozenRows: 1, autofilterRow: 0)
  }

  private func cell(_ cell: ReportCell) -> SheetCell {
    let style: SheetCell.Style =
      cell.light.flatMap { SheetCell.Light(rawValue: $0.rawValue) }.map { .light($0) } ?? .plain
    switch cell.value {
    case .integer(let value): return .number(Decimal(value), decimals: 0, style)
    case .decimal(let value): return .number(value, decimals: max(0, -value.exponent), style)
    // A computed ratio (a pace, a share): to six places, which a spreadsheet holds exactly.
    case .number(let value):
      let rounded = Decimal(string: "\(value)").map { DecimalArithmetic.rounded($0, scale: 6, .plain) }
      return .number(rounded, decimals: nil, style)
    // Text as the page shows it (an org's name, the light's), where the data files carry ids.
    case .text, .null: return cell.text.isEmpty ? .empty(style) : .text(cell.text, style)
    }
  }
}
