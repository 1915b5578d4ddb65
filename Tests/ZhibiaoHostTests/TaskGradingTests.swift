import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoSQLite
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoHost

/// The key-task item graded from milestones (`task_grading: milestones`, the repository's scheme)
/// instead of the events file.
@Suite("Key-task grades from milestones")
struct TaskGradingTests {
  /// A copy of `Config/`, whose scheme grades key tasks from milestones.
  static func config() throws -> TemporaryConfig {
    let config = try TemporaryConfig()
    #expect(try config.text("assessment.yaml").contains("\ntask_grading: milestones\n"))
    return config
  }

  /// The sample through 2025 with `reports` sent by the commission and approved (unless said).
  static func pipeline(_ config: TemporaryConfig, reports: [TaskProgress], approve: Bool = true) async throws
    -> Pipeline
  {
    let workspace = try Workspace(configPath: config.path)
    let plan = workspace.plan
    let store = try SQLiteStore.inMemory()
    let sample = Repository.config.appendingPathComponent("sample")
    for file in ["observations.csv", "registers.csv", "observations-2025.csv", "registers-2025.csv"] {
      _ = try await SampleImport.run(sample.appendingPathComponent(file), plan, store)
    }
    guard !reports.isEmpty else { return try await Pipeline(workspace: workspace, store: store) }
    _ = try await store.submitTaskReports(
      TaskReportSubmission(
        plan: plan.id, submitter: plan.commission, role: .commission, source: "t.csv", time: Date(),
        reports: reports))
    if approve {
      for period in Set(reports.map(\.period)) {
        let chosen = reports.filter { $0.period == period }.map { (task: $0.task, org: $0.org, seen: Int?.none) }
        _ = try await store.reviewTaskReports(
          TaskReportReview(
            plan: plan.id, period: period, reports: chosen, decision: .approve, comment: nil,
            reviewer: plan.commission, role: .commission, time: Date()))
      }
    }
    return try await Pipeline(workspace: workspace, store: store)
  }

  static func card(_ pipeline: Pipeline, _ org: OrgID, year: Int = 2025) throws -> Scorecard {
    let assessment = try pipeline.assessment(year: year, events: AssessmentEvents(), asOf: Date())
    return try #require(assessment.result.sections.flatMap(\.scorecards).first { $0.org == org })
  }

  static func item(_ pipeline: Pipeline, _ org: OrgID, year: Int = 2025) throws -> ScoredItem {
    try #require(try card(pipeline, org, year: year).items.first { $0.id == "tasks" })
  }

  static func report(
    _ task: TaskID, _ org: OrgID, _ period: Period, _ status: TaskProgress.Status = .completed
  ) -> TaskProgress {
    TaskProgress(task: task, org: org, period: period, status: status, text: "进展", evidence: "文号")
  }

  @Test("淳安县's one yearly milestone: completed on an approved report of the year, else not completed")
  func chunan() async throws {
    let config = try Self.config()
    let chunan: OrgID = "district.chunan"
    let pilot: TaskID = "finance.green.chunan_pilot"
    let done = try Self.item(
      try await Self.pipeline(config, reports: [Self.report(pilot, chunan, .quarter(4, of: 2025))]), chunan)
    #expect(done.grade == "completed" && done.points == 10, "\(done.explanation.zh)")
    #expect(done.explanation.zh.hasPrefix("按任务节点评定：本年到期节点 1 项，完成 1 项（100%）；评定为完成"), "\(done.explanation.zh)")
    // Last year's report, a report not approved, and a report still under way do not complete it.
    for (reports, approve) in [
      ([Self.report(pilot, chunan, .quarter(4, of: 2024))], true),
      ([Self.report(pilot, chunan, .quarter(4, of: 2025))], false),
      ([Self.report(pilot, chunan, .quarter(4, of: 2025), .inProgress)], true),
    ] {
      let open = try Self.item(try await Self.pipeline(config, reports: reports, approve: approve), chunan)
      #expect(open.grade == "not_completed" && open.points == 0, "\(open.explanation.zh)")
      #expect(open.explanation.zh.contains("本年到期节点 1 项，完成 0 项（0%）"))
    }
  }

