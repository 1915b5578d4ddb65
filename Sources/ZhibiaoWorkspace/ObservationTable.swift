import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore

/// Reported figures as an export (实际值导出): the import layout — indicator, org, period, value,
/// unit, note — then each figure's status, revision, who reported it and when, its source, and
/// whether it changed after approval; one row per figure, in the order given. The command line's
/// `export observations` and the web app's downloads write it, as CSV or as a workbook whose sheet
/// has the same columns (so that it reads back as an import).
public struct ObservationTable {
  /// The column keys.
  public static let columns = [
    "indicator", "org", "period", "value", "unit", "note", "status", "revision", "reported_by", "reported_at", "source",
    "changed_after_approval",
  ]

  /// The columns that hold numbers.
  public static let numeric: Set<String> = ["value", "revision"]

  let plan: Plan
  let records: [ObservationRecord]

  /// The table of `records`, figures of `plan`.
  public init(plan: Plan, records: [ObservationRecord]) {
    self.plan = plan
    self.records = records
  }

  /// The rows as text: values exact as stored, times in ISO 8601.
  public var rows: [[String]] {
    let time = ISO8601DateFormatter()
    return records.map { record in
      [
        record.indicator.rawValue, record.org.rawValue, record.period.description, "\(record.value)",
        plan.indicator(record.indicator)?.unit ?? "", record.note ?? "", record.status.rawValue, "\(record.revision)",
        record.reportedBy.rawValue, time.string(from: record.reportedAt), record.source,
        record.changedAfterApproval ? "true" : "false",
      ]
    }
  }

  /// The CSV file.
  public var csv: CSVTable { CSVTable(columns: Self.columns, rows: rows) }

  /// The workbook: one sheet named `name`, the value and revision as numbers (the value at its
  /// indicator's precision), everything else as text; frozen header, a filter on it.
  public func workbook(sheet name: String) -> WorkbookContent {
    let header = Self.columns.map { SheetCell.text($0, .heading) }
    let cells = zip(records, rows).map { record, row -> [SheetCell] in
      let places = plan.indicator(record.indicator)?.precision.map(DecimalArithmetic.places)
      return zip(Self.columns, row).map { column, text in
        switch column {
        case "value": .number(record.value, decimals: places)
        case "revision": .number(Decimal(record.revision), decimals: 0)
        default: .text(text)
        }
      }
    }
    let rows = [header] + cells
    return WorkbookContent(sheets: [
      SheetContent(
        name: name, rows: rows, columnWidths: SheetContent.fittedWidths(rows, maximum: 48), frozenRows: 1,
        autofilterRow: 0)
    ])
  }
}
