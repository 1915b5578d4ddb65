import Foundation
import HTTPTypes
import Hummingbird
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

/// The exports a signed-in account downloads, each holding only what the account may read
/// (`ReadScope`), whatever the query asks:
///
/// - `GET /downloads/observations.csv` and `.xlsx` (`?org=&period=&indicator=` narrow it): the
///   reported figures in the export layout (`ObservationTable`) — a district's own only; for
///   every other role those the read rules allow.
/// - `GET /downloads/targets.xlsx?year=`: the year's target book in force — the issued version
///   when the year was issued, else the configuration's — as the command line's workbook.
/// - `GET /downloads/registers.csv`: the register entries in the import layout; a viewer reads
///   none (403).
///
/// CSV files are UTF-8 with a byte order mark and follow RFC 4180, with text a spreadsheet would
/// run as a formula neutralised (`CSVTable`).
struct Downloads: Sendable {
  let workspace: Workspace
  let store: any Store
  let standing: Standing

  func add(to router: Router<WebContext>) {
    router.get("/downloads/observations.csv") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let records = try await observations(request, account: account)
      return Self.csv(ObservationTable(plan: workspace.plan, records: records).csv, name: "observations.csv")
    }
    router.get("/downloads/observations.xlsx") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let records = try await observations(request, account: account)
      let sheet = context.language == .zh ? "实际值" : "Observations"
      let content = ObservationTable(plan: workspace.plan, records: records).workbook(sheet: sheet)
      return try Documents.workbook(content, name: "observations.xlsx")
    }
    router.get("/downloads/targets.xlsx") { request, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      let plan = workspace.plan
      guard let year = request.uri.queryParameters["year"].flatMap({ Int(String($0)) }), plan.years.contains(year)
      else { throw HTTPError(.badRequest, message: "give a year of the plan") }
      let book = try await standing.book()
      let entries = ReadScope.targets(book.entries(year: year), account: account)
      let content = TargetBookWorkbook(plan: plan, book: book, entries: entries, language: context.language).content()
      return try Documents.workbook(content, name: "targets-\(year).xlsx")
    }
    router.get("/downloads/registers.csv") { _, context -> Response in
      guard let account = context.account else { return SignIn.redirect(to: "/login") }
      guard ReadScope.readsRegisters(account) else { throw HTTPError(.forbidden) }
      let plan = workspace.plan
      let entries = ReadScope.registers(
        try await store.registerEntries(plan: plan.id, register: nil), plan: plan, account: account)
      return Self.csv(RegisterTable(entries: entries).csv, name: "registers.csv")
    }
  }

  /// The reported figures the query names that `account` may read.
  func observations(_ request: Request, account: AccountRecord) async throws -> [ObservationRecord] {
    let plan = workspace.plan
    let query = try API.Query(request, plan: plan)
    // A district's export is its own figures only: other districts' locked figures stay readable
    // one by one (the API, a figure's history), not handed out in bulk.
    let org = account.role == .district ? account.org : query.org
    guard query.org == nil || query.org == org else { return [] }
    let records = try await store.observations(
      plan: plan.id, indicator: query.indicator, org: org, period: query.period)
    return try await ReadScope.observations(records, plan: plan, store: store, account: account)
  }

  /// `table` as a CSV file named `name`.
  static func csv(_ table: CSVTable, name: String) -> Response {
    Response(
      status: .ok,
      headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: table.data)))
  }
}