  @Test("萧山区: its two yearly milestones by report, the others by their indicators; the share earns the grade")
  func xiaoshan() async throws {
    let config = try Self.config()
    let xiaoshan: OrgID = "district.xiaoshan"
    let reports = ["logistics.air.airport_facilities", "logistics.air.hub_routes"].map {
      Self.report(TaskID($0), xiaoshan, .quarter(3, of: 2025))
    }
    let pipeline = try await Self.pipeline(config, reports: reports)
    let item = try Self.item(pipeline, xiaoshan)
    // The milestones with a value, judged by their city figure at the end of 2025.
    let scheme = try #require(pipeline.workspace.scheme)
    let tasks = try #require(scheme.section(for: .district)?.items.first { $0.id == "tasks" }?.tasks)
    let standing = pipeline.taskStanding(at: try pipeline.monitoring(at: .quarter(4, of: 2025), asOf: Date()))
    let valued = standing.lines.filter {
      $0.due.year == 2025 && tasks.contains($0.task.id) && $0.task.orgs.contains(xiaoshan) && $0.milestone.value != nil
    }
    #expect(valued.count == 6)  // 软件名城 1, 集装箱与内河港口 2, 总部企业 3
    let completed = 2 + valued.filter { $0.state == .completed }.count
    let share = Decimal(completed) / 8
    let expected =
      share >= 1
      ? "completed" : share >= 0.8 ? "basically_completed" : share >= 0.5 ? "partly_completed" : "not_completed"
    #expect(item.grade == expected)
    #expect(item.explanation.zh.contains("本年到期节点 8 项，完成 \(completed) 项"), "\(item.explanation.zh)")
  }

  @Test(
    "A district with no milestone of the item's tasks due in the year is not graded on it: its weight goes to the other items"
  )
  func nothingDue() async throws {
    let config = try Self.config()
    let pipeline = try await Self.pipeline(config, reports: [])
    // 滨江区 is named by the listed tasks only through milestones due in 2025.
    let card = try Self.card(pipeline, "district.binjiang", year: 2024)
    let tasks = try #require(card.items.first { $0.id == "tasks" })
    #expect(tasks.status == .notApplicable && tasks.weight == 0 && tasks.points == 0)
    #expect(tasks.explanation.zh.contains("本年无涉及本单位的到期节点，不计此项"), "\(tasks.explanation.zh)")
    #expect(card.items.map(\.weight).reduce(0, +) == 100, "the basic points are shared among the other items")
    // 淳安县's pilot falls due every year, so it is graded — not completed, with no report.
    let chunan = try Self.item(pipeline, "district.chunan", year: 2024)
    #expect(chunan.grade == "not_completed" && chunan.status != .notApplicable && chunan.points == 0)
  }

  @Test("A bureau is graded on every key task that names it (tasks: all), as lead or co-operating org")
  func bureaus() async throws {
    let config = try Self.config()
    let sci: OrgID = "bureau.sci_tech"
    let yearly = [
      "tech.ip.protection", "tech.ip.self_regulation", "tech.design.global_network", "tech.design.standards",
    ]
    let three = try Self.item(
      try await Self.pipeline(
        config, reports: yearly.dropLast().map { Self.report(TaskID($0), sci, .quarter(4, of: 2024)) }),
      sci, year: 2024)
    #expect(three.grade == "partly_completed", "3 of 4 is 75 %: \(three.explanation.zh)")
    #expect(three.explanation.zh.contains("本年到期节点 4 项，完成 3 项（75%）"), "\(three.explanation.zh)")
    let four = try Self.item(
      try await Self.pipeline(config, reports: yearly.map { Self.report(TaskID($0), sci, .quarter(4, of: 2024)) }),
      sci, year: 2024)
    #expect(four.grade == "completed" && four.points == 20)
    // A report by a co-operating org is its own, not the lead's.
    let other = try Self.item(
      try await Self.pipeline(
        config, reports: yearly.map { Self.report(TaskID($0), "bureau.market_regulation", .quarter(4, of: 2024)) }),
      sci, year: 2024)
    #expect(other.grade == "not_completed")
  }

  @Test("With grades from milestones the events file may not grade the task item, and the scale needs a grade from 0")
  func refusals() throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let config = try Self.config()
    let events = run.folder.appendingPathComponent("events.yaml").path
    try "year: 2025\ngrades:\n  district.binjiang: { tasks: 完成 }\n".write(
      toFile: events, atomically: true, encoding: .utf8)
    let sample = Repository.config.appendingPathComponent("sample/observations.csv").path
    #expect(try run.run(["ingest", sample, "--db", "z.sqlite"], config: config.path).status == 0)
    let refused = try run.run(
      ["assess", "--year", "2024", "--events", events, "--db", "z.sqlite", "--lang", "en"], config: config.path)
    #expect(refused.status == 1)
    #expect(refused.errors.contains("is graded from the milestones of its key tasks"), "\(refused.errors)")
    try config.edit("assessment.yaml", replacing: "    from: 0\n", with: "")
    let invalid = try run.run(["validate"], config: config.path)
    #expect(invalid.status == 1)
    #expect(
      invalid.errors.contains("need a task grade 'from: 0'") || invalid.output.contains("need a task grade 'from: 0'"))
  }
}
