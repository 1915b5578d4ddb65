import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The next plan (`zhibiao plan new`, `plan baselines`): written from the sample plan and its
/// figures through 2025, its baselines the 2025 year-end figures, its targets listed until set.
@Suite("The next plan", .serialized)
struct SuccessorPlanTests {
  /// A copy of the configuration and a store of the sample through 2025.
  static func sampleThrough2025(_ run: Executable) throws -> (TemporaryConfig, String) {
    let config = try TemporaryConfig()
    let db = run.path("z.sqlite")
    for file in ["observations.csv", "registers.csv", "observations-2025.csv", "registers-2025.csv"] {
      let result = try run.run(
        ["ingest", config.url.appendingPathComponent("sample/\(file)").path, "--db", db], config: config.path)
      try #require(result.status == 0, "\(result.errors)")
    }
    return (config, db)
  }

  /// The rows of a CSV without its comment lines, as records by header.
  static func records(_ text: String) -> [[String: String]] {
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [] }
    return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  /// The 2025 year-end figure of `indicator` for `org` in the sample file.
  static func sample2025(_ config: TemporaryConfig, _ indicator: String, _ org: String) throws -> String {
    let rows = records(try config.text("sample/observations-2025.csv"))
    let row = try #require(
      rows.first { $0["indicator"] == indicator && $0["org"] == org && ["2025Q4", "2025"].contains($0["period"]) })
    return try #require(row["value"])
  }

  @Test("plan new writes the next plan: shared orgs, new years, every target listed until set, baselines from 2025")
  func newPlan() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let (config, db) = try Self.sampleThrough2025(run)
    let made = try run.run(
      ["plan", "new", "--id", "hz_next", "--years", "2026-2030", "--db", db], config: config.path)
    #expect(made.status == 0, "\(made.errors)")
    #expect(made.output.contains("待填目标 41 项"), "\(made.output)")
    let folder = "plans/hz_next"
    let plan = try config.text("\(folder)/plan.yaml")
    #expect(
      plan.contains("  id: hz_next\n") && plan.contains("  base_year: 2025\n") && plan.contains("  target_year: 2030\n")
    )
    #expect(plan.contains("杭州市生产性服务业创新发展实施方案（2026—2030年）"))
    #expect(!plan.contains("\norgs:") && !plan.contains("quotes:"))
    let tech = try config.text("\(folder)/domains/tech.yaml")
    #expect(tech.contains("{ year: 2030, comparator: at_least, value: ~ }") && !tech.contains("milestones:"))
    #expect(!tech.contains("year: 2025"))

    // Baselines: the 2025 year-end figures, reported ones and counts of registers alike.
    let baselines = Self.records(try config.text("\(folder)/baselines.csv"))
    func baseline(_ indicator: String, _ org: String) -> [String: String]? {
      baselines.first { $0["indicator"] == indicator && $0["org"] == org }
    }
    let city = try #require(baseline("plan.producer_services_va", "bureau.drc"))
    #expect(city["year"] == "2025" && city["basis"] == "previous_plan")
    #expect(
      Decimal(string: city["value"] ?? "")
        == Decimal(string: try Self.sample2025(config, "plan.producer_services_va", "bureau.drc")))
    let fuyang = try #require(baseline("logistics.express_revenue", "district.fuyang"))
    #expect(fuyang["value"] == (try Self.sample2025(config, "logistics.express_revenue", "district.fuyang")))
    #expect(baseline("tech.national_incubators", "bureau.sci_tech")?["value"] == "70")

    // Validate lists every unset target at its position and nothing else stops it.
    let validated = try run.run(["validate", "--plan", "hz_next"], config: config.path)
    #expect(validated.status == 0, "\(validated.errors)")
    let unset = (validated.output + validated.errors).split(separator: "\n").filter { $0.contains("is not set yet") }
    #expect(unset.count == 41)
    #expect(unset.contains { $0.contains("\(folder)/domains/tech.yaml:") && $0.contains("tech.national_incubators") })
    #expect(
      try run.run(["plan", "new", "--id", "hz_next", "--years", "2026-2030", "--db", db], config: config.path).status
        == 1)
    #expect(try run.run(["plan", "new", "--id", "Next", "--years", "2026-2030"], config: config.path).status == 64)

    // Filled in (here with the previous plan's figures, in order), the plan decomposes.
    try Self.fillTargets(config, folder: folder)
    let filled = try run.run(["validate", "--plan", "hz_next"], config: config.path)
    #expect(filled.status == 0, "\(filled.errors)")
    #expect(!(filled.output + filled.errors).contains("is not set yet"))
    let book = try run.run(
      ["decompose", "--plan", "hz_next", "--year", "2030", "--format", "json"], config: config.path)
    #expect(book.status == 0, "\(book.errors)")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(book.output.utf8)) as? [[String: Any]])
    #expect(
      entries.contains {
        $0["indicator"] as? String == "plan.producer_services_va" && $0["org"] as? String == "district.xihu"
      })
  }

  @Test("plan baselines carries the figures over again by continues.yaml: a retired indicator has none")
  func baselinesByContinuation() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let (config, db) = try Self.sampleThrough2025(run)
    _ = try run.run(["plan", "new", "--id", "hz_next", "--years", "2026-2030", "--db", db], config: config.path)
    try config.edit(
      "plans/hz_next/continues.yaml", replacing: "  tech.ip_transactions: tech.ip_transactions\n",
      with: "  tech.ip_transactions: ~\n")
    let again = try run.run(["plan", "baselines", "--plan", "hz_next", "--db", db], config: config.path)
    #expect(again.status == 0, "\(again.errors)")
    #expect(again.output.contains("不再沿用的指标 1 项"), "\(again.output)")
    let rows = Self.records(try config.text("plans/hz_next/baselines.csv"))
    #expect(!rows.contains { $0["indicator"] == "tech.ip_transactions" })
    #expect(rows.contains { $0["indicator"] == "tech.technology_transactions" })

    try config.edit(
      "plans/hz_next/continues.yaml", replacing: "  tech.testing_revenue: tech.testing_revenue\n",
      with: "  tech.testing_revenue: tech.testing_revnue\n")
    let wrong = try run.run(["plan", "baselines", "--plan", "hz_next", "--db", db], config: config.path)
    #expect(wrong.status == 1)
    #expect(
      wrong.errors.contains("continues.yaml:")
        && wrong.errors.contains("'tech.testing_revnue' is not an indicator of this plan"), "\(wrong.errors)")
  }

  /// Every unset target of the plan in `folder` filled with the previous plan's figure of the
  /// same target, file by file in order.
  static func fillTargets(_ config: TemporaryConfig, folder: String) throws {
    let domains = try FileManager.default.contentsOfDirectory(atPath: config.url.appendingPathComponent("domains").path)
    for file in ["plan.yaml"] + domains.filter { $0.hasSuffix(".yaml") }.map { "domains/\($0)" } {
      let figures = try config.text(file).split(separator: "\n").filter {
        $0.contains("comparator:") && !$0.contains("parity")
      }.compactMap { line -> Substring? in
        guard let range = line.range(of: "value: ") else { return nil }
        return line[range.upperBound...].prefix { $0 != "," && $0 != "}" && $0 != " " }
      }
      var remaining = figures[...]
      let lines = try config.text("\(folder)/\(file)").split(separator: "\n", omittingEmptySubsequences: false).map {
        line in
        guard line.contains("value: ~"), let figure = remaining.popFirst() else { return String(line) }
        return line.replacingOccurrences(of: "value: ~", with: "value: \(figure)")
      }
      #expect(remaining.isEmpty, "\(file)")
      try lines.joined(separator: "\n").write(
        to: config.url.appendingPathComponent("\(folder)/\(file)"), atomically: true, encoding: .utf8)
    }
  }
}

