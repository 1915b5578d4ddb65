import Foundation
import Hummingbird
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// Uploading a filled-in file (上传文件): a CSV file in the import format or an .xlsx workbook
/// (the data-entry template filled in with Excel, WPS or LibreOffice), for districts and bureaus.
///
/// - `GET /upload`: the form, and a link to the org's template for the quarter.
/// - `POST /upload` (the file): every check of the command line's import. A file with mistakes is
///   answered with each mistake at its line or cell (422); one the workflow refuses (another
///   org's rows, 403) likewise. Otherwise the preview: each row with the value stored now, the
///   value it would get and what would happen to it (new, changed, unchanged, a draft submitted,
///   or refused — a locked period, an approved figure), and nothing is written yet.
/// - `POST /upload/confirm`: writes the previewed file, all or nothing. The file travels back in
///   the confirm form and is checked again in full, so that what is written is exactly what
///   passes the checks now, not what passed them when the preview was made.
/// - `GET /template?period=`: the org's data-entry workbook for the quarter.
struct Upload: Sendable {
  let workspace: Workspace
  let store: any Store
  let pages: Pages
  let events: LiveEvents
  let clock: @Sendable () -> Date

  static let roles: Set<Role> = [.district, .bureau]

  func add(to router: Router<WebContext>) {
    router.get("/upload") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      _ = try PageAccess.account(context, roles: Self.roles)
      let period = try PageQuarter.parse(request, plan: workspace.plan, now: clock())
      var values = base(period: period, language: context.language)
      if let done = request.uri.queryParameters["done"].flatMap({ Int(String($0)) }) {
        values["done"] = (PageText.catalog(context.language)["upload_done"] ?? "{n}")
          .replacingOccurrences(of: "{n}", with: "\(done)")
      }
      return pages.render("upload", values, request: request, context: context)
    }
    router.post("/upload") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.roles)
      let body = try await request.collectBody(upTo: context.maxUploadSize)
      guard let type = request.headers[.contentType], let form = MultipartForm(body, contentType: type),
        let file = form["file"], let filename = file.filename
      else { throw HTTPError(.badRequest, message: "send the file as multipart/form-data in the field 'file'") }
      let period = try PageQuarter.parse(form.field("period") ?? "", plan: workspace.plan)
      return try await check(
        Data(file.body), filename: Self.name(filename), period: period, confirm: false, account: account,
        request: request, context: context)
    }
    router.post("/upload/confirm") { request, context -> Response in
      var request = request
      let account = try PageAccess.account(context, roles: Self.roles)
      let form = try await FormBody.read(&request, upTo: context.maxUploadSize * 2)
      guard let encoded = form["content"], let data = Data(base64Encoded: encoded), let filename = form["filename"]
      else { throw HTTPError(.badRequest, message: "the confirmation carries no file") }
      let period = try PageQuarter.parse(form["period"] ?? "", plan: workspace.plan)
      return try await check(
        data, filename: Self.name(filename), period: period, confirm: true, account: account, request: request,
        context: context)
    }
    router.get("/template") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      let account = try PageAccess.account(context, roles: Self.roles)
      let period = try PageQuarter.parse(request, plan: workspace.plan, now: clock())
      return try await template(org: account.org, period: period)
    }
  }

  /// The page's frame: the quarter and the template's link.
  func base(period: Period, language: Language) -> [String: Any] {
    [
      "title": PageText.catalog(language)["upload"] ?? "", "period": period.description,
      "period_label": language == .zh ? period.zh : period.description,
      "periods": PageQuarter.choices(plan: workspace.plan, current: period, language: language),
    ]
  }

  /// The file's own name, without any folder a browser sent with it.
  static func name(_ filename: String) -> String {
    let name = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    return name.isEmpty ? "upload.csv" : String(name.prefix(200))
  }

  /// Checks the file; shows its mistakes, or its preview, or (confirmed) writes it.
  func check(
    _ data: Data, filename: String, period: Period, confirm: Bool, account: AccountRecord, request: Request,
    context: WebContext
  ) async throws -> Response {
    let plan = workspace.plan
    let language = context.language
    let text = PageText.catalog(language)
    var values = base(period: period, language: language)
    values["filename"] = filename
    func answer(_ status: HTTPResponse.Status) -> Response {
      pages.render("upload", values, request: request, context: context, status: status)
    }
    let checked: ImportFile
    let diagnostics: [Diagnostic]
    do {
      (checked, diagnostics) = try await ImportFile.check(
        data: data, file: filename, plan: plan, submitter: plan.commission, store: store)
    } catch let unreadable as ImportFile.Unreadable {
      values["problem"] = unreadable.text.text(in: language)
      return answer(.unprocessableContent)
    }
    let refusals = checked.refusals(
      file: filename, plan: plan, submitter: account.org, role: account.role, language: language)
    let errors = refusals + diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      values["problem"] = text["upload_has_errors"] ?? ""
      values["has_errors"] = true
      values["errors"] = errors.sorted { $0.location < $1.location }.map { diagnostic -> [String: String] in
        [
          "where": diagnostic.location.sheet == nil ? "\(diagnostic.location.line)" : diagnostic.location.cell,
          "message": diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""),
        ]
      }
      return answer(refusals.isEmpty ? .unprocessableContent : .forbidden)
    }
    guard case .observations(let rows) = checked, !rows.isEmpty else {
      values["problem"] = text["upload_no_rows"] ?? ""
      return answer(.unprocessableContent)
    }
    let preview = try await Self.preview(rows, plan: plan, store: store, language: language)
    if !confirm || preview.contains(where: { $0["refused"] as? Bool == true }) {
      values["preview"] = preview
      values["has_preview"] = true
      values["content"] = data.base64EncodedString()
      values["can_confirm"] = !preview.contains { $0["refused"] as? Bool == true }
      values["warnings"] = diagnostics.filter { $0.severity == .warning }.map { ["message": $0.message] }
      return answer(confirm ? .conflict : .ok)
    }
    do {
      let result = try await checked.submit(
        to: store, plan: plan, submitter: account.org, role: account.role, user: account.name, source: filename)
      events.publish(.submit, rows.map { ($0.org, $0.period) })
      return SignIn.redirect(to: "/upload?period=\(period)&done=\(result.added + result.revised)")
    } catch StoreError.refused(let refusal, _) {
      values["problem"] = refusal.text.text(in: language)
      return answer(refusal.kind == .conflict ? .conflict : .forbidden)
    }
  }

  /// What writing `rows` would do to each figure, as the store's rules decide it.
  static func preview(
    _ rows: [ObservationInput], plan: Plan, store: any Store, language: Language
  ) async throws -> [[String: Any]] {
    let text = PageText.catalog(language)
    var current: [String: ObservationRecord] = [:]
    for org in Set(rows.map(\.org)) {
      for record in try await store.drafts(plan: plan.id, org: org)
        + store.observations(plan: plan.id, indicator: nil, org: org, period: nil)
      {
        current["\(record.indicator)|\(record.org)|\(record.period)"] = record
      }
    }
    var locks: [String: Bool] = [:]
    var preview: [[String: Any]] = []
    for row in rows {
      let lockKey = "\(row.org)|\(row.period)"
      if locks[lockKey] == nil {
        locks[lockKey] = try await store.isLocked(plan: plan.id, org: row.org, period: row.period)
      }
      let stored = current["\(row.indicator)|\(row.org)|\(row.period)"]
      let same = stored.map { $0.value == row.value && ($0.note ?? "") == (row.note ?? "") } ?? false
      let decision = ReviewRules.submission(
        current: stored?.status, sameValue: same, as: .submitted, locked: locks[lockKey] ?? false,
        org: row.org, period: row.period)
      let (change, refused): (String, Bool) =
        switch decision {
        case .success(.unchanged): (text["change_unchanged"] ?? "", false)
        case .success(.promote): (text["change_promote"] ?? "", false)
        case .success(.write): (stored == nil ? text["change_new"] ?? "" : text["change_revised"] ?? "", false)
        case .failure(let refusal): (refusal.text.text(in: language), true)
        }
      preview.append([
        "indicator": row.indicator.rawValue,
        "name": plan.indicator(row.indicator)?.name.text(in: language) ?? row.indicator.rawValue,
        "org": row.org.rawValue, "period": row.period.description, "old": PageNumber.text(stored?.value),
        "new": "\(row.value)", "note": row.note ?? "", "change": change, "refused": refused,
        "state": FigureState(stored?.status, locked: locks[lockKey] ?? false).view(text),
      ])
    }
    return preview
  }

  /// The org's data-entry workbook for `period`, as `zhibiao template` writes it.
  func template(org id: OrgID, period: Period) async throws -> Response {
    guard let org = workspace.plan.org(id) else { throw HTTPError(.forbidden) }
    let stored = try await StoredValues(store: store, plan: workspace.plan.id)
    guard
      let template = DataEntryTemplate(
        workspace: workspace, org: org, period: period, lastYear: { stored.value($0, $1, $2) })
    else { throw HTTPError(.notFound) }
    return try Documents.workbook(template.content(), name: "\(org.id)-\(period).xlsx")
  }
}
