// The registers in the web app: who reads and writes which entries, the checks of a register
// file applied to the form, and a withdrawal that never overwrites a change made meanwhile.

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

@Suite("Register pages")
struct RegisterPageTests: SignedInPages {
  let temporary: TemporaryStore
  let plan: Plan

  init() async throws {
    temporary = try TemporaryStore()
    plan = try HangzhouPlan.plan()
    try await Self.prepare(temporary.store)
  }

  func entries() async throws -> [RegisterEntry] {
    try await temporary.store.registerEntries(plan: plan.id, register: "tech.incubators")
  }

  func adding(_ name: String, org: String, level: String = "国家级", day: String = "2024-05-01") -> [(String, String)] {
    [
      ("register", "tech.incubators"), ("name", name), ("org", org), ("level", level), ("recognised_on", day),
      ("evidence", "国科发区〔2024〕1号"),
    ]
  }

  @Test("A district adds and withdraws its own entities' entries; a bureau those of the registers it keeps")
  func addAndWithdraw() async throws {
    try await application().test(.router) { client in
      let page = try await get(client, "/registers", as: "xihu")
      #expect(page.status == .ok && page.page.contains(#"id="add-entry""#))
      #expect(
        page.page.contains(#"<option value="district.xihu">"#) && !page.page.contains(#"value="district.binjiang""#))

      let added = try await post(client, "/registers", adding("西湖示例孵化器", org: "district.xihu"), as: "xihu")
      #expect(added.status == .seeOther && added.location == "/registers?added=1")
      let entry = try #require(try await entries().first { $0.name == "西湖示例孵化器" })
      #expect(entry.org == "district.xihu" && entry.level == "国家级" && entry.recognisedOn == "2024-05-01")
      #expect(entry.evidence == "国科发区〔2024〕1号" && entry.withdrawnOn == nil)

      // The bureau that keeps the register records any district's; another bureau none.
      let kept = try await post(client, "/registers", adding("滨江示例孵化器", org: "district.binjiang"), as: "scitech")
      #expect(kept.status == .seeOther)
      let other = try await post(client, "/registers", adding("滨江另一孵化器", org: "district.binjiang"), as: "econ")
      #expect(other.status == .forbidden)
      // A district writes only its own.
      let foreign = try await post(client, "/registers", adding("滨江冒名孵化器", org: "district.binjiang"), as: "xihu")
      #expect(foreign.status == .forbidden)
      #expect(try await entries().map(\.name).sorted() == ["滨江示例孵化器", "西湖示例孵化器"])

      // Each reads its own entries only; the bureau keeping the register reads both.
      let xihu = try await get(client, "/registers", as: "xihu").page
      #expect(xihu.contains("西湖示例孵化器") && !xihu.contains("滨江示例孵化器"))
      let binjiang = try await get(client, "/registers", as: "binjiang").page
      #expect(!binjiang.contains("西湖示例孵化器") && binjiang.contains("滨江示例孵化器"))
      let bureau = try await get(client, "/registers", as: "scitech").page
      #expect(bureau.contains("西湖示例孵化器") && bureau.contains("滨江示例孵化器"))

      let withdrawing: [(String, String)] = [
        ("register", "tech.incubators"), ("name", "西湖示例孵化器"), ("recognised_on", "2024-05-01"),
        ("withdrawn_on", "2024-09-30"), ("reason", "moved_out"),
      ]
      let early = try await post(
        client, "/registers/withdraw",
        withdrawing.map { $0.0 == "withdrawn_on" ? ($0.0, "2024-04-01") : $0 }, as: "xihu")
      #expect(early.status == .unprocessableContent, "\(early.page)")
      #expect(try await entries().first { $0.name == "西湖示例孵化器" }?.withdrawnOn == nil)
      let withdrawn = try await post(client, "/registers/withdraw", withdrawing, as: "xihu")
      #expect(withdrawn.status == .seeOther && withdrawn.location == "/registers?withdrawn=1")
      let left = try #require(try await entries().first { $0.name == "西湖示例孵化器" })
      #expect(left.withdrawnOn == "2024-09-30" && left.withdrawal == .movedOut)
      // The same form again, or one shown before the change, changes nothing: a conflict.
      let again = try await post(client, "/registers/withdraw", withdrawing, as: "scitech")
      #expect(again.status == .conflict && again.page.contains("西湖示例孵化器"))
      #expect(try await entries().first { $0.name == "西湖示例孵化器" }?.withdrawnOn == "2024-09-30")
      let shown = try await get(client, "/registers", as: "xihu").page
      #expect(shown.contains("已撤出 2024-09-30 迁出"))
    }
  }

  @Test(
    "The file's checks hold for the form: a wrong level or a future day is refused with its reason, a name twice is a conflict"
  )
  func checks() async throws {
    try await application().test(.router) { client in
      let level = try await post(client, "/registers", adding("甲", org: "district.xihu", level: "部级"), as: "xihu")
      #expect(level.status == .unprocessableContent)
      #expect(level.page.contains("has no level") && level.page.contains("部级"))
      let future = try await post(
        client, "/registers", adding("乙", org: "district.xihu", day: "2999-01-01"), as: "xihu")
      #expect(future.status == .unprocessableContent)
      let nameless = try await post(client, "/registers", adding("", org: "district.xihu"), as: "xihu")
      #expect(nameless.status == .unprocessableContent)
      #expect(try await entries().isEmpty)
      #expect(try await post(client, "/registers", adding("丙", org: "district.xihu"), as: "xihu").status == .seeOther)
      let twice = try await post(client, "/registers", adding("丙", org: "district.xihu", day: "2023-01-01"), as: "xihu")
      #expect(twice.status == .conflict)
      #expect(try await entries().map(\.recognisedOn) == ["2024-05-01"])
    }
  }

  @Test("Viewers and administrators write nothing; a form without its CSRF token is refused")
  func refusals() async throws {
    try await application().test(.router) { client in
      #expect(try await get(client, "/registers", as: "viewer").status == .forbidden)
      let admin = try await get(client, "/registers", as: "admin")
      #expect(admin.status == .ok && !admin.page.contains(#"id="add-entry""#))
      #expect(try await post(client, "/registers", adding("丁", org: "district.xihu"), as: "admin").status == .forbidden)
      #expect(
        try await post(client, "/registers", adding("丁", org: "district.xihu"), as: "viewer").status == .forbidden)
      let forged = try await post(client, "/registers", adding("丁", org: "district.xihu"), as: "xihu", csrf: false)
      #expect(forged.status == .forbidden)
      #expect(try await get(client, "/registers", as: nil).status == .seeOther)
      #expect(try await entries().isEmpty)
    }
  }
}
