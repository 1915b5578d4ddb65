import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@testable import ZhibiaoHost
@testable import ZhibiaoReport

/// Where the key tasks stand: milestones judged by their indicator's city figure once due, the
/// others awaiting their progress report; on the sample through 2025.
@Suite("Key-task standing")
struct TaskStandingTests {
  static func standing(at period: Period) async throws -> (TaskStanding, Plan) {
    let pipeline = try await Pipeline(workspace: HangzhouPlan.workspace(), store: SampleStore.throughTargetYear())
    let monitoring = try pipeline.monitoring(at: period, asOf: Date(timeIntervalSince1970: 1_771_000_000))
    return (TaskStanding(plan: pipeline.workspace.plan, monitoring: monitoring), pipeline.workspace.plan)
  }

  @Test("At the end of 2025: reached milestones completed, missed ones overdue, the rest awaiting reports")
  func endOfPlan() async throws {
    let (standing, plan) = try await Self.standing(at: .quarter(4, of: 2025))
    // 创意设计龙头领军企业: 9 of the 10 the plan asks for (one withdrawal the district did not report).
    let design = try #require(standing.lines.first { $0.milestone.indicator == "business.design_leaders" })
    #expect(design.state == .overdue && design.actual == 9 && design.milestone.value == 10)
    // 国家级工业设计中心: 15 of 15.
    let centres = try #require(standing.lines.first { $0.milestone.indicator == "tech.national_design_centres" })
    #expect(centres.state == .completed && centres.actual == 15)
    // Every dated milestone with a value is settled at the plan's end; those without await a report.
    for line in standing.lines where line.milestone.kind == .outcome {
      #expect(line.state != .inProgress && line.state != .notDue, "\(line.task.id)")
      #expect((line.milestone.value == nil) == (line.state == .awaitingReport), "\(line.task.id)")
    }
    let yearly = plan.tasks.filter { $0.milestones.contains { $0.kind == .yearly } }.count
    #expect(standing.lines.filter { $0.milestone.kind == .yearly }.count == yearly)
    #expect(standing.lines(naming: "district.yuhang").allSatisfy { $0.task.orgs.contains("district.yuhang") })
  }

  @Test("Before the due period a missed figure is still in progress; earlier years' yearly progress is not listed")
  func beforeDue() async throws {
    let (standing, _) = try await Self.standing(at: .quarter(3, of: 2025))
    let design = try #require(standing.lines.first { $0.milestone.indicator == "business.design_leaders" })
    #expect(design.state == .inProgress)
    #expect(
      standing.lines.filter { $0.milestone.kind == .yearly }.allSatisfy { $0.due == .year(2025) && $0.state == .notDue }
    )
    let (lastYear, _) = try await Self.standing(at: .quarter(4, of: 2024))
    #expect(lastYear.lines.allSatisfy { $0.milestone.kind == .yearly && $0.state == .awaitingReport })
  }

  @Test(
    "A due period has ended when the year-to-date period reaches it",
    arguments: [
      (Period.year(2025), Period.quarter(3, of: 2025), false), (.year(2025), .quarter(4, of: 2025), true),
      (.quarter(2, of: 2025), .quarter(2, of: 2025), true), (.quarter(3, of: 2025), .quarter(2, of: 2025), false),
      (.year(2024), .quarter(1, of: 2025), true), (.quarter(1, of: 2026), .quarter(4, of: 2025), false),
    ])
  func ended(_ due: Period, _ now: Period, _ expected: Bool) {
    #expect(TaskStanding.hasEnded(due, at: now) == expected)
  }
}

@Suite("zhibiao tasks status")
struct TasksCommandTests {
  @Test("Lists the milestones due by the period's year with their state, filtered by state and org")
  func status() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let (config, db) = try SuccessorPlanTests.sampleThrough2025(run)
    let overdue = try run.run(
      ["tasks", "status", "--period", "2025Q4", "--state", "overdue", "--format", "json", "--db", db],
      config: config.path)
    #expect(overdue.status == 0, "\(overdue.errors)")
    let records = try #require(JSONSerialization.jsonObject(with: Data(overdue.output.utf8)) as? [[String: Any]])
    #expect(!records.isEmpty && records.allSatisfy { $0["state"] as? String == "overdue" })
    let design = try #require(records.first { $0["indicator"] as? String == "business.design_leaders" })
    #expect(
      design["actual"] as? String == "9" && design["value"] as? String == "10" && design["due"] as? String == "2025")
    let yuhang = try run.run(
      ["tasks", "status", "--period", "2025Q4", "--org", "余杭区", "--format", "csv", "--db", db], config: config.path)
    let lines = yuhang.output.split(separator: "\r\n").dropFirst()
    #expect(!lines.isEmpty)
    let plan = try HangzhouPlan.plan()
    for line in lines {
      let id = TaskID(String(line.split(separator: ",").first ?? ""))
      #expect(plan.tasks.first { $0.id == id }?.orgs.contains("district.yuhang") == true, "\(line)")
    }
    let wrong = try run.run(
      ["tasks", "status", "--period", "2025Q4", "--state", "late", "--db", db], config: config.path)
    #expect(wrong.status == 64)
  }
}
