// The JSON API's writes: submissions (201, 422, 403, 409, dry runs), reviews and locks, each
// refused for the roles the review rules refuse, and nothing written by a refused request.

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

@Suite("JSON API writes")
struct APIWriteTests {
  let temporary: TemporaryStore
  let plan: Plan
  let header = "indicator,org,period,value,unit,note\n"

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await APITests.addAccounts(to: temporary.store, at: Date(timeIntervalSince1970: 1_764_000_000))
  }

  func application() async throws -> some ApplicationProtocol {
    let server = WebServer(port: 0, workspace: try HangzhouPlan.workspace(), store: temporary.store)
    return try await server.application(logger: Logger(label: "test"))
  }

  /// Posts `body` as `account` and returns the status and the JSON object answered.
  func post(
    _ client: some TestClientProtocol, _ path: String, _ body: String, as account: String
  ) async throws -> (HTTPResponse.Status, [String: Any]) {
    try await client.execute(
      uri: path, method: .post, headers: [.authorization: "Bearer zb_\(account)"], body: ByteBuffer(string: body)
    ) { response in
      let object = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any]
      return (response.status, object ?? [:])
    }
  }

  /// The lines named by an error answer.
  func lines(_ answer: [String: Any]) -> [Int] {
    (answer["errors"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
  }

  var stored: Int {
    get async { (try? await temporary.store.observations(plan: plan.id).count) ?? -1 }
  }

  @Test("A district's own figures are written (201); a dry run writes nothing (200)")
  func submit() async throws {
    let csv =
      header
      + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\ndigital.software_revenue,district.xihu,2024Q1,300,亿元,\n"
    try await application().test(.router) { client in
      let (dry, dryAnswer) = try await post(client, "/api/v1/submissions?dry_run=true", csv, as: "xihu")
      #expect(dry == .ok && dryAnswer["rows"] as? Int == 2 && dryAnswer["dry_run"] as? Bool == true)
      await #expect(stored == 0)
      let (status, answer) = try await post(client, "/api/v1/submissions", csv, as: "xihu")
      #expect(status == .created && answer["added"] as? Int == 2)
      await #expect(try temporary.store.observations(plan: plan.id).allSatisfy { $0.status == .submitted })
      let (again, repeated) = try await post(client, "/api/v1/submissions", csv, as: "xihu")
      #expect(again == .created && repeated["unchanged"] as? Int == 2 && repeated["added"] as? Int == 0)
    }
  }

  @Test("Rows for another org are 403 with their lines; a mistake is 422 with its line; nothing is written")
  func refusedSubmissions() async throws {
    try await application().test(.router) { client in
      let other =
        header
        + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\ndigital.ict_revenue,district.binjiang,2024Q1,900,亿元,\n"
      let (forbidden, answer) = try await post(client, "/api/v1/submissions", other, as: "xihu")
      #expect(forbidden == .forbidden && lines(answer) == [3])
      let mistake =
        header + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\ndigital.ict_revenu,district.xihu,2024Q1,1,亿元,\n"
      let (unprocessable, errors) = try await post(client, "/api/v1/submissions", mistake, as: "xihu")
      #expect(unprocessable == .unprocessableContent && lines(errors) == [3])
      let viewer = header + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\n"
      #expect(try await post(client, "/api/v1/submissions", viewer, as: "viewer").0 == .forbidden)
      #expect(try await post(client, "/api/v1/submissions", viewer, as: "admin").0 == .forbidden)
      await #expect(stored == 0)
    }
  }

  @Test("The owning bureau approves; a district cannot review; a return needs a comment; a lock stops changes")
  func reviewAndLock() async throws {
    let csv =
      header + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\ntech.srts_revenue,district.xihu,2024Q1,80,亿元,\n"
    try await application().test(.router) { client in
      #expect(try await post(client, "/api/v1/submissions", csv, as: "xihu").0 == .created)
      let review = #"{"org":"district.xihu","period":"2024Q1","decision":"approve"}"#
      #expect(try await post(client, "/api/v1/reviews", review, as: "xihu").0 == .forbidden)
      #expect(try await post(client, "/api/v1/reviews", review, as: "viewer").0 == .forbidden)
      let returned = #"{"org":"district.xihu","period":"2024Q1","decision":"return"}"#
      #expect(try await post(client, "/api/v1/reviews", returned, as: "scitech").0 == .conflict)
      let (status, answer) = try await post(client, "/api/v1/reviews", review, as: "econ")
      #expect(status == .ok && answer["reviewed"] as? Int == 1)
      let states = await Dictionary(
        uniqueKeysWithValues: try temporary.store.observations(plan: plan.id).map { ($0.indicator.rawValue, $0.status) }
      )
      #expect(states == ["digital.ict_revenue": .approved, "tech.srts_revenue": .submitted])
      #expect(try await post(client, "/api/v1/reviews", "not json", as: "econ").0 == .badRequest)

      let lock = #"{"period":"2024Q1","org":"district.xihu"}"#
      #expect(try await post(client, "/api/v1/locks", lock, as: "xihu").0 == .forbidden)
      #expect(try await post(client, "/api/v1/locks", lock, as: "econ").0 == .forbidden)
      #expect(try await post(client, "/api/v1/locks", #"{"period":"2030Q1"}"#, as: "drc").0 == .badRequest)
      let (locked, lockAnswer) = try await post(client, "/api/v1/locks", lock, as: "drc")
      #expect(locked == .ok && lockAnswer["locked"] as? Int == 1)
      let change = header + "tech.srts_revenue,district.xihu,2024Q1,81,亿元,\n"
      let (conflict, refusal) = try await post(client, "/api/v1/submissions", change, as: "xihu")
      #expect(conflict == .conflict && lines(refusal) == [2])
      await #expect(
        try temporary.store.observations(plan: plan.id).first { $0.indicator == "tech.srts_revenue" }?.value == 80)
      // The audit log names the account behind each change, beside its org and role.
      let log = try await temporary.store.auditLog(plan: plan.id, org: "district.xihu")
      #expect(log.map(\.action.rawValue) == ["submit", "submit", "approve", "lock"])
      #expect(log.map(\.user) == ["xihu", "xihu", "econ", "drc"])
    }
  }

  @Test("A review of a figure revised since the reviewer saw it is a conflict (409) and moves nothing")
  func staleReview() async throws {
    let first = header + "digital.ict_revenue,district.xihu,2024Q1,579.6,亿元,\n"
    let second = header + "digital.ict_revenue,district.xihu,2024Q1,580.1,亿元,\n"
    try await application().test(.router) { client in
      #expect(try await post(client, "/api/v1/submissions", first, as: "xihu").0 == .created)
      #expect(try await post(client, "/api/v1/submissions", second, as: "xihu").0 == .created)
      let stale =
        #"{"org":"district.xihu","period":"2024Q1","decision":"approve","revisions":{"digital.ict_revenue":1}}"#
      let (conflict, answer) = try await post(client, "/api/v1/reviews", stale, as: "econ")
      #expect(conflict == .conflict)
      #expect("\(answer)".contains("revision 1"))
      await #expect(try temporary.store.observations(plan: plan.id).first?.status == .submitted)
      let wrong =
        #"{"org":"district.xihu","period":"2024Q1","decision":"approve","revisions":{"digital.ict_revenue":"2"}}"#
      #expect(try await post(client, "/api/v1/reviews", wrong, as: "econ").0 == .badRequest)
      let current =
        #"{"org":"district.xihu","period":"2024Q1","decision":"approve","revisions":{"digital.ict_revenue":2}}"#
      let (status, moved) = try await post(client, "/api/v1/reviews", current, as: "econ")
      #expect(status == .ok && moved["reviewed"] as? Int == 1)
    }
  }
}
