import Foundation
import ZhibiaoKernel

/// Turns a sheet's rows, as they stream past, into the records of an import table, and every
/// cell that cannot be imported into an error at its `Sheet!B7`.
///
/// The rules, beside the table's own (`ImportTable`):
/// - The header is the first row with a cell named by `WorkbookColumns.headerNames`; the rows
///   above it are skipped. Without such a row the first row that has a value is the header,
///   so that the import names what is missing.
/// - From the header down, a row whose cells are all empty is skipped, like a blank line of a
///   CSV file; every other row is a record whose fields run from column A, an empty cell being
///   an empty field, at least as far as the header does.
/// - Text cells (shared or inline strings, a formula's text) are their text, untrimmed, as in
///   CSV. Number cells are their `SpreadsheetNumber` plain decimal; in a date column a number
///   cell is a serial date and reads as `YYYY-MM-DD` (a time of day in it is refused).
/// - Refused at the cell: a formula without a cached value, an error value (`#DIV/0!`), a
///   logical value in a number or date column, and in a number column a number formatted as a
///   percentage (it holds 0.125 where it shows 12.5%; which of the two was meant is a guess).
struct WorkbookTableBuilder {
  let file: String
  let sheet: String
  let columns: WorkbookColumns
  let date1904: Bool

  /// The header's names once it is found.
  private var header: [String]?
  /// The first row with a value, the header should no row name one.
  private var fallback: ImportTable.Record?
  private var records: [ImportTable.Record] = []
  private var errors: [Diagnostic] = []

  init(file: String, sheet: String, columns: WorkbookColumns, date1904: Bool) {
    self.file = file
    self.sheet = sheet
    self.columns = columns
    self.date1904 = date1904
  }

  private func at(_ row: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, sheet: sheet, row: row, column: column)
  }

  /// Adds the sheet's row `number` with its `cells`.
  mutating func add(row number: Int, cells: [(column: Int, content: CellContent)]) {
    let filled = cells.filter { $0.content != .empty && $0.content != .text("") }
    guard let last = filled.map(\.column).max() else { return }
    guard let header else {
      let names = filled.compactMap { cell -> String? in
        if case .text(let text) = cell.content { return text.trimmingCharacters(in: .whitespaces) }
        return nil
      }
      let record = self.record(number, cells: filled, width: last, header: [])
      if names.contains(where: columns.headerNames.contains) {
        self.header = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        records = [record]
      } else if fallback == nil {
        fallback = record
      }
      return
    }
    records.append(record(number, cells: filled, width: max(last, header.count), header: header))
  }

  /// Whether a row named a header: the sheet holds an import table.
  var hasHeader: Bool { header != nil }

  /// The table, or every error found.
  func table() throws(ConfigurationErrors) -> ImportTable {
    try ImportTable(
      records: header == nil ? fallback.map { [$0] } ?? [] : records, errors: errors,
      start: at(1, 1))
  }

  /// The record of row `number`: fields from column A to `width`, each cell read by its column.
  private mutating func record(
    _ number: Int, cells: [(column: Int, content: CellContent)], width: Int, header: [String]
  ) -> ImportTable.Record {
    var record = ImportTable.Record(
      line: number, fields: Array(repeating: "", count: width), starts: (1...width).map { at(number, $0) })
    for cell in cells {
      let name = cell.column <= header.count ? header[cell.column - 1] : ""
      switch field(cell.content, column: name) {
      case .success(let text): record.fields[cell.column - 1] = text
      case .failure(let problem):
        record.isBad = true
        errors.append(Diagnostic(.error, at: at(number, cell.column), problem.message, hint: problem.hint))
      }
    }
    return record
  }

  /// Why a cell cannot be imported.
  struct Problem: Error {
    var message: String
    var hint: String?
  }

  /// The text of a cell under the column `name`.
  private func field(_ content: CellContent, column name: String) -> Result<String, Problem> {
    let isNumber = columns.numbers.contains(name)
    let isDate = columns.dates.contains(name)
    switch content {
    case .empty: return .success("")
    case .text(let text): return .success(text)
    case .isoDate(let text):
      return .success(isDate && text.count >= 10 ? String(text.prefix(10)) : text)
    case .number(let written):
      guard let plain = SpreadsheetNumber.plain(written) else {
        return .failure(Problem(message: "The cell holds '\(written)', which is not a number a spreadsheet writes."))
      }
      guard isDate else { return .success(plain) }
      guard let serial = Int(plain), let day = SerialDate.day(serial, date1904: date1904) else {
        return .failure(
          Problem(
            message: "The date cell under '\(name)' holds \(plain), which is not a whole day.",
            hint: "give the day alone, formatted as a date or written YYYY-MM-DD"))
      }
      return .success(day)
    case .percentage(let written):
      let plain = SpreadsheetNumber.plain(written) ?? written
      guard isNumber else { return .success(plain) }
      return .failure(
        Problem(
          message:
            "The cell under '\(name)' is formatted as a percentage: it holds \(plain), not the figure it shows with a % sign.",
          hint: "format the cell as a number and type the figure in the indicator's unit, e.g. 12.5 for 12.5%"))
    case .boolean(let value):
      guard isNumber || isDate else { return .success(value ? "TRUE" : "FALSE") }
      return .failure(
        Problem(
          message:
            "The cell under '\(name)' holds the logical value \(value ? "TRUE" : "FALSE"), not a \(isDate ? "date" : "number").",
          hint: "type the \(isDate ? "date" : "number") itself"))
    case .error(let code):
      return .failure(
        Problem(
          message: "The cell holds the error value \(code), not a value.",
          hint: "correct the formula or type the value"))
    case .noCachedValue(let formula):
      return .failure(
        Problem(
          message:
            "The cell holds the formula '=\(formula)' but no value computed for it (the program that wrote the file does not calculate).",
          hint: "open the workbook in Excel, WPS or LibreOffice and save it, or type the value"))
    case .missingString(let index):
      return .failure(Problem(message: "The cell refers to shared string \(index), which the workbook does not have."))
    }
  }
}
