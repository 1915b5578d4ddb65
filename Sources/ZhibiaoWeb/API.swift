import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The JSON API's reads, scoped on the server by the account's org and role.
///
/// `GET /api/v1/targets?org=&period=` — the target book's entries (every signed-in account).
/// `GET /api/v1/observations?org=&period=&indicator=` — the reported figures the account may
/// read (`ReviewRules.read`): asking for another org's figures that the account may not read is
/// 403 when none of them is readable, never an empty answer that hides the refusal. Numbers are
/// exact decimal strings, as stored.
struct API: Sendable {
  let workspace: Workspace
  let store: any Store
  let standing: Standing

  func add(to router: Router<WebContext>) {
    router.get("/api/v1/targets") { request, context -> Response in
      _ = try Self.account(context)
      let query = try Query(request, plan: workspace.plan)
      let entries = try await standing.book().entries(indicator: query.indicator, org: query.org).filter { entry in
        query.period.map { entry.period == $0 } ?? true
      }
      return try Self.json(
        entries.map { entry in
          [
            "indicator": entry.indicator.rawValue, "org": entry.org.rawValue, "period": entry.period.description,
            "target": entry.value.map { "\($0)" } ?? NSNull(), "comparator": entry.comparator?.rawValue ?? NSNull(),
            "measure": entry.measure.rawValue,
          ] as [String: Any]
        })
    }
    router.get("/api/v1/observations") { request, context -> Response in
      let account = try Self.account(context)
      let query = try Query(request, plan: workspace.plan)
      let rules = ReviewRules(plan: workspace.plan)
      let records = try await store.observations(
        plan: workspace.plan.id, indicator: query.indicator, org: query.org, period: query.period)
      let readable = try await ReadScope.observations(records, plan: workspace.plan, store: store, account: account)
      if let org = query.org, readable.isEmpty, !records.isEmpty,
        !rules.readsAll(of: org, by: account.org, as: account.role)
      {
        throw HTTPError(.forbidden)
      }
      return try Self.json(
        readable.map { record in
          [
            "indicator": record.indicator.rawValue, "org": record.org.rawValue, "period": record.period.description,
            "value": "\(record.value)", "status": record.status.rawValue, "revision": record.revision,
            "note": record.note ?? NSNull(),
          ] as [String: Any]
        })
    }
  }

  /// `GET /api/v1/monitoring?period=` and `GET /api/v1/assessment?year=`.
  func addStanding(to router: Router<WebContext>) {
    router.get("/api/v1/monitoring") { request, context -> Response in
      let account = try Self.account(context)
      guard let text = request.uri.queryParameters["period"], let period = PeriodText.parse(String(text)),
        workspace.plan.years.contains(period.year)
      else { throw HTTPError(.badRequest, message: "give a period of the plan, e.g. period=2025Q2") }
      let everything = account.role == .commission || account.role == .admin
      let scope = everything ? "all" : "\(account.role.rawValue)|\(account.org)"
      // Kept as the bytes sent, which every response shares without copying.
      let body = try await standing.cached("monitoring.json|\(period)|\(scope)") {
        ByteBuffer(
          bytes: try JSONViews.monitoring(
            try await standing.readable(try await standing.monitoring(at: period), by: account), pretty: false))
      }
      return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }
    router.get("/api/v1/assessment") { request, context -> Response in
      let account = try Self.account(context)
      guard let text = request.uri.queryParameters["year"], let year = Int(String(text)),
        workspace.plan.years.contains(year)
      else { throw HTTPError(.badRequest, message: "give a year of the plan, e.g. year=2024") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      guard let assessment = try await standing.assessment(year: year) else { throw HTTPError(.notFound) }
      let cards = assessment.result.sections.flatMap(\.scorecards).filter { card in
        account.role == .commission || account.role == .admin || card.org == account.org
      }
      return try Self.json(JSONViews.scorecards(cards))
    }
  }

  /// An org's period, the unit a lock applies to.
  struct OrgPeriod: Hashable {
    var org: OrgID
    var period: Period
  }

  /// The signed-in account, or 401.
  static func account(_ context: WebContext) throws -> AccountRecord {
    guard let account = context.account else { throw HTTPError(.unauthorized) }
    return account
  }

  /// `rows` as a JSON array, keys sorted.
  static func json(_ rows: [[String: Any]]) throws -> Response {
    let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
    return Response(
      status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// The filters of a query: each must name something of the plan, or the request is 400.
  struct Query {
    var org: OrgID?
    var period: Period?
    var indicator: IndicatorID?

    init(_ request: Request, plan: Plan) throws {
      // An empty parameter (a form's "all" choice) filters nothing.
      let query = request.uri.queryParameters
      let parameter = { (name: String) in query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
      if let text = parameter("org") {
        guard plan.org(OrgID(text)) != nil else { throw HTTPError(.badRequest, message: "unknown org") }
        org = OrgID(text)
      }
      if let text = parameter("period") {
        guard let period = PeriodText.parse(text) else { throw HTTPError(.badRequest, message: "bad period") }
        self.period = period
      }
      if let text = parameter("indicator") {
        guard plan.indicator(IndicatorID(text)) != nil else {
          throw HTTPError(.badRequest, message: "unknown indicator")
        }
        indicator = IndicatorID(text)
      }
    }
  }
}
