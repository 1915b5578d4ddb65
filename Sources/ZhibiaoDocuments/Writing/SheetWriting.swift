import CXLSXWriter
import Foundation

/// The formats of one workbook, made once per style and number of decimals; the workbook owns them.
final class CellFormats {
  private struct Key: Hashable {
    var style: SheetCell.Style
    var decimals: Int?
  }

  private var made: [Key: UnsafeMutablePointer<lxw_format>] = [:]

  func format(
    _ style: SheetCell.Style, decimals: Int?, in workbook: UnsafeMutablePointer<lxw_workbook>
  ) -> UnsafeMutablePointer<lxw_format>? {
    let key = Key(style: style, decimals: decimals)
    if let format = made[key] { return format }
    guard let format = workbook_add_format(workbook) else { return nil }
    format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    switch style {
    case .plain: break
    case .heading:
      format_set_bold(format)
      format_set_text_wrap(format)
      format_set_bg_color(format, 0xD9D9D9)
      format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
    case .label: format_set_font_color(format, 0x595959)
    case .paragraph: format_set_text_wrap(format)
    case .title:
      format_set_bold(format)
      format_set_font_size(format, 14)
    case .input, .inputDate:
      format_set_unlocked(format)
      format_set_bg_color(format, 0xFFF2CC)
      format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
    case .light(let light):
      format_set_bg_color(format, light.fill)
      format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
      format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
    }
    if style == .inputDate {
      format_set_num_format(format, "yyyy-mm-dd")
    } else if let decimals {
      format_set_num_format(format, decimals > 0 ? "#,##0." + String(repeating: "0", count: decimals) : "#,##0")
    }
    made[key] = format
    return format
  }
}

/// Writes one sheet's cells, widths, panes, filter, validations and protection.
struct SheetWriting {
  let workbook: UnsafeMutablePointer<lxw_workbook>
  let worksheet: UnsafeMutablePointer<lxw_worksheet>
  let formats: CellFormats

  func write(_ sheet: SheetContent) throws(WorkbookWriteError) {
    for (column, width) in sheet.columnWidths.enumerated() {
      let at = lxw_col_t(column)
      try XLSXWriter.check(worksheet_set_column(worksheet, at, at, width, nil), "worksheet_set_column")
    }
    for (row, cells) in sheet.rows.enumerated() {
      for (column, cell) in cells.enumerated() { try write(cell, row: row, column: column) }
    }
    if sheet.frozenRows > 0 { worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), 0) }
    if let row = sheet.autofilterRow, let width = sheet.rows.indices.contains(row) ? sheet.rows[row].count : nil {
      try XLSXWriter.check(
        worksheet_autofilter(
          worksheet, lxw_row_t(row), 0, lxw_row_t(max(row, sheet.rows.count - 1)), lxw_col_t(max(0, width - 1))),
        "worksheet_autofilter")
    }
    for validation in sheet.validations { try add(validation) }
    if sheet.isProtected {
      var options = lxw_protection()
      options.format_columns = 1
      options.autofilter = 1
      worksheet_protect(worksheet, nil, &options)
    }
  }

  private func write(_ cell: SheetCell, row: Int, column: Int) throws(WorkbookWriteError) {
    let (r, c) = (lxw_row_t(row), lxw_col_t(column))
    switch cell.value {
    case .text(let text):
      let format = formats.format(cell.style, decimals: nil, in: workbook)
      try XLSXWriter.check(worksheet_write_string(worksheet, r, c, text, format), "worksheet_write_string")
    case .number(let value, let decimals):
      let format = formats.format(cell.style, decimals: decimals, in: workbook)
      guard !XLSXWriter.isTooPrecise(value), let double = Double("\(value)") else {
        try XLSXWriter.check(worksheet_write_string(worksheet, r, c, "\(value)", format), "worksheet_write_string")
        return
      }
      try XLSXWriter.check(worksheet_write_number(worksheet, r, c, double, format), "worksheet_write_number")
    case .empty:
      guard cell.style != .plain else { return }
      let format = formats.format(cell.style, decimals: nil, in: workbook)
      try XLSXWriter.check(worksheet_write_blank(worksheet, r, c, format), "worksheet_write_blank")
    }
  }

  private func add(_ validation: CellValidation) throws(WorkbookWriteError) {
    var rule = lxw_data_validation()
    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
    rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
    var owned: [UnsafeMutablePointer<CChar>?] = []
    defer { owned.forEach { free($0) } }
    func copy(_ text: String) -> UnsafeMutablePointer<CChar>? {
      let pointer = strdup(text)
      owned.append(pointer)
      return pointer
    }
    let first = XLSXWriter.cellName(row: validation.rows.lowerBound, column: validation.column)
    switch validation.rule {
    case .decimal(let minimum, let decimals):
      // A decimal rule cannot limit the places; a formula relative to the range's first cell can.
      var terms = ["ISNUMBER(\(first))"]
      if let minimum { terms.append("\(first)>=\(minimum)") }
      if let decimals { terms.append("ROUND(\(first),\(decimals))=\(first)") }
      rule.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
      rule.value_formula = copy("=AND(\(terms.joined(separator: ",")))")
    case .list(let items):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
      rule.criteria = 0
      var list = items.map(copy) + [nil]
      try list.withUnsafeMutableBufferPointer { (buffer) throws(WorkbookWriteError) in
        rule.value_list = buffer.baseAddress
        try addRange(validation, &rule)
      }
      return
    case .date:
      rule.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
      rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
      rule.minimum_datetime = lxw_datetime(year: 2000, month: 1, day: 1, hour: 0, min: 0, sec: 0)
      rule.maximum_datetime = lxw_datetime(year: 2099, month: 12, day: 31, hour: 0, min: 0, sec: 0)
    }
    try addRange(validation, &rule)
  }

  /// Adds `rule` over the validation's range with its messages; the library copies every string.
  private func addRange(_ validation: CellValidation, _ rule: inout lxw_data_validation) throws(WorkbookWriteError) {
    var owned: [UnsafeMutablePointer<CChar>?] = []
    defer { owned.forEach { free($0) } }
    let texts = [validation.inputTitle, validation.inputMessage, validation.errorTitle, validation.errorMessage].map {
      let pointer = strdup($0)
      owned.append(pointer)
      return pointer
    }
    (rule.input_title, rule.input_message, rule.error_title, rule.error_message) = (
      texts[0], texts[1], texts[2], texts[3]
    )
    let (first, last, column) = (validation.rows.lowerBound, validation.rows.upperBound, lxw_col_t(validation.column))
    try XLSXWriter.check(
      worksheet_data_validation_range(worksheet, lxw_row_t(first), column, lxw_row_t(last), column, &rule),
      "worksheet_data_validation_range")
  }
}
