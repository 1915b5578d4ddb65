// `zhibiao serve` as an operator runs it: it answers /healthz on the port it is given, logs one
// JSON line per request, and stops cleanly on SIGTERM; and a user signs in with a real browser.

import Foundation
import Testing
import ZhibiaoTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("zhibiao serve", .serialized)
struct ServeCommandTests {
  @Test("Serves /healthz, logs the request as JSON, and exits 0 on SIGTERM")
  func servesAndStops() async throws {
    let run = try Executable()
    defer { run.cleanUp() }
    let server = try await RunningServer(db: run.path("web.sqlite"))
    let (body, response) = try await URLSession.shared.data(from: server.url("/healthz"))
    let http = try #require(response as? HTTPURLResponse)
    #expect(http.statusCode == 200)
    #expect(String(decoding: body, as: UTF8.self) == #"{"status":"ok"}"#)
    #expect(http.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")

    let log = server.stop()
    #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
    let lines = log.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
    }
    #expect(lines.contains { $0["path"] == "/healthz" && $0["status"] == "200" && $0["request_id"] != nil }, "\(log)")
    #expect(log.contains("There are no accounts yet") || log.contains("还没有用户"))
  }

  @Test(
    "A user signs in and out in headless Chromium; markup in a name stays text; the cookie is strict",
    .enabled(if: BrowserTools.shouldRun, BrowserTools.skipReason))
  func signInWithBrowser() async throws {
    let tools = try BrowserTools.require()
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("web.sqlite")
    let added = try run.run(
      ["users", "add", "binjiang.wang", "--org", "滨江区", "--role", "district", "--password-stdin", "--db", db],
      input: "钱塘江-潮-2025\n")
    try #require(added.status == 0, "\(added.errors)")
    let server = try await RunningServer(db: db)
    let check = try BrowserTools.run(
      tools.python,
      [
        Repository.url("Tools/BrowserCheck/check_sign_in.py").path, server.url().absoluteString, "binjiang.wang",
        "钱塘江-潮-2025",
      ])
    server.stop()
    #expect(check.status == 0, "check_sign_in.py said:\n\(check.output)")
  }
}

extension ServeCommandTests {
  @Test(
    "The review workflow in three browsers: entry with a mistake, return with a comment, approval, a live board, a lock",
    .enabled(if: BrowserTools.shouldRun, BrowserTools.skipReason))
  func workflowWithBrowsers() async throws {
    let tools = try BrowserTools.require()
    let run = try Executable()
    defer { run.cleanUp() }
    let db = run.path("web.sqlite")
    let users = [
      ("xihu.zhang", "西湖区", "district", "西湖-龙井-2024"), ("econ.li", "市经信局", "bureau", "经信-数字-2024"),
      ("drc.wang", "市发改委", "commission", "发改-统筹-2024"),
    ]
    for (name, org, role, password) in users {
      let added = try run.run(
        ["users", "add", name, "--org", org, "--role", role, "--password-stdin", "--db", db], input: password + "\n")
      try #require(added.status == 0, "\(added.errors)")
    }
    let server = try await RunningServer(db: db)
    let check = try BrowserTools.run(
      tools.python,
      [Repository.url("Tools/BrowserCheck/check_workflow.py").path, server.url().absoluteString]
        + users.flatMap { [$0.0, $0.3] })
    let log = server.stop()
    #expect(check.status == 0, "check_workflow.py said:\n\(check.output)\nserver log:\n\(log.suffix(4000))")
  }
}
