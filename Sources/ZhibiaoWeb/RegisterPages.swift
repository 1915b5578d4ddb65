import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The registers (名录) in the web app: the entries counted indicators come from, kept by the
/// districts (their own entities) and the bureaus (the registers they keep), with the same checks
/// as a register file.
///
/// - `GET /registers`: the entries the account may read (`ReadScope.registers`), in force or
///   withdrawn, with a form to add an entry to a register the account keeps and, beside each entry
///   in force, one to record its withdrawal (撤销, 摘牌, 迁出).
/// - `POST /registers`: adds an entry; checked as `RegisterImport` checks a row (422 with the reason,
///   nothing stored); a name the register already holds is a conflict (409), since adding never
///   replaces an entry.
/// - `POST /registers/withdraw`: records the withdrawal of an entry in force; an entry that has
///   changed since the page showed it (withdrawn meanwhile, or its recognition day changed) is a
///   conflict (409), never a silent overwrite.
///
/// Districts write their own entities' entries, bureaus those of the registers they keep (their
/// domain's, or those counting an indicator they own), the commission any; administrators and
/// viewers write none.
struct RegisterPages: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let clock: @Sendable () -> Date

  static let writers: Set<Role> = [.district, .bureau, .commission]

  func add(to router: Router<WebContext>) {
    router.get("/registers") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      let text = PageText.catalog(context.language)
      let query = request.uri.queryParameters
      let done =
        query["added"] != nil ? text["register_added"] : query["withdrawn"] != nil ? text["register_withdrawn"] : nil
      let values = try await page(account: account, language: context.language, request: request, done: done)
      return pages.render("registers", values, request: request, context: context)
    }
    router.post("/registers") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.writers)
      let form = try await FormBody.read(&request)
      return try await addEntry(form, account: account, request: request, context: context)
    }
    router.post("/registers/withdraw") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.writers)
      let form = try await FormBody.read(&request)
      return try await withdraw(form, account: account, request: request, context: context)
    }
  }

  /// The registers `account` keeps entries of: a district those counting an indicator that applies
  /// to it, a bureau those of the domains it leads and those counting an indicator it owns, the
  /// commission every one.
  static func writable(_ plan: Plan, by account: AccountRecord) -> [Register] {
    switch account.role {
    case .commission: return plan.registers
    case .district: return plan.registers(reportedBy: account.org)
    case .bureau: return plan.registers(keptBy: account.org)
    case .admin, .viewer: return []
    }
  }

  /// Whether `account` may write the entry of `org` in `register`.
  static func mayWrite(_ plan: Plan, register: RegisterID, org: OrgID, by account: AccountRecord) -> Bool {
    guard writable(plan, by: account).contains(where: { $0.id == register }) else { return false }
    return account.role != .district || org == account.org
  }

  private func page(
    account: AccountRecord, language: Language, request: Request, problem: String? = nil, done: String? = nil
  ) async throws -> [String: Any] {
    let plan = workspace.plan
    let text = PageText.catalog(language)
    let entries = ReadScope.registers(
      try await store.registerEntries(plan: plan.id, register: nil), plan: plan, account: account)
    let order = Dictionary(uniqueKeysWithValues: plan.registers.enumerated().map { ($1.id, $0) })
    let sorted = entries.sorted {
      (order[$0.register] ?? 0, $0.org.rawValue, $0.recognisedOn, $0.name)
        < (order[$1.register] ?? 0, $1.org.rawValue, $1.recognisedOn, $1.name)
    }
    let writable = Self.writable(plan, by: account)
    let districts = account.role == .district ? plan.districts.filter { $0.id == account.org } : plan.districts
    var values: [String: Any] = [
      "title": text["registers"] ?? "",
      "entries": sorted.map { entry -> [String: Any] in
        let register = plan.register(entry.register)
        var row: [String: Any] = [
          "register": entry.register.rawValue, "register_name": register?.name.text(in: language) ?? "",
          "name": entry.name, "org": plan.org(entry.org)?.name.text(in: language) ?? entry.org.rawValue,
          "level": entry.level, "recognised_on": entry.recognisedOn, "evidence": entry.evidence ?? "",
        ]
        if let day = entry.withdrawnOn {
          row["withdrawn"] = "\(day) \(entry.withdrawal?.zh ?? "")"
        } else if Self.mayWrite(plan, register: entry.register, org: entry.org, by: account) {
          row["withdrawable"] = true
        }
        return row
      },
      "reasons": RegisterEntry.Withdrawal.allCases.map { ["value": $0.rawValue, "label": $0.zh] },
      "today": plan.monitoringSettings.day(of: clock()),
    ]
    if !writable.isEmpty {
      values["adding"] = [
        "registers": writable.map { register -> [String: Any] in
          [
            "id": register.id.rawValue, "name": register.name.text(in: language),
            "levels": register.levels.joined(separator: "、"),
          ]
        },
        "districts": districts.map { ["id": $0.id.rawValue, "name": $0.name.text(in: language)] },
      ]
    }
    if let problem { values["problem"] = problem }
    if let done { values["done"] = done }
    return values
  }

  private func rerender(
    _ status: HTTPResponse.Status, problem: String, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let values = try await page(account: account, language: context.language, request: request, problem: problem)
    return pages.render("registers", values, request: request, context: context, status: status)
  }

  private func addEntry(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let text = PageText.catalog(context.language)
    let register = RegisterID(form["register"] ?? "")
    let org = OrgID(form["org"] ?? "")
    guard Self.mayWrite(plan, register: register, org: org, by: account) else { throw HTTPError(.forbidden) }
    let fields = [
      register.rawValue, form["name"] ?? "", org.rawValue, form["level"] ?? "", form["recognised_on"] ?? "",
      form["evidence"] ?? "",
    ]
    let (entries, problems) = check(fields, submitter: account.org)
    guard let entry = entries.first, problems.isEmpty else {
      let reason = problems.map(\.message).joined(separator: " ")
      return try await rerender(
        .unprocessableContent, problem: reason, account: account, request: request, context: context)
    }
    let existing = try await store.registerEntries(plan: plan.id, register: register)
    if existing.contains(where: { $0.name == entry.name }) {
      let message = (text["register_exists"] ?? "{name}").replacingOccurrences(of: "{name}", with: entry.name)
      return try await rerender(.conflict, problem: message, account: account, request: request, context: context)
    }
    try await submit(entry, account: account)
    return Response(status: .seeOther, headers: [.location: "/registers?added=1"])
  }

  private func withdraw(
    _ form: FormBody, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let text = PageText.catalog(context.language)
    let register = RegisterID(form["register"] ?? "")
    let name = form["name"] ?? ""
    let existing = try await store.registerEntries(plan: plan.id, register: register)
    guard let entry = existing.first(where: { $0.name == name }) else { throw HTTPError(.notFound) }
    guard Self.mayWrite(plan, register: register, org: entry.org, by: account) else { throw HTTPError(.forbidden) }
    guard entry.withdrawnOn == nil, entry.recognisedOn == form["recognised_on"] else {
      let message = (text["register_stale"] ?? "{name}").replacingOccurrences(of: "{name}", with: name)
      return try await rerender(.conflict, problem: message, account: account, request: request, context: context)
    }
    let reason = RegisterEntry.Withdrawal(text: form["reason"] ?? "")
    let fields = [
      register.rawValue, entry.name, entry.org.rawValue, entry.level, entry.recognisedOn, entry.evidence ?? "",
      form["withdrawn_on"] ?? "", reason?.zh ?? form["reason"] ?? "",
    ]
    let (entries, problems) = check(fields, submitter: account.org)
    guard let withdrawn = entries.first, problems.isEmpty else {
      let reason = problems.map(\.message).joined(separator: " ")
      return try await rerender(
        .unprocessableContent, problem: reason, account: account, request: request, context: context)
    }
    try await submit(withdrawn, account: account)
    return Response(status: .seeOther, headers: [.location: "/registers?withdrawn=1"])
  }

  /// The entry the form's fields make, checked as one row of a register file.
  private func check(_ fields: [String], submitter: OrgID) -> (entries: [RegisterEntry], diagnostics: [Diagnostic]) {
    let columns = Array(RegisterImport.columns.prefix(fields.count))
    let csv = FormRow.csv(columns: columns, fields: fields)
    return RegisterImport(plan: workspace.plan, submitter: submitter, now: clock()).check(csv, file: "web form")
  }

  private func submit(_ entry: RegisterEntry, account: AccountRecord) async throws {
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: workspace.plan.id, submitter: account.org, source: "web form (\(account.name))", time: clock(),
        entries: [entry]))
  }
}
