import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The commission's assessment events in the web app (考核加减分、一票否决事项), one year at a time:
/// what the events file holds for bonuses, deductions and vetoes, entered and withdrawn here and
/// kept in the store, where the assessment counts them beside any file's.
///
/// - `GET /assessment/events?year=2024`: the year's events the account may read — the commission
///   and administrators every one, a district or bureau its own; viewers none (403) — with, for the
///   commission, a form to record one and, beside each that counts, one to withdraw it.
/// - `POST /assessment/events`: records an event, checked as a row of the events file is (the org
///   assessed, the category the scheme names for its kind, the points positive or set by the
///   category, a reason): 422 with the reason, nothing stored.
/// - `POST /assessment/events/withdraw`: withdraws an event with a reason; one withdrawn already
///   is 409, one that does not exist 404.
struct AssessmentEventPages: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.get("/assessment/events") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      let year = try year(request.uri.queryParameters["year"].map(String.init))
      let text = PageText.catalog(context.language)
      let query = request.uri.queryParameters
      let done =
        query["added"] != nil ? text["event_added"] : query["withdrawn"] != nil ? text["event_withdrawn"] : nil
      let values = try await page(account: account, year: year, language: context.language, done: done)
      return pages.render("assessment-events", values, request: request, context: context)
    }
    router.post("/assessment/events") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      return try await record(form, account: account, request: request, context: context)
    }
    router.post("/assessment/events/withdraw") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: [.commission])
      let form = try await FormBody.read(&request)
      return try await withdraw(form, account: account, request: request, context: context)
    }
  }

  /// The year asked for, one of the plan's (400 otherwise); the last that has begun by default.
  private func year(_ text: String?) throws -> Int {
    let plan = workspace.plan
    guard let text else { return PageQuarter.current(plan: plan, now: clock()).year }
    guard let year = Int(text), plan.years.contains(year) else {
      throw HTTPError(.badRequest, message: "not a year of the plan")
    }
    return year
  }

  /// The events among `records` that `account` may read: the commission and administrators every
  /// one, a district or bureau its own org's.
  static func readable(_ records: [AssessmentEventRecord], account: AccountRecord) -> [AssessmentEventRecord] {
    switch account.role {
    case .commission, .admin: records
    case .district, .bureau: records.filter { $0.entry.org == account.org }
    case .viewer: []
    }
  }

  private func page(
    account: AccountRecord, year: Int, language: Language, problem: String? = nil, done: String? = nil
  ) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let scheme = workspace.scheme
    func name(_ org: OrgID) -> String { plan.org(org)?.name.text(in: language) ?? org.rawValue }
    func category(_ entry: AssessmentEventEntry) -> String {
      guard let id = entry.category else { return "" }
      let section = plan.org(entry.org).flatMap { scheme?.section(for: $0.kind) }
      let categories: [AssessmentEventCategory] =
        switch entry.kind {
        case .bonus: section?.bonus?.categories ?? []
        case .deduction: section?.deduction?.categories ?? []
        case .veto: section?.veto?.categories ?? []
        }
      return categories.first { $0.id == id }?.name.text(in: language) ?? id
    }
    let records = Self.readable(try await store.assessmentEvents(plan: plan.id, year: year), account: account)
    let commission = account.role == .commission
    var values: [String: Any] = [
      "title": text["assessment_events"] ?? "",
      "year": year,
      "years": plan.years.map { ["value": $0, "current": $0 == year] },
      "events": records.map { record -> [String: Any] in
        var row: [String: Any] = [
          "id": record.id, "kind": record.entry.kind.name.text(in: language), "kind_id": record.entry.kind.rawValue,
          "org": name(record.entry.org), "category": category(record.entry),
          "points": record.entry.points.map { "\($0)" } ?? "", "reason": record.entry.reason,
          "entered": "\(name(record.enteredBy)) \(plan.monitoringSettings.day(of: record.enteredAt))",
        ]
        if let withdrawn = record.withdrawnAt {
          row["withdrawn"] =
            "\(plan.monitoringSettings.day(of: withdrawn)) \(record.withdrawalReason ?? "")"
        } else if commission {
          row["withdrawable"] = true
        }
        return row
      },
    ]
    if commission, let scheme {
      let assessed = plan.orgs.filter { scheme.section(for: $0.kind) != nil }
      var categories: [[String: Any]] = []
      for section in scheme.sections {
        let groups: [(AssessmentEventEntry.Kind, [AssessmentEventCategory])] = [
          (.bonus, section.bonus?.categories ?? []), (.deduction, section.deduction?.categories ?? []),
          (.veto, section.veto?.categories ?? []),
        ]
        for (kind, list) in groups {
          for item in list where !categories.contains(where: { ($0["id"] as? String) == item.id }) {
            categories.append([
              "id": item.id,
              "label": "\(kind.name.text(in: language))：\(item.name.text(in: language))"
                + (item.points.map { "（\($0)）" } ?? ""),
            ])
          }
        }
      }
      values["recording"] = [
        "kinds": AssessmentEventEntry.Kind.allCases.map {
          ["value": $0.rawValue, "label": $0.name.text(in: language)]
        },
        "orgs": assessed.map { ["id": $0.id.rawValue, "name": $0.name.text(in: language)] },
        "categories": categories,
      ]
    }
    if let problem { values["problem"] = problem }
    if let done { values["done"] = done }
    return values
  }

  private func rerender(
    _ status: HTTPResponse.Status, problem: String, account: AccountRecord, year: Int, request: Request,
    context: WebContext
  ) async throws -> Response {
    let values = try await page(account: account, year: year, language: context.language, problem: problem)
    return pages.render("assessment-events", values, request: request, context: context, status: status)
  }

  private func record(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let year = try year(form["year"])
    guard let scheme = workspace.scheme else { throw HTTPError(.notFound, message: "no assessment scheme") }
    guard let kind = AssessmentEventEntry.Kind(rawValue: form["kind"] ?? "") else {
      throw HTTPError(.badRequest, message: "kind is bonus, deduction or veto")
    }
    let pointsText = (form["points"] ?? "").trimmingCharacters(in: .whitespaces)
    var points: Decimal?
    if !pointsText.isEmpty, kind != .veto {
      guard let value = Decimal(string: pointsText, locale: nil), !value.isNaN,
        pointsText.allSatisfy({ $0.isNumber || $0 == "." })
      else {
        return try await rerender(
          .unprocessableContent, problem: "'\(pointsText)' is not a number of points.", account: account, year: year,
          request: request, context: context)
      }
      points = value
    }
    let category = (form["category"] ?? "").isEmpty ? nil : form["category"]
    let entry = AssessmentEventEntry(
      kind: kind, org: OrgID(form["org"] ?? ""), category: category, points: points, reason: form["reason"] ?? "")
    switch AssessmentEvents.check(entry, plan: plan, scheme: scheme) {
    case .failure(let errors):
      return try await rerender(
        .unprocessableContent, problem: errors.errors.map(\.message).joined(separator: " "), account: account,
        year: year, request: request, context: context)
    case .success(let checked):
      _ = try await store.addAssessmentEvent(
        plan: plan.id, year: year, entry: checked, by: account.org, role: account.role, user: account.name,
        at: clock())
      return Response(status: .seeOther, headers: [.location: "/assessment/events?year=\(year)&added=1"])
    }
  }

  private func withdraw(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let year = try year(form["year"])
    guard let id = Int(form["id"] ?? "") else { throw HTTPError(.badRequest, message: "an event's number") }
    let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else {
      return try await rerender(
        .unprocessableContent, problem: PageText.catalog(context.language)["event_withdraw_reason"] ?? "",
        account: account, year: year, request: request, context: context)
    }
    do {
      _ = try await store.withdrawAssessmentEvent(
        plan: workspace.plan.id, id: id, reason: reason, by: account.org, user: account.name, at: clock())
    } catch StoreError.refused(let refusal, _) {
      return try await rerender(
        refusal.kind == .notFound ? .notFound : .conflict, problem: refusal.text.text(in: context.language),
        account: account, year: year, request: request, context: context)
    }
    return Response(status: .seeOther, headers: [.location: "/assessment/events?year=\(year)&withdrawn=1"])
  }
}
