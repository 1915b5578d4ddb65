// The pages of the review workflow: who may open each, the data-entry form's checks, the review
// queue's decisions and stale refusals, the board's locks, a figure's history and the audit log.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoAccounts
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

/// Page requests as a signed-in account: every account of `APITests.accounts` and 滨江's district
/// account has the session `session-NAME` with the CSRF token `csrf-NAME`.
protocol SignedInPages {
  var temporary: TemporaryStore { get }
}

extension SignedInPages {
  /// The app over the test's store.
  func application() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: try HangzhouPlan.workspace(), store: temporary.store)
    return try await server.application(logger: Logger(label: "test"))
  }

  /// Adds the accounts and their sessions to `store`.
  static func prepare(_ store: any Store) async throws {
    let now = Date()
    try await APITests.addAccounts(to: store, at: now)
    try await store.addAccount(
      AccountRecord(
        name: "binjiang", org: "district.binjiang", role: .district, passwordHash: "$2b$12$unused", createdAt: now,
        updatedAt: now))
    for (name, _, _) in APITests.accounts + [("binjiang", "district.binjiang", .district)] {
      try await store.addSession(
        SessionRecord(
          idHash: Tokens.hash("session-\(name)"), account: name, csrfToken: "csrf-\(name)", createdAt: now,
          lastSeenAt: now, address: "127.0.0.1"))
    }
  }

  /// A page as `account` (nil: signed out): its status, its HTML and where it leads.
  func get(
    _ client: some TestClientProtocol, _ path: String, as account: String?
  ) async throws -> (status: HTTPResponse.Status, page: String, location: String?) {
    let headers: HTTPFields = account.map { [.cookie: "__Host-zhibiao=session-\($0)"] } ?? [:]
    return try await client.execute(uri: path, method: .get, headers: headers) { response in
      (response.status, String(buffer: response.body), response.headers[.location])
    }
  }

  /// Posts the form `fields` as `account`, with its CSRF token unless `csrf` is false.
  func post(
    _ client: some TestClientProtocol, _ path: String, _ fields: [(String, String)], as account: String,
    csrf: Bool = true
  ) async throws -> (status: HTTPResponse.Status, page: String, location: String?) {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    headers[.cookie] = "__Host-zhibiao=session-\(account)"
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))
    let body = ((csrf ? [("csrf", "csrf-\(account)")] : []) + fields).map { name, value in
      "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }.joined(separator: "&")
    return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body)) {
      response in (response.status, String(buffer: response.body), response.headers[.location])
    }
  }
}

