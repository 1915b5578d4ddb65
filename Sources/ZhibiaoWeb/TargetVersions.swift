import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// Issued target versions (下达的目标版本), as `zhibiao targets` shows and issues them:
///
/// - `GET /targets` (every signed-in account): every version — its number, year, document
///   number, date, whether it is in force or superseded, how many targets it holds, its SHA-256,
///   the reason of an adjustment — and, for each year in force, whether the configuration now
///   differs from it. The commission also finds the form that issues a year's targets.
/// - `POST /targets` (the commission only; 403 for anyone else): issues the configuration's
///   targets of `year` under the document number `document`, dated `date` (today when empty),
///   with `reason` for an adjustment. A form that cannot be issued as filled (no document number,
///   a date that is no day, a year without targets) is 422; a refusal of the versions issued
///   before (a year issued needs a reason, an adjustment that changes nothing, a document number
///   used already, a first issue with a reason) is 409; both show the command line's refusal text.
/// - `GET /targets/show?version=N[&org=]`: the version's targets; a district sees only its own
///   org's (another org asked for is 403).
/// - `GET /targets/diff?from=N&to=M`: what changed, per indicator, org and period, as the command
///   line's `targets diff`; either side may be `config`, the targets the configuration decomposes
///   now for the version's year. A district sees only its own org's changes.
struct TargetVersions: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let standing: Standing
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.get("/targets") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      var values = try await list(account: account, language: context.language)
      if let version = request.uri.queryParameters["issued"].flatMap({ Int(String($0)) }) {
        values["done"] = (PageText.catalog(context.language)["targets_issued_done"] ?? "{n}")
          .replacingOccurrences(of: "{n}", with: "\(version)")
      }
      return pages.render("targets", values, request: request, context: context)
    }
    router.post("/targets") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      return try await issue(form, account: account, request: request, context: context)
    }
    router.get("/targets/show") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let values = try await show(request, account: account, language: context.language)
      return pages.render("target-version", values, request: request, context: context)
    }
    router.get("/targets/diff") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let values = try await diff(request, account: account, language: context.language)
      return pages.render("target-diff", values, request: request, context: context)
    }
  }

  /// The year's version in force: the latest issued of each year.
  static func inForce(_ issues: [TargetIssue]) -> [Int: Int] {
    var latest: [Int: Int] = [:]
    for issue in issues { latest[issue.year] = max(latest[issue.year] ?? 0, issue.version) }
    return latest
  }

  /// The list's values, and the issue form's for the commission.
  func list(account: AccountRecord, language: Language, year chosen: Int? = nil) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let issues = try await store.targetIssues(plan: plan.id)
    let latest = Self.inForce(issues)
    let configured = workspace.configuredBook
    let versions = issues.reversed().map { issue -> [String: Any] in
      let current = latest[issue.year] == issue.version
      let earlier = issues.last { $0.year == issue.year && $0.version < issue.version }
      var row: [String: Any] = [
        "version": issue.version, "year": issue.year, "document": issue.document, "issued_on": issue.issuedOn,
        "in_force": current, "state": text[current ? "targets_in_force" : "targets_superseded"] ?? "",
        "count": issue.entryCount, "hash": issue.hash, "hash_short": String(issue.hash.prefix(12)),
        "reason": issue.reason ?? "",
        "issued_by": issue.issuedUser ?? plan.org(issue.issuedBy)?.name.text(in: language) ?? issue.issuedBy.rawValue,
      ]
      if let earlier { row["previous"] = earlier.version }
      if current {
        let now = TargetIssue.hash(plan: plan.id, year: issue.year, entries: configured.entries(year: issue.year))
        row["config_differs"] = now != issue.hash
      }
      return row
    }
    // The year to issue next, unless the form chose one: the one after the last quarter ended.
    let next = PageQuarter.current(plan: plan, now: clock()).year + 1
    let year = chosen ?? min(max(next, plan.years.lowerBound), plan.years.upperBound - 1)
    return [
      "title": text["issued_targets"] ?? "", "versions": versions, "can_issue": account.role == .commission,
      "years": plan.years.map { ["year": $0, "selected": $0 == year, "issued": latest[$0] != nil] as [String: Any] },
      "form": ["document": "", "date": plan.monitoringSettings.day(of: clock()), "reason": ""],
      "downloads": plan.years.map { ["year": $0] },
    ]
  }

  /// Issues the form's year, or shows the list again with why it cannot be.
  func issue(_ form: FormBody, account: AccountRecord, request: Request, context: WebContext) async throws -> Response {
    let plan = workspace.plan
    let language = context.language
    let text = PageText.catalog(language)
    let document = form["document"] ?? ""
    let day = (form["date"] ?? "").trimmingCharacters(in: .whitespaces)
    let reason = form["reason"] ?? ""
    func refused(_ problem: String, _ status: HTTPResponse.Status) async throws -> Response {
      var values = try await list(account: account, language: language, year: form["year"].flatMap { Int($0) })
      values["problem"] = problem
      values["form"] = ["document": document, "date": day, "reason": reason]
      return pages.render("targets", values, request: request, context: context, status: status)
    }
    guard let year = form["year"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), plan.years.contains(year)
    else {
      return try await refused(text["targets_year_invalid"] ?? "", .unprocessableContent)
    }
    let filing = TargetIssueFiling(
      plan: plan.id, year: year, document: document,
      issuedOn: day.isEmpty ? plan.monitoringSettings.day(of: clock()) : day,
      reason: reason, entries: workspace.configuredBook.entries(year: year), by: account.org, role: account.role,
      user: account.name, at: clock())
    // What the form itself gets wrong, whatever was issued before, is a form to correct (422); a
    // refusal of the versions issued before is a conflict (409).
    var alone = filing
    alone.reason = nil
    if let refusal = alone.check(against: []) {
      return try await refused(refusal.text.text(in: language), .unprocessableContent)
    }
    do {
      let issued = try await store.issueTargets(filing)
      // Every open page measures against the new version from now on.
      events.publish(FigureEvent(.targets, org: FigureEvent.everyOrg, period: .year(issued.year)))
      return SignIn.redirect(to: "/targets?issued=\(issued.version)")
    } catch StoreError.refused(let refusal, _) {
      return try await refused(
        refusal.text.text(in: language), refusal.kind == .forbidden ? .forbidden : .conflict)
    }
  }
}
