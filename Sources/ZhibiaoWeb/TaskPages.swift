import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// Progress reports on the plan's key tasks (重点任务进展) in the web app, one quarter at a time.
///
/// - `GET /tasks?period=2025Q1`: the reports the account may read (``readable(_:plan:account:)``)
///   with where each is in its review; a form to report on a task that names the account's org;
///   beside each submitted report the account may review, approve and return (with a comment).
/// - `POST /tasks`: one report, checked as one row of a progress file (422 with the reason,
///   nothing stored); a change of an approved report, or one in a locked quarter, is a conflict
///   (409).
/// - `POST /tasks/review`: approves or returns one report as seen at its revision: a report
///   revised since is a conflict (409), never a decision on a text nobody read; one never sent is
///   404; who may not review it, 403.
///
/// An org reports on the tasks that name it; the task's lead org reviews its co-operating orgs'
/// reports, the commission the lead's own — the rules of ``ReviewRules`` the command line follows.
struct TaskPages: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let clock: @Sendable () -> Date

  static let writers: Set<Role> = [.district, .bureau, .commission]

  func add(to router: Router<WebContext>) {
    router.get("/tasks") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let period = try PageQuarter.parse(request, plan: workspace.plan, now: clock())
      let text = PageText.catalog(context.language)
      let query = request.uri.queryParameters
      let done =
        query["reported"] != nil
        ? text["task_reported"] : query["reviewed"] != nil ? text["task_reviewed"] : nil
      let values = try await page(account: account, period: period, language: context.language, done: done)
      return pages.render("tasks", values, request: request, context: context)
    }
    router.post("/tasks") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.writers)
      let form = try await FormBody.read(&request)
      return try await report(form, account: account, request: request, context: context)
    }
    router.post("/tasks/review") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.writers)
      let form = try await FormBody.read(&request)
      return try await review(form, account: account, request: request, context: context)
    }
  }

  /// The reports among `reports` that `account` may read: the commission and administrators every
  /// one; a district or bureau its own and those on the tasks it leads (it reviews them); a viewer
  /// the approved ones.
  static func readable(_ reports: [TaskReport], plan: Plan, account: AccountRecord) -> [TaskReport] {
    switch account.role {
    case .commission, .admin: return reports
    case .viewer: return reports.filter { $0.review == .approved }
    case .district, .bureau:
      let leads = Set(plan.tasks.filter { $0.lead == account.org }.map(\.id))
      return reports.filter { $0.progress.org == account.org || leads.contains($0.progress.task) }
    }
  }

  /// The tasks `account` reports on: those naming its org; every task for the commission.
  static func reportable(_ plan: Plan, by account: AccountRecord) -> [KeyTask] {
    switch account.role {
    case .commission: return plan.tasks
    case .district, .bureau: return plan.tasks.filter { $0.orgs.contains(account.org) }
    case .admin, .viewer: return []
    }
  }

  private func page(
    account: AccountRecord, period: Period, language: Language, problem: String? = nil, done: String? = nil
  ) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let rules = ReviewRules(plan: plan)
    let tasks = Dictionary(plan.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let reports = Self.readable(
      try await store.taskReports(plan: plan.id, task: nil, org: nil, period: period), plan: plan, account: account)
    func name(_ org: OrgID) -> String { plan.org(org)?.name.text(in: language) ?? org.rawValue }
    var values: [String: Any] = [
      "title": text["tasks"] ?? "",
      "period": period.description,
      "periods": plan.years.flatMap { year in (1...4).map { Period.quarter($0, of: year) } }
        .filter { $0 <= PageQuarter.current(plan: plan, now: clock()) || $0 == period }
        .map { ["value": $0.description, "current": $0 == period] },
      "reports": reports.map { report -> [String: Any] in
        let progress = report.progress
        let task = tasks[progress.task]
        var row: [String: Any] = [
          "task": progress.task.rawValue,
          "task_text": task.map { $0.text.count > 40 ? String($0.text.prefix(40)) + "…" : $0.text } ?? "",
          "org": progress.org.rawValue, "org_name": name(progress.org),
          "status": progress.status.name.text(in: language), "status_id": progress.status.rawValue,
          "progress": progress.progress.map { "\($0)%" } ?? "", "text": progress.text,
          "evidence": progress.evidence ?? "", "review": language == .zh ? report.review.zh : report.review.rawValue,
          "review_id": report.review.rawValue, "revision": report.revision, "comment": report.reviewComment ?? "",
        ]
        if report.review == .submitted, let task,
          rules.reviewTask(task, org: progress.org, by: account.org, as: account.role) == nil
        {
          row["reviewable"] = true
        }
        return row
      },
    ]
    let reportable = Self.reportable(plan, by: account)
    if !reportable.isEmpty {
      let orgs =
        account.role == .commission
        ? plan.orgs.filter { $0.kind != .leadingGroup } : plan.orgs.filter { $0.id == account.org }
      values["reporting"] = [
        "tasks": reportable.map { task -> [String: Any] in
          let short = task.text.count > 30 ? String(task.text.prefix(30)) + "…" : task.text
          return ["id": task.id.rawValue, "label": "\(task.id) \(short)"]
        },
        "orgs": orgs.map { ["id": $0.id.rawValue, "name": $0.name.text(in: language)] },
        "statuses": TaskProgress.Status.allCases.map { ["value": $0.rawValue, "label": $0.name.text(in: language)] },
      ]
    }
    if let problem { values["problem"] = problem }
    if let done { values["done"] = done }
    return values
  }

  private func rerender(
    _ status: HTTPResponse.Status, problem: String, account: AccountRecord, period: Period, request: Request,
    context: WebContext
  ) async throws -> Response {
    let values = try await page(account: account, period: period, language: context.language, problem: problem)
    return pages.render("tasks", values, request: request, context: context, status: status)
  }

  private func report(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let period = try PageQuarter.parse(form["period"] ?? "", plan: plan)
    let org = OrgID(form["org"] ?? account.org.rawValue)
    guard let task = plan.tasks.first(where: { $0.id.rawValue == form["task"] }) else {
      throw HTTPError(.badRequest, message: "unknown task")
    }
    let rules = ReviewRules(plan: plan)
    if rules.reportTask(task, org: org, by: account.org, as: account.role) != nil { throw HTTPError(.forbidden) }
    let fields = [
      task.id.rawValue, org.rawValue, period.description, form["status"] ?? "", form["progress"] ?? "",
      form["text"] ?? "", form["evidence"] ?? "",
    ]
    let csv = FormRow.csv(columns: TaskReportImport.columns, fields: fields)
    let (reports, _, problems) = TaskReportImport(plan: plan, submitter: account.org, now: clock()).check(
      csv, file: "web form")
    guard !reports.isEmpty, problems.isEmpty else {
      return try await rerender(
        .unprocessableContent, problem: problems.map(\.message).joined(separator: " "), account: account,
        period: period, request: request, context: context)
    }
    do {
      _ = try await store.submitTaskReports(
        TaskReportSubmission(
          plan: plan.id, submitter: account.org, role: account.role, user: account.name,
          source: "web form (\(account.name))", time: clock(), reports: reports))
    } catch StoreError.refused(let refusal, _) {
      return try await rerender(
        .conflict, problem: refusal.text.text(in: context.language), account: account, period: period,
        request: request, context: context)
    }
    return Response(status: .seeOther, headers: [.location: "/tasks?period=\(period)&reported=1"])
  }

  private func review(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let period = try PageQuarter.parse(form["period"] ?? "", plan: plan)
    guard let task = plan.tasks.first(where: { $0.id.rawValue == form["task"] }),
      let decision = ReviewDecision(rawValue: form["decision"] ?? ""), let seen = Int(form["revision"] ?? "")
    else { throw HTTPError(.badRequest, message: "a review names a task, a decision and the revision seen") }
    let org = OrgID(form["org"] ?? "")
    if ReviewRules(plan: plan).reviewTask(task, org: org, by: account.org, as: account.role) != nil {
      throw HTTPError(.forbidden)
    }
    let moved: Int
    do {
      moved = try await store.reviewTaskReports(
        TaskReportReview(
          plan: plan.id, period: period, reports: [(task.id, org, seen)], decision: decision,
          comment: form["comment"].flatMap { $0.isEmpty ? nil : $0 }, reviewer: account.org, role: account.role,
          user: account.name, time: clock()))
    } catch StoreError.refused(let refusal, _) {
      let status: HTTPResponse.Status = refusal.kind == .notFound ? .notFound : .conflict
      return try await rerender(
        status, problem: refusal.text.text(in: context.language), account: account, period: period,
        request: request, context: context)
    }
    guard moved == 1 else {
      return try await rerender(
        .conflict, problem: PageText.catalog(context.language)["task_decided"] ?? "", account: account,
        period: period, request: request, context: context)
    }
    return Response(status: .seeOther, headers: [.location: "/tasks?period=\(period)&reviewed=1"])
  }
}
