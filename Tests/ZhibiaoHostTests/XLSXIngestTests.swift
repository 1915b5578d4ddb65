import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// `zhibiao ingest` of workbooks, run as a user runs it.
@Suite("zhibiao ingest of .xlsx workbooks", .serialized)
struct XLSXIngestTests {
  static func fixture(_ name: String) -> String {
    Repository.url("Tests/ZhibiaoDocumentsTests/Fixtures/\(name)").path
  }

  @Test("A LibreOffice workbook imports the same figures as its CSV, and its register sheet with --sheet")
  func importsLikeCSV() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let fromCSV = try run.run(["ingest", Self.fixture("observations.csv"), "--db", run.path("csv.sqlite")])
    #expect(fromCSV.status == 0, "\(fromCSV.errors)")
    let fromXLSX = try run.run(["ingest", Self.fixture("libreoffice-observations.xlsx"), "--db", run.path("x.sqlite")])
    #expect(fromXLSX.status == 0, "\(fromXLSX.errors)")
    #expect(fromXLSX.output.contains("7 行，新增 7"))
    // indicator, org, period, value, unit and note of each figure (the time sent differs).
    func figures(_ db: String) throws -> [String] {
      try run.run(["export", "observations", "--db", run.path(db), "--format", "csv"]).output
        .split(whereSeparator: \.isNewline).map {
          $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
        }
    }
    #expect(try figures("x.sqlite").count == 8)
    #expect(try figures("x.sqlite") == figures("csv.sqlite"))
    let registers = try run.run([
      "ingest", Self.fixture("openpyxl-observations.xlsx"), "--sheet", "名录", "--db", run.path("x.sqlite"),
    ])
    #expect(registers.status == 0, "\(registers.errors)")
    #expect(registers.output.contains("2 行"))
  }

  @Test("A bad cell is named as Sheet!C5 and nothing is imported")
  func badCell() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["ingest", Self.fixture("openpyxl-bad-values.xlsx"), "--db", run.path("z.sqlite")])
    #expect(result.status == 1)
    #expect(result.errors.contains("openpyxl-bad-values.xlsx:Sheet1!C5: error: The value '1,234.5' is not a number"))
    #expect(result.errors.contains("未导入：2 个错误"))
    let formula = try run.run([
      "ingest", Self.fixture("openpyxl-formula.xlsx"), "--db", run.path("z.sqlite"), "--lang", "en",
    ])
    #expect(formula.status == 1)
    #expect(formula.errors.contains("openpyxl-formula.xlsx:数据!D3: error: The cell holds the formula '=D2+74.1'"))
    #expect(formula.errors.contains("Nothing was imported: 1 error(s)"))
  }

  @Test("An .xls or .xlsm file and an unknown sheet are refused with what to do")
  func refusals() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    for (name, zh) in [("old.xls", "另存为"), ("macros.xlsm", "另存为")] {
      try Data("not read".utf8).write(to: URL(fileURLWithPath: run.path(name)))
      let result = try run.run(["ingest", run.path(name), "--db", run.path("z.sqlite")])
      #expect(result.status == 1)
      #expect(result.errors.contains(zh), "\(result.errors)")
    }
    let sheet = try run.run([
      "ingest", Self.fixture("openpyxl-observations.xlsx"), "--sheet", "Data", "--db", run.path("z.sqlite"), "--lang",
      "en",
    ])
    #expect(sheet.status == 1)
    #expect(
      sheet.errors.contains("The workbook has no sheet named 'Data'; its sheets are '数据', '名录'."), "\(sheet.errors)")
    let csv = try run.run(["ingest", Self.fixture("observations.csv"), "--sheet", "数据", "--db", run.path("z.sqlite")])
    #expect(csv.status == 64)
  }
}
