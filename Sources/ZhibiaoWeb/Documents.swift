import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoReport
import ZhibiaoStore
import ZhibiaoWorkspace

/// The documents the app hands out, as the command line writes them:
///
/// - `GET /report?period=2024Q4` (the commission, administrators): the monitoring report of a
///   quarter, or with `period=2024` the annual report, computed from the figures reported now;
///   `&download=1` gives it as a file. It is the command line's self-contained page, shown under
///   a policy of its own that allows its inline styles and nothing else (no script at all).
/// - `GET /board/tiles.svg?year=`: the districts' tile map of the report, for the board.
/// - `GET /letter?year=&org=`: a district's target letter (目标责任书) for the year — a district
///   its own, the commission and administrators any district's; `&format=docx` gives it as a
///   Word document laid out as an official document (GB/T 9704), as `zhibiao letters --format
///   docx` writes it.
///
/// The report made in the app leaves out the year's bonus and deduction events (the app does not
/// take them in yet) and says so on its first page.
struct Documents: Sendable {
  let workspace: Workspace
  let standing: Standing

  /// The policy of a self-contained page or drawing: its own inline styles, nothing else.
  static let documentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    + "form-action 'none'; frame-ancestors 'none'"

  static let caveat = LocalizedText(
    zh: "本报告由网页版按当前已报送数据生成，不含年度加分、扣分与否决事项。",
    en:
      "Made by the web app from the figures reported so far; the year's bonuses, deductions and vetoes are not included."
  )

