// The JSON API's reads, route by role: who gets 200, 401, 403 or 400, and what each role sees
// of the reported figures of other orgs.

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZhibiaoAccounts
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoWeb

@Suite("JSON API reads")
struct APITests {
  let temporary: TemporaryStore
  let plan: Plan
  let q1 = Period.quarter(1, of: 2024)

  /// One account per role: (name, org, role), each with a token named after it.
  static let accounts: [(String, OrgID, Role)] = [
    ("xihu", "district.xihu", .district), ("econ", "bureau.econ_info", .bureau),
    ("scitech", "bureau.sci_tech", .bureau), ("drc", "bureau.drc", .commission), ("admin", "bureau.drc", .admin),
    ("viewer", "bureau.drc", .viewer),
  ]

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    let now = Date(timeIntervalSince1970: 1_764_000_000)
    try await Self.addAccounts(to: temporary.store, at: now)
    // 西湖 and 滨江 report Q1; 滨江's quarter is then locked.
    for org: OrgID in ["district.xihu", "district.binjiang"] {
      _ = try await temporary.store.submit(
        Submission(
          plan: plan.id, submitter: org, role: .district, source: "q1.csv", time: now,
          rows: [
            ObservationInput(indicator: "digital.ict_revenue", org: org, period: q1, value: 120),
            ObservationInput(indicator: "tech.national_incubators", org: org, period: q1, value: 3),
          ]))
    }
    _ = try await temporary.store.lock(plan: plan.id, org: "district.binjiang", period: q1, by: "bureau.drc", at: now)
  }

  /// Adds `accounts` to `store`, each with the token `zb_NAME`.
  static func addAccounts(to store: any Store, at now: Date) async throws {
    for (name, org, role) in accounts {
      try await store.addAccount(
        AccountRecord(name: name, org: org, role: role, passwordHash: "$2b$12$unused", createdAt: now, updatedAt: now))
      try await store.addToken(TokenRecord(name: name, account: name, hash: Tokens.hash("zb_\(name)"), createdAt: now))
    }
  }

  func application() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: try HangzhouPlan.workspace(), store: temporary.store)
    return try await server.application(logger: Logger(label: "test"))
  }

  func headers(_ account: String?) -> HTTPFields {
    account.map { [.authorization: "Bearer zb_\($0)"] } ?? [:]
  }

  /// The rows of a JSON array answer.
  func rows(_ response: TestResponse) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
  }

  @Test("Every route answers each role as the rules say")
  func matrix() async throws {
    // (path, account or nil, expected status)
    let cases: [(String, String?, HTTPResponse.Status)] = [
      ("/api/v1/me", nil, .unauthorized),
      ("/api/v1/targets?org=district.xihu&period=2025", nil, .unauthorized),
      ("/api/v1/observations?period=2024Q1", nil, .unauthorized),
      ("/api/v1/targets?org=district.xihu&period=2025", "viewer", .ok),
      ("/api/v1/targets?org=district.nowhere", "xihu", .badRequest),
      ("/api/v1/observations?period=2024Q5", "xihu", .badRequest),
      ("/api/v1/observations?org=district.xihu&period=2024Q1", "xihu", .ok),
      // Another district's unlocked figures: refused, not an empty list.
      ("/api/v1/observations?org=district.xihu&period=2024Q1", "viewer", .forbidden),
      ("/api/v1/observations?org=district.binjiang&period=2024Q1", "xihu", .ok),
      ("/api/v1/observations?org=district.xihu&period=2024Q1", "econ", .ok),
      ("/api/v1/observations?org=district.xihu&period=2024Q1", "drc", .ok),
      ("/api/v1/observations?org=district.xihu&period=2024Q1", "admin", .ok),
    ]
    for account in Self.accounts.map(\.0) {
      try await application().test(.router) { client in
        try await client.execute(uri: "/api/v1/me", method: .get, headers: headers(account)) {
          #expect($0.status == .ok, "\(account) /api/v1/me")
        }
      }
    }
    try await application().test(.router) { client in
      for (path, account, status) in cases {
        try await client.execute(uri: path, method: .get, headers: headers(account)) { response in
          #expect(response.status == status, "\(account ?? "anonymous") \(path)")
        }
      }
      let other = "/api/v1/observations?org=district.binjiang&period=2024Q1"
      try await client.execute(uri: other, method: .get, headers: headers("drc")) { response in
        let count = try rows(response).count
        #expect(count == 2)
      }
    }
  }

  @Test("Each role sees exactly the figures the rules let it read")
  func scoping() async throws {
    // Figures of Q1: 西湖 ×2 (unlocked), 滨江 ×2 (locked).
    let expected: [String: Set<String>] = [
      "xihu": [
        "district.xihu digital.ict_revenue", "district.xihu tech.national_incubators",
        "district.binjiang digital.ict_revenue", "district.binjiang tech.national_incubators",
      ],
      "econ": [
        "district.xihu digital.ict_revenue", "district.binjiang digital.ict_revenue",
        "district.binjiang tech.national_incubators",
      ],
      "scitech": [
        "district.xihu tech.national_incubators", "district.binjiang digital.ict_revenue",
        "district.binjiang tech.national_incubators",
      ],
      "viewer": ["district.binjiang digital.ict_revenue", "district.binjiang tech.national_incubators"],
    ]
    try await application().test(.router) { client in
      for (account, visible) in expected {
        try await client.execute(uri: "/api/v1/observations?period=2024Q1", method: .get, headers: headers(account)) {
          response in
          #expect(response.status == .ok)
          let seen = Set(try rows(response).map { "\($0["org"] ?? "") \($0["indicator"] ?? "")" })
          #expect(seen == visible, "\(account)")
        }
      }
      try await client.execute(
        uri: "/api/v1/observations?org=district.xihu&indicator=digital.ict_revenue&period=2024Q1", method: .get,
        headers: headers("xihu")
      ) { response in
        let row = try #require(try rows(response).first)
        #expect(row["value"] as? String == "120" && row["status"] as? String == "submitted")
      }
    }
  }

  @Test("Targets come as exact decimal strings from the target book")
  func targets() async throws {
    let book = try HangzhouPlan.targetBook()
    let expected = book.entries(org: "district.xihu", year: 2025, quarterly: false)
    try await application().test(.router) { client in
      try await client.execute(
        uri: "/api/v1/targets?org=district.xihu&period=2025", method: .get, headers: headers("xihu")
      ) { response in
        let answer = try rows(response)
        #expect(answer.count == expected.count && !answer.isEmpty)
        for (row, entry) in zip(answer, expected) {
          #expect(row["indicator"] as? String == entry.indicator.rawValue)
          #expect(row["target"] as? String == entry.value.map { "\($0)" })
        }
      }
    }
  }
}
