import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// Change requests (变更申请): the only way an approved figure, or one in a locked period, changes.
///
/// - `GET /changes/new?indicator=&period=` (the figure's reporter: a district, a bureau): the
///   figure as it stands and a form for the new value, its note and the reason.
/// - `POST /changes`: files it, after the import's checks of the value (422 beside the input) and
///   the workflow's rules (409: the figure is neither approved nor locked, a same request is
///   pending, no reason).
/// - `GET /changes?state=`: the requests — the commission and administrators see every org's,
///   anyone else its own org's — pending first, with the value now and the value asked for.
/// - `POST /changes/decide` (the commission): accepts (the figure takes the value and goes back
///   to submitted, to be reviewed again) or rejects with a comment; a request decided already,
///   or a figure changed since it was filed, is a conflict (409).
struct ChangeRequests: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let clock: @Sendable () -> Date

  static let filers: Set<Role> = [.district, .bureau]

  func add(to router: Router<WebContext>) {
    router.get("/changes/new") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      let account = try PageAccess.account(context, roles: Self.filers)
      let (indicator, period) = try figure(
        request.uri.queryParameters["indicator"], request.uri.queryParameters["period"])
      let values = try await filing(indicator: indicator, period: period, account: account, context: context)
      return pages.render("change", values, request: request, context: context)
    }
    router.post("/changes") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.filers)
      let form = try await FormBody.read(&request)
      let (indicator, period) = try figure(
        form["indicator"].map { Substring($0) }, form["period"].map { Substring($0) })
      return try await file(
        form, indicator: indicator, period: period, account: account, request: request, context: context)
    }
    router.get("/changes") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      let state = try request.uri.queryParameters["state"].flatMap { text -> ChangeRequest.State? in
        guard !text.isEmpty else { return nil }
        guard let state = ChangeRequest.State(rawValue: String(text)) else {
          throw HTTPError(.badRequest, message: "unknown state")
        }
        return state
      }
      var values = try await list(account: account, state: state, language: context.language)
      let text = PageText.catalog(context.language)
      if let id = request.uri.queryParameters["filed"].flatMap({ Int(String($0)) }) {
        values["done"] = (text["change_filed"] ?? "{n}").replacingOccurrences(of: "{n}", with: "\(id)")
      }
      if let id = request.uri.queryParameters["decided"].flatMap({ Int(String($0)) }) {
        values["done"] = (text["change_decided"] ?? "{n}").replacingOccurrences(of: "{n}", with: "\(id)")
      }
      return pages.render("changes", values, request: request, context: context)
    }
    router.post("/changes/decide") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      guard let id = form["id"].flatMap({ Int($0) }),
        let decision = form["decision"].flatMap(ChangeRequest.Decision.init)
      else { throw HTTPError(.badRequest, message: "give id and decision") }
      let plan = workspace.plan
      if let refusal = ReviewRules(plan: plan).decideChange(by: account.org, as: account.role) {
        throw HTTPError(.forbidden, message: refusal.text.en)
      }
      let comment = form["comment"]?.trimmingCharacters(in: .whitespacesAndNewlines)
      do {
        let decided = try await store.decideChangeRequest(
          plan: plan.id, id: id, decision: decision, comment: comment?.isEmpty == true ? nil : comment,
          by: account.org, user: account.name, at: clock())
        if decided.state == .accepted { events.publish(FigureEvent(.submit, org: decided.org, period: decided.period)) }
        return SignIn.redirect(to: "/changes?decided=\(id)")
      } catch StoreError.refused(let refusal, _) {
        var values = try await list(account: account, state: nil, language: context.language)
        values["problem"] = refusal.text.text(in: context.language)
        let status: HTTPResponse.Status =
          switch refusal.kind {
          case .conflict: .conflict
          case .forbidden: .forbidden
          case .notFound: .notFound
          }
        return pages.render("changes", values, request: request, context: context, status: status)
      }
    }
  }

  /// The indicator and period named, when both are the plan's (400 otherwise).
  func figure(_ indicator: Substring?, _ period: Substring?) throws -> (Indicator, Period) {
    guard let id = indicator.map({ IndicatorID(String($0)) }), let found = workspace.plan.indicator(id),
      let period = period.flatMap({ PeriodText.parse(String($0)) }), workspace.plan.years.contains(period.year)
    else { throw HTTPError(.badRequest, message: "give an indicator and a period of the plan") }
    return (found, period)
  }

  /// The filing form's values for the account's figure.
  func filing(
    indicator: Indicator, period: Period, account: AccountRecord, context: WebContext
  ) async throws -> [String: Any] {
    let plan = workspace.plan
    let language = context.language
    let text = PageText.catalog(language)
    if let refusal = ReviewRules(plan: plan).report(indicator.id, org: account.org, by: account.org, as: account.role) {
      throw HTTPError(.forbidden, message: refusal.text.en)
    }
    let current = try await store.observations(plan: plan.id, indicator: indicator.id, org: account.org, period: period)
      .first
    let locked = try await store.isLocked(plan: plan.id, org: account.org, period: period)
    return [
      "title": text["request_change"] ?? "", "indicator": indicator.id.rawValue,
      "name": indicator.name.text(in: language), "unit": indicator.unit ?? "", "period": period.description,
      "current": PageNumber.text(current?.value), "state": FigureState(current?.status, locked: locked).view(text),
      "value": "", "note": current?.note ?? "", "reason": "",
    ]
  }

  /// Files the form's change request, or shows the form again with what is wrong.
  func file(
    _ form: FormBody, indicator: Indicator, period: Period, account: AccountRecord, request: Request,
    context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let language = context.language
    var values = try await filing(indicator: indicator, period: period, account: account, context: context)
    let value = form["value"]?.trimmingCharacters(in: .whitespaces) ?? ""
    let note = form["note"]?.trimmingCharacters(in: .whitespaces) ?? ""
    let reason = form["reason"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    values["value"] = value
    values["note"] = note
    values["reason"] = reason
    let (checked, diagnostics) = try await FormRows.check(
      [FormRows.Row(indicator: indicator.id, org: account.org, period: period, value: value, note: note)],
      workspace: workspace, store: store)
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty, case .observations(let rows) = checked, let row = rows.first else {
      values["error"] = errors.map(\.message).joined(separator: " ")
      return pages.render("change", values, request: request, context: context, status: .unprocessableContent)
    }
    do {
      let filed = try await store.fileChangeRequest(
        ChangeRequestFiling(
          plan: plan.id, indicator: indicator.id, org: account.org, period: row.period, value: row.value,
          note: row.note, reason: reason, filer: account.org, role: account.role, user: account.name, source: "form",
          time: clock()))
      return SignIn.redirect(to: "/changes?filed=\(filed.id)")
    } catch StoreError.refused(let refusal, _) {
      values["problem"] = refusal.text.text(in: language)
      return pages.render(
        "change", values, request: request, context: context,
        status: refusal.kind == .forbidden ? .forbidden : .conflict)
    }
  }

  /// The requests the account may see, pending first, newest first within each state.
  func list(account: AccountRecord, state: ChangeRequest.State?, language: Language) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let everyone = account.role == .commission || account.role == .admin
    let requests = try await store.changeRequests(plan: plan.id, org: everyone ? nil : account.org, state: state)
    var current: [String: ObservationRecord] = [:]
    for org in Set(requests.map(\.org)) {
      for record in try await store.observations(plan: plan.id, indicator: nil, org: org, period: nil) {
        current["\(record.indicator)|\(record.org)|\(record.period)"] = record
      }
    }
    let order: [ChangeRequest.State] = [.pending, .accepted, .rejected]
    let sorted = requests.sorted {
      (order.firstIndex(of: $0.state)!, -$0.id) < (order.firstIndex(of: $1.state)!, -$1.id)
    }
    return [
      "title": text["changes"] ?? "", "can_decide": account.role == .commission,
      "states": ChangeRequest.State.allCases.map {
        ["state": $0.rawValue, "label": text["change_\($0.rawValue)"] ?? $0.rawValue, "selected": $0 == state]
      },
      "requests": sorted.map { request -> [String: Any] in
        let now = current["\(request.indicator)|\(request.org)|\(request.period)"]
        return [
          "id": request.id, "indicator": request.indicator.rawValue,
          "name": plan.indicator(request.indicator)?.name.text(in: language) ?? request.indicator.rawValue,
          "org": plan.org(request.org)?.name.text(in: language) ?? request.org.rawValue,
          "period": request.period.description, "current": PageNumber.text(now?.value), "value": "\(request.value)",
          "note": request.note ?? "", "reason": request.reason, "state": request.state.rawValue,
          "state_label": text["change_\(request.state.rawValue)"] ?? request.state.rawValue,
          "pending": request.state == .pending, "filed_at": FigurePages.time(request.filedAt),
          "filed_by": request.filedUser ?? request.filedBy.rawValue, "comment": request.decisionComment ?? "",
        ]
      },
    ]
  }
}