@Suite("Pages")
struct PageTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan
  let q1 = Period.quarter(1, of: 2024)

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await Self.prepare(temporary.store)
  }

  /// The revision a review form offers for `indicator`, read from the page as a reviewer sees it.
  func offeredRevision(_ page: String, _ indicator: String) -> String? {
    guard let range = page.range(of: "value=\"\(indicator)@") else { return nil }
    return String(page[range.upperBound...].prefix { $0.isNumber })
  }

  func status(_ indicator: IndicatorID, _ org: OrgID = "district.xihu") async throws -> ObservationStatus? {
    try await temporary.store.observations(plan: plan.id, indicator: indicator, org: org, period: q1).first?.status
  }

  @Test("Every page answers each role as the rules say; signed out, a page leads to sign-in")
  func matrix() async throws {
    let figure = "/figure?indicator=digital.ict_revenue&org=district.xihu&period=2024Q1"
    let paths = [
      "/entry?period=2024Q1", "/review?period=2024Q1", "/board?year=2024", "/audit", figure, "/upload?period=2024Q1",
      "/changes", "/admin/users", "/changes/new?indicator=digital.ict_revenue&period=2024Q1",
      // Issued target versions and the exports (version 1 is issued below).
      "/targets", "/targets/show?version=1", "/targets/diff?from=1&to=config", "/downloads/observations.csv",
      "/downloads/observations.xlsx", "/downloads/targets.xlsx?year=2025", "/downloads/registers.csv", "/registers",
      "/tasks?period=2024Q1", "/assessment/events?year=2024", "/notices",
    ]
    // The expected status of each path above, per account; the figure is 西湖's, unlocked.
    let everyone = [HTTPResponse.Status](repeating: .ok, count: 11)
    let expected: [(String, [HTTPResponse.Status])] = [
      ("xihu", [.ok, .forbidden, .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .ok] + everyone),
      ("binjiang", [.ok, .forbidden, .forbidden, .forbidden, .notFound, .ok, .ok, .forbidden, .ok] + everyone),
      ("econ", [.ok, .ok, .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .ok] + everyone),
      ("scitech", [.ok, .ok, .forbidden, .forbidden, .notFound, .ok, .ok, .forbidden, .forbidden] + everyone),
      ("drc", [.forbidden, .ok, .ok, .ok, .ok, .forbidden, .ok, .forbidden, .forbidden] + everyone),
      ("admin", [.forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .ok, .ok, .forbidden] + everyone),
      (
        "viewer",
        [.forbidden, .forbidden, .forbidden, .forbidden, .notFound, .forbidden, .forbidden, .forbidden, .forbidden]
          + [.ok, .ok, .ok, .ok, .ok, .ok, .forbidden, .forbidden, .ok, .forbidden, .forbidden]
      ),
    ]
    _ = try await temporary.store.issueTargets(
      TargetIssueFiling(
        plan: plan.id, year: 2025, document: "杭服领〔2025〕1号", issuedOn: "2025-02-20", reason: nil,
        entries: try HangzhouPlan.workspace().configuredBook.entries(year: 2025), by: "bureau.drc", role: .commission,
        at: Date()))
    try await application().test(.router) { client in
      for path in paths {
        let answer = try await get(client, path, as: nil)
        #expect(answer.status == .seeOther && answer.location == "/login", "\(path) signed out")
      }
      for (account, statuses) in expected {
        for (path, status) in zip(paths, statuses) {
          let answer = try await get(client, path, as: account)
          #expect(answer.status == status, "\(path) as \(account)")
        }
      }
      // Writes: each form refuses the roles that may not send it, and any form without the token.
      var writes: [(String, [(String, String)], String)] = [
        ("/entry", [("period", "2024Q1"), ("value.digital.ict_revenue", "1")], "drc"),
        ("/entry", [("period", "2024Q1"), ("value.digital.ict_revenue", "1")], "viewer"),
        ("/review", [("org", "district.xihu"), ("period", "2024Q1"), ("decision", "approve")], "xihu"),
        ("/review", [("org", "district.xihu"), ("period", "2024Q1"), ("decision", "approve")], "admin"),
        ("/board/locks", [("period", "2024Q1")], "econ"),
        ("/board/locks", [("period", "2024Q1")], "admin"),
        ("/board/locks", [("period", "2024Q1")], "xihu"),
        ("/changes/decide", [("id", "1"), ("decision", "accept")], "econ"),
        ("/changes/decide", [("id", "1"), ("decision", "accept")], "admin"),
        (
          "/changes", [("indicator", "digital.ict_revenue"), ("period", "2024Q1"), ("value", "1"), ("reason", "x")],
          "drc"
        ),
        ("/upload/confirm", [("period", "2024Q1"), ("filename", "a.csv"), ("content", "")], "drc"),
        ("/admin/users/state", [("name", "xihu"), ("disabled", "true")], "drc"),
      ]
      // Only the commission issues targets.
      let issue = [("year", "2024"), ("document", "杭服领〔2024〕9号"), ("date", "2024-02-01")]
      let issuers = ["xihu", "binjiang", "econ", "scitech", "admin", "viewer"]
      writes += issuers.map { ("/targets", issue, $0) }
      // Task progress: admins and viewers report and review none; a district reports only its own,
      // and reviews none; the lead reviews its partners', not its own.
      let report = [
        ("task", "digital.software.parks"), ("org", "district.xihu"), ("period", "2024Q1"), ("status", "in_progress"),
        ("text", "x"),
      ]
      let decide = [
        ("task", "digital.software.parks"), ("org", "district.xihu"), ("period", "2024Q1"), ("decision", "approve"),
        ("revision", "1"),
      ]
      writes += [
        ("/tasks", report, "admin"), ("/tasks", report, "viewer"), ("/tasks", report, "binjiang"),
        ("/tasks", report, "scitech"), ("/tasks/review", decide, "admin"), ("/tasks/review", decide, "viewer"),
        ("/tasks/review", decide, "binjiang"), ("/tasks/review", decide, "scitech"),
        ("/tasks/review", decide.map { $0.0 == "org" ? ($0.0, "bureau.econ_info") : $0 }, "econ"),
      ]
      // Districts and bureaus answer notices; only the commission decides them.
      let notice = [("notice", "blue:district.xihu:2024Q1"), ("version", "0"), ("text", "x")]
      for account in ["drc", "admin", "viewer"] { writes.append(("/notices/answer", notice, account)) }
      for account in ["xihu", "binjiang", "econ", "scitech", "admin", "viewer"] {
        writes.append(("/notices/decide", notice + [("decision", "close")], account))
      }
      // Only the commission records and withdraws assessment events.
      let event = [("year", "2024"), ("kind", "bonus"), ("org", "district.xihu"), ("points", "1"), ("reason", "x")]
      for account in ["xihu", "binjiang", "econ", "scitech", "admin", "viewer"] {
        writes.append(("/assessment/events", event, account))
        writes.append(("/assessment/events/withdraw", [("year", "2024"), ("id", "1"), ("reason", "x")], account))
      }
      for (path, fields, account) in writes {
        #expect(try await post(client, path, fields, as: account).status == .forbidden, "\(path) as \(account)")
      }
      #expect(try await get(client, "/events", as: nil).status == .unauthorized)
      let withoutToken = try await post(client, "/board/locks", [("period", "2024Q1")], as: "drc", csrf: false)
      #expect(withoutToken.status == .forbidden)
      // A bureau ticking a figure it does not own is refused whole.
      let foreign = try await post(
        client, "/review",
        [("org", "district.xihu"), ("period", "2024Q1"), ("decision", "approve"), ("figure", "tech.rd_expenditure@1")],
        as: "econ")
      #expect(foreign.status == .forbidden)
    }
    #expect(try await temporary.store.observations(plan: plan.id).isEmpty)
    #expect(try await temporary.store.isLocked(plan: plan.id, org: "district.xihu", period: q1) == false)
    #expect(try await temporary.store.targetIssues(plan: plan.id).map(\.version) == [1])
  }

  @Test("A form with one mistake saves nothing and shows the error beside its row; corrected, it saves and submits")
  func entry() async throws {
    try await application().test(.router) { client in
      let blank = try await get(client, "/entry?period=2024Q1", as: "xihu")
      #expect(blank.page.contains(#"name="value.digital.ict_revenue""#))
      #expect(blank.page.contains(#"name="value.plan.gdp""#))
      // Beside each input, what the figure measures and who produces it, to be confirmed.
      #expect(blank.page.contains("口径：地区生产总值，现价；来源：市统计局（待确认）"))
      // A bureau's form holds only the city figures of the indicators it owns.
      let bureau = try await get(client, "/entry?period=2024Q1", as: "econ")
      #expect(!bureau.page.contains(#"name="value.tech."#))

      let mistaken = try await post(
        client, "/entry",
        [
          ("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "12o.5"),
          ("value.digital.software_revenue", "100"), ("note.digital.software_revenue", "<script>alert(1)</script>"),
        ], as: "xihu")
      #expect(mistaken.status == .unprocessableContent)
      #expect(mistaken.page.contains(#"id="problem""#))
      let row = try #require(mistaken.page.range(of: #"data-indicator="digital.ict_revenue""#))
      let rowText = mistaken.page[row.lowerBound...].prefix(900)
      #expect(rowText.contains("field-error") && rowText.contains(#"aria-invalid="true""#))
      // The other row keeps what was typed; the note shows as text, never as markup.
      #expect(mistaken.page.contains(#"name="value.digital.software_revenue" value="100""#))
      #expect(mistaken.page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
      #expect(!mistaken.page.contains("<script>alert(1)"))
      #expect(try await temporary.store.observations(plan: plan.id).isEmpty)
      #expect(try await temporary.store.drafts(plan: plan.id, org: nil).isEmpty)

      let noteOnly = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "draft"), ("note.digital.ict_revenue", "待核")], as: "xihu")
      #expect(noteOnly.status == .unprocessableContent)

      let draft = try await post(
        client, "/entry",
        [
          ("period", "2024Q1"), ("action", "draft"), ("value.digital.ict_revenue", " 120.5 "),
          ("value.digital.software_revenue", "100"),
        ], as: "xihu")
      #expect(draft.status == .seeOther && draft.location == "/entry?period=2024Q1&saved=draft")
      #expect(try await temporary.store.drafts(plan: plan.id, org: "district.xihu").count == 2)
      #expect(try await temporary.store.observations(plan: plan.id).isEmpty)
      let saved = try await get(client, "/entry?period=2024Q1&saved=draft", as: "xihu")
      #expect(saved.page.contains(#"id="saved""#))
      #expect(saved.page.contains(#"name="value.digital.ict_revenue" value="120.5""#))

      let submitted = try await post(
        client, "/entry",
        [
          ("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "120.5"),
          ("value.digital.software_revenue", "100"),
        ], as: "xihu")
      #expect(submitted.location == "/entry?period=2024Q1&saved=submitted")
      let records = try await temporary.store.observations(plan: plan.id)
      #expect(records.count == 2 && records.allSatisfy { $0.status == .submitted && $0.reportedBy == "district.xihu" })
      #expect(records.first { $0.indicator == "digital.ict_revenue" }?.value == Decimal(string: "120.5"))
    }
  }

  @Test("A return needs a comment, which the district then sees; a stale approval is a conflict; a lock ends editing")
  func reviewAndLock() async throws {
    try await application().test(.router) { client in
      let fields = [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "120")]
      _ = try await post(client, "/entry", fields, as: "xihu")
      let queue = try await get(client, "/review?period=2024Q1", as: "econ")
      #expect(queue.page.contains(#"data-org="district.xihu""#))
      let revision = try #require(offeredRevision(queue.page, "digital.ict_revenue"))
      // 市科技局 owns no digital indicator: nothing of 西湖's waits for it.
      let other = try await get(client, "/review?period=2024Q1", as: "scitech")
      #expect(!other.page.contains(#"data-org="district.xihu""#) && other.page.contains(#"id="empty""#))

      let decision = [("org", "district.xihu"), ("period", "2024Q1"), ("figure", "digital.ict_revenue@\(revision)")]
      let silent = try await post(client, "/review", decision + [("decision", "return")], as: "econ")
      #expect(silent.status == .conflict && silent.page.contains(#"id="problem""#))
      #expect(try await status("digital.ict_revenue") == .submitted)
      let returned = try await post(
        client, "/review", decision + [("decision", "return"), ("comment", "请核对口径：应为累计数")], as: "econ")
      #expect(returned.status == .seeOther && returned.location == "/review?period=2024Q1&done=1")
      #expect(try await status("digital.ict_revenue") == .returned)
      let seen = try await get(client, "/entry?period=2024Q1", as: "xihu")
      #expect(seen.page.contains("请核对口径：应为累计数") && seen.page.contains(#"data-state="returned""#))

      // The district corrects and resubmits; the bureau opens the queue; the district changes the
      // figure again before the bureau decides: the bureau's approval is stale.
      _ = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "121")], as: "xihu"
      )
      let opened = try await get(client, "/review?period=2024Q1", as: "econ")
      let stale = try #require(offeredRevision(opened.page, "digital.ict_revenue"))
      _ = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "122")], as: "xihu"
      )
      let conflict = try await post(
        client, "/review",
        [
          ("org", "district.xihu"), ("period", "2024Q1"), ("figure", "digital.ict_revenue@\(stale)"),
          ("decision", "approve"),
        ], as: "econ")
      #expect(conflict.status == .conflict)
      #expect(try await status("digital.ict_revenue") == .submitted)
      let fresh = try #require(
        offeredRevision(try await get(client, "/review?period=2024Q1", as: "econ").page, "digital.ict_revenue"))
      #expect(fresh != stale)
      let approved = try await post(
        client, "/review",
        [
          ("org", "district.xihu"), ("period", "2024Q1"), ("figure", "digital.ict_revenue@\(fresh)"),
          ("decision", "approve"),
        ], as: "econ")
      #expect(approved.status == .seeOther)
      #expect(try await status("digital.ict_revenue") == .approved)

      // The board shows the cell; the commission locks it; the district can no longer edit.
      let board = try await get(client, "/board?year=2024", as: "drc")
      #expect(board.page.contains(#"data-period="2024Q1" data-state="submitted""#))
      let lock = try await post(
        client, "/board/locks", [("period", "2024Q1"), ("org", "district.xihu")], as: "drc")
      #expect(lock.status == .seeOther && lock.location == "/board?year=2024&locked=1")
      #expect(try await temporary.store.isLocked(plan: plan.id, org: "district.xihu", period: q1))
      let lockedBoard = try await get(client, "/board?year=2024", as: "drc")
      #expect(lockedBoard.page.contains(#"data-period="2024Q1" data-state="locked""#))
      let locked = try await get(client, "/entry?period=2024Q1", as: "xihu")
      #expect(!locked.page.contains(#"name="value.digital.ict_revenue""#))
      #expect(!locked.page.contains(#"id="submit""#))
      let late = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "130")], as: "xihu"
      )
      #expect(late.status == .unprocessableContent)
      #expect(try await status("digital.ict_revenue") == .approved)
      // Once locked, other districts may read the figure's history; the audit log has every step.
      #expect(
        try await get(client, "/figure?indicator=digital.ict_revenue&org=district.xihu&period=2024Q1", as: "binjiang")
          .status == .ok)
      let audit = try await get(client, "/audit?org=district.xihu&action=return", as: "drc")
      #expect(audit.page.contains("请核对口径：应为累计数"))
      #expect(try await get(client, "/audit?action=nonsense", as: "drc").status == .badRequest)
    }
  }

  @Test("Pages speak English on request, and the language switch leads back to the same page")
  func english() async throws {
    try await application().test(.router) { client in
      let page = try await get(client, "/entry?period=2024Q1&lang=en", as: "xihu")
      #expect(page.page.contains("Data entry") && page.page.contains(#"<html lang="en">"#))
      #expect(page.page.contains(#"href="/entry?period=2024Q1&amp;lang=zh""#))
    }
  }

  @Test("The open quarter is the last one ended, held within the plan")
  func openQuarter() throws {
    let plan = try HangzhouPlan.plan()
    let may2024 = Date(timeIntervalSince1970: 1_715_000_000)
    #expect(PageQuarter.current(plan: plan, now: may2024) == .quarter(1, of: 2024))
    #expect(PageQuarter.current(plan: plan, now: Date(timeIntervalSince1970: 1_800_000_000)) == .quarter(4, of: 2025))
    #expect(
      PageQuarter.current(plan: plan, now: Date(timeIntervalSince1970: 0)) == .quarter(1, of: plan.years.lowerBound))
  }

  @Test("Live events reach only the accounts that may learn of them, once per org and quarter")
  func liveEvents() async throws {
    let events = LiveEvents(heartbeat: .seconds(3600))
    func account(_ org: OrgID, _ role: Role) -> AccountRecord {
      AccountRecord(name: "\(org)", org: org, role: role, passwordHash: "", createdAt: Date(), updatedAt: Date())
    }
    let xihu = events.subscribe(account("district.xihu", .district))
    let binjiang = events.subscribe(account("district.binjiang", .district))
    let board = events.subscribe(account("bureau.drc", .commission))
    let viewer = events.subscribe(account("bureau.drc", .viewer))
    #expect(events.count == 4)
    // An annual and a fourth-quarter figure of 西湖 are one change of its 2024Q4.
    events.publish(.submit, [("district.xihu", .year(2024)), ("district.xihu", .quarter(4, of: 2024))])
    events.publish(FigureEvent(.lock, org: "district.binjiang", period: .quarter(4, of: 2024)))
    let submitted = #"data: {"kind":"submit","org":"district.xihu","period":"2024Q4"}"#
    let locked = #"data: {"kind":"lock","org":"district.binjiang","period":"2024Q4"}"#
    var iterators = [xihu, binjiang, board, viewer].map { $0.makeAsyncIterator() }
    #expect(await iterators[0].next()?.contains(submitted) == true)
    #expect(await iterators[1].next()?.contains(locked) == true)
    #expect(await iterators[2].next()?.contains(submitted) == true)
    #expect(await iterators[2].next()?.contains(locked) == true)
    #expect(await iterators[3].next()?.contains(locked) == true)
    // Targets issued concern every org: every page hears of them, the viewer's and districts' too.
    events.publish(FigureEvent(.targets, org: FigureEvent.everyOrg, period: .year(2025)))
    let issued = #"data: {"kind":"targets","org":"*","period":"2025Q4"}"#
    for index in iterators.indices { #expect(await iterators[index].next()?.contains(issued) == true) }
  }

  @Test("Monitoring and the assessment through the API are scoped like the figures, and a write shows at once")
  func standing() async throws {
    let server = WebServer(
      port: 0, workspace: try HangzhouPlan.workspace(), store: temporary.store, standingAge: 3600)
    try await server.application(logger: Logger(label: "test")).test(.router) { client in
      func rows(_ account: String) async throws -> [[String: Any]] {
        let answer = try await get(client, "/api/v1/monitoring?period=2024Q1", as: account)
        #expect(answer.status == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(answer.page.utf8)) as? [String: Any]
        return object?["rows"] as? [[String: Any]] ?? []
      }
      let orgs = { (rows: [[String: Any]]) in
        Set(rows.filter { $0["is_city"] as? Bool == false }.compactMap { $0["org"] as? String })
      }
      #expect(orgs(try await rows("xihu")) == ["district.xihu"])
      #expect(orgs(try await rows("drc")).count == 13)
      #expect(try await rows("viewer").isEmpty)
      #expect(try await get(client, "/api/v1/monitoring?period=2031Q1", as: "xihu").status == .badRequest)

      // A submission through the app shows in monitoring at once, though readings are kept an hour.
      let ict = { (rows: [[String: Any]]) in
        rows.first { $0["org"] as? String == "district.xihu" && $0["indicator"] as? String == "digital.ict_revenue" }
      }
      #expect((ict(try await rows("xihu"))?["value"] as? NSNumber) == nil)
      _ = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "640.5")],
        as: "xihu")
      #expect((ict(try await rows("xihu"))?["value"] as? NSNumber)?.decimalValue == Decimal(string: "640.5"))

      let cards = { (account: String) async throws -> [[String: Any]] in
        let answer = try await get(client, "/api/v1/assessment?year=2024", as: account)
        return (try? JSONSerialization.jsonObject(with: Data(answer.page.utf8)) as? [[String: Any]]) ?? []
      }
      #expect(try await cards("xihu").compactMap { $0["org"] as? String } == ["district.xihu"])
      #expect(try await cards("drc").count > 13)
      #expect(try await get(client, "/api/v1/assessment?year=2024", as: "viewer").status == .forbidden)
      #expect(try await get(client, "/api/v1/assessment?year=1999", as: "drc").status == .badRequest)

      // The home page shows the district's lights and, for a year ended, its scorecard.
      let home = try await get(client, "/?year=2024", as: "xihu")
      #expect(home.page.contains(#"id="lights""#) && home.page.contains(#"data-indicator="digital.ict_revenue""#))
      #expect(home.page.contains(#"id="scorecard""#))
    }
  }

  @Test("An approved figure changes only through a change request the commission accepts; it then needs review again")
  func changeRequests() async throws {
    try await application().test(.router) { client in
      _ = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "120")], as: "xihu"
      )
      let revision = try #require(
        offeredRevision(try await get(client, "/review?period=2024Q1", as: "econ").page, "digital.ict_revenue"))
      _ = try await post(
        client, "/review",
        [
          ("org", "district.xihu"), ("period", "2024Q1"), ("figure", "digital.ict_revenue@\(revision)"),
          ("decision", "approve"),
        ], as: "econ")
      #expect(try await status("digital.ict_revenue") == .approved)
      let entry = try await get(client, "/entry?period=2024Q1", as: "xihu")
      #expect(entry.page.contains(#"href="/changes/new?indicator=digital.ict_revenue&amp;period=2024Q1""#))
      #expect(
        try await get(client, "/changes/new?indicator=digital.ict_revenue&period=2024Q1", as: "xihu").status == .ok)
      #expect(
        try await get(client, "/changes/new?indicator=digital.ict_revenue&period=2024Q1", as: "drc").status
          == .forbidden)

      let figure = [("indicator", "digital.ict_revenue"), ("period", "2024Q1")]
      let mistaken = try await post(client, "/changes", figure + [("value", "13o"), ("reason", "统计口径调整")], as: "xihu")
      #expect(mistaken.status == .unprocessableContent && mistaken.page.contains("field-error"))
      let unexplained = try await post(client, "/changes", figure + [("value", "130"), ("reason", " ")], as: "xihu")
      #expect(unexplained.status == .conflict)
      let filed = try await post(client, "/changes", figure + [("value", "130"), ("reason", "统计口径调整")], as: "xihu")
      #expect(filed.status == .seeOther && filed.location == "/changes?filed=1")
      #expect(try await status("digital.ict_revenue") == .approved, "filing changes nothing yet")

      #expect(try await get(client, "/changes", as: "xihu").page.contains(#"data-id="1" data-state="pending""#))
      #expect(!(try await get(client, "/changes", as: "binjiang").page.contains(#"data-id="1""#)))
      let board = try await get(client, "/changes", as: "drc")
      #expect(board.page.contains(#"action="/changes/decide""#))
      #expect(try await get(client, "/changes", as: "viewer").status == .forbidden)

      let decision = [("id", "1")]
      #expect(
        try await post(client, "/changes/decide", decision + [("decision", "accept")], as: "econ").status == .forbidden)
      #expect(
        try await post(client, "/changes/decide", decision + [("decision", "reject")], as: "drc").status == .conflict)
      let accepted = try await post(client, "/changes/decide", decision + [("decision", "accept")], as: "drc")
      #expect(accepted.status == .seeOther && accepted.location == "/changes?decided=1")
      let record = try await temporary.store.observations(
        plan: plan.id, indicator: "digital.ict_revenue", org: "district.xihu", period: q1
      ).first
      #expect(record?.value == 130 && record?.status == .submitted && record?.changedAfterApproval == true)
      #expect(
        try await post(client, "/changes/decide", decision + [("decision", "accept")], as: "drc").status == .conflict)
      #expect(
        offeredRevision(try await get(client, "/review?period=2024Q1", as: "econ").page, "digital.ict_revenue") != nil)
    }
  }

  @Test("A page kept for many requests carries each session's own CSRF token, never another's")
  func keptPages() async throws {
    let now = Date()
    try await temporary.store.addSession(
      SessionRecord(
        idHash: Tokens.hash("session-xihu2"), account: "xihu", csrfToken: "csrf-xihu2", createdAt: now, lastSeenAt: now,
        address: "127.0.0.1"))
    try await application().test(.router) { client in
      for _ in 0..<2 {
        let first = try await get(client, "/?year=2024", as: "xihu")
        let second = try await get(client, "/?year=2024", as: "xihu2")
        #expect(first.page.contains(#"value="csrf-xihu""#) && !first.page.contains("csrf-xihu2"))
        #expect(second.page.contains(#"value="csrf-xihu2""#))
        #expect(!first.page.contains(Pages.tokenMark) && !second.page.contains(Pages.tokenMark))
        let board = try await get(client, "/board?year=2024", as: "drc")
        #expect(board.page.contains(#"value="csrf-drc""#) && !board.page.contains(Pages.tokenMark))
      }
    }
  }

  @Test("Readings follow writes made elsewhere once checked, and a write of the app at once")
  func readings() async throws {
    let workspace = try HangzhouPlan.workspace()
    let value = { (report: MonitoringReport) in
      report.rows.first { $0.org == "district.xihu" && $0.indicator == "digital.ict_revenue" }?.value
    }
    func submit(_ text: String) async throws {
      _ = try await temporary.store.submit(
        Submission(
          plan: plan.id, submitter: "district.xihu", role: .district, source: "elsewhere.csv", time: Date(),
          rows: [
            ObservationInput(
              indicator: "digital.ict_revenue", org: "district.xihu", period: q1, value: Decimal(string: text)!)
          ]))
    }
    // Checked at every read: a write elsewhere shows once the check beside the answers has run.
    let checking = Standing(workspace: workspace, store: temporary.store, maximumAge: 0)
    #expect(value(try await checking.monitoring(at: q1)) == nil)
    try await submit("600")
    var seen: Decimal?
    for _ in 0..<100 where seen != 600 {
      seen = value(try await checking.monitoring(at: q1))
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(seen == 600)
    // Kept an hour: a write elsewhere does not show, until the app says the figures changed.
    let keeping = Standing(workspace: workspace, store: temporary.store, maximumAge: 3600)
    #expect(value(try await keeping.monitoring(at: q1)) == 600)
    try await submit("610")
    #expect(value(try await keeping.monitoring(at: q1)) == 600)
    keeping.changed()
    #expect(value(try await keeping.monitoring(at: q1)) == 610)
  }

  @Test("An administrator manages users by the account rules; no one else can; disabling ends the sessions")
  func users() async throws {
    try await application().test(.router) { client in
      for account in ["xihu", "econ", "drc", "viewer"] {
        #expect(try await get(client, "/admin/users", as: account).status == .forbidden, "\(account)")
        let add = [("name", "intruder"), ("org", "district.xihu"), ("role", "admin"), ("password", "西湖-龙井-春茶-2025")]
        #expect(try await post(client, "/admin/users", add, as: account).status == .forbidden, "\(account)")
      }
      let page = try await get(client, "/admin/users", as: "admin")
      #expect(page.status == .ok && page.page.contains(#"data-account="xihu""#))

      func add(_ name: String, _ org: String, _ role: String, _ password: String) async throws -> HTTPResponse.Status {
        try await post(
          client, "/admin/users", [("name", name), ("org", org), ("role", role), ("password", password)], as: "admin"
        ).status
      }
      #expect(try await add("张 三", "district.xihu", "district", "西湖-龙井-春茶-2025") == .unprocessableContent)
      #expect(try await add("xihu.zhang", "bureau.econ_info", "district", "西湖-龙井-春茶-2025") == .unprocessableContent)
      #expect(try await add("xihu.zhang", "district.xihu", "district", "password") == .unprocessableContent)
      #expect(try await add("xihu.zhang", "district.xihu", "district", "西湖-龙井-春茶-2025") == .seeOther)
      #expect(try await add("xihu.zhang", "district.xihu", "district", "西湖-龙井-春茶-2026") == .conflict)
      let added = try #require(try await temporary.store.account(named: "xihu.zhang"))
      #expect(added.org == "district.xihu" && added.role == .district)
      #expect(Passwords.verify("西湖-龙井-春茶-2025", hash: added.passwordHash))

      // Disabling ends the account's sessions at once; the administrator cannot disable itself.
      #expect(try await get(client, "/", as: "xihu").status == .ok)
      let disabled = try await post(
        client, "/admin/users/state", [("name", "xihu"), ("disabled", "true")], as: "admin")
      #expect(disabled.status == .seeOther)
      #expect(try await get(client, "/", as: "xihu").location == "/login")
      #expect(
        try await post(client, "/admin/users/state", [("name", "admin"), ("disabled", "true")], as: "admin").status
          == .conflict)
      #expect(
        try await post(client, "/admin/users/state", [("name", "nobody"), ("disabled", "true")], as: "admin").status
          == .notFound)
      #expect(
        try await post(client, "/admin/users/password", [("name", "econ"), ("password", "123")], as: "admin").status
          == .unprocessableContent)
      let reset = try await post(
        client, "/admin/users/password", [("name", "econ"), ("password", "钱塘-潮涌-2025-秋")], as: "admin")
      #expect(reset.status == .seeOther)
      #expect(
        Passwords.verify(
          "钱塘-潮涌-2025-秋", hash: try #require(try await temporary.store.account(named: "econ")).passwordHash))
    }
  }

  @Test("The report, its tile map and the target letters are handed to those who may have them, under a strict policy")
  func documents() async throws {
    try await application().test(.router) { client in
      _ = try await post(
        client, "/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "640.5")],
        as: "xihu")
      func fetch(_ path: String, as account: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: "__Host-zhibiao=session-\(account)"]) {
          $0
        }
      }
      let report = try await fetch("/report?period=2024", as: "drc")
      #expect(report.status == .ok)
      #expect(report.headers[.contentSecurityPolicy] == Documents.documentPolicy)
      let page = String(buffer: report.body)
      #expect(page.contains("<h1>") && page.contains("不含年度加分、扣分与否决事项") && !page.contains("<script"))
      let download = try await fetch("/report?period=2024Q1&download=1", as: "admin")
      #expect(download.headers[.contentDisposition] == #"attachment; filename="report-2024Q1.html""#)
      let annual = try await fetch("/report?period=2024&download=1", as: "admin")
      #expect(annual.headers[.contentDisposition] == #"attachment; filename="report-2024.html""#)
      #expect(try await fetch("/report?period=2024", as: "xihu").status == .forbidden)
      #expect(try await fetch("/report?period=2024", as: "econ").status == .forbidden)
      #expect(try await fetch("/report?period=2031", as: "drc").status == .badRequest)

      let tiles = try await fetch("/board/tiles.svg?year=2024", as: "drc")
      #expect(tiles.status == .ok && tiles.headers[.contentType] == "image/svg+xml")
      #expect(String(buffer: tiles.body).hasPrefix("<svg"))
      #expect(try await fetch("/board/tiles.svg?year=2024", as: "xihu").status == .forbidden)
      let board = try await get(client, "/board?year=2024", as: "drc")
      #expect(board.page.contains(#"id="goals""#) && board.page.contains(#"id="tile-map""#))

      // The monitoring workbook holds only the rows the account may read.
      let workbook = try await fetch("/downloads/monitoring.xlsx?period=2024Q1", as: "xihu")
      #expect(
        workbook.status == .ok && workbook.headers[.contentDisposition]?.contains("monitoring-2024Q1.xlsx") == true)
      let sheet = try Workbook(data: Data(buffer: workbook.body), file: "m.xlsx").table(
        sheet: "区县 Districts", columns: WorkbookColumns(headerNames: ["指标编号"], numbers: [], dates: []))
      #expect(!sheet.rows.isEmpty && Set(sheet.rows.compactMap { $0["单位（组织）"] }) == ["西湖区"])
      #expect(try await fetch("/downloads/monitoring.xlsx?period=2024Q1", as: "viewer").status == .forbidden)

      let own = try await fetch("/letter?year=2025", as: "xihu")
      #expect(own.status == .ok && String(buffer: own.body).contains("西湖区"))
      #expect(try await fetch("/letter?year=2025&org=district.binjiang", as: "xihu").status == .forbidden)
      #expect(try await fetch("/letter?year=2025&org=district.binjiang", as: "drc").status == .ok)
      #expect(try await fetch("/letter?year=2025&org=district.xihu", as: "econ").status == .forbidden)
      #expect(try await fetch("/letter?year=2025&org=bureau.econ_info", as: "drc").status == .notFound)
      // The letter as a Word document, under the same rules.
      let word = try await fetch("/letter?year=2025&format=docx", as: "xihu")
      #expect(word.headers[.contentDisposition] == #"attachment; filename="district.xihu-2025.docx""#)
      let archive = try ZipArchive(data: Data(buffer: word.body))
      let body = try #require(archive.entries.first { $0.path == "word/document.xml" })
      #expect(String(data: try archive.data(body), encoding: .utf8)?.contains("西湖区") == true)
      #expect(try await fetch("/letter?year=2025&org=district.binjiang&format=docx", as: "xihu").status == .forbidden)
      #expect(try await fetch("/letter?year=2025&format=odt", as: "xihu").status == .badRequest)
    }
  }
}
