import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// Several plans side by side: the configuration's own plan and one under `plans/`, sharing the
/// orgs, one of them current, and one store that keeps their figures apart.
@Suite("Several plans in one configuration and one store")
struct PlanCatalogueTests {
  /// The repository's configuration with a second plan in `plans/hz_next/`.
  static func twoPlans() throws -> TemporaryConfig {
    let config = try TemporaryConfig()
    try config.addPlan("hz_next")
    return config
  }

  static func json(_ text: String) throws -> [[String: Any]] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
  }

  @Test("plan list shows both plans; the configuration's own is current until plans.yaml names another")
  func listAndCurrent() throws {
    let config = try Self.twoPlans()
    let run = try Executable()
    defer { run.cleanUp() }
    #expect(!(try config.text("plans/hz_next/plan.yaml")).contains("\norgs:"))
    let listed = try run.run(["plan", "list", "--format", "json"], config: config.path)
    #expect(listed.status == 0, "\(listed.errors)")
    let plans = try Self.json(listed.output)
    #expect(plans.map { $0["id"] as? String } == ["hz_producer_services", "hz_next"])
    #expect(plans.map { $0["current"] as? Bool } == [true, false])
    #expect(plans.map { $0["loads"] as? Bool } == [true, true])
    #expect(plans.map { $0["folder"] as? String } == [".", "plans/hz_next"])

    // The second plan validates, with the orgs it shares: the same districts and bureaus.
    let validated = try run.run(["validate", "--plan", "hz_next"], config: config.path)
    #expect(validated.status == 0, "\(validated.errors)")
    let own = try Self.json(run.run(["list", "orgs", "--format", "json"], config: config.path).output)
    let shared = try Self.json(
      run.run(["list", "orgs", "--format", "json", "--plan", "hz_next"], config: config.path).output)
    #expect(!own.isEmpty && own.map { $0["id"] as? String } == shared.map { $0["id"] as? String })

    try "current: hz_next\n".write(
      to: config.url.appendingPathComponent("plans.yaml"), atomically: true, encoding: .utf8)
    let now = try Self.json(run.run(["plan", "list", "--format", "json"], config: config.path).output)
    #expect(now.map { $0["current"] as? Bool } == [false, true])
  }

  @Test("A plan that does not exist is refused with the plans there are; a folder must be named by its plan's id")
  func unknownAndMisnamed() throws {
    let config = try Self.twoPlans()
    let run = try Executable()
    defer { run.cleanUp() }
    let unknown = try run.run(["validate", "--plan", "hz_nxet"], config: config.path)
    #expect(unknown.status == 1)
    #expect(unknown.errors.contains("There is no plan 'hz_nxet'"), "\(unknown.errors)")
    #expect(unknown.errors.contains("hz_producer_services (current), hz_next"), "\(unknown.errors)")

    try "current: nowhere\n".write(
      to: config.url.appendingPathComponent("plans.yaml"), atomically: true, encoding: .utf8)
    let stale = try run.run(["validate"], config: config.path)
    #expect(stale.status == 1 && stale.errors.contains("plans.yaml:1:10"), "\(stale.errors)")

    try FileManager.default.removeItem(at: config.url.appendingPathComponent("plans.yaml"))
    try FileManager.default.moveItem(
      at: config.url.appendingPathComponent("plans/hz_next"), to: config.url.appendingPathComponent("plans/hz_later"))
    let misnamed = try run.run(["validate", "--plan", "hz_later"], config: config.path)
    #expect(misnamed.status == 1)
    #expect(misnamed.errors.contains("The plan's id 'hz_next' is not the name of its folder"), "\(misnamed.errors)")
  }

  @Test("Two plans in one store do not see each other's figures")
  func oneStoreTwoPlans() throws {
    let config = try Self.twoPlans()
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("z.sqlite")
    let sample = config.url.appendingPathComponent("sample/observations.csv").path
    let first = try run.run(["ingest", sample, "--db", db], config: config.path)
    #expect(first.status == 0, "\(first.errors)")
    let rows =
      "indicator,org,period,value,unit\nplan.gdp,district.xihu,2024Q1,100.5,亿元\n"
      + "plan.gdp,district.binjiang,2024Q1,200.5,亿元\n"
    try rows.write(toFile: run.path("next.csv"), atomically: true, encoding: .utf8)
    let second = try run.run(["ingest", run.path("next.csv"), "--db", db, "--plan", "hz_next"], config: config.path)
    #expect(second.status == 0, "\(second.errors)")
    #expect(second.output.contains("新增 2"), "\(second.output)")

    func exported(_ plan: [String]) throws -> [[String: Any]] {
      try Self.json(
        run.run(["export", "observations", "--format", "json", "--db", db] + plan, config: config.path).output)
    }
    let next = try exported(["--plan", "hz_next"])
    #expect(next.count == 2)
    #expect(Set(next.compactMap { ($0["value"] as? NSNumber).map { "\($0)" } }) == ["100.5", "200.5"], "\(next)")
    let own = try exported([])
    #expect(own.count == 4340)
    #expect(!own.contains { $0["source"] as? String == "next.csv" })
  }
}
