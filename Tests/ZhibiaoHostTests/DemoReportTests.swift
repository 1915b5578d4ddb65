import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoHost
@testable import ZhibiaoReport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One `zhibiao demo` run in a temporary folder, shared by the tests that read its output.
final class DemoRun: Sendable {
  static let shared = DemoRun()

  /// The run's folder, kept for the whole test run.
  let executable: Executable?
  let folder: URL
  let status: Int32
  let output: String
  let errors: String

  private init() {
    executable = try? Executable()
    folder = executable?.folder ?? FileManager.default.temporaryDirectory
    let run = try? executable?.run(["demo", "--out", "out"])
    status = run?.status ?? -1
    output = run?.output ?? ""
    errors = run?.errors ?? ""
  }

  func url(_ path: String) -> URL { folder.appendingPathComponent("out").appendingPathComponent(path) }

  func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

  func summary() throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url("report/data/summary.json")))
    return try #require(object as? [String: Any])
  }

  func figures() throws -> [String: Double] {
    let figures = try #require(try summary()["figures"] as? [String: Any])
    return figures.compactMapValues { ($0 as? NSNumber)?.doubleValue }
  }
}

@Suite("zhibiao demo and the report it writes")
struct DemoReportTests {
  let demo = DemoRun.shared

  static let dataTables = [
    "goals", "indicators", "monitoring", "next_quarter", "notices", "quality", "ranking", "ranking_bureaus", "tasks",
    "warnings",
  ]