  func add(to router: Router<WebContext>) {
    router.get("/report") { request, context -> Response in
      guard context.account != nil else { return SignIn.redirect(to: "/login") }
      _ = try PageAccess.account(context, roles: [.commission, .admin])
      let scope = try Self.scope(request.uri.queryParameters["period"].map(String.init), plan: workspace.plan)
      let document = try await report(scope, language: context.language)
      let name =
        "report-\(Self.isYear(scope) ? "\(scope.period.year)" : "\(scope.period)").html"
      return Self.page(document.html(), download: request.uri.queryParameters["download"] == "1" ? name : nil)
    }
    router.get("/board/tiles.svg") { request, context -> Response in
      _ = try PageAccess.account(context, roles: [.commission, .admin])
      let year = try Home.year(request, plan: workspace.plan, now: standing.clock())
      let document = try await summary(
        Self.boardScope(year: year, plan: workspace.plan, now: standing.clock()), language: context.language)
      guard let svg = Self.charts(document).first else { throw HTTPError(.notFound) }
      var response = Response(
        status: .ok, headers: [.contentType: "image/svg+xml"], body: ResponseBody(byteBuffer: ByteBuffer(string: svg)))
      response.headers[.contentSecurityPolicy] = Self.documentPolicy
      return response
    }
    router.get("/downloads/monitoring.xlsx") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard account.role != .viewer else { throw HTTPError(.forbidden) }
      guard let text = request.uri.queryParameters["period"], let period = PeriodText.parse(String(text)),
        workspace.plan.years.contains(period.year)
      else { throw HTTPError(.badRequest, message: "give a period of the plan") }
      let report = try await standing.readable(try await standing.monitoring(at: period), by: account)
      let content = MonitoringWorkbook(plan: workspace.plan, report: report, language: context.language).content()
      return try Self.workbook(content, name: "monitoring-\(period).xlsx")
    }
    router.get("/letter") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let plan = workspace.plan
      let query = request.uri.queryParameters
      guard let year = query["year"].flatMap({ Int(String($0)) }), plan.years.contains(year) else {
        throw HTTPError(.badRequest, message: "give a year of the plan")
      }
      let org = query["org"].map { OrgID(String($0)) } ?? account.org
      guard plan.districts.contains(where: { $0.id == org }) else { throw HTTPError(.notFound) }
      switch account.role {
      case .commission, .admin: break
      case .district where account.org == org: break
      default: throw HTTPError(.forbidden)
      }
      let letters = DistrictLetters(
        plan: plan, book: try await standing.book(), scheme: workspace.scheme, year: year, language: context.language,
        caveat: nil, citation: try await standing.current().issue(of: year)?.citation)
      guard let file = letters.files().first(where: { $0.name == DistrictLetters.fileName(of: org) }) else {
        throw HTTPError(.notFound)
      }
      return try Self.document(
        file.html, name: "\(org)-\(year)", format: try DocumentFormat(query["format"].map(String.init)),
        download: query["download"] == "1", language: context.language)
    }
  }

  static func isYear(_ scope: ReportInputs.Scope) -> Bool {
    if case .year = scope { return true }
    return false
  }

  /// `2024Q2` for the quarter's report, `2024` for the year's; 400 for anything else.
  static func scope(_ text: String?, plan: Plan) throws -> ReportInputs.Scope {
    guard let text, let period = PeriodText.parse(text), plan.years.contains(period.year) else {
      throw HTTPError(.badRequest, message: "give a period of the plan: 2024Q2, or 2024 for the year")
    }
    return period.quarter == nil ? .year(period.year) : .quarter(period)
  }

  /// The report the board shows for `year`: the annual one once the year has ended, else the
  /// quarter last ended.
  static func boardScope(year: Int, plan: Plan, now: Date) -> ReportInputs.Scope {
    let current = PageQuarter.current(plan: plan, now: now)
    return current >= .quarter(4, of: year) ? .year(year) : .quarter(current)
  }

  /// The report for `scope`, made once per reading of the store.
  func report(_ scope: ReportInputs.Scope, language: Language) async throws -> ReportDocument {
    let standing = self.standing
    let clock = standing.clock
    return try await standing.cached("report|\(scope)|\(language.rawValue)") {
      let inputs = try await standing.pipeline().reportInputs(
        scope: scope, events: AssessmentEvents(), asOf: clock(), caveat: Self.caveat)
      return ReportBuilder(inputs, language: language).build()
    }
  }

  /// The summary and ranking of the report for `scope`, for the board: from the monitoring and
  /// assessment already computed, without the year-end paths that only the full report draws.
  func summary(_ scope: ReportInputs.Scope, language: Language) async throws -> ReportDocument {
    let standing = self.standing
    let workspace = self.workspace
    return try await standing.cached("summary|\(scope)|\(language.rawValue)") {
      let monitoring = try await standing.monitoring(at: scope.period)
      var assessment: ReportInputs.Assessment?
      if workspace.scheme != nil {
        let provisional = !Self.isYear(scope)
        assessment = try await standing.pipeline().assessment(
          of: monitoring, events: AssessmentEvents(), provisional: provisional)
      }
      let inputs = ReportInputs(
        plan: workspace.plan, book: try await standing.book(), scope: scope, monitoring: monitoring,
        yearEnds: [monitoring],
        assessment: assessment, tiles: workspace.layout.tiles, subject: workspace.layout.subject,
        caveat: Self.caveat, asOf: monitoring.asOf)
      return ReportBuilder(inputs, language: language).buildSummary()
    }
  }

  /// The drawings of the report's summary: the tile map first.
  static func charts(_ document: ReportDocument) -> [String] {
    guard let summary = document.sections.first(where: { $0.id == "summary" }) else { return [] }
    return summary.blocks.compactMap { block in
      if case .chart(let svg, _) = block { return svg }
      return nil
    }
  }

  /// `content` as an .xlsx file named `name`.
  static func workbook(_ content: WorkbookContent, name: String) throws -> Response {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhibiao-download-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try XLSXWriter.write(content, to: path)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return Response(
      status: .ok,
      headers: [
        .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        .contentDisposition: "attachment; filename=\"\(name)\"",
      ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  /// A printable page (a letter, a notice) as `format`: the page itself, as a file named `name`
  /// when `download`; or a Word document named `name`.docx, always as a file.
  static func document(
    _ html: String, name: String, format: DocumentFormat, download: Bool, language: Language
  ) throws -> Response {
    switch format {
    case .html: return page(html, download: download ? name + ".html" : nil)
    case .docx:
      let document = WordDocument(markup: html, title: nil, language: language == .zh ? "zh-CN" : "en-US")
      return Response(
        status: .ok,
        headers: [
          .contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          .contentDisposition: "attachment; filename=\"\(name).docx\"",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: try document.archive())))
    }
  }

  /// A self-contained page, under its own policy; with `download`, as a file of that name.
  static func page(_ html: String, download: String?) -> Response {
    var response = Response(
      status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    response.headers[.contentSecurityPolicy] = documentPolicy
    if let download { response.headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
    return response
  }
}

/// The forms a printable page is handed out in: `format=html` (the default) or `format=docx`.
enum DocumentFormat: String, Sendable {
  case html, docx

  /// The format `text` names, HTML when there is none; anything else is a bad request.
  init(_ text: String?) throws {
    guard let format = DocumentFormat(rawValue: text ?? "html") else {
      throw HTTPError(.badRequest, message: "format is html or docx")
    }
    self = format
  }
}
