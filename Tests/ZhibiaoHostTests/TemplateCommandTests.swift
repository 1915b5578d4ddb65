import Foundation
import Testing
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoTestSupport

/// `zhibiao template` and `zhibiao decompose --format xlsx`, run as a user runs them: the template
/// read back, imported empty (refused cell by cell), and filled in by another producer.
@Suite("zhibiao template and decompose --format xlsx", .serialized)
struct TemplateCommandTests {
  static let sample = Repository.url("Config/sample/observations.csv").path

  @Test(
    "An unfilled template is refused at each empty value cell; a template for an org with nothing to report is refused")
  func unfilled() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    #expect(try run.run(["ingest", Self.sample, "--db", run.path("s.sqlite")]).status == 0)
    let made = try run.run([
      "template", "--org", "西湖区", "--period", "2025Q1", "--out", run.path("t.xlsx"), "--db", run.path("s.sqlite"),
    ])
    #expect(made.status == 0, "\(made.errors)")
    #expect(made.output.contains("已写入"))
    let table = try Workbook(url: URL(fileURLWithPath: run.path("t.xlsx")), file: "t.xlsx")
      .table(columns: WorkbookColumns(headerNames: ["indicator"], numbers: ["value"], dates: []))
    let finance = try #require(table.rows.first { $0["indicator"] == "finance.finance_va" })
    #expect(finance["last_year"] == "69", "last year's 2024Q1 figure from the store")
    let empty = try run.run([
      "ingest", run.path("t.xlsx"), "--db", run.path("f.sqlite"), "--as", "district.xihu", "--lang", "en",
    ])
    #expect(empty.status == 1)
    #expect(empty.errors.contains("t.xlsx:'数据 Data'!D4: error: No value is given for"))
    let group = try run.run([
      "template", "--org", "group.modern_services", "--period", "2025Q1", "--out", run.path("g.xlsx"),
    ])
    #expect(group.status == 1)
    #expect(group.errors.contains("没有需要报送的指标数据"))
    #expect(!FileManager.default.fileExists(atPath: run.path("zhibiao.sqlite")), "a template creates no store")
  }

  @Test("decompose --format xlsx writes the annual and quarterly targets, each exact at its precision")
  func targetBook() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let made = try run.run(["decompose", "--format", "xlsx", "--out", run.path("book.xlsx"), "--year", "2025"])
    #expect(made.status == 0, "\(made.errors)")
    let workbook = try Workbook(url: URL(fileURLWithPath: run.path("book.xlsx")), file: "book.xlsx")
    #expect(Array(workbook.sheetNames.prefix(2)) == ["年度目标", "季度累计目标"])
    let columns = WorkbookColumns(headerNames: ["指标"], numbers: ["目标"], dates: [])
    let annual = try workbook.table(sheet: "年度目标", columns: columns)
    struct Row: Decodable {
      var indicator: String
      var org: String
      var period: String
      var target: Decimal?
    }
    let json = try run.run(["decompose", "--format", "json", "--year", "2025"]).output
    let rows = try JSONDecoder().decode([Row].self, from: Data(json.utf8))
    #expect(annual.rows.count == rows.count)
    for (read, expected) in zip(annual.rows, rows) {
      #expect(read["指标"] == expected.indicator && read["单位编号"] == expected.org)
      #expect(read["目标"].flatMap { Decimal(string: $0, locale: nil) } == expected.target, "\(expected)")
    }
    let quarterly = try workbook.table(sheet: "季度累计目标", columns: columns)
    #expect(!quarterly.rows.isEmpty)
    let missing = try run.run(["decompose", "--format", "xlsx"])
    #expect(missing.status == 64, "--format xlsx without --out is argument misuse")
  }
}