  @Test("demo succeeds in an empty folder and writes every file it promises")
  func everyFile() throws {
    #expect(demo.status == 0, "\(demo.errors)")
    var paths = ["zhibiao.sqlite", "report/report.html", "report/report.md", "report/data/summary.json"]
    for table in Self.dataTables { paths += ["report/data/\(table).csv", "report/data/\(table).json"] }
    let plan = try HangzhouPlan.plan()
    paths += ["letters/index.html"] + plan.districts.map { "letters/\(DistrictLetters.fileName(of: $0.id))" }
    for folder in ["evaluation", "final-evaluation"] {
      paths += ["\(folder)/report.html", "\(folder)/report.md", "\(folder)/data/evaluation.json"]
    }
    for path in paths {
      #expect(FileManager.default.fileExists(atPath: demo.url(path).path), "missing \(path)")
    }
    for table in Self.dataTables {
      let bytes = try Data(contentsOf: demo.url("report/data/\(table).csv"))
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(table).csv has no byte order mark")
      let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.url("report/data/\(table).json")))
      #expect(rows is [[String: Any]], "\(table).json is not an array of objects")
    }
  }

  @Test(
    "the demo issues the years it shows: letters and the report cite their versions; the evaluations are mid-term, then final on the target year's figures"
  )
  func issuedAndEvaluated() throws {
    let letter = try demo.text("letters/district.binjiang.html")
    #expect(letter.contains("2025 年目标依据：第2版《示例〔2025〕1号》（2024-12-20下达"))
    #expect(try demo.text("report/report.md").contains("2024 年目标依据：第1版《示例〔2024〕1号》"))
    let evaluation = try demo.text("evaluation/report.md")
    #expect(evaluation.hasPrefix("# 《杭州市生产性服务业创新发展实施方案》中期评估报告"))
    #expect(evaluation.contains("评估 2024 年末数据"))
    let final = try demo.text("final-evaluation/report.md")
    #expect(final.hasPrefix("# 《杭州市生产性服务业创新发展实施方案》终期评估报告"))
    #expect(final.contains("评估 2025 年末数据；2025 年目标依据：第2版《示例〔2025〕1号》"))
    #expect(demo.output.contains("中期评估：out/evaluation/report.html"))
    #expect(demo.output.contains("终期评估：out/final-evaluation/report.html"))
  }

  @Test("the printed summary names the goal groups, leaders, laggards, red warnings and the report")
  func printedSummary() throws {
    let figures = try demo.figures()
    let red = try #require(figures["red_warnings"])
    #expect(demo.output.contains("红灯预警：\(Int(red)) 项"))
    // The sample's 49 progress reports of 2024Q4: the leads of the 32 tasks with a milestone due
    // reported (51 of 83 did not); 28 milestones completed; 3 still under way at the year's end
    // (the data trading rules, whose report was returned, the airport and the logistics hub city);
    // 淳安's pilot lagging.
    #expect(
      demo.output.contains(
        "重点任务：到期节点 32 项，已完成 28，逾期 3，滞后 1，待审核 0，待报送 0；本季度未报送进展的任务 51 项"))
    #expect(demo.output.contains("report/report.html"))
    #expect(demo.output.contains("2025年目标责任书：out/letters/index.html"))
    let plan = try HangzhouPlan.plan()
    for goal in plan.goals { #expect(demo.output.contains(goal.name.zh), "\(goal.name.zh) missing") }
    let ranking = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.url("report/data/ranking.json")))
    let rows = try #require(ranking as? [[String: Any]])
    let first = try #require(rows.first?["org"] as? String)
    let last = try #require(rows.last?["org"] as? String)
    let leaders = try #require(demo.output.split(separator: "\n").first { $0.hasPrefix("领先区县") })
    let laggards = try #require(demo.output.split(separator: "\n").first { $0.hasPrefix("落后区县") })
    #expect(leaders.contains(try #require(plan.org(OrgID(first))?.name.zh)))
    #expect(laggards.contains(try #require(plan.org(OrgID(last))?.name.zh)))
  }

  @Test("建德市, which sent no 1–12月 figures, reads as missing fourth-quarter figures, with its provisional score")
  func jiandeIsMissingTheFourthQuarter() throws {
    let line = try #require(demo.output.split(separator: "\n").first { $0.hasPrefix("缺报：建德市") })
    #expect(line.contains("缺2024年第四季度（1-12月）数据"))
    #expect(line.contains("未报（截止 2025-01-20）"))
    #expect(line.contains("得分为暂估分"))
    let ranking = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.url("report/data/ranking.json")))
    let rows = try #require(ranking as? [[String: Any]])
    let jiande = try #require(rows.first { $0["org"] as? String == "district.jiande" })
    #expect((jiande["note"] as? String)?.hasPrefix("缺2024年第四季度（1-12月）数据") == true)
    // Only 建德 is missing figures.
    #expect(rows.filter { $0["note"] as? String != nil }.count == 1)
    let report = try markdown()
    let page = try #require(report.sections.first { $0.title.hasSuffix("、建德市") })
    #expect(page.text.contains("（暂估）"))
    #expect(page.text.contains("灰·未报（截止 2025-01-20）"))
  }

  @Test("every data-figure on the page equals summary.json, and every figure is on the page")
  func pageFiguresMatchJSON() throws {
    let html = try demo.text("report/report.html")
    let figures = try demo.figures()
    let pattern = try Regex(#"data-figure="([a-z_]+)">([^<]*)<"#)
    var seen = Set<String>()
    for match in html.matches(of: pattern) {
      let key = String(try #require(match.output[1].substring))
      let shown = String(try #require(match.output[2].substring)).replacingOccurrences(of: ",", with: "")
      let number = try #require(Double(shown.prefix { $0.isNumber || $0 == "." || $0 == "-" }), "\(key): '\(shown)'")
      #expect(figures[key] == number, "\(key): page \(number), JSON \(String(describing: figures[key]))")
      seen.insert(key)
    }
    #expect(seen == Set(figures.keys))
  }

  @Test("the page fetches nothing and runs no script")
  func selfContained() throws {
    let html = try demo.text("report/report.html")
    #expect(!html.contains("<script"))
    #expect(onlyNamespaces(html))
    #expect(html.contains("Content-Security-Policy"))
  }

  private func onlyNamespaces(_ html: String) -> Bool {
    let stripped = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
      .replacingOccurrences(of: "http://www.w3.org/1999/xlink", with: "")
    return !stripped.contains("http://") && !stripped.contains("https://")
  }

  @Test("every chart on the page is well-formed SVG with a title and labelled axes")
  func chartsAreWellFormed() throws {
    let html = try demo.text("report/report.html")
    let charts = html.matches(of: try Regex(#"(?s)<svg.*?</svg>"#)).map { String(html[$0.range]) }
    #expect(charts.count >= 8, "only \(charts.count) charts")
    for chart in charts {
      let parser = XMLParser(data: Data(chart.utf8))
      #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "") in \(chart.prefix(120))")
      #expect(chart.contains("<title"), "no <title> in \(chart.prefix(120))")
      #expect(chart.contains("axis-label"), "no axis label in \(chart.prefix(120))")
    }
  }

  // MARK: The Markdown report

  /// The Markdown report of the sample data, read back.
  func markdown() throws -> MarkdownReport {
    MarkdownReport(try demo.text("report/report.md"))
  }

  /// The rows of a JSON table the demo wrote.
  func rows(_ table: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: demo.url("report/data/\(table).json")))
    return try #require(object as? [[String: Any]])
  }

  /// The report's sections: the five of the whole city, a page per district and per bureau in
  /// the plan's order, and the methods.
  static func expectedSections(_ plan: Plan) -> [String] {
    ["一、总体情况", "二、分领域进展", "三、考核排名", "四、预警清单", "五、数据质量"]
      + plan.districts.enumerated().map { "六-\($0.offset + 1)、\($0.element.name.zh)" }
      + bureaus(plan).enumerated().map { "七-\($0.offset + 1)、\($0.element)" } + ["附录：方法说明"]
  }

  static func bureaus(_ plan: Plan) -> [String] {
    plan.orgs.filter { $0.kind == .bureau }.map(\.name.zh)
  }

  /// Every check of the Markdown report, by name, with what it found.
  func markdownProblems(_ report: MarkdownReport) throws -> [MarkdownReport.Check: [String]] {
    let plan = try HangzhouPlan.plan()
    let names = Dictionary(uniqueKeysWithValues: plan.orgs.map { ($0.id.rawValue, $0.name.zh) })
    return [
      .sections: report.sectionProblems(expected: Self.expectedSections(plan)),
      .tables: report.tableProblems(),
      .figures: report.figureProblems(summary: try demo.summary()),
      .ranking: report.rankingProblems(heading: "区县（市）", ranking: try rows("ranking"), names: names)
        + report.rankingProblems(heading: "牵头部门", ranking: try rows("ranking_bureaus"), names: names),
      .pages: report.pageProblems(
        districts: plan.districts.map(\.name.zh), bureaus: Self.bureaus(plan), rankingHeading: "区县（市）"),
    ]
  }

  @Test("the Markdown report has its title and every section in order, a page for each district and bureau")
  func markdownSections() throws {
    let report = try markdown()
    #expect(report.title == "杭州市生产性服务业2024年度发展报告")
    let problems = try markdownProblems(report)
    #expect(problems[.sections] == [])
    #expect(problems[.pages] == [])
  }

  @Test("every table of the Markdown report is well-formed")
  func markdownTables() throws {
    #expect(try markdownProblems(try markdown())[.tables] == [])
  }

  @Test("the summary figures of the Markdown report are those of summary.json")
  func markdownFigures() throws {
    #expect(try markdownProblems(try markdown())[.figures] == [])
  }

  @Test(
    "the report's tables as one workbook: a sheet per data table, exact figures, names and lights as the page shows",
    .enabled(if: OpenPyXL.shouldRun))
  func tablesWorkbook() throws {
    let book = try OpenPyXL.describe(demo.url("report/data/tables.xlsx").path)
    #expect(Set(book.sheets.map(\.name)) == Set(Self.dataTables))
    #expect(book.sheets.allSatisfy { $0.freeze == "A2" && $0.autofilter?.hasPrefix("A1:") == true })
    let plan = try HangzhouPlan.plan()
    let ranking = try #require(book.sheets.first { $0.name == "ranking" })
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: demo.url("report/data/ranking.json"))) as? [[String: Any]]
    )
    #expect(ranking.rows.count == json.count + 1)
    for (row, record) in zip(ranking.rows.dropFirst(), json) {
      let org = try #require(record["org"] as? String)
      #expect(row[1].value == plan.org(OrgID(org))?.name.zh)
      let total = (record["total"] as? NSNumber).flatMap { Decimal(string: "\($0)") }
      #expect(
        row[2].type == "float" && Decimal(string: row[2].value ?? "") == total, "\(row[2]) \(String(describing: total))"
      )
    }
    let warnings = try #require(book.sheets.first { $0.name == "warnings" })
    let red = try #require(warnings.rows.dropFirst().first { $0[0].value == "红" })
    #expect(red[0].fill == "FFF6D5C3")
  }

  @Test("the Markdown ranking tables are ranking.json and ranking_bureaus.json")
  func markdownRanking() throws {
    #expect(try markdownProblems(try markdown())[.ranking] == [])
  }

  @Test(
    "each check of the Markdown report fails on a report broken the way it looks for",
    arguments: ReportBreakage.allCases)
  func markdownChecksCanFail(_ breakage: ReportBreakage) throws {
    let report = try markdown()
    let broken = MarkdownReport(try #require(breakage.apply(to: report), "\(breakage) does not apply"))
    let problems = try markdownProblems(broken)
    #expect(problems[breakage.check]?.isEmpty == false, "\(breakage) went unnoticed")
  }

  @Test("the ranking section and the page of 滨江区 match their snapshots")
  func markdownSnapshots() throws {
    let report = try markdown()
    assertSnapshot(try #require(report.section("三、考核排名")).text, named: "report-md-ranking")
    let binjiang = try #require(report.sections.first { $0.title.hasSuffix("、滨江区") })
    assertSnapshot(binjiang.text, named: "report-md-binjiang")
  }

  @Test(
    "the JSON tables of the sample data",
    arguments: ["summary", "goals", "ranking", "ranking_bureaus", "warnings", "quality"])
  func jsonSnapshot(_ table: String) throws {
    assertSnapshot(try demo.text("report/data/\(table).json"), named: "\(table)-json")
  }
}
