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

  /// The lead's report on `task` at `period`, approved unless said.
  static func report(
    _ task: TaskID, by org: OrgID, _ period: Period, _ status: TaskProgress.Status, approved: Bool = true
  ) -> TaskStanding.Report {
    TaskStanding.Report(
      progress: TaskProgress(task: task, org: org, period: period, status: status, text: "进展", evidence: "文号"),
      approved: approved)
  }

  @Test("Milestones judged on evidence take the state of the lead's latest report: reviewed, pending, or none")
  func judgedOnReports() async throws {
    let pipeline = try await Pipeline(workspace: HangzhouPlan.workspace(), store: SampleStore.throughTargetYear())
    let plan = pipeline.workspace.plan
    let asOf = Date(timeIntervalSince1970: 1_771_000_000)
    let q4 = try pipeline.monitoring(at: .quarter(4, of: 2025), asOf: asOf)
    let q3 = try pipeline.monitoring(at: .quarter(3, of: 2025), asOf: asOf)
    let yearly = try #require(plan.tasks.first { $0.milestones.contains { $0.kind == .yearly } && $0.orgs.count > 1 })
    let lead = try #require(yearly.lead)
    let partner = yearly.orgs[1]
    let q4p = Period.quarter(4, of: 2025), q3p = Period.quarter(3, of: 2025)
    func state(_ reports: [TaskStanding.Report], at monitoring: MonitoringReport) -> TaskStanding.State? {
      TaskStanding(plan: plan, monitoring: monitoring, reports: reports).lines.first { $0.task.id == yearly.id }?.state
    }
    #expect(state([], at: q4) == .awaitingReport)
    #expect(state([Self.report(yearly.id, by: lead, q4p, .completed)], at: q4) == .completed)
    #expect(state([Self.report(yearly.id, by: lead, q4p, .lagging)], at: q4) == .lagging)
    // Under way when the year has ended: overdue; before its end: in progress.
    #expect(state([Self.report(yearly.id, by: lead, q4p, .inProgress)], at: q4) == .overdue)
    #expect(state([Self.report(yearly.id, by: lead, q3p, .inProgress)], at: q3) == .inProgress)
    #expect(state([Self.report(yearly.id, by: lead, q4p, .completed, approved: false)], at: q4) == .awaitingReview)
    // The latest report counts: completed in the third quarter, lagging in the fourth.
    let both = [Self.report(yearly.id, by: lead, q3p, .completed), Self.report(yearly.id, by: lead, q4p, .lagging)]
    #expect(state(both, at: q4) == .lagging)
    #expect(state(both, at: q3) == .completed)
    // A co-operating org's report, last year's report and a later quarter's report do not settle it.
    #expect(state([Self.report(yearly.id, by: partner, q4p, .completed)], at: q4) == .awaitingReport)
    #expect(state([Self.report(yearly.id, by: lead, .quarter(4, of: 2024), .completed)], at: q4) == .awaitingReport)
    #expect(state([Self.report(yearly.id, by: lead, q4p, .completed)], at: q3) == .notDue)
    // The quarter's unreported tasks: every task but the one its lead reported on.
    let standing = TaskStanding(plan: plan, monitoring: q4, reports: [Self.report(yearly.id, by: lead, q4p, .lagging)])
    #expect(standing.unreported.count == plan.tasks.count - 1)
    #expect(!standing.unreported.contains { $0.id == yearly.id })
    let line = try #require(standing.lines.first { $0.task.id == yearly.id })
    #expect(line.report?.status == .lagging)
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

  @Test(
    "A task report's review path: imported by the orgs, returned and approved by the lead, then it settles the milestone"
  )
  func reportReviewPath() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let (config, db) = try SuccessorPlanTests.sampleThrough2025(run)
    let plan = try HangzhouPlan.plan()
    let task = try #require(plan.tasks.first { $0.id == "digital.live_commerce.talent" })
    let lead = try #require(task.lead)
    let partner = task.orgs[1].rawValue
    func write(_ name: String, _ rows: [String]) throws -> String {
      let path = run.folder.appendingPathComponent(name).path
      try (["task,org,period,status,progress,text,evidence"] + rows).joined(separator: "\n").write(
        toFile: path, atomically: true, encoding: .utf8)
      return path
    }
    let district = try write("partner.csv", ["\(task.id),\(partner),2025Q4,已完成,100,认定标准印发,杭人社〔2025〕9号"])
    let bureau = try write("bureau.csv", ["\(task.id),\(lead),2025Q4,推进中,80,纳入高层次人才分类认定,"])
    // The co-operating bureau may not send the lead's report.
    let refused = try run.run(
      ["tasks", "report", bureau, "--as", partner, "--db", db, "--lang", "en"], config: config.path)
    #expect(refused.status == 1 && refused.errors.contains("may submit only its own progress reports"))
    #expect(try run.run(["tasks", "report", district, "--as", partner, "--db", db], config: config.path).status == 0)
    #expect(
      try run.run(["tasks", "report", bureau, "--as", lead.rawValue, "--db", db], config: config.path).status == 0)
    // The lead may not review its own report; it returns its partner's with a comment.
    let own = try run.run(
      [
        "tasks", "review", "--period", "2025Q4", "--decision", "approve", "--task", task.id.rawValue, "--org",
        lead.rawValue,
        "--as", lead.rawValue, "--db", db, "--lang", "en",
      ], config: config.path)
    #expect(own.status == 1 && own.errors.contains("cannot review its own progress"), "\(own.errors)")
    let noComment = try run.run(
      ["tasks", "review", "--period", "2025Q4", "--decision", "return", "--as", lead.rawValue, "--db", db],
      config: config.path)
    #expect(noComment.status == 1)
    let returned = try run.run(
      [
        "tasks", "review", "--period", "2025Q4", "--decision", "return", "--comment", "请附挂牌文件", "--as", lead.rawValue,
        "--db", db, "--lang", "en",
      ], config: config.path)
    #expect(returned.status == 0 && returned.output.contains("Returned 1 progress reports"), "\(returned.output)")
    // Sent again, approved by the lead; the lead's own report is approved by the commission.
    let again = run.folder.appendingPathComponent("partner.csv").path
    try
      (["task,org,period,status,progress,text,evidence", "\(task.id),\(partner),2025Q4,已完成,100,认定标准印发,杭人社〔2025〕9号 附件"])
      .joined(separator: "\n").write(toFile: again, atomically: true, encoding: .utf8)
    #expect(try run.run(["tasks", "report", again, "--as", partner, "--db", db], config: config.path).status == 0)
    #expect(
      try run.run(
        ["tasks", "review", "--period", "2025Q4", "--decision", "approve", "--as", lead.rawValue, "--db", db],
        config: config.path
      ).status == 0)
    let before = try run.run(
      ["tasks", "status", "--period", "2025Q4", "--format", "json", "--db", db], config: config.path)
    let pending = try #require(
      (try JSONSerialization.jsonObject(with: Data(before.output.utf8)) as? [[String: Any]])?.first {
        $0["task"] as? String == task.id.rawValue
      })
    #expect(pending["state"] as? String == "awaiting_review")
    #expect(
      try run.run(["tasks", "review", "--period", "2025Q4", "--decision", "approve", "--db", db], config: config.path)
        .status
        == 0)
    let listed = try run.run(
      ["tasks", "reports", "--period", "2025Q4", "--format", "csv", "--db", db], config: config.path)
    #expect(listed.output.components(separatedBy: "已审核").count - 1 == 2, "\(listed.output)")
    let log = try run.run(
      ["tasks", "reports", "--log", "--format", "csv", "--db", db, "--lang", "en"], config: config.path)
    let actions = log.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[4] }
    #expect(actions == ["submit", "submit", "return", "submit", "approve", "approve"], "\(log.output)")
  }
}
