import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoHost
@testable import ZhibiaoReport

/// The plan's final and mid-term evaluation: shares and categories on hand-computed cases, the
/// sample data's figures carried through exactly, and `zhibiao evaluate` writing the report.
@Suite("The plan evaluation")
struct EvaluationTests {
  static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: nil)! }

  typealias Case = (
    actual: String?, target: String?, comparator: Target.Comparator?, share: String?, category: PlanEvaluation.Category?
  )

  /// Each share worked out by hand, rounded half-up to four decimals.
  static let cases: [Case] = [
    // ≥ 10000 亿元, 9198.1 reached: 9198.1 ÷ 10000 = 0.91981 → 0.9198, at least 90 %: 基本完成.
    ("9198.1", "10000", .atLeast, "0.9198", .basicallyCompleted),
    // ≥ 600, 650: 1.08333… → 1.0833: 已完成.
    ("650", "600", .atLeast, "1.0833", .completed),
    // Exactly 90 % is 基本完成; a hair below is not: 89.99 ÷ 100 = 0.8999.
    ("90", "100", .atLeast, "0.9", .basicallyCompleted),
    ("89.99", "100", .atLeast, "0.8999", .notCompleted),
    // A rate: R&D intensity ≥ 3.5 %, 3.2 %: 0.914285… → 0.9143: 基本完成.
    ("3.2", "3.5", .atLeast, "0.9143", .basicallyCompleted),
    // An average annual growth ≥ 8 %, 7.1 %: 0.8875: 未完成.
    ("7.1", "8", .atLeast, "0.8875", .notCompleted),
    // Lower is better — a national rank ≤ 4: 5th is 4 ÷ 5 = 0.8, 未完成; 3rd is 4 ÷ 3 = 1.3333, 已完成;
    // 4th exactly is 1.
    ("5", "4", .atMost, "0.8", .notCompleted),
    ("3", "4", .atMost, "1.3333", .completed),
    ("4", "4", .atMost, "1", .completed),
    // A lower-is-better rate ≤ 0.5 %, 0.52 %: 0.5 ÷ 0.52 = 0.961538… → 0.9615: 基本完成.
    ("0.52", "0.5", .atMost, "0.9615", .basicallyCompleted),
    // An upper bound reached at 0, and a target of 0: judged met or not, no share.
    ("0", "2", .atMost, nil, .completed),
    ("0", "0", .atLeast, nil, .completed),
    ("-1", "0", .atLeast, nil, .notCompleted),
    // No figure, and a qualitative aim.
    (nil, "100", .atLeast, nil, .notReported),
    ("1", nil, nil, nil, nil),
  ]

  @Test("Share achieved and category, worked out by hand", arguments: cases.indices)
  func judged(_ index: Int) {
    let (actual, target, comparator, share, category) = Self.cases[index]
    let judged = PlanEvaluation.judge(
      actual: actual.map(Self.decimal), target: target.map(Self.decimal), comparator: comparator, parityMet: false,
      bands: PlanEvaluation.Bands())
    #expect(judged.share == share.map(Self.decimal))
    #expect(judged.category == category)
  }

  @Test("The band comes from the configuration: at 95 %, 91.98 % is not completed")
  func band() {
    let strict = PlanEvaluation.Bands(basicallyCompleted: Self.decimal("0.95"))
    let judged = PlanEvaluation.judge(
      actual: Self.decimal("9198.1"), target: 10000, comparator: .atLeast, parityMet: false, bands: strict)
    #expect(judged.category == .notCompleted)
    #expect(
      PlanEvaluation.judge(actual: 1, target: 1, comparator: .parity, parityMet: true, bands: strict).category
        == .completed)
  }

  /// The sample data's 2024 year-end figure of the city's producer services value added, read
  /// from the sample file itself.
  static func sampleCityValue(
    _ indicator: String = "plan.producer_services_va", _ period: String = "2024Q4", file: String = "observations.csv"
  ) throws -> Decimal {
    let text = try String(contentsOf: Repository.config.appendingPathComponent("sample/\(file)"), encoding: .utf8)
    let line = try #require(
      text.split(separator: "\n").first {
        $0.hasPrefix("\(indicator),bureau.") && $0.contains(",\(period),")
      })
    return Self.decimal(String(line.split(separator: ",")[3]))
  }

  @Test("The mid-term evaluation of the sample data carries its figures exactly")
  func midterm() async throws {
    let pipeline = try await Pipeline(workspace: HangzhouPlan.workspace(), store: SampleStore.store())
    let evaluation = try pipeline.evaluation(year: 2024, asOf: Date(timeIntervalSince1970: 1_740_000_000))
    #expect(evaluation.kind == .midterm && evaluation.year == 2024)
    #expect(evaluation.yearEnds.map(\.period.year) == [2022, 2023, 2024])
    let value = try #require(
      evaluation.cityLines.first { $0.indicator == "plan.producer_services_va" })
    let actual = try Self.sampleCityValue()
    #expect(value.actual == actual)
    #expect(value.target == 10000 && value.comparator == .atLeast)
    #expect(value.share == DecimalArithmetic.rounded(actual / 10000, scale: 4, .plain))
    #expect(value.baseline == pipeline.workspace.baselines?.value("plan.producer_services_va", value.org, year: 2021))
    #expect(value.timeElapsed == 0.75)
    // Every district line is measured against that district's own target-year target.
    let book = pipeline.workspace.book
    #expect(!evaluation.districtLines.isEmpty)
    for line in evaluation.districtLines {
      #expect(line.target == book.target(line.indicator, line.org, .year(2025))?.value, "\(line.indicator) \(line.org)")
    }
    let document = EvaluationBuilder(evaluation, language: .zh).build()
    #expect(document.title == "《杭州市生产性服务业创新发展实施方案》中期评估报告")
    let table = try #require(document.dataTables.first { $0.file == "evaluation" })
    #expect(table.columns.map(\.key).contains("mid_term") && !table.columns.map(\.key).contains("category"))
  }

  @Test("The final evaluation of the sample through 2025: the laggards end where the sample puts them on purpose")
  func finalOfTheSample() async throws {
    let pipeline = try await Pipeline(workspace: HangzhouPlan.workspace(), store: SampleStore.throughTargetYear())
    let evaluation = try pipeline.evaluation(year: 2025, asOf: Date(timeIntervalSince1970: 1_771_000_000))
    #expect(evaluation.kind == .final && evaluation.year == 2025)
    #expect(evaluation.yearEnds.map(\.period.year) == [2022, 2023, 2024, 2025])
    func line(_ indicator: IndicatorID, _ org: OrgID) throws -> PlanEvaluation.Line {
      try #require(evaluation.districtLines.first { $0.indicator == indicator && $0.org == org })
    }
    // Two of the five laggards catch up to within 10 % of their target, three stay below 90 %
    // (Tools/sample-data/generate_observations.py, LAGGARDS); the shares are the figures' own.
    let expected: [(IndicatorID, OrgID, PlanEvaluation.Category)] = [
      ("plan.producer_services_va", "district.fuyang", .notCompleted),
      ("logistics.express_revenue", "district.fuyang", .basicallyCompleted),
      ("digital.software_revenue", "district.linan", .notCompleted),
      ("digital.ict_revenue", "district.linan", .basicallyCompleted),
      ("finance.finance_va", "district.chunan", .notCompleted),
    ]
    for (indicator, org, category) in expected {
      let judged = try line(indicator, org)
      #expect(judged.category == category, "\(indicator) \(org): \(String(describing: judged.share))")
      let actual = try #require(judged.actual)
      let target = try #require(judged.target)
      #expect(judged.share == DecimalArithmetic.rounded(actual / target, scale: 4, .plain))
    }
    // 建德市's 2024 fourth quarter, sent late in the target year's file, is in the store at last.
    let jiande = try #require(
      evaluation.yearEnds[2].rows.first { $0.indicator == "plan.producer_services_va" && $0.org == "district.jiande" })
    #expect(jiande.actual != nil)
    // A parity states the figure it is to equal: the services share of GDP in 2025, computed from
    // the city's services value added and GDP in the sample file, at its precision (0.01 %).
    let parity = try #require(
      evaluation.cityLines.first { $0.indicator == "digital.digital_economy_services_revenue_share" })
    let services = try Self.sampleCityValue("plan.services_va", "2025Q4", file: "observations-2025.csv")
    let gdp = try Self.sampleCityValue("plan.gdp", "2025Q4", file: "observations-2025.csv")
    let share = DecimalArithmetic.rounded(services / gdp * 100, scale: 2, .plain)
    #expect(parity.comparator == .parity && parity.target == share, "\(String(describing: parity.target)) \(share)")
    #expect(parity.category == ((parity.actual ?? 0) >= (parity.target ?? 0) ? .completed : .notCompleted))
  }

  @Test("zhibiao evaluate writes the final evaluation; the wrong year or both kinds are refused")
  func command() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let db = try ReviewCommandTests.fuyang(run)
    let written = try run.run(["evaluate", "--final", "--out", run.path("eval"), "--db", db])
    #expect(written.status == 0, "\(written.errors)")
    #expect(written.output.contains("终期评估已写入"), "\(written.output)")
    let html = try String(contentsOfFile: run.path("eval/report.html"), encoding: .utf8)
    #expect(html.contains("终期评估报告") && html.contains("无数据"))
    let data = try Data(contentsOf: URL(fileURLWithPath: run.path("eval/data/evaluation.json")))
    let rows = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    // Nothing of 2025 is in the store: every target of the city has no figure, but for the
    // counts of registers, which count the (empty) registers as they stand.
    let plan = try HangzhouPlan.plan()
    #expect(!rows.isEmpty)
    for row in rows where row["category"] as? String != "not_reported" {
      let id = try #require(row["indicator"] as? String)
      let indicator = try #require(plan.indicator(IndicatorID(id)))
      #expect(indicator.countOf != nil, "\(row)")
    }
    let english = try run.run([
      "evaluate", "--midterm", "--year", "2024", "--out", run.path("en"), "--db", db, "--lang", "en",
    ])
    #expect(english.status == 0 && english.output.contains("mid-term evaluation"), "\(english.errors)")
    #expect(try run.run(["evaluate", "--final", "--midterm", "--out", run.path("x")]).status == 64)
    #expect(try run.run(["evaluate", "--final", "--year", "2024", "--out", run.path("x")]).status == 64)
    let late = try run.run(["evaluate", "--midterm", "--year", "2025", "--out", run.path("x"), "--db", db])
    #expect(late.status == 1 && late.errors.contains("中期评估须早于目标年"), "\(late.errors)")
  }
}
