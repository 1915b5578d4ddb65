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

  static let dataTables = ["goals", "monitoring", "next_quarter", "quality", "ranking", "ranking_bureaus", "warnings"]

  @Test("demo succeeds in an empty folder and writes every file it promises")
  func everyFile() throws {
    #expect(demo.status == 0, "\(demo.errors)")
    var paths = ["zhibiao.sqlite", "report/report.html", "report/report.md", "report/data/summary.json"]
    for table in Self.dataTables { paths += ["report/data/\(table).csv", "report/data/\(table).json"] }
    let plan = try HangzhouPlan.plan()
    paths += ["letters/index.html"] + plan.districts.map { "letters/\(DistrictLetters.fileName(of: $0.id))" }
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

  @Test("the printed summary names the goal groups, leaders, laggards, red warnings and the report")
  func printedSummary() throws {
    let figures = try demo.figures()
    let red = try #require(figures["red_warnings"])
    #expect(demo.output.contains("红灯预警：\(Int(red)) 项"))
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

/// Reports built in the process from the sample data in an in-memory store.
@Suite("zhibiao report")
struct ReportCommandTests {
  let store: SQLiteStore
  let workspace: Workspace

  init() throws {
    store = try SampleStore.store()
    workspace = try Workspace(configPath: Repository.config.path)
  }

  func inputs(_ scope: ReportInputs.Scope, asOf: String) throws -> ReportInputs {
    try ReportRun.inputs(
      Pipeline(workspace: workspace, store: store), scope: scope, events: nil, asOf: try CommandPlan.day(asOf),
      caveat: nil)
  }

  func document(_ scope: ReportInputs.Scope, _ language: Language = .zh) throws -> ReportDocument {
    let inputs = try inputs(scope, asOf: "2024-11-15")
    return ReportBuilder(inputs, language: language).build()
  }

  @Test("a quarterly report scores the year to date against the milestones, and says so")
  func quarterlyIsProvisional() throws {
    let document = try document(.quarter(.quarter(3, of: 2024)))
    #expect(document.title.contains("2024年第三季度"))
    let markdown = document.markdown()
    #expect(markdown.contains("季度预评分"))
    #expect(markdown.contains("下一季度目标（2024年1-12月累计）"))
    #expect(!document.figures.contains { $0.key == "targets_met" })
  }

  @Test("a quarter's provisional ranking scores only what is due, and puts the sample's laggards last")
  func provisionalRanking() throws {
    let inputs = try inputs(.quarter(.quarter(3, of: 2024)), asOf: "2024-11-15")
    let assessment = try #require(inputs.assessment)
    #expect(assessment.provisional)
    let due = Set(inputs.monitoring.rows.filter { $0.milestone != nil }.map(\.indicator))
    let items = try #require(assessment.scheme.section(for: .district)).items
    #expect(!items.isEmpty)
    #expect(items.allSatisfy { $0.indicator.map(due.contains) ?? false })
    let section = try #require(assessment.result.section(for: .district))
    for card in section.scorecards {
      #expect(card.items.map(\.weight).reduce(0, +) == 100, "\(card.org) weights")
    }
    // The sample generator makes 富阳区, 临安区 and 淳安县 fall behind.
    let lastThree = Set(section.scorecards.suffix(3).map(\.org.rawValue))
    #expect(lastThree == ["district.fuyang", "district.linan", "district.chunan"])
  }

  @Test("the quarter's light counts in the summary are the monitoring's own")
  func countsAreMonitoring() throws {
    let inputs = try inputs(.quarter(.quarter(3, of: 2024)), asOf: "2024-11-15")
    let document = ReportBuilder(inputs, language: .zh).build()
    let city = inputs.monitoring.rows.filter(\.isCity)
    for (key, status) in [("on_pace", PaceStatus.green), ("behind", .yellow), ("far_behind", .red), ("no_data", .grey)]
    {
      let figure = try #require(document.figures.first { $0.key == key })
      #expect(figure.value == .integer(city.filter { $0.status == status }.count), "\(key)")
    }
    let red = inputs.monitoring.rows.filter { $0.status == .red }.count
    #expect(document.figures.first { $0.key == "red_warnings" }?.value == .integer(red))
  }

  @Test("districts the layout leaves out get tiles of their own below the placed ones")
  func unplacedDistricts() throws {
    var inputs = try inputs(.year(2024), asOf: "2025-02-15")
    let placed = try #require(inputs.plan.districts.first).id
    inputs.tiles = [placed: ReportInputs.TilePosition(row: 2, column: 1)]
    let tiles = ReportBuilder(inputs, language: .zh).tileMap().tiles
    #expect(tiles.count == 13)
    #expect(Set(tiles.map { "\($0.row),\($0.column)" }).count == 13)
    #expect(tiles.filter { $0.row <= 2 }.count == 1)
  }

  @Test("a district's light counts its missing figures as not on pace")
  func missingCountsAgainst() throws {
    let inputs = try inputs(.year(2024), asOf: "2025-02-15")
    let tiles = ReportBuilder(inputs, language: .zh).tileMap().tiles
    // 建德市 has sent nothing for 2024Q4; every other district has.
    #expect(tiles.first { $0.label == "建德市" }?.status == .red)
    #expect(tiles.first { $0.label == "滨江区" }?.status == .green)
  }

  @Test("English when asked")
  func english() throws {
    let document = try document(.year(2024), .en)
    #expect(document.title == "Hangzhou producer services: annual development report 2024")
    #expect(document.sections.map(\.title).contains("Appendix: methods"))
    #expect(document.html().contains("<html lang=\"en\">"))
  }

  @Test("a year outside the plan is refused")
  func outsideThePlan() throws {
    #expect(throws: (any Error).self) { try document(.year(2030)) }
  }

  @Test("the report command wants exactly one of --period and --year")
  func periodOrYear() throws {
    let executable = try Executable()
    defer { executable.cleanUp() }
    let both = try executable.run(["report", "--period", "2024Q3", "--year", "2024", "--out", "r"])
    #expect(both.status != 0)
    #expect(both.errors.contains("--period"))
    let neither = try executable.run(["report", "--out", "r"])
    #expect(neither.status != 0)
  }
}

@Suite("report.yaml: the tile map's layout")
struct ReportLayoutTests {
  func decode(_ yaml: String) throws -> (ReportLayout, [Diagnostic]) {
    let plan = try HangzhouPlan.plan()
    let log = DiagnosticLog()
    let root = try #require(try YAMLParser().parse(Data(yaml.utf8), file: "Config/report.yaml"))
    return (ReportLayout.decode(NodeReader(root, log: log), plan: plan), log.diagnostics)
  }

  @Test("the shipped layout places all 13 districts on distinct tiles")
  func shipped() throws {
    let (layout, problems) = try decode(try HangzhouPlan.text("report.yaml"))
    #expect(problems.isEmpty, "\(problems)")
    #expect(layout.subject?.zh == "杭州市生产性服务业")
    let tiles = layout.tiles
    #expect(tiles.count == 13)
    #expect(Set(tiles.values).count == 13)
  }

  @Test("an unknown district, a bad tile and a taken tile are refused at their lines")
  func mistakes() throws {
    let yaml = FixtureText(
      """
      tiles:
        district.binjang: [0, 0]
        district.xihu: [1]
        district.shangcheng: [2, 2]
        district.gongshu: [2, 2]
      """, file: "Config/report.yaml")
    let (_, problems) = try decode(yaml.text)
    let text = problems.map(\.description)
    let unknown = yaml.position(of: "district.binjang")
    let badTile = yaml.linePrefix(of: "district.xihu")
    let takenTile = yaml.linePrefix(of: "district.gongshu")
    #expect(text.contains { $0.hasPrefix("\(unknown):") && $0.contains("district.binjiang") }, "\(text)")
    #expect(text.contains { $0.hasPrefix(badTile) && $0.contains("[row, column]") }, "\(text)")
    #expect(text.contains { $0.hasPrefix(takenTile) && $0.contains("district.shangcheng") }, "\(text)")
  }

  @Test("validate checks report.yaml too")
  func validateChecksTheLayout() throws {
    let layout = try ConfigEdit.replacing(
      "district.xihu:", with: "district.xihoo:", in: try HangzhouPlan.text("report.yaml"))
    let source = try HangzhouPlan.source { files in files["report.yaml"] = layout }
    let report = ValidationReport(source: source)
    let errors = report.diagnostics.filter { $0.severity == .error && $0.location.file == "Config/report.yaml" }
    #expect(errors.count == 1)
    #expect(errors.first?.description.contains("did you mean 'district.xihu'?") == true)
  }
}

/// How the report writes numbers, tables and text, on hand-made documents.
@Suite("report rendering")
struct ReportRenderingTests {
  @Test("numbers: no locale, thousands separators, no negative zero")
  func numbers() {
    #expect(ReportNumber.plain(3) == "3")
    #expect(ReportNumber.plain(1.5) == "1.5")
    #expect(ReportNumber.plain(-0.0000001) == "0")
    #expect(ReportNumber.plain(2.125) == "2.125")
    #expect(ReportNumber.grouped(1_234_567.891, places: 1) == "1,234,567.9")
    #expect(ReportNumber.grouped(-1234.56, places: 1) == "-1,234.6")
    #expect(ReportNumber.grouped(-0.04, places: 1) == "0.0")
    #expect(ReportNumber.grouped(999, places: 0) == "999")
    #expect(ReportNumber.grouped(nil, places: 2) == "—")
    #expect(ReportNumber.grouped(.nan, places: 2) == "—")
    #expect(ReportNumber.percent(0.8254) == "82.5%")
    #expect(ReportNumber.points(-0.3, language: .zh) == "-0.30 个百分点")
  }

  static let hostile = #"a,"b"|<c>&'d'"#

  static let figure = ReportFigure(
    key: "count", label: "Count & more", value: .integer(12), display: "12", status: .red)

  static let document = ReportDocument(
    title: "T<1>", subtitle: "S", caveat: nil, language: .en, figures: [figure],
    sections: [
      ReportSection(
        id: "one", title: "One",
        blocks: [
          .figures([figure]),
          .table(
            ReportTable(
              file: "things", columns: [ReportColumn("name", "Name"), ReportColumn("value", "Value", numeric: true)],
              rows: [[ReportCell(hostile), ReportCell("1,234.5", value: .number(1234.5))]])),
        ])
    ], data: [], facts: [ReportFact(key: "period", value: .text("2024Q4"))])

  @Test("CSV quotes commas and quotes, carries the values, and starts with a byte order mark")
  func csv() throws {
    let file = try #require(Self.document.files().first { $0.path == "data/things.csv" })
    #expect(file.contents.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: file.contents.dropFirst(3), as: UTF8.self)
    #expect(text == "name,value\r\n\"a,\"\"b\"\"|<c>&'d'\",1234.5\r\n")
  }

  @Test("JSON keeps the values and the text whole")
  func json() throws {
    let file = try #require(Self.document.files().first { $0.path == "data/things.json" })
    let rows = try #require(try JSONSerialization.jsonObject(with: file.contents) as? [[String: Any]])
    #expect(rows.first?["name"] as? String == Self.hostile)
    #expect(rows.first?["value"] as? Double == 1234.5)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Self.document.summaryJSON()) as? [String: Any])
    #expect((summary["figures"] as? [String: Any])?["count"] as? Int == 12)
    #expect(summary["period"] as? String == "2024Q4")
  }

  @Test("Markdown escapes the column bar; HTML escapes every tag and entity")
  func escaping() {
    #expect(Self.document.markdown().contains(#"| a,"b"\|<c>&'d' | 1,234.5 |"#))
    let html = Self.document.html()
    #expect(html.contains("a,&quot;b&quot;|&lt;c&gt;&amp;&#39;d&#39;"))
    #expect(html.contains("<title>T&lt;1&gt;</title>"))
    #expect(html.contains(#"data-figure="count">12<"#))
    #expect(html.contains("Count &amp; more"))
    #expect(!html.contains("<c>"))
  }
}