@Suite("The next plan's files, edited as text")
struct SuccessorPlanTextTests {
  let successor = SuccessorPlan(id: "next", baseYear: 2025, targetYear: 2030)

  @Test("A domain file loses its orgs, quotes and milestones, keeps its comments, and its targets move on unset")
  func domainFile() {
    let text = """
      # A comment the bureau wrote.
      domain:
        id: test
        lead: bureau.a
      orgs:
        - { id: bureau.a, kind: bureau }

        - { id: bureau.b, kind: bureau }
      # Indicators.
      indicators:
        - id: test.output
          targets:
            - { year: 2025, comparator: at_least, value: 100, measure: increase }
            - { year: 2025, comparator: parity, with: test.other }
          quotes: [产出突破100亿元]
          note: kept
        - id: test.count
          quotes:
            - 到2025年培育10家
            - 第二句
          precision: 1
      tasks:
        - id: test.task
          milestones:
            - { due: 2025, text: 完成 }
          orgs: [bureau.a]
      """
    let expected = """
      # A comment the bureau wrote.
      domain:
        id: test
        lead: bureau.a
      # Indicators.
      indicators:
        - id: test.output
          targets:
            - { year: 2030, comparator: at_least, value: ~, measure: increase }
            - { year: 2030, comparator: parity, with: test.other }
          note: kept
        - id: test.count
          precision: 1
      tasks:
        - id: test.task
          orgs: [bureau.a]
      """
    #expect(successor.domainFile(text) == expected)
  }
}
