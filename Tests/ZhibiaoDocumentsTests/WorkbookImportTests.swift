import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// Workbooks written by other programs import as the same figures as the equivalent CSV, and
/// what cannot be imported is refused at its cell.
@Suite("Importing .xlsx workbooks")
struct WorkbookImportTests {
  /// A checked row without where it came from: what the store receives.
  struct Figure: Equatable, CustomStringConvertible {
    var indicator: IndicatorID
    var org: OrgID
    var period: Period
    var value: Decimal
    var note: String?
    var reportedAt: Date?

    init(_ row: ObservationInput) {
      (indicator, org, period, value, note, reportedAt) = (
        row.indicator, row.org, row.period, row.value, row.note, row.reportedAt
      )
    }

    var description: String {
      "\(indicator) \(org) \(period) \(value) \(note ?? "-") \(reportedAt.map { "\($0)" } ?? "-")"
    }
  }

  static func check(_ table: ImportTable) throws -> (rows: [ObservationInput], errors: [String]) {
    let plan = try HangzhouPlan.plan()
    let result = ObservationImport(plan: plan, submitter: plan.commission).check(table)
    return (result.rows, result.diagnostics.map(\.description))
  }

  /// The figures of the equivalent CSV file.
  static func csvFigures() throws -> [Figure] {
    let plan = try HangzhouPlan.plan()
    let text = try String(contentsOf: BuiltWorkbook.fixture("observations.csv"), encoding: .utf8)
    let result = ObservationImport(plan: plan, submitter: plan.commission).check(text, file: "observations.csv")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return result.rows.map(Figure.init)
  }

  @Test(
    "A workbook saved by openpyxl or LibreOffice gives the same figures as the CSV",
    arguments: ["openpyxl-observations.xlsx", "libreoffice-observations.xlsx"])
  func roundTrip(_ name: String) throws {
    let expected = try Self.csvFigures()
    #expect(expected.count == 7)
    let (rows, errors) = try Self.check(BuiltWorkbook.table(name))
    #expect(errors.isEmpty, "\(errors)")
    #expect(rows.map(Figure.init) == expected)
    #expect(rows.first?.location?.sheet != nil)
  }

  @Test("--sheet reads another sheet: register entries with date cells")
  func registersSheet() throws {
    let plan = try HangzhouPlan.plan()
    let table = try BuiltWorkbook.table("openpyxl-observations.xlsx", sheet: "名录")
    let result = RegisterImport(plan: plan, submitter: plan.commission).check(table)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.entries.map(\.recognisedOn) == ["2008-12-19", "2010-06-30"])
    #expect(result.entries.map(\.evidence) == ["示例", nil])
  }

  @Test("A sheet the workbook does not have is refused with the sheets it has")
  func unknownSheet() throws {
    #expect(throws: WorkbookError.noSuchSheet(name: "Data", available: ["数据", "名录"])) {
      try BuiltWorkbook.table("openpyxl-observations.xlsx", sheet: "Data")
    }
    #expect(WorkbookError.noSuchSheet(name: "Data", available: ["数据", "名录"]).text.zh.contains("数据、名录"))
  }

  @Test("A formula without a cached value is refused at its cell")
  func formulaWithoutValue() throws {
    let error = try #require(throws: ConfigurationErrors.self) { try BuiltWorkbook.table("openpyxl-formula.xlsx") }
    #expect(
      error.diagnostics.map(\.description) == [
        "openpyxl-formula.xlsx:数据!D3: error: The cell holds the formula '=D2+74.1' but no value computed for it (the program that wrote the file does not calculate) (open the workbook in Excel, WPS or LibreOffice and save it, or type the value)"
      ])
  }

  @Test(
    "Logical and error values where a number or a date belongs, and percentages, are refused at their cells, all together"
  )
  func cellErrors() throws {
    let error = try #require(throws: ConfigurationErrors.self) { try BuiltWorkbook.table("openpyxl-cell-errors.xlsx") }
    let lines = error.diagnostics.map(\.description)
    #expect(lines.count == 4, "\(lines)")
    #expect(
      lines[0].hasPrefix(
        "openpyxl-cell-errors.xlsx:Sheet1!D2: error: The cell under 'value' holds the logical value TRUE"))
    #expect(lines[1].hasPrefix("openpyxl-cell-errors.xlsx:Sheet1!D3: error: The cell holds the error value #DIV/0!"))
    #expect(
      lines[2].hasPrefix(
        "openpyxl-cell-errors.xlsx:Sheet1!G4: error: The cell under 'reported_on' holds the logical value FALSE, not a date"
      ))
    #expect(
      lines[3].hasPrefix(
        "openpyxl-cell-errors.xlsx:Sheet1!D5: error: The cell under 'value' is formatted as a percentage: it holds 0.125"
      ))
  }

  @Test("Text that is a number only after more than trimming white space is refused at its cell, as in CSV")
  func trimmingRule() throws {
    let (rows, errors) = try Self.check(BuiltWorkbook.table("openpyxl-bad-values.xlsx"))
    #expect(rows.isEmpty)
    #expect(
      errors == [
        "openpyxl-bad-values.xlsx:Sheet1!C3: error: The value '１４３.１' is not a number (write digits with a decimal point only, without separators or words, e.g. 1234.5)",
        "openpyxl-bad-values.xlsx:Sheet1!C5: error: The value '1,234.5' is not a number (write digits with a decimal point only, without separators or words, e.g. 1234.5)",
      ])
    // The same texts in a CSV file: an ideographic space is white space and is trimmed; full-width
    // digits and a thousands separator are refused; so is ="123", which is text in a CSV file.
    let plan = try HangzhouPlan.plan()
    let csv = ObservationImport(plan: plan, submitter: plan.commission).check(
      "indicator,org,period,value\nfinance.finance_va,district.xihu,2024Q1,\u{3000} 69 \n"
        + "finance.finance_va,district.xihu,2024Q2,１４３.１\nfinance.finance_va,district.xihu,2024Q3,\"1,234.5\"\n"
        + "finance.finance_va,district.xihu,2024Q4,\"=\"\"123\"\"\"\n",
      file: "f.csv")
    #expect(csv.diagnostics.map(\.location.line) == [3, 4, 5])
    #expect(csv.diagnostics.map(\.location.column) == [41, 41, 41])
  }

  @Test("A row-level error names the row's first cell and an earlier row by its cell")
  func repeatedRow() throws {
    let row = ["finance.finance_va", "district.xihu", "2024Q1"].enumerated().map {
      BuiltWorkbook.text("\(["A", "B", "C"][$0.offset])%d", $0.element)
    }
    let rows = [2, 3].map { number in
      BuiltWorkbook.row(
        number, row.map { $0.replacingOccurrences(of: "%d", with: "\(number)") } + ["<c r=\"D\(number)\"><v>69</v></c>"]
      )
    }
    let data = try BuiltWorkbook.data(rows: BuiltWorkbook.header + rows.joined())
    let table = try Workbook(data: data, file: "t.xlsx").table(columns: ImportFile.workbookColumns)
    let (_, errors) = try Self.check(table)
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix(
        "t.xlsx:Sheet1!A3: error: This row repeats 'finance.finance_va' for 'district.xihu' in 2024Q1, given at Sheet1!A2 (keep one of the two rows)"
      ) == true, "\(errors)")
  }
}
