import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoHost
@testable import ZhibiaoReport

/// Reports built in the process from the sample data in an in-memory store.
@Suite("zhibiao report")
struct ReportCommandTests {
  let store: SQLiteStore
  let workspace: Workspace

  init() async throws {
    store = try await SampleStore.store()
    workspace = try HangzhouPlan.workspace()
  }

  func inputs(_ scope: ReportInputs.Scope, asOf: String) async throws -> ReportInputs {
    try await ReportRun.inputs(
      Pipeline(workspace: workspace, store: store), scope: scope, events: nil, asOf: try CommandPlan.day(asOf),
      caveat: nil)
  }

  func document(_ scope: ReportInputs.Scope, _ language: Language = .zh) async throws -> ReportDocument {
    let inputs = try await inputs(scope, asOf: "2024-11-15")
    return ReportBuilder(inputs, language: language).build()
  }

  @Test("a quarterly report scores the year to date against the milestones, and says so")
  func quarterlyIsProvisional() async throws {
    let document = try await document(.quarter(.quarter(3, of: 2024)))
    #expect(document.title.contains("2024年第三季度"))
    let markdown = document.markdown()
    #expect(markdown.contains("季度预评分"))
    #expect(markdown.contains("下一季度目标（2024年1-12月累计）"))
    #expect(!document.figures.contains { $0.key == "targets_met" })
  }

  @Test("a quarter's provisional ranking scores only what is due, and puts the sample's laggards last")
  func provisionalRanking() async throws {
    let inputs = try await inputs(.quarter(.quarter(3, of: 2024)), asOf: "2024-11-15")
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
  func countsAreMonitoring() async throws {
    let inputs = try await inputs(.quarter(.quarter(3, of: 2024)), asOf: "2024-11-15")
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
  func unplacedDistricts() async throws {
    var inputs = try await inputs(.year(2024), asOf: "2025-02-15")
    let placed = try #require(inputs.plan.districts.first).id
    inputs.tiles = [placed: ReportInputs.TilePosition(row: 2, column: 1)]
    let tiles = ReportBuilder(inputs, language: .zh).tileMap().tiles
    #expect(tiles.count == 13)
    #expect(Set(tiles.map { "\($0.row),\($0.column)" }).count == 13)
    #expect(tiles.filter { $0.row <= 2 }.count == 1)
  }

  @Test("a district's light counts its missing figures as not on pace")
  func missingCountsAgainst() async throws {
    let inputs = try await inputs(.year(2024), asOf: "2025-02-15")
    let tiles = ReportBuilder(inputs, language: .zh).tileMap().tiles
    // 建德市 has sent nothing for 2024Q4; every other district has.
    #expect(tiles.first { $0.label == "建德市" }?.status == .red)
    #expect(tiles.first { $0.label == "滨江区" }?.status == .green)
  }

  @Test("English when asked")
  func english() async throws {
    let document = try await document(.year(2024), .en)
    #expect(document.title == "Hangzhou producer services: annual development report 2024")
    #expect(document.sections.map(\.title).contains("Appendix: methods"))
    #expect(document.html().contains("<html lang=\"en\">"))
  }

  @Test("a year outside the plan is refused")
  func outsideThePlan() async throws {
    await #expect(throws: (any Error).self) { try await document(.year(2030)) }
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

  @Test("the evaluation's band is read exactly; one that is not a share is refused at its line")
  func evaluationBand() throws {
    let (shipped, _) = try decode(try HangzhouPlan.text("report.yaml"))
    #expect(shipped.evaluation.basicallyCompleted == Decimal(string: "0.90", locale: nil))
    let (strict, none) = try decode("evaluation:\n  basically_completed: 0.955\n")
    #expect(none.isEmpty && strict.evaluation.basicallyCompleted == Decimal(string: "0.955", locale: nil))
    let yaml = FixtureText("evaluation:\n  basically_completed: 90\n  completed: 1\n", file: "Config/report.yaml")
    let (kept, problems) = try decode(yaml.text)
    let text = problems.map(\.description)
    #expect(kept.evaluation.basicallyCompleted == Decimal(string: "0.9", locale: nil))
    #expect(
      text.contains { $0.hasPrefix(yaml.linePrefix(of: "  basically_completed")) && $0.contains("between 0 and 1") },
      "\(text)")
    #expect(text.contains { $0.contains("completed") && $0.hasPrefix(yaml.linePrefix(of: "  completed")) }, "\(text)")
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
    #expect(ReportNumber.grouped(999 as Double, places: 0) == "999")
    #expect(ReportNumber.grouped(nil as Double?, places: 2) == "—")
    #expect(ReportNumber.grouped(Double.nan, places: 2) == "—")
    // Stated figures are rounded as decimals: 1.005 is 1.01, where its double (1.00499…) gives 1.00.
    #expect(ReportNumber.grouped(Decimal(string: "1.005", locale: nil), places: 2) == "1.01")
    #expect(
      ReportNumber.grouped(Decimal(string: "-12345678901234.5678", locale: nil), places: 4)
        == "-12,345,678,901,234.5678")
    #expect(ReportNumber.grouped(Decimal(string: "-0.04", locale: nil), places: 1) == "0.0")
    #expect(ReportNumber.grouped(nil as Decimal?, places: 2) == "—")
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
