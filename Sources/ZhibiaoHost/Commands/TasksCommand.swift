import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoWorkspace

/// `zhibiao tasks`: the plan's key tasks (重点任务) as they stand.
struct TasksCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tasks",
    abstract: "重点任务推进：节点到期与完成情况、进展报告与审核 (the key tasks as they stand, their progress reports and review).",
    subcommands: [Status.self, Report.self, Reports.self, Review.self])

  /// `tasks status --period 2025Q4`: every milestone due by the period's year, with its state.
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "列出到期节点及其状态：已完成、逾期、推进中、待报送进展、未到期 (milestones due by the period's year, with their state).",
      discussion: """
        A dated milestone the plan gives a value for is judged by its indicator's city figure at the period: \
        completed once reached, overdue when its period has ended without, in progress before. The others, and \
        each year's progress (年度推进), await the lead org's progress report once due.
        """)

    @Option(name: .long, help: "期间 (the period), e.g. 2025Q4 or 2025年1-12月.")
    var period: String

    @Option(name: .long, help: "只列涉及某单位的任务 (only the tasks naming this org), id or Chinese name.")
    var org: String?

    @Option(name: .long, help: "只列某一领域 (only this domain), e.g. finance.")
    var domain: String?

    @Option(
      name: .long,
      help:
        "只列某一状态 (only this state): completed | overdue | in_progress | awaiting_report | not_due | lagging | awaiting_review."
    )
    var state: [TaskStanding.State] = []

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (judge lateness as of this day; default today).")
    var asOf: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let workspace = try CommandWorkspace.load(options)
      let plan = workspace.plan
      let period = try CommandPlan.period(self.period, in: plan)
      let pipeline = try await CommandWorkspace.pipeline(workspace, store)
      let monitoring = try CommandWorkspace.computing {
        try pipeline.monitoring(at: period, asOf: try CommandPlan.day(asOf))
      }
      let org = try self.org.map { try CommandPlan.org($0, in: plan).id }
      if let domain, plan.domain(DomainID(domain)) == nil {
        throw CommandFailure.domain("未知领域 '\(domain)'。", "Unknown domain '\(domain)'.")
      }
      let lines = pipeline.taskStanding(at: monitoring).lines.filter { line in
        (org.map { line.task.orgs.contains($0) } ?? true) && (domain.map { line.task.domain.rawValue == $0 } ?? true)
          && (state.isEmpty || state.contains(line.state))
      }
      print(render(lines, plan: plan), terminator: "")
    }

    func render(_ lines: [TaskStanding.Line], plan: Plan) -> String {
      let language = options.lang
      if format == .json {
        let records = lines.map { line -> [String: Any] in
          [
            "task": line.task.id.rawValue, "domain": line.task.domain.rawValue,
            "lead": line.task.lead?.rawValue ?? NSNull(), "orgs": line.task.orgs.map(\.rawValue),
            "milestone": line.milestone.text, "kind": line.milestone.kind.rawValue, "due": line.due.description,
            "indicator": line.milestone.indicator?.rawValue ?? NSNull(),
            "value": line.milestone.value.map { "\($0)" } ?? NSNull(),
            "actual": line.actual.map { "\($0)" } ?? NSNull(), "state": line.state.rawValue,
            "report": line.report.map { report -> [String: Any] in
              [
                "period": report.period.description, "status": report.status.rawValue,
                "progress": report.progress ?? NSNull(), "text": report.text, "evidence": report.evidence ?? NSNull(),
              ]
            } ?? NSNull(),
          ]
        }
        let data =
          (try? JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
      }
      let zh = language == .zh
      let rows = lines.map { line -> [String] in
        let step = line.milestone.indicator.flatMap { plan.indicator($0)?.precision }
        return [
          line.task.id.rawValue, line.task.lead.flatMap { plan.org($0)?.name.text(in: language) } ?? "",
          line.milestone.text, line.due.description,
          line.actual.map { DecimalArithmetic.text($0, step: step) } ?? "",
          line.milestone.value.map { DecimalArithmetic.text($0, step: step) } ?? "", line.state.name.text(in: language),
        ]
      }
      return Listing(
        keys: ["task", "lead", "milestone", "due", "actual", "value", "state"],
        headings: zh
          ? ["任务", "牵头单位", "节点", "到期", "实际", "节点值", "状态"]
          : ["task", "lead", "milestone", "due", "actual", "value", "state"],
        wide: ["milestone"], width: 36, rows: rows
      ).render(format)
    }
  }
}

extension TaskStanding.State: ExpressibleByArgument {}
