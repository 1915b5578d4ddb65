import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The review queue (审核): `GET /review?period=2025Q1` lists the submitted figures of the quarter
/// that the account may review — a bureau the figures of the indicators it owns, never its own;
/// the commission the bureaus' city figures — one form per org and period, with the year-to-date
/// target, the same period last year and the reporter's note beside each value.
///
/// `POST /review` approves or returns the ticked figures of one org (a return needs a comment).
/// Each box carries the revision the reviewer saw: a figure revised since the page was opened is
/// a conflict (409) and nothing is decided, never an approval of a value nobody looked at.
struct ReviewQueue: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let standing: Standing
  let clock: @Sendable () -> Date

  static let roles: Set<Role> = [.bureau, .commission]

  func add(to router: Router<WebContext>) {
    router.get("/review") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      let account = try PageAccess.account(context, roles: Self.roles)
      let period = try PageQuarter.parse(request, plan: workspace.plan, now: clock())
      var values = try await queue(account: account, period: period, language: context.language)
      if let done = request.uri.queryParameters["done"], let count = Int(String(done)) {
        values["done"] = (PageText.catalog(context.language)["reviewed_count"] ?? "{n}")
          .replacingOccurrences(of: "{n}", with: "\(count)")
      }
      return pages.render("review", values, request: request, context: context)
    }
    router.post("/review") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.roles)
      let form = try await FormBody.read(&request, upTo: context.maxUploadSize)
      return try await decide(form, account: account, request: request, context: context)
    }
  }

  /// The figures of `period` that `account` may review, grouped by org and period.
  func queue(account: AccountRecord, period: Period, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let book = try await standing.book()
    let rules = ReviewRules(plan: plan)
    let text = PageText.catalog(language)
    let periods = period.quarter == 4 ? [period, .year(period.year)] : [period]
    let order = Dictionary(uniqueKeysWithValues: plan.indicators.enumerated().map { ($1.id, $0) })
    var groups: [[String: Any]] = []
    for figurePeriod in periods {
      let submitted = try await store.observations(plan: plan.id, indicator: nil, org: nil, period: figurePeriod)
        .filter { $0.status == .submitted }
      let earlier =
        figurePeriod.quarter.map { Period.quarter($0, of: figurePeriod.year - 1) } ?? .year(figurePeriod.year - 1)
      let lastYear = try await store.observations(plan: plan.id, indicator: nil, org: nil, period: earlier)
      let previous = Dictionary(
        lastYear.map { ("\($0.indicator)|\($0.org)", $0.value) }, uniquingKeysWith: { a, _ in a })
      for org in plan.orgs {
        let reviewable = Set(rules.reviewable(org: org.id, by: account.org, as: account.role))
        let figures = submitted.filter { $0.org == org.id && reviewable.contains($0.indicator) }
        guard !figures.isEmpty else { continue }
        groups.append([
          "org": org.id.rawValue, "org_name": org.name.text(in: language), "period": figurePeriod.description,
          "form_id": "review-\(org.id)-\(figurePeriod)".replacingOccurrences(of: ".", with: "-"),
          "figures": figures.sorted { order[$0.indicator, default: 0] < order[$1.indicator, default: 0] }.map {
            record -> [String: Any] in
            let indicator = plan.indicator(record.indicator)
            return [
              "indicator": record.indicator.rawValue,
              "name": indicator?.name.text(in: language) ?? record.indicator.rawValue,
              "unit": indicator?.unit ?? "", "value": "\(record.value)", "revision": record.revision,
              "target": PageNumber.text(book.target(record.indicator, org.id, figurePeriod)?.value),
              "last_year": PageNumber.text(previous["\(record.indicator)|\(org.id)"]),
              "note": record.note ?? "", "changed_after_approval": record.changedAfterApproval,
              "history": "/figure?indicator=\(record.indicator)&org=\(org.id)&period=\(figurePeriod)",
            ]
          },
        ])
      }
    }
    return [
      "title": text["review"] ?? "", "live": "notice", "period": period.description,
      "period_label": language == .zh ? period.zh : period.description,
      "periods": PageQuarter.choices(plan: plan, current: period, language: language), "groups": groups,
    ]
  }

  /// Approves or returns the ticked figures of one org's period.
  func decide(_ form: FormBody, account: AccountRecord, request: Request, context: WebContext) async throws -> Response
  {
    let plan = workspace.plan
    let text = PageText.catalog(context.language)
    guard let org = form["org"].map({ OrgID($0) }), plan.org(org) != nil,
      let figurePeriod = form["period"].flatMap(PeriodText.parse), plan.years.contains(figurePeriod.year),
      let decision = form["decision"].flatMap({ ReviewDecision(rawValue: $0) })
    else { throw HTTPError(.badRequest, message: "give org, period and decision") }
    let quarter = figurePeriod.quarter == nil ? Period.quarter(4, of: figurePeriod.year) : figurePeriod
    let rules = ReviewRules(plan: plan)
    let reviewable = Set(rules.reviewable(org: org, by: account.org, as: account.role))
    guard !reviewable.isEmpty else { throw HTTPError(.forbidden) }
    var seen: [IndicatorID: Int] = [:]
    for value in form.values("figure") {
      let parts = value.split(separator: "@", maxSplits: 1)
      guard parts.count == 2, let revision = Int(parts[1]) else { throw HTTPError(.badRequest) }
      let indicator = IndicatorID(String(parts[0]))
      // Ticking a figure the account may not review is refused whole, not skipped.
      guard reviewable.contains(indicator) else { throw HTTPError(.forbidden) }
      seen[indicator] = revision
    }
    func again(_ status: HTTPResponse.Status, _ problem: String) async throws -> Response {
      var values = try await queue(account: account, period: quarter, language: context.language)
      values["problem"] = problem
      return pages.render("review", values, request: request, context: context, status: status)
    }
    guard !seen.isEmpty else { return try await again(.unprocessableContent, text["tick_figures"] ?? "") }
    let comment = form["comment"]?.trimmingCharacters(in: .whitespacesAndNewlines)
    do {
      let moved = try await store.review(
        plan: plan.id, org: org, period: figurePeriod, indicators: Array(seen.keys), decision: decision,
        comment: comment?.isEmpty == true ? nil : comment, seen: seen, by: account.org, role: account.role,
        user: account.name, at: clock())
      if moved > 0 { events.publish(FigureEvent(.review, org: org, period: figurePeriod)) }
      return SignIn.redirect(to: "/review?period=\(quarter)&done=\(moved)")
    } catch StoreError.refused(let refusal, _) {
      return try await again(
        refusal.kind == .conflict ? .conflict : .forbidden, refusal.text.text(in: context.language))
    }
  }
}
