import Foundation
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The data-entry form (数据填报): `GET /entry?period=2025Q1` shows every figure the account's org
/// reports for the quarter — a district its own, a bureau the city figures of the indicators it
/// owns — with its unit, the year-to-date target beside the input, the same period last year,
/// the note, its state and a returned figure's comment. `POST /entry` saves the filled-in
/// figures as drafts or submits them.
///
/// The form goes through exactly the checks of a CSV import and the rules of the review
/// workflow: the filled-in rows become an import table whose rows are the form's rows, so every
/// error is shown beside its input; nothing is saved while any row has an error (422), and a
/// refusal of the workflow (a locked period, an approved figure) saves nothing either (409).
/// Approved figures and figures of a locked period are shown but cannot be edited.
struct DataEntry: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let standing: Standing
  let clock: @Sendable () -> Date

  static let roles: Set<Role> = [.district, .bureau]

  func add(to router: Router<WebContext>) {
    router.get("/entry") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      let account = try PageAccess.account(context, roles: Self.roles)
      let period = try PageQuarter.parse(request, plan: workspace.plan, now: clock())
      let sheet = try await Sheet.load(
        workspace: try await standing.current(), store: store, org: account.org, period: period)
      var values = sheet.values(text: PageText.catalog(context.language), language: context.language)
      let saved = request.uri.queryParameters["saved"].map(String.init)
      values["saved_draft"] = saved == "draft"
      values["saved_submitted"] = saved == "submitted"
      return pages.render("entry", values, request: request, context: context)
    }
    router.post("/entry") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.roles)
      let form = try await FormBody.read(&request, upTo: context.maxUploadSize)
      let period = try PageQuarter.parse(form["period"] ?? "", plan: workspace.plan)
      return try await save(form, period: period, account: account, request: request, context: context)
    }
  }

  /// Saves the form's figures, or shows it again with its errors and nothing saved.
  func save(
    _ form: FormBody, period: Period, account: AccountRecord, request: Request, context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let text = PageText.catalog(context.language)
    var sheet = try await Sheet.load(
      workspace: try await standing.current(), store: store, org: account.org, period: period)
    let status: ObservationStatus = form["action"] == "submit" ? .submitted : .draft
    // The form's entries replace what the page would show, so that a page with errors keeps them.
    for index in sheet.rows.indices where sheet.rows[index].editable {
      let id = sheet.rows[index].indicator.id.rawValue
      sheet.rows[index].value = form["value.\(id)"]?.trimmingCharacters(in: .whitespaces) ?? ""
      sheet.rows[index].note = form["note.\(id)"]?.trimmingCharacters(in: .whitespaces) ?? ""
    }
    let filled = sheet.rows.indices.filter { sheet.rows[$0].editable && !sheet.rows[$0].value.isEmpty }
    for index in sheet.rows.indices where sheet.rows[index].editable && sheet.rows[index].value.isEmpty {
      if !sheet.rows[index].note.isEmpty { sheet.rows[index].error = text["note_without_value"] }
    }
    func again(_ status: HTTPResponse.Status, problem: String) -> Response {
      var values = sheet.values(text: text, language: context.language)
      values["problem"] = problem
      return pages.render("entry", values, request: request, context: context, status: status)
    }
    if sheet.rows.contains(where: { $0.error != nil }) {
      return again(.unprocessableContent, problem: text["form_has_errors"] ?? "")
    }
    guard !filled.isEmpty else { return again(.unprocessableContent, problem: text["nothing_filled"] ?? "") }

    // The filled-in rows as an import table: line n + 1 is the n-th filled row.
    let (checked, diagnostics) = try await FormRows.check(
      filled.map { index in
        let row = sheet.rows[index]
        return FormRows.Row(
          indicator: row.indicator.id, org: account.org, period: row.period, value: row.value, note: row.note)
      }, workspace: workspace, store: store)
    let problems =
      checked.refusals(
        file: FormRows.file, plan: plan, submitter: account.org, role: account.role, language: context.language)
      + diagnostics.filter { $0.severity == .error }
    if !problems.isEmpty {
      for problem in problems {
        let offset = FormRows.index(of: problem)
        guard filled.indices.contains(offset) else { continue }
        let index = filled[offset]
        sheet.rows[index].error = [sheet.rows[index].error, problem.message].compactMap { $0 }.joined(separator: " ")
      }
      return again(.unprocessableContent, problem: text["form_has_errors"] ?? "")
    }
    do {
      _ = try await checked.submit(
        to: store, plan: plan, submitter: account.org, role: account.role, user: account.name, source: "form",
        status: status)
    } catch StoreError.refused(let refusal, let lines) {
      let message = refusal.text.text(in: context.language)
      for line in lines where filled.indices.contains(line - 2) {
        sheet.rows[filled[line - 2]].error = message
      }
      return again(.conflict, problem: message)
    }
    events.publish(.submit, filled.map { (account.org, sheet.rows[$0].period) })
    let saved = status == .draft ? "draft" : "submitted"
    return SignIn.redirect(to: "/entry?period=\(period)&saved=\(saved)")
  }

  /// The form's content: one row per figure the org reports for the quarter.
  struct Sheet {
    struct Row {
      var indicator: Indicator
      var period: Period
      var target: TargetBook.Entry?
      var lastYear: Decimal?
      var state: FigureState
      var revision: Int?
      var value: String
      var note: String
      var comment: String?
      var editable: Bool
      /// Whether it changes only through a change request (approved, or its period locked).
      var changeable: Bool
      var error: String?
    }

    var org: Org
    var period: Period
    var rows: [Row]
    var plan: Plan

    static func load(workspace: Workspace, store: any Store, org id: OrgID, period: Period) async throws -> Sheet {
      let plan = workspace.plan
      guard let org = plan.org(id) else { throw HTTPError(.forbidden) }
      let figures = ObservationImport(plan: plan, submitter: org.id).figures(of: org, at: period)
      let reported = try await store.observations(plan: plan.id, indicator: nil, org: org.id, period: nil)
      let drafts = try await store.drafts(plan: plan.id, org: org.id)
      var current: [String: ObservationRecord] = [:]
      for record in drafts + reported { current["\(record.indicator)|\(record.period)"] = record }
      var locks: [Period: Bool] = [:]
      for figurePeriod in Set(figures.map(\.period)) {
        locks[figurePeriod] = try await store.isLocked(plan: plan.id, org: org.id, period: figurePeriod)
      }
      let rows = figures.map { indicator, figurePeriod -> Row in
        let record = current["\(indicator.id)|\(figurePeriod)"]
        let earlier =
          figurePeriod.quarter.map { Period.quarter($0, of: figurePeriod.year - 1) } ?? .year(figurePeriod.year - 1)
        let locked = locks[figurePeriod] ?? false
        let state = FigureState(record?.status, locked: locked)
        let target =
          workspace.book.target(indicator.id, org.id, figurePeriod)
          ?? (figurePeriod.quarter == 4 ? workspace.book.target(indicator.id, org.id, .year(figurePeriod.year)) : nil)
        return Row(
          indicator: indicator, period: figurePeriod, target: target,
          lastYear: current["\(indicator.id)|\(earlier)"].flatMap { $0.status == .draft ? nil : $0.value },
          state: state, revision: record?.revision, value: PageNumber.text(record?.value), note: record?.note ?? "",
          comment: record?.status == .returned ? record?.reviewComment : nil,
          editable: state != .approved && state != .locked, changeable: state == .approved || state == .locked)
      }
      return Sheet(org: org, period: period, rows: rows, plan: plan)
    }

    /// The values of `entry.mustache`.
    func values(text: [String: String], language: Language) -> [String: Any] {
      [
        "title": text["entry"] ?? "", "live": "notice", "org_name": org.name.text(in: language),
        "period": period.description,
        "period_label": language == .zh ? period.zh : period.description,
        "periods": PageQuarter.choices(plan: plan, current: period, language: language),
        "editable": rows.contains(where: \.editable),
        "rows": rows.map { row -> [String: Any] in
          var values: [String: Any] = [
            "indicator": row.indicator.id.rawValue, "name": row.indicator.name.text(in: language),
            "unit": row.indicator.unit ?? "", "period": row.period.description,
            "target": PageNumber.text(row.target?.value), "last_year": PageNumber.text(row.lastYear),
            "value": row.value, "note": row.note, "state": row.state.view(text), "editable": row.editable,
            "history":
              "/figure?indicator=\(row.indicator.id)&org=\(org.id)&period=\(row.period)",
          ]
          if row.changeable {
            values["change"] = "/changes/new?indicator=\(row.indicator.id)&period=\(row.period)"
          }
          if let comment = row.comment { values["comment"] = comment }
          values["statistics"] = row.indicator.statistics.note(plan: plan, in: language)
          if let error = row.error { values["error"] = error }
          return values
        },
      ]
    }
  }
}

