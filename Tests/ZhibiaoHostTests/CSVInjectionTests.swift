import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// Every CSV this program writes keeps a spreadsheet from running a cell as a formula (OWASP's
/// CSV-injection advice): text starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
/// single quote; numbers, negative ones included, stay numbers.
@Suite("CSV exports neutralise formulas")
struct CSVInjectionTests {
  @Test(
    "Formula-like text gets a single quote in front, and is quoted when it must be",
    arguments: [
      ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
      ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\""),
      ("-", "'-"), ("--1", "'--1"), ("-1e5", "'-1e5"),
    ])
  func neutralised(_ text: String, _ field: String) {
    #expect(CSVField.field(text) == field)
  }

  @Test(
    "Numbers and ordinary text are written as they are",
    arguments: ["-12.5", "+3", "-0.4%", "-.5", "0", "1234.5678", "西湖区", "a=b", "district.xihu", ""])
  func unchanged(_ text: String) {
    #expect(CSVField.field(text) == text)
  }

  @Test("A listing's CSV and an observation export neutralise a note, and keep a negative value a number")
  func listingAndExport() {
    let listing = Listing(
      columns: [Listing.Column(key: "note", heading: "note"), Listing.Column(key: "value", heading: "value")],
      rows: [["=cmd()", "-3.5"]])
    #expect(listing.render(.csv) == "note,value\r\n'=cmd(),-3.5\r\n")
    let table = DataTable(columns: ["note", "value"], rows: [["@x", "-1"]], numeric: ["value"])
    #expect(table.render(.csv) == "note,value\r\n'@x,-1\r\n")
  }
}
