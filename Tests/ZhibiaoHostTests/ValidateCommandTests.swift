import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

@Suite("zhibiao validate")
struct ValidateCommandTests {
  @Test("The shipped configuration is valid and has no warnings")
  func shippedConfigIsValid() {
    let report = HangzhouPlan.validation
    #expect(report.isValid)
    #expect(report.diagnostics.map(\.description) == [])
    #expect(
      report.summary(in: .zh)
        == "配置有效：5 个重点领域，44 项目标指标（另有 7 项支撑指标），83 项重点任务，8 个目标组，"
        + "28 个责任单位（含 13 个区县市）；0 个警告。")
  }

  @Test("A task with neither an indicator nor a milestone is warned about at the task; the configuration stays valid")
  func taskWithNeitherIndicatorNorMilestone() throws {
    var files = try HangzhouPlan.files(
      editing: "domains/finance.yaml", replacing: "    milestones:\n      - { every: year, text: 年度推进 }\n",
      with: "", after: "id: finance.green.funds\n")
    files["baselines.csv"] = try HangzhouPlan.text("baselines.csv")
    let report = ValidationReport(source: InMemoryConfigSource(files, root: "Config"))
    #expect(report.isValid)
    let finance = HangzhouPlan.fixture("domains/finance.yaml", in: files)
    #expect(
      report.diagnostics.map(\.description) == [
        "\(finance.position(of: "id: finance.green.funds")): warning: The task 'finance.green.funds' has neither an "
          + "indicator nor a milestone, so nothing tells when it is done (link the indicators it drives "
          + "('indicators'), add the plan's dated milestones ('due'), or add yearly progress: "
          + "'{ every: year, text: 年度推进 }')"
      ])
    #expect(report.summary(in: .en).hasSuffix("; 1 warning(s)."))
  }

  /// A copy of the real configuration with one mistake of each common kind, in three files.
  static func brokenFiles() throws -> [String: String] {
    var files = try HangzhouPlan.files()
    try HangzhouPlan.edit(
      &files, "domains/digital.yaml", replacing: "    targets:", with: "    targt:", after: "id: digital.ict_revenue")
    try HangzhouPlan.edit(
      &files, "domains/tech.yaml", replacing: "owner: bureau.sci_tech", with: "owner: bureau.sci_tec",
      after: "id: tech.srts_revenue")
    try HangzhouPlan.edit(
      &files, "domains/tech.yaml", replacing: "kind: stock", with: "kind: stok", after: "id: tech.national_incubators")
    try HangzhouPlan.edit(
      &files, "plan.yaml", replacing: "indicators: [finance.finance_va]",
      with: "indicators: [finance.finance_value_added]")
    return files
  }

  @Test("A broken copy reports every problem in compiler form, in file order")
  func brokenCopy() throws {
    let files = try Self.brokenFiles()
    let report = ValidationReport(source: InMemoryConfigSource(files, root: "Config"))
    #expect(!report.isValid)
    let digital = HangzhouPlan.fixture("domains/digital.yaml", in: files)
    let tech = HangzhouPlan.fixture("domains/tech.yaml", in: files)
    let plan = HangzhouPlan.fixture("plan.yaml", in: files)
    let expected = [
      "\(digital.position(of: "targt:")): error: Unknown key 'targt' in indicator 'digital.ict_revenue' "
        + "(did you mean 'targets'?)",
      "\(tech.position(of: "bureau.sci_tec\n")): error: Unknown org 'bureau.sci_tec' in indicator "
        + "'tech.srts_revenue' (did you mean 'bureau.sci_tech'?)",
      "\(tech.position(of: "stok")): error: 'stok' is not a valid value for 'indicators[3].kind'; expected one of "
        + "'flow', 'stock', 'ratio', 'growth_rate', 'rank', 'qualitative' (did you mean 'stock'?)",
      "\(plan.position(of: "digital.ict_revenue", after: "id: goal.centre.digital_trade")): warning: The goal group "
        + "'goal.centre.digital_trade' lists 'digital.ict_revenue', which has no target.",
      "\(plan.position(of: "finance.finance_value_added")): error: Unknown indicator 'finance.finance_value_added' "
        + "in goal group 'goal.centre.finance' (did you mean 'finance.finance_va'?)",
      "The configuration is not valid: 4 error(s), 1 warning(s).",
    ]
    #expect(report.diagnostics.map(\.description) + [report.summary(in: .en)] == expected)
  }

  @Test("An error in the assessment scheme alone makes the configuration not valid, in its summary too")
  func schemeError() throws {
    let config = try TemporaryConfig()
    try config.edit(
      "assessment.yaml", replacing: "indicator: plan.producer_services_va,",
      with: "indicator: plan.producer_services_vaa,")
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["validate", "--lang", "en"], config: config.path)
    #expect(result.status == 1)
    let lines = (result.output + result.errors).split(separator: "\n")
    #expect(lines.contains { $0.contains("assessment.yaml:") && $0.contains("plan.producer_services_vaa") })
    #expect(lines.last?.hasPrefix("The configuration is not valid: 1 error(s)") == true, "\(lines.suffix(2))")
  }

  @Test("A missing or empty assessment scheme is an error, not a silent gap", arguments: [nil, "", "# nothing yet\n"])
  func missingScheme(_ content: String?) throws {
    let config = try TemporaryConfig()
    let file = config.url.appendingPathComponent("assessment.yaml")
    try FileManager.default.removeItem(at: file)
    if let content { try content.write(to: file, atomically: true, encoding: .utf8) }
    let run = try Executable()
    defer { run.cleanUp() }
    let result = try run.run(["validate", "--lang", "en"], config: config.path)
    #expect(result.status == 1)
    let lines = (result.output + result.errors).split(separator: "\n")
    #expect(
      lines.contains {
        $0.hasSuffix(
          "assessment.yaml:1:1: error: The assessment scheme is missing or empty: the assessment, the reports and the letters need it (write it in assessment.yaml, as the repository's Config/assessment.yaml does)"
        )
      },
      "\(lines)")
    #expect(lines.last == "The configuration is not valid: 1 error(s), 0 warning(s).", "\(lines.suffix(2))")
    #expect(!result.output.contains("is valid"))
  }

  @Test("The executable exits 1 and prints file:line:col for a misspelt key")
  func executableExitStatus() throws {
    let config = try TemporaryConfig()
    let edited = try config.edit(
      "domains/finance.yaml", replacing: "    frequency:", with: "    frequncy:", after: "id: finance.finance_va\n")
    let finance = FixtureText(edited, file: config.url.appendingPathComponent("domains/finance.yaml").path)
    let run = try Executable()
    let result = try run.run(["validate"], config: config.path)
    #expect(result.status == 1)
    #expect(
      result.errors.contains("\(finance.position(of: "frequncy:")): error: Unknown key 'frequncy' in indicator"),
      "\(result.errors)")
    #expect(result.errors.contains("(did you mean 'frequency'?)"))
  }
}