/// Figures typed into a form, checked exactly as a CSV import checks its rows: row n of the form
/// is line n + 1 of an import table named `form`, so that each error finds its row again.
enum FormRows {
  struct Row {
    var indicator: IndicatorID
    var org: OrgID
    var period: Period
    var value: String
    var note: String
  }

  static let file = "form"

  /// The rows checked against the plan and the store, with the commission's reach: what the
  /// account may report is for the caller to check with `ImportFile.refusals`.
  static func check(
    _ rows: [Row], workspace: Workspace, store: any Store
  ) async throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    let columns = ["indicator", "org", "period", "value", "note"]
    func record(_ line: Int, _ fields: [String]) -> ImportTable.Record {
      ImportTable.Record(
        line: line, fields: fields,
        starts: fields.indices.map { SourceLocation(file: file, line: line, column: $0 + 1) })
    }
    let records =
      [record(1, columns)]
      + rows.enumerated().map { offset, row in
        record(offset + 2, [row.indicator.rawValue, row.org.rawValue, row.period.description, row.value, row.note])
      }
    let table = try ImportTable(records: records, errors: [], start: SourceLocation(file: file, line: 1, column: 1))
    return try await ImportFile.check(table, plan: workspace.plan, submitter: workspace.plan.commission, store: store)
  }

  /// The index of the form's row that `diagnostic` is about.
  static func index(of diagnostic: Diagnostic) -> Int { diagnostic.location.line - 2 }
}
