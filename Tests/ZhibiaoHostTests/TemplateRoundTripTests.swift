import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// Where openpyxl is, to open Zhibiao's workbooks as another producer would.
enum OpenPyXL {
  static let script = Repository.url("Tools/xlsx-fixtures/openpyxl_check.py").path
  static let candidates = ["/usr/bin/python3", Repository.url(".build/xlsx-venv/bin/python").path]
  /// CI sets `ZHIBIAO_OPENPYXL=required`, so that a missing openpyxl fails instead of skipping.
  static let required = ProcessInfo.processInfo.environment["ZHIBIAO_OPENPYXL"] == "required"

  static let python: String? = candidates.first { python in
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    return (try? run(python, ["-c", "import openpyxl"]).status) == 0
  }

  static var shouldRun: Bool { python != nil || required }

  /// Runs `executable`, its standard output only: the check script's is JSON.
  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try BrowserTools.run(executable, arguments, withErrors: false)
  }

  /// Runs the check script with `arguments`; fails the test when openpyxl is missing.
  static func check(_ arguments: [String]) throws -> String {
    let python = try #require(python, "openpyxl is missing; run Tools/bootstrap.sh")
    let result = try run(python, [script] + arguments)
    try #require(result.status == 0, "openpyxl_check.py \(arguments.joined(separator: " ")) failed")
    return result.output
  }

  /// What openpyxl sees in a workbook.
  struct Description: Decodable {
    struct Sheet: Decodable {
      var name: String
      var protected: Bool
      var freeze: String?
      var autofilter: String?
      var validations: [Validation]
      var rows: [[Cell]]
    }
    struct Validation: Decodable {
      var type: String?
      var formula: String?
      var sqref: String
    }
    struct Cell: Decodable {
      var value: String?
      var type: String
      var format: String
      var locked: Bool
      /// The solid fill as openpyxl gives it (ARGB hex), if any.
      var fill: String?
    }
    var sheets: [Sheet]
  }

  static func describe(_ path: String) throws -> Description {
    try JSONDecoder().decode(Description.self, from: Data(check(["describe", path]).utf8))
  }
}

/// A template filled in by openpyxl imports the same figures as the equivalent CSV file, and the
/// written workbooks look to openpyxl as specified.
@Suite("Templates and workbooks through openpyxl", .serialized, .enabled(if: OpenPyXL.shouldRun))
struct TemplateRoundTripTests {
  @Test("A template filled in by openpyxl imports the same figures as the equivalent CSV")
  func roundTrip() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    #expect(try run.run(["ingest", TemplateCommandTests.sample, "--db", run.path("s.sqlite")]).status == 0)
    let made = try run.run([
      "template", "--org", "district.xihu", "--period", "2025Q1", "--out", run.path("t.xlsx"), "--db",
      run.path("s.sqlite"),
    ])
    #expect(made.status == 0, "\(made.errors)")
    // Fill every value with last year's figure (consistent shares), one with a note. (openpyxl
    // would store a note starting with `=` as a formula, as a user typing it would.)
    let data = try #require(try OpenPyXL.describe(run.path("t.xlsx")).sheets.first { $0.name == "数据 Data" })
    let figures = data.rows.dropFirst(3).map { row in (row[0].value ?? "", row[3].value, row[9].value ?? "1") }
    #expect(figures.allSatisfy { $0.1 == nil }, "the value cells start empty")
    var values: [String: [String]] = [:]
    var csv = "indicator,org,period,value,unit,note\n"
    for (index, (indicator, _, lastYear)) in figures.enumerated() {
      let note = index == 0 ? "-含 1-3 月" : ""
      values[indicator] = [lastYear, note]
      csv += "\(indicator),district.xihu,2025Q1,\(lastYear),,\"\(note)\"\n"
    }
    try JSONEncoder().encode(values).write(to: URL(fileURLWithPath: run.path("values.json")))
    _ = try OpenPyXL.check(["fill", run.path("t.xlsx"), run.path("filled.xlsx"), run.path("values.json")])
    try Data(csv.utf8).write(to: URL(fileURLWithPath: run.path("same.csv")))
    let fromXLSX = try run.run(["ingest", run.path("filled.xlsx"), "--db", run.path("x.sqlite"), "--as", "西湖区"])
    #expect(fromXLSX.status == 0, "\(fromXLSX.errors)")
    let fromCSV = try run.run(["ingest", run.path("same.csv"), "--db", run.path("c.sqlite"), "--as", "西湖区"])
    #expect(fromCSV.status == 0, "\(fromCSV.errors)")
    func exported(_ db: String) throws -> [String] {
      try run.run(["export", "observations", "--db", run.path(db), "--format", "csv"]).output
        .split(whereSeparator: \.isNewline).map {
          $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",")
        }
    }
    let figuresFromXLSX = try exported("x.sqlite")
    #expect(figuresFromXLSX.count == figures.count + 1)
    #expect(figuresFromXLSX == (try exported("c.sqlite")))
    #expect(figuresFromXLSX.contains { $0.hasSuffix(",'-含 1-3 月") }, "the exported note is neutralised")
  }

  @Test("openpyxl sees the template's protection, validations and unlocked inputs, and the book's formats")
  func openpyxlView() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    #expect(
      try run.run(["template", "--org", "district.xihu", "--period", "2025Q1", "--out", run.path("t.xlsx")]).status == 0
    )
    let template = try OpenPyXL.describe(run.path("t.xlsx"))
    #expect(template.sheets.map(\.name).prefix(2) == ["填报说明 Guide", "数据 Data"])
    #expect(template.sheets.allSatisfy { $0.protected })
    let data = try #require(template.sheets.first { $0.name == "数据 Data" })
    #expect(data.freeze == "A4")
    #expect(data.rows[2].compactMap(\.value) == DataEntryColumns.names)
    #expect(data.validations.count == data.rows.count - 3)
    #expect(data.validations.allSatisfy { $0.type == "custom" && ($0.formula ?? "").contains("ISNUMBER") })
    let unlocked = data.rows[3].enumerated().filter { !$0.element.locked }.map(\.offset)
    #expect(unlocked == [3, 5], "only value and note")
    #expect(try run.run(["decompose", "--format", "xlsx", "--out", run.path("b.xlsx"), "--year", "2025"]).status == 0)
    let book = try OpenPyXL.describe(run.path("b.xlsx"))
    let annual = try #require(book.sheets.first)
    #expect(annual.freeze == "A2")
    #expect(annual.autofilter?.hasPrefix("A1:") == true)
    let finance = try #require(annual.rows.first { $0.first?.value == "finance.finance_va" })
    #expect(finance[6].format == "#,##0.0" && ["float", "int"].contains(finance[6].type))
  }
}

