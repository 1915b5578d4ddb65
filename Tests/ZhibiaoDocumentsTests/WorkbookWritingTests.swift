import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport
import ZhibiaoWorkspace

/// Workbooks written with libxlsxwriter read back with the import's own reader: text stays text
/// (a formula-looking text too), numbers keep exactly their digits, and a template carries its
/// validation and protection.
@Suite("Writing .xlsx workbooks")
struct WorkbookWritingTests {
  /// The XML of the part `path` of the workbook at `url`.
  static func part(_ url: URL, _ path: String) throws -> String {
    let archive = try ZipArchive(url: url)
    let entry = try #require(archive[path], "no part \(path)")
    return String(decoding: try archive.data(entry), as: UTF8.self)
  }

  static let columns = WorkbookColumns(headerNames: ["name"], numbers: ["value"], dates: [])

  @Test("Text that a spreadsheet would run as a formula is written as a string, numbers as numbers")
  func formulasAreText() throws {
    let folder = try TemporaryDirectory()
    let hostile = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    let rows: [[SheetCell]] =
      [[.text("name"), .text("value")]] + hostile.map { [.text($0), .number(Decimal(-12.5), decimals: 1)] }
    let url = folder.url.appendingPathComponent("hostile.xlsx")
    try XLSXWriter.write(WorkbookContent(sheets: [SheetContent(name: "Sheet1", rows: rows)]), to: url.path)
    let table = try Workbook(url: url, file: "hostile.xlsx").table(columns: Self.columns)
    #expect(table.rows.map { $0["name"] } == hostile)
    #expect(table.rows.allSatisfy { $0["value"] == "-12.5" })
    let sheet = try Self.part(url, "xl/worksheets/sheet1.xml")
    #expect(!sheet.contains("<f>"), "no cell is a formula")
    #expect(sheet.contains("<v>-12.5</v>"), "numbers are number cells")
  }

  @Test(
    "A number of up to 15 significant digits reads back exactly; a longer one is kept as text with its digits",
    arguments: ["0.1", "1234.5678", "0.3", "12345678901234.5", "999999999999999", "0.000123456789012345"])
  func exactNumbers(_ text: String) throws {
    let folder = try TemporaryDirectory()
    let value = try #require(Decimal(string: text, locale: nil))
    #expect(!XLSXWriter.isTooPrecise(value))
    let rows: [[SheetCell]] = [[.text("name"), .text("value")], [.text("x"), .number(value, decimals: 2)]]
    let url = folder.url.appendingPathComponent("n.xlsx")
    try XLSXWriter.write(WorkbookContent(sheets: [SheetContent(name: "S", rows: rows)]), to: url.path)
    let table = try Workbook(url: url, file: "n.xlsx").table(columns: Self.columns)
    #expect(table.rows.first?["value"] == text)
  }

  @Test("A number beyond 15 significant digits is written as text, never rounded")
  func tooPrecise() throws {
    let folder = try TemporaryDirectory()
    let value = try #require(Decimal(string: "12345678901234.5678", locale: nil))
    #expect(XLSXWriter.isTooPrecise(value))
    let rows: [[SheetCell]] = [[.text("name"), .text("value")], [.text("x"), .number(value, decimals: 4)]]
    let url = folder.url.appendingPathComponent("long.xlsx")
    try XLSXWriter.write(WorkbookContent(sheets: [SheetContent(name: "S", rows: rows)]), to: url.path)
    let table = try Workbook(url: url, file: "long.xlsx").table(columns: Self.columns)
    #expect(table.rows.first?["value"] == "12345678901234.5678")
  }

  @Test("A sheet name Excel refuses is an error that names it, and no file is left behind")
  func badSheetName() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path("bad.xlsx")
    #expect(throws: WorkbookWriteError.self) {
      try XLSXWriter.write(WorkbookContent(sheets: [SheetContent(name: "a/b", rows: [])]), to: path)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test("Cells are named as spreadsheets name them")
  func cellNames() {
    #expect(XLSXWriter.cellName(row: 0, column: 0) == "A1")
    #expect(XLSXWriter.cellName(row: 3, column: 3) == "D4")
    #expect(XLSXWriter.cellName(row: 9, column: 26) == "AA10")
  }
}

/// Text escaped as workbooks escape it reads as it was meant.
@Suite("Escaped text in workbooks")
struct EscapedTextTests {
  @Test(
    "_xHHHH_ reads as its character; anything else stays",
    arguments: [
      ("a_x000D_b", "a\rb"), ("_x005F_x000D_", "_x000D_"), ("_x00", "_x00"), ("_xZZZZ_", "_xZZZZ_"), ("plain", "plain"),
    ])
  func unescaped(_ stored: String, _ read: String) throws {
    let data = try BuiltWorkbook.data(
      rows: #"<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>"#
        + #"<row r="2"><c r="A2" t="inlineStr"><is><t>\#(stored)</t></is></c></row>"#)
    let table = try Workbook(data: data, file: "e.xlsx").table(columns: WorkbookWritingTests.columns)
    #expect(table.rows.first?["name"] == read)
  }
}
