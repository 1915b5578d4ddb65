import CXLSXWriter
import Foundation

/// Writes a `WorkbookContent` as an `.xlsx` file with libxlsxwriter.
///
/// The library owns the worksheets and formats it hands out and frees them with the workbook, so
/// every pointer lives inside one call of `write(_:to:)`; every step's `lxw_error` is checked.
/// Text is always written as a string cell, so a text starting with `=` is never a formula.
/// Numbers come from `Decimal`: one of at most 15 significant digits goes in as the nearest
/// double, which spreadsheets show (at 15 digits) and read back exactly as it was; a longer one
/// would not survive that, so it is written as text with its exact digits.
public enum XLSXWriter {
  /// The most significant digits a number cell keeps exactly.
  public static let exactDigits = 15

  /// Writes `content` to the file at `path`, replacing it.
  public static func write(_ content: WorkbookContent, to path: String) throws(WorkbookWriteError) {
    guard let pointer = workbook_new(path) else {
      throw .library(step: "workbook_new", reason: "cannot create \(path)")
    }
    let workbook = LibraryWorkbook(pointer)
    for (index, sheet) in content.sheets.enumerated() {
      try workbook.add(sheet, active: index == content.activeSheet)
    }
    try workbook.close()
  }

  /// Whether `value` has more significant digits than a number cell keeps exactly.
  public static func isTooPrecise(_ value: Decimal) -> Bool {
    var digits = "\(value)".filter(\.isNumber).drop { $0 == "0" }
    while digits.last == "0" { digits.removeLast() }
    return digits.count > exactDigits
  }

  /// The A1 name of the cell at 0-based `row` and `column`, e.g. `D3`.
  public static func cellName(row: Int, column: Int) -> String {
    var letters = ""
    var rest = column + 1
    while rest > 0 {
      let digit = (rest - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
      rest = (rest - 1) / 26
    }
    return "\(letters)\(row + 1)"
  }

  /// Checks a library call's result.
  static func check(_ error: lxw_error, _ step: String) throws(WorkbookWriteError) {
    guard error != LXW_NO_ERROR else { return }
    throw .library(step: step, reason: String(cString: lxw_strerror(error)))
  }
}

/// A libxlsxwriter workbook: freed without writing unless it was closed.
private final class LibraryWorkbook {
  private var pointer: UnsafeMutablePointer<lxw_workbook>?
  private var formats = CellFormats()

  init(_ pointer: UnsafeMutablePointer<lxw_workbook>) { self.pointer = pointer }

  deinit { if let pointer { lxw_workbook_free(pointer) } }

  func add(_ sheet: SheetContent, active: Bool) throws(WorkbookWriteError) {
    guard let pointer else { return }
    let valid = workbook_validate_sheet_name(pointer, sheet.name)
    guard valid == LXW_NO_ERROR else {
      throw .sheetName(sheet.name, reason: String(cString: lxw_strerror(valid)))
    }
    guard let worksheet = workbook_add_worksheet(pointer, sheet.name) else {
      throw .library(step: "workbook_add_worksheet", reason: sheet.name)
    }
    try SheetWriting(workbook: pointer, worksheet: worksheet, formats: formats).write(sheet)
    if active { worksheet_activate(worksheet) }
  }

  /// Writes the file; the library frees the workbook whether or not that succeeds.
  func close() throws(WorkbookWriteError) {
    guard let pointer else { return }
    self.pointer = nil
    try XLSXWriter.check(workbook_close(pointer), "workbook_close")
  }
}
