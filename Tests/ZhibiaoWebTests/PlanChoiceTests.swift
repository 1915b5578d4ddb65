// Several plans in one app: the plan a request is about comes from `?plan=`, then a cookie, then
// the plan served first; each plan's pages and downloads hold its own figures only.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport
import ZhibiaoWorkspace

@testable import ZhibiaoWeb

@Suite("Several plans in one app")
struct PlanChoiceTests: SignedInPages {
  let temporary: TemporaryStore
  let config: TemporaryConfig
  let first: Workspace
  let second: Workspace

  init() async throws {
    temporary = try TemporaryStore()
    config = try TemporaryConfig()
    try config.addPlan("hz_next")
    let catalogue = try PlanCatalogue(configPath: config.path)
    first = try Workspace(source: catalogue.source(for: nil))
    second = try Workspace(source: catalogue.source(for: "hz_next"))
    try await Self.prepare(temporary.store)
    let q1 = Period.quarter(1, of: 2024)
    for (plan, value) in [(first.plan.id, "640.5"), (second.plan.id, "777.7")] {
      _ = try await temporary.store.submit(
        Submission(
          plan: plan, submitter: "district.xihu", role: .district, source: "xihu.csv", time: Date(),
          rows: [
            ObservationInput(
              indicator: "digital.ict_revenue", org: "district.xihu", period: q1, value: Decimal(string: value)!)
          ]))
    }
  }

  func twoPlanApplication() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: first, store: temporary.store, otherPlans: [second])
    return try await server.application(logger: Logger(label: "test"))
  }

  func download(
    _ client: some TestClientProtocol, _ path: String, cookies: String
  ) async throws -> (body: String, setCookie: String?) {
    try await client.execute(uri: path, method: .get, headers: [.cookie: cookies]) { response in
      #expect(response.status == .ok, "\(path)")
      return (String(buffer: response.body), response.headers[.setCookie])
    }
  }

  @Test("The header offers both plans; ?plan= picks one and a cookie keeps it; each plan shows its own figures")
  func pickAndKeep() async throws {
    try await twoPlanApplication().test(.router) { client in
      let session = "__Host-zhibiao=session-xihu"
      let home = try await get(client, "/", as: "xihu")
      #expect(home.status == .ok)
      #expect(home.page.contains(#"<form method="get" action="/" class="inline" id="plan-choice">"#))
      #expect(home.page.contains(#"<option value="hz_producer_services" selected>杭州市生产性服务业创新发展实施方案</option>"#))
      #expect(home.page.contains(#"<option value="hz_next">杭州市生产性服务业创新发展实施方案（乙）</option>"#))

      let own = try await download(client, "/downloads/observations.csv", cookies: session)
      #expect(own.body.contains("640.5") && !own.body.contains("777.7"))
      #expect(own.setCookie == nil)

      let picked = try await download(client, "/downloads/observations.csv?plan=hz_next", cookies: session)
      #expect(picked.body.contains("777.7") && !picked.body.contains("640.5"))
      #expect(picked.setCookie == "__Host-zhibiao-plan=hz_next; Path=/; Secure; HttpOnly; SameSite=Strict")

      let kept = "\(session); __Host-zhibiao-plan=hz_next"
      let later = try await download(client, "/downloads/observations.csv", cookies: kept)
      #expect(later.body.contains("777.7") && !later.body.contains("640.5"))
      let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: kept]) { String(buffer: $0.body) }
      #expect(page.contains(#"<option value="hz_next" selected>"#))

      // A plan that is not served is ignored: the kept one, else the first, answers.
      let unknown = try await download(client, "/downloads/observations.csv?plan=nowhere", cookies: kept)
      #expect(unknown.body.contains("777.7") && unknown.setCookie == nil)
      let stale = try await download(
        client, "/downloads/observations.csv", cookies: "\(session); __Host-zhibiao-plan=nowhere")
      #expect(stale.body.contains("640.5"))
    }
  }

  @Test("With one plan there is nothing to pick")
  func onePlan() async throws {
    try await application().test(.router) { client in
      let home = try await get(client, "/", as: "xihu")
      #expect(home.status == .ok && !home.page.contains("plan-choice"))
    }
  }
}
