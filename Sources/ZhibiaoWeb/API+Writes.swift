import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The JSON API's writes, under the same review rules as the command line.
///
/// - `POST /api/v1/submissions?dry_run=true|false`, a `text/csv` body in the import format: 201
///   with the counts (200 for a dry run, nothing written); 422 with `{"errors":[{"line","message"}]}`
///   when the file has mistakes; 403 with the lines when it holds rows the account may not report;
///   409 when a row would change a locked period or an approved figure without a reason. Nothing
///   is written unless everything passes.
/// - `POST /api/v1/reviews` `{"org","period","decision":"approve"|"return","comment"}`: the
///   account's org reviews the submitted figures it may review; 403 when it may review none.
/// - `POST /api/v1/locks` `{"period","org"?}`: the commission locks an org's period, or every
///   org's; 403 for anyone else.
struct APIWrites: Sendable {
  let workspace: Workspace
  let store: any Store
  let events: LiveEvents
  let clock: @Sendable () -> Date

  func add(to router: Router<WebContext>) {
    router.post("/api/v1/submissions") { request, context -> Response in
      var request = request
      let account = try API.account(context)
      let text = String(buffer: try await request.collectBody(upTo: context.maxUploadSize))
      let dryRun = request.uri.queryParameters["dry_run"] == "true"
      return try await submit(text, dryRun: dryRun, account: account)
    }
    router.post("/api/v1/reviews") { request, context -> Response in
      var request = request
      let account = try API.account(context)
      let body = try JSONBody.object(try await request.collectBody(upTo: 65_536))
      return try await review(body, account: account)
    }
    router.post("/api/v1/locks") { request, context -> Response in
      var request = request
      let account = try API.account(context)
      let body = try JSONBody.object(try await request.collectBody(upTo: 65_536))
      return try await lock(body, account: account)
    }
  }

  func submit(_ text: String, dryRun: Bool, account: AccountRecord) async throws -> Response {
    let plan = workspace.plan
    let rules = ReviewRules(plan: plan)
    if let refusal = rules.actor(account.org, as: account.role) { return Self.refused(refusal) }
    let file = "submission.csv"
    // The plan's checks with the commission's reach; what the account may report is the rules'.
    let (checked, diagnostics) = try await ImportFile.check(
      text, file: file, plan: plan, submitter: plan.commission, store: store)
    let refusals = checked.refusals(file: file, plan: plan, submitter: account.org, role: account.role, language: .en)
    if !refusals.isEmpty { return Self.errors(.forbidden, refusals) }
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { return Self.errors(.unprocessableContent, errors) }
    if dryRun {
      return JSONBody.response(status: .ok, ["dry_run": true, "rows": checked.count])
    }
    do {
      let result = try await checked.submit(
        to: store, plan: plan, submitter: account.org, role: account.role, user: account.name, source: "api")
      if case .observations(let rows) = checked { events.publish(.submit, rows.map { ($0.org, $0.period) }) }
      return JSONBody.response(
        status: .created,
        [
          "added": result.added, "revised": result.revised, "unchanged": result.unchanged,
          // No submission changes an approved figure any more (that takes a change request); the
          // field stays, since the API's fields are never removed.
          "changed_after_approval": 0,
        ])
    } catch StoreError.refused(let refusal, let rows) {
      return Self.errors(
        refusal.kind == .conflict ? .conflict : .forbidden,
        rows.map { Diagnostic(.error, at: SourceLocation(file: file, line: $0, column: 1), refusal.text.en) })
    }
  }

  func review(_ body: [String: Any], account: AccountRecord) async throws -> Response {
    let plan = workspace.plan
    let rules = ReviewRules(plan: plan)
    guard let org = (body["org"] as? String).map({ OrgID($0) }), plan.org(org) != nil,
      let period = (body["period"] as? String).flatMap(PeriodText.parse),
      let decision = (body["decision"] as? String).flatMap({ ReviewDecision(rawValue: $0) })
    else { throw HTTPError(.badRequest, message: "give org, period and decision") }
    if let refusal = rules.actor(account.org, as: account.role) { return Self.refused(refusal) }
    let indicators = rules.reviewable(org: org, by: account.org, as: account.role)
    guard !indicators.isEmpty else { throw HTTPError(.forbidden) }
    do {
      let moved = try await store.review(
        plan: plan.id, org: org, period: period, indicators: indicators, decision: decision,
        comment: body["comment"] as? String, seen: try Self.seenRevisions(body), by: account.org, role: account.role,
        user: account.name, at: clock())
      if moved > 0 { events.publish(FigureEvent(.review, org: org, period: period)) }
      return JSONBody.response(status: .ok, ["reviewed": moved])
    } catch StoreError.refused(let refusal, _) {
      return Self.refused(refusal)
    }
  }

  /// The revisions the reviewer saw, `"revisions": {"INDICATOR": N, …}`: a figure revised since
  /// then makes the decision a conflict (409) instead of approving a value nobody looked at.
  static func seenRevisions(_ body: [String: Any]) throws -> [IndicatorID: Int] {
    guard let given = body["revisions"] else { return [:] }
    guard let revisions = given as? [String: Any] else {
      throw HTTPError(.badRequest, message: "revisions is an object of indicator ids and revision numbers")
    }
    return try Dictionary(
      uniqueKeysWithValues: revisions.map { indicator, number in
        guard let number = number as? Int, number >= 1 else {
          throw HTTPError(.badRequest, message: "the revision of \(indicator) is a whole number from 1")
        }
        return (IndicatorID(indicator), number)
      })
  }

  func lock(_ body: [String: Any], account: AccountRecord) async throws -> Response {
    let plan = workspace.plan
    let rules = ReviewRules(plan: plan)
    guard let period = (body["period"] as? String).flatMap(PeriodText.parse), plan.years.contains(period.year)
    else { throw HTTPError(.badRequest, message: "give a period of the plan") }
    if let refusal = rules.actor(account.org, as: account.role) ?? rules.lock(by: account.org, as: account.role) {
      return Self.refused(refusal)
    }
    let orgs: [OrgID]
    if let text = body["org"] as? String {
      guard plan.org(OrgID(text)) != nil else { throw HTTPError(.badRequest, message: "unknown org") }
      orgs = [OrgID(text)]
    } else {
      orgs = plan.orgs.map(\.id)
    }
    var locked = 0
    for org in orgs
    where try await store.lock(
      plan: plan.id, org: org, period: period, by: account.org, user: account.name, at: clock())
    {
      locked += 1
      events.publish(FigureEvent(.lock, org: org, period: period))
    }
    return JSONBody.response(status: .ok, ["locked": locked])
  }

  /// A refusal of the rules: 403 or 409, with its sentence.
  static func refused(_ refusal: ReviewRefusal) -> Response {
    JSONBody.response(
      status: refusal.kind == .conflict ? .conflict : .forbidden, ["errors": [["message": refusal.text.en]]])
  }

  /// Located errors as `{"errors":[{"line":…,"message":…}]}`.
  static func errors(_ status: HTTPResponse.Status, _ diagnostics: [Diagnostic]) -> Response {
    JSONBody.response(
      status: status,
      ["errors": diagnostics.map { ["line": $0.location.line, "message": $0.message] as [String: Any] }])
  }
}