/// The template's data columns as `DataEntryTemplate` writes them.
enum DataEntryColumns {
  static let names = [
    "indicator", "org", "period", "value", "unit", "note", "name", "target", "target_basis", "last_year",
  ]
}

extension TemplateRoundTripTests {
  @Test(
    "monitor --xlsx writes the monitoring workbook: exact figures at their precision, lights as filled cells, a frozen filtered header"
  )
  func monitoringWorkbook() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let demo = try run.run(["demo", "--out", run.path("demo")])
    try #require(demo.status == 0, "\(demo.errors)")
    let written = try run.run([
      "monitor", "--period", "2024Q4", "--db", run.path("demo/zhibiao.sqlite"), "--xlsx", run.path("m.xlsx"),
    ])
    try #require(written.status == 0, "\(written.errors)")
    let book = try OpenPyXL.describe(run.path("m.xlsx"))
    #expect(book.sheets.map(\.name) == ["全市 City", "区县 Districts"])
    let city = try #require(book.sheets.first)
    #expect(city.freeze == "A2" && city.autofilter?.hasPrefix("A1:J") == true)
    #expect(city.rows.first?.map { $0.value ?? "" }.first == "指标编号")
    let va = try #require(city.rows.first { $0.first?.value == "plan.producer_services_va" })
    #expect(va[4].value == "9198.1" && va[4].format == "#,##0.0")
    #expect(va[8].value == "绿" && va[8].fill == "FFD6F0E7")
    let lights = Set(book.sheets[1].rows.dropFirst().compactMap { $0[8].fill })
    #expect(lights.isSubset(of: ["FFD6F0E7", "FFFBE9C6", "FFF6D5C3", "FFEEEEEE"]) && !lights.isEmpty)
  }
}

extension TemplateRoundTripTests {
  @Test("assess --xlsx writes the ranking and every scorecard item, with the totals the JSON gives")
  func assessmentWorkbook() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let demo = try run.run(["demo", "--out", run.path("demo")])
    try #require(demo.status == 0, "\(demo.errors)")
    let events = Repository.url("Config/sample/assessment-events-2024.yaml").path
    let arguments = ["assess", "--year", "2024", "--db", run.path("demo/zhibiao.sqlite"), "--events", events]
    let json = try run.run(arguments + ["--format", "json", "--xlsx", run.path("a.xlsx")])
    try #require(json.status == 0, "\(json.errors)")
    let cards = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
    let book = try OpenPyXL.describe(run.path("a.xlsx"))
    #expect(book.sheets.map(\.name) == ["排名 Ranking", "评分明细 Items"])
    let ranking = try #require(book.sheets.first)
    #expect(ranking.freeze == "A2" && ranking.autofilter?.hasPrefix("A1:H") == true)
    #expect(ranking.rows.count == cards.count + 1)
    // The first district's total, exact to two decimals, as the JSON gives it.
    let first = try #require(cards.first)
    // JSONSerialization reads numbers as doubles: their shortest text is the figure written.
    let number = try #require(first["total"] as? NSNumber)
    let total = try #require(Decimal(string: "\(number)"))
    #expect(ranking.rows[1][3].value.flatMap { Decimal(string: $0) } == total)
    #expect(ranking.rows[1][3].format == "#,##0.00" && ranking.rows[1][1].value == "1")
    let items = book.sheets[1].rows.count - 1
    #expect(items == cards.reduce(0) { $0 + (($1["items"] as? [Any])?.count ?? 0) })
  }
}
