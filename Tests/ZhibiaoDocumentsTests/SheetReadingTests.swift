import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoWorkspace

@testable import ZhibiaoDocuments

/// How the cells of a sheet become the fields of an import table.
@Suite("Reading a sheet's cells")
struct SheetReadingTests {
  typealias W = BuiltWorkbook

  @Test("Shared strings and inline strings, rich text runs joined and phonetic guides left out")
  func strings() throws {
    let rows =
      W.row(1, ["<c r=\"A1\" t=\"s\"><v>0</v></c>", W.text("B1", "org")])
      + W.row(
        2,
        [
          "<c r=\"A2\" t=\"s\"><v>1</v></c>",
          "<c r=\"B2\" t=\"inlineStr\"><is><r><t>西湖</t></r><r><t xml:space=\"preserve\">区 </t></r><rPh><t>セイコ</t></rPh></is></c>",
        ])
    let fields = try W.fields(
      rows: rows, strings: ["<t>indicator</t>", "<r><t>finance.</t></r><r><t>finance_va</t></r><rPh><t>x</t></rPh>"])
    #expect(fields == ["indicator|org", "2: finance.finance_va|西湖区 "])
  }

  @Test("Numbers are read from their text to 15 significant digits; a formula's cached text is its value")
  func numbers() throws {
    let rows =
      W.header
      + W.row(2, ["<c r=\"C2\"><v>2024</v></c>", "<c r=\"D2\"><v>0.30000000000000004</v></c>"])
      + W.row(3, ["<c r=\"D3\"><f>1234.4+0.1</f><v>1234.5000000000002</v></c>"])
      + W.row(4, ["<c r=\"D4\" t=\"str\"><f>\"123\"</f><v>123</v></c>"])
      + W.row(5, ["<c r=\"D5\"><v>1.5E-7</v></c>"])
    #expect(
      try W.fields(rows: rows) == [
        "indicator|org|period|value", "2: ||2024|0.3", "3: |||1234.5", "4: |||123", "5: |||0.00000015",
      ])
  }

  @Test("Cells and rows without references follow the one before; a namespace prefix is read; empty rows are skipped")
  func references() throws {
    let rows =
      "<x:row><x:c t=\"inlineStr\"><x:is><x:t>indicator</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>org</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>value</x:t></x:is></x:c></x:row>"
      + "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>b</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>"
      + "<x:row r=\"4\"><x:c r=\"A4\" s=\"1\"/></x:row>"
    let fields = try W.fields(
      rows: rows.replacingOccurrences(
        of: "<x:row", with: "<x:row xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""))
    #expect(fields == ["indicator|org|value", "3: |b|7"])
    let errors = try W.errors(
      rows: rows.replacingOccurrences(
        of: "<x:row", with: "<x:row xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""))
    #expect(errors.isEmpty)
  }

  @Test("A value beyond the header's columns is refused at its cell")
  func valueWithoutColumn() throws {
    let errors = try W.errors(rows: W.header + W.row(2, [W.text("A2", "x"), W.text("F2", "stray")]))
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix("t.xlsx:Sheet1!E2: error: This row has 6 fields but the header names 4 columns") == true,
      "\(errors)")
  }

  @Test("Date cells in a date column read as days, in both date systems; a time of day is refused")
  func dates() throws {
    let header = W.row(1, [W.text("A1", "register"), W.text("B1", "recognised_on")])
    let days =
      W.row(2, ["<c r=\"B2\" s=\"1\"><v>45396</v></c>"])
      + W.row(3, ["<c r=\"B3\" t=\"d\"><v>2024-04-14T00:00:00</v></c>"])
    #expect(try W.fields(rows: header + days) == ["register|recognised_on", "2: |2024-04-14", "3: |2024-04-14"])
    let data = try W.data(rows: header + W.row(2, ["<c r=\"B2\"><v>43934</v></c>"]), date1904: true)
    let table = try Workbook(data: data, file: "t.xlsx").table(columns: ImportFile.workbookColumns)
    #expect(table.rows.first?.fields == ["", "2024-04-14"])
    let errors = try W.errors(rows: header + W.row(2, ["<c r=\"B2\"><v>45396.5</v></c>"]))
    #expect(
      errors.first?.hasPrefix(
        "t.xlsx:Sheet1!B2: error: The date cell under 'recognised_on' holds 45396.5, which is not a whole day") == true)
  }

  @Test(
    "Number text is rounded to 15 significant digits, half away from zero, and written plainly",
    arguments: [
      ("69", "69"), ("0.30000000000000004", "0.3"), ("1234.5000000000002", "1234.5"), ("-0.1", "-0.1"),
      ("1.5E+3", "1500"), ("1E-3", "0.001"), ("123456789012345678", "123456789012346000"),
      ("9.99999999999999999E+2", "1000"), ("0.000", "0"), ("2.50", "2.5"), ("-1234.5000000000002", "-1234.5"),
      ("0.1234567890123456", "0.123456789012346"),
    ])
  func plainNumbers(_ written: String, _ plain: String) {
    #expect(SpreadsheetNumber.plain(written) == plain)
  }

  @Test(
    "Text that is not a spreadsheet's number is not read as one", arguments: ["", "abc", "1.2.3", "1E", "１２", "1,5"])
  func notNumbers(_ written: String) {
    #expect(SpreadsheetNumber.plain(written) == nil)
  }

  @Test(
    "Serial dates in the 1900 system skip Lotus's 1900-02-29",
    arguments: [
      (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45396, "2024-04-14"), (2_958_465, "9999-12-31"),
    ])
  func serialDates(_ serial: Int, _ day: String) {
    #expect(SerialDate.day(serial, date1904: false) == day)
  }

  @Test(
    "A format code shows a percentage when its % is neither quoted nor escaped",
    arguments: [("0%", true), ("0.0%", true), ("#,##0.00\"%\"", false), ("0\\%", false), ("General", false)])
  func percentFormats(_ code: String, _ shows: Bool) {
    #expect(WorkbookParts.showsPercent(code) == shows)
  }

  @Test("Serial 60 and serials before 1 name no day")
  func impossibleSerials() {
    #expect(SerialDate.day(60, date1904: false) == nil)
    #expect(SerialDate.day(0, date1904: false) == nil)
    #expect(SerialDate.day(0, date1904: true) == "1904-01-01")
  }
}
