import ArgumentParser
import Foundation
import ZhibiaoKernel
import ZhibiaoStore

extension TaskProgress.Status: ExpressibleByArgument {}
extension ObservationStatus: ExpressibleByArgument {}

extension TasksCommand {
  /// `tasks report FILE`: imports progress reports on key tasks, all or nothing.
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "导入重点任务进展报告（CSV，全部成功或全部不导入）(import task progress reports, all or nothing).",
      discussion: """
        Columns: task,org,period,status,progress,text,evidence — one org's report on one key task for one quarter \
        (period 2025Q1). status: 未启动 / 推进中 / 已完成 / 滞后 (or not_started, in_progress, completed, lagging); \
        progress: a whole percentage or empty; a completed task is 100 % and names its evidence (a document number, \
        a link or a file's name). An org reports on the tasks that name it; the task's lead org reviews the reports \
        of the orgs it co-operates with, and the commission the lead's own (zhibiao tasks review). UTF-8 or GBK; \
        every error is reported with its line.
        """)

    @Argument(help: "CSV 文件 (the file).")
    var file: String

    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var submitter: String?

    @Option(name: .long, help: "utf-8 | gbk (default: detect).")
    var encoding: String?

    @Flag(name: .long, help: "只检查不写入 (check without writing).")
    var dryRun = false

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let sender = try submitter.map { try CommandPlan.org($0, in: plan) }?.id ?? plan.commission
      let rules = ReviewRules(plan: plan)
      let role = rules.role(of: sender)
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: file))
      } catch {
        throw CommandFailure.unreadable(file, error)
      }
      let requested = try TextDecoding.Encoding.requested(encoding)
      guard let (text, _) = TextDecoding.decode(data, as: requested) else {
        throw CommandFailure.file(
          path: file,
          LocalizedText(
            zh: "文件不是有效的 \(requested?.rawValue ?? "UTF-8 或 GBK") 文本（可试 --encoding gbk 或 utf-8），未导入。",
            en:
              "The file is not valid \(requested?.rawValue ?? "UTF-8 or GBK") text (try --encoding gbk or utf-8); nothing was imported."
          ))
      }
      let (reports, lines, diagnostics) = TaskReportImport(plan: plan, submitter: sender).check(text, file: file)
      var refusals: [Diagnostic] = []
      for (report, line) in zip(reports, lines) {
        guard let task = plan.tasks.first(where: { $0.id == report.task }),
          let refusal = rules.reportTask(task, org: report.org, by: sender, as: role)
        else { continue }
        refusals.append(
          Diagnostic(.error, at: SourceLocation(file: file, line: line, column: 1), refusal.text.text(in: options.lang))
        )
      }
      let errors = (diagnostics + refusals).filter { $0.severity == .error }
      if !errors.isEmpty {
        throw CommandFailure.diagnostics(
          diagnostics + refusals,
          summary: LocalizedText(
            zh: "未导入：\(errors.count) 个错误，文件中的进展报告均未写入。",
            en: "Nothing was imported: \(errors.count) error(s); no report of the file was written."))
      }
      diagnostics.forEach { StandardError.write($0.description) }
      if dryRun {
        print(
          options.lang == .zh
            ? "检查通过：\(file) 的 \(reports.count) 条进展报告均可导入（--dry-run，未写入）。"
            : "Checked: all \(reports.count) reports of \(file) can be imported (--dry-run, nothing written).")
        return
      }
      let result: SubmissionResult
      do {
        result = try await store.open().submitTaskReports(
          TaskReportSubmission(
            plan: plan.id, submitter: sender, role: role, source: URL(fileURLWithPath: file).lastPathComponent,
            time: Date(), reports: reports))
      } catch StoreError.refused(let refusal, let rows) {
        let numbers = rows.compactMap { $0 - 1 < lines.count ? String(lines[$0 - 1]) : nil }
        throw CommandFailure.file(
          path: file,
          LocalizedText(
            zh: refusal.text.zh + "（第 \(numbers.joined(separator: "、")) 行）文件中的进展报告均未写入。",
            en: refusal.text.en + " (lines \(numbers.joined(separator: ", "))); no report of the file was written."))
      }
      print(
        options.lang == .zh
          ? "已导入 \(file)：\(reports.count) 条进展报告，新增 \(result.added)，修订 \(result.revised)，未变 \(result.unchanged)；待牵头单位审核。"
          : "Imported \(file): \(reports.count) reports, \(result.added) added, \(result.revised) revised, \(result.unchanged) unchanged; for the lead orgs to review."
      )
    }
  }

  /// `tasks reports`: the progress reports as they stand.
  struct Reports: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "列出重点任务进展报告及其审核状态 (the task progress reports and where each is in its review).")

    @Option(name: .long, help: "期间 (a quarter), e.g. 2025Q1.")
    var period: String?

    @Option(name: .long, help: "只列某单位的报告 (only this org's reports), id or Chinese name.")
    var org: String?

    @Option(name: .long, help: "只列某项任务 (only this task).")
    var task: String?

    @Option(name: .long, help: "只列某一审核状态 (only this state): submitted | approved | returned.")
    var review: ObservationStatus?

    @Flag(name: .long, help: "列出每条报告的全部记录 (every step of each report: submissions and reviews).")
    var log = false

    @Option(name: .long, help: "table | json | csv | md")
    var format: OutputFormat = .table

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let period = try self.period.map { try CommandPlan.period($0, in: plan) }
      let org = try self.org.map { try CommandPlan.org($0, in: plan).id }
      let task = try self.task.map { text -> TaskID in
        guard let task = plan.tasks.first(where: { $0.id.rawValue == text }) else {
          throw CommandFailure.domain("未知任务 '\(text)'。", "Unknown task '\(text)'.")
        }
        return task.id
      }
      let store = try await store.openExisting()
      let language = options.lang
      let zh = language == .zh
      func orgName(_ id: OrgID) -> String { plan.org(id)?.name.text(in: language) ?? id.rawValue }
      if log {
        let events = try await store.taskReportLog(plan: plan.id, task: task, org: org).filter {
          period == nil || $0.progress.period == period
        }
        let rows = events.map { event -> [String] in
          [
            String(event.sequence), event.progress.task.rawValue, orgName(event.progress.org),
            event.progress.period.description, event.action.rawValue, event.progress.status.name.text(in: language),
            event.progress.progress.map { "\($0)%" } ?? "", String(event.revision), orgName(event.actor),
            Timestamp.text(event.time), event.comment ?? "",
          ]
        }
        print(
          Listing(
            keys: [
              "sequence", "task", "org", "period", "action", "status", "progress", "revision", "actor", "at", "comment",
            ],
            headings: zh
              ? ["序号", "任务", "单位", "期间", "操作", "状态", "进度", "版本", "操作单位", "时间", "说明"]
              : ["#", "task", "org", "period", "action", "status", "progress", "revision", "by", "at", "comment"],
            wide: ["comment"], width: 30, rows: rows
          ).render(format), terminator: "")
        return
      }
      let reports = try await store.taskReports(plan: plan.id, task: task, org: org, period: period).filter {
        review == nil || $0.review == review
      }
      let rows = reports.map { report -> [String] in
        let progress = report.progress
        return [
          progress.period.description, progress.task.rawValue, orgName(progress.org),
          progress.status.name.text(in: language), progress.progress.map { "\($0)%" } ?? "", progress.text,
          progress.evidence ?? "", zh ? report.review.zh : report.review.rawValue, String(report.revision),
          report.reviewComment ?? "",
        ]
      }
      print(
        Listing(
          keys: ["period", "task", "org", "status", "progress", "text", "evidence", "review", "revision", "comment"],
          headings: zh
            ? ["期间", "任务", "单位", "状态", "进度", "进展", "佐证", "审核", "版本", "审核意见"]
            : ["period", "task", "org", "status", "progress", "text", "evidence", "review", "revision", "comment"],
          wide: ["text"], width: 36, rows: rows
        ).render(format), terminator: "")
    }
  }

  /// `tasks review`: the lead org (or the commission) approves or returns submitted reports.
  struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "审核重点任务进展报告：通过或退回 (approve or return submitted task progress reports).",
      discussion: """
        A task's lead org reviews the reports of the orgs it co-operates with; the commission reviews the lead's own. \
        Without --task and --org, every submitted report of the quarter the reviewer may review. A return needs \
        --comment; --revision (with one --task and one --org) refuses a report revised since you saw it.
        """)

    @Option(name: .long, help: "期间 (the quarter), e.g. 2025Q1.")
    var period: String

    @Option(name: .long, help: "approve | return")
    var decision: ReviewDecision

    @Option(name: .long, help: "退回说明 (the comment; required to return).")
    var comment: String?

    @Option(name: .long, help: "任务 (a task; repeat for several); default every task the reviewer may review.")
    var task: [String] = []

    @Option(name: .long, help: "报送单位 (an org; repeat for several); default every org.")
    var org: [String] = []

    @Option(name: .long, help: ArgumentHelp("所见版本 (the revision you checked).", valueName: "N"))
    var revision: Int?

    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var reviewer: String?

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      guard let revision else { return }
      guard task.count == 1, org.count == 1 else {
        throw ValidationError("--revision 须与一个 --task 和一个 --org 同用 (give one --task and one --org with --revision).")
      }
      guard revision >= 1 else { throw ValidationError("--revision 须为正整数 (a revision number from 1): \(revision)") }
    }

    func run() async throws {
      let plan = try CommandPlan.load(options)
      let period = try CommandPlan.period(self.period, in: plan)
      guard period.quarter != nil else {
        throw CommandFailure.domain(
          "进展按季度报送；请写季度，如 \(period.year)Q4。", "Progress is reported by quarter; write e.g. \(period.year)Q4.")
      }
      let reviewer = try self.reviewer.map { try CommandPlan.org($0, in: plan).id } ?? plan.commission
      let rules = ReviewRules(plan: plan)
      let role = rules.role(of: reviewer)
      let tasks = try task.map { text -> KeyTask in
        guard let task = plan.tasks.first(where: { $0.id.rawValue == text }) else {
          throw CommandFailure.domain("未知任务 '\(text)'。", "Unknown task '\(text)'.")
        }
        return task
      }
      let orgs = try org.map { try CommandPlan.org($0, in: plan).id }
      let store = try await self.store.open()
      let submitted = try await store.taskReports(plan: plan.id, task: nil, org: nil, period: period).filter {
        report in
        (tasks.isEmpty || tasks.contains { $0.id == report.progress.task })
          && (orgs.isEmpty || orgs.contains(report.progress.org))
      }
      var chosen: [(task: TaskID, org: OrgID, seen: Int?)] = []
      for report in submitted {
        guard let task = plan.tasks.first(where: { $0.id == report.progress.task }) else { continue }
        let refusal = rules.reviewTask(task, org: report.progress.org, by: reviewer, as: role)
        if let refusal, !tasks.isEmpty, !orgs.isEmpty { throw CommandFailure.domain(refusal.text) }
        guard refusal == nil, report.review == .submitted || revision != nil else { continue }
        chosen.append((report.progress.task, report.progress.org, revision))
      }
      if chosen.isEmpty, let task = tasks.first, let org = orgs.first, tasks.count == 1, orgs.count == 1 {
        throw CommandFailure.domain(ReviewRules.unknownTaskReport(task: task.id, org: org, period: period).text)
      }
      let count: Int
      do {
        count = try await store.reviewTaskReports(
          TaskReportReview(
            plan: plan.id, period: period, reports: chosen, decision: decision, comment: comment, reviewer: reviewer,
            role: role, time: Date()))
      } catch StoreError.refused(let refusal, _) {
        throw CommandFailure.domain(refusal.text)
      }
      let name = plan.org(reviewer)?.name ?? LocalizedText(zh: reviewer.rawValue, en: reviewer.rawValue)
      print(
        options.lang == .zh
          ? "\(decision == .approve ? "已审核通过" : "已退回") \(period) 的 \(count) 条进展报告（审核单位 \(name.zh)）。"
          : "\(decision == .approve ? "Approved" : "Returned") \(count) progress reports of \(period) (reviewed by \(name.en))."
      )
    }
  }
}
