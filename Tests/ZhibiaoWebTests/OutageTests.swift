// When the store cannot be reached (the database is restarting), every route answers 503 with the
// app's own error page or JSON object — the request id and nothing of the error — never a raw
// framework error or a 500.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

@Suite("Store outage")
struct OutageTests {
  let temporary: TemporaryStore
  let store: OutageStore

  init() async throws {
    temporary = try TemporaryStore()
    try await PageTests.prepare(temporary.store)
    store = OutageStore(base: temporary.store)
  }

  func application() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: try HangzhouPlan.workspace(), store: store)
    return try await server.application(logger: Logger(label: "test"))
  }

  /// `path` as `account`, asking for a page (HTML) or, with `page` false, for JSON; a form body for a POST.
  func send(
    _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, as account: String?,
    form: [(String, String)] = [], page: Bool = true
  ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
    var headers: HTTPFields = [.accept: page ? "text/html" : "application/json"]
    if let account { headers[.cookie] = "__Host-zhibiao=session-\(account)" }
    var body = ByteBuffer()
    if method == .post {
      headers[.contentType] = "application/x-www-form-urlencoded"
      let fields = (account.map { [("csrf", "csrf-\($0)")] } ?? []) + form
      let allowed = CharacterSet.alphanumerics
      body = ByteBuffer(
        string: fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
          separator: "&"))
    }
    return try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
      (response.status, String(buffer: response.body), response.headers)
    }
  }

  /// Whether `answer` is the app's own 503: the error page with its request id, the security
  /// headers, and nothing of the error's text.
  func isOwn503(_ answer: (status: HTTPResponse.Status, body: String, headers: HTTPFields), page: Bool = true) -> Bool {
    guard answer.status == .serviceUnavailable, answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff",
      answer.headers[.contentSecurityPolicy] != nil, !answer.body.contains("restarting")
    else { return false }
    if page { return answer.body.contains("数据库暂不可用") && answer.body.contains("request id") }
    return answer.body.contains(#""error":"Service Unavailable""#) && answer.body.contains("request_id")
  }

  @Test("With the figures unreachable, pages, downloads, the API and forms answer 503")
  func figures() async throws {
    try await application().test(.router) { client in
      #expect(try await send(client, .get, "/targets", as: "drc").status == .ok, "the store answers at first")
      store.outage.withLock { $0 = .figures }
      let reads: [(String, String)] = [
        ("/", "xihu"), ("/?year=2024", "drc"), ("/entry?period=2024Q1", "xihu"), ("/review?period=2024Q1", "econ"),
        ("/board?year=2024", "drc"), ("/changes", "drc"), ("/audit", "admin"),
        ("/figure?indicator=digital.ict_revenue&org=district.xihu&period=2024Q1", "xihu"),
        ("/changes/new?indicator=digital.ict_revenue&period=2024Q1", "xihu"), ("/targets", "viewer"),
        ("/targets/show?version=1", "xihu"), ("/targets/diff?from=1&to=config", "drc"),
        ("/downloads/observations.csv", "xihu"), ("/downloads/observations.xlsx", "econ"),
        ("/downloads/targets.xlsx?year=2025", "xihu"), ("/downloads/registers.csv", "drc"),
        ("/downloads/monitoring.xlsx?period=2024Q1", "xihu"), ("/report?period=2024Q1", "drc"),
        ("/letter?year=2025", "xihu"),
      ]
      for (path, account) in reads {
        let answer = try await send(client, .get, path, as: account)
        #expect(isOwn503(answer), "GET \(path) as \(account): \(answer.status)")
      }
      for path in ["/api/v1/observations", "/api/v1/targets", "/api/v1/monitoring?period=2024Q1"] {
        let answer = try await send(client, .get, path, as: "drc", page: false)
        #expect(isOwn503(answer, page: false), "GET \(path): \(answer.status)")
      }
      let writes: [(String, [(String, String)], String)] = [
        ("/entry", [("period", "2024Q1"), ("action", "submit"), ("value.digital.ict_revenue", "1")], "xihu"),
        ("/review", [("org", "district.xihu"), ("period", "2024Q1"), ("decision", "approve")], "econ"),
        ("/board/locks", [("period", "2024Q1"), ("org", "district.xihu")], "drc"),
        (
          "/changes", [("indicator", "digital.ict_revenue"), ("period", "2024Q1"), ("value", "1"), ("reason", "x")],
          "xihu"
        ),
        ("/changes/decide", [("id", "1"), ("decision", "accept")], "drc"),
        ("/targets", [("year", "2025"), ("document", "杭服领〔2025〕1号"), ("date", "2025-02-20")], "drc"),
      ]
      for (path, form, account) in writes {
        let answer = try await send(client, .post, path, as: account, form: form)
        #expect(isOwn503(answer), "POST \(path) as \(account): \(answer.status)")
      }
      // Back up: the same pages answer again.
      store.outage.withLock { $0 = .none }
      #expect(try await send(client, .get, "/targets", as: "drc").status == .ok)
      #expect(try await send(client, .get, "/?year=2024", as: "xihu").status == .ok)
    }
  }

  @Test("With the whole store unreachable, signed-in pages, sign-in and the health check answer 503")
  func everything() async throws {
    try await application().test(.router) { client in
      store.outage.withLock { $0 = .everything }
      let home = try await send(client, .get, "/", as: "xihu")
      #expect(isOwn503(home))
      let targets = try await send(client, .get, "/targets", as: "drc")
      #expect(isOwn503(targets))
      let signIn = try await send(client, .post, "/login", as: nil, form: [("name", "xihu"), ("password", "x")])
      #expect(isOwn503(signIn))
      let signOut = try await send(client, .post, "/logout", as: "xihu")
      #expect(isOwn503(signOut))
      #expect(try await send(client, .get, "/healthz", as: nil, page: false).status == .serviceUnavailable)
    }
  }
}
