import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// What people do about supervision notices, as both stores keep it: answers and decisions
/// numbered per notice, in order, each with its audit entry, a stale or out-of-order one refused
/// whole and leaving the store as it was.
@Suite("Notice actions in the store")
final class NoticeStoreTests {
  var store: (any Store)!
  let notice = NoticeID(level: "yellow", org: Fixture.binjiang, period: Fixture.q1, indicator: Fixture.revenue)
  let other = NoticeID(level: "blue", org: Fixture.xihu, period: Fixture.q1, indicator: nil)

  func filing(
    _ kind: NoticeActivity.Kind, _ id: NoticeID? = nil, text: String? = "引进龙头企业两家", seen: Int,
    by actor: OrgID = Fixture.binjiang, role: Role = .district, at time: Date = Fixture.monday
  ) -> NoticeActionFiling {
    NoticeActionFiling(
      plan: Fixture.plan, notice: id ?? notice, kind: kind, text: text, evidence: kind == .answer ? "区政办〔2024〕3号" : nil,
      seenVersion: seen, actor: actor, role: role, time: time, source: "answers.csv")
  }

  func refused(_ rule: ReviewRefusal.Rule, row: Int, _ filings: [NoticeActionFiling]) async throws {
    let before = try await store.snapshot()
    await #expect {
      _ = try await self.store.recordNoticeActions(filings)
    } throws: { error in
      guard case .refused(let refusal, let rows)? = error as? StoreError else { return false }
      return refusal.rule == rule && rows == [row]
    }
    #expect(try await store.snapshot() == before)
  }

  @Test("An answer, a return, a new answer and an acceptance, numbered and audited", arguments: StoreBackend.available)
  func course(_ backend: StoreBackend) async throws {
    store = try await backend.store()
    let first = try await store.recordNoticeActions([filing(.answer, seen: 0)])
    #expect(first.map(\.number) == [1])
    _ = try await store.recordNoticeActions([
      filing(.return, text: "措施不具体", seen: 1, by: Fixture.commission, role: .commission, at: Fixture.tuesday)
    ])
    _ = try await store.recordNoticeActions([filing(.answer, seen: 2, at: Fixture.wednesday)])
    _ = try await store.recordNoticeActions([
      filing(.accept, text: nil, seen: 3, by: Fixture.commission, role: .commission, at: Fixture.wednesday)
    ])
    let actions = try await store.noticeActions(plan: Fixture.plan, org: nil)
    #expect(actions.map(\.kind) == [.answer, .return, .answer, .accept])
    #expect(actions.map(\.number) == [1, 2, 3, 4])
    #expect(actions[0] == first[0])
    #expect(actions[0].evidence == "区政办〔2024〕3号" && actions[1].text == "措施不具体")
    #expect(actions[1].time == Fixture.tuesday && actions[1].actor == Fixture.commission)
    #expect(try await store.noticeActions(plan: Fixture.plan, org: Fixture.xihu).isEmpty)
    let audit = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(audit.map(\.action) == [.noticeAnswer, .noticeReturn, .noticeAnswer, .noticeAccept])
    #expect(
      audit.allSatisfy { $0.indicator == Fixture.revenue && $0.org == Fixture.binjiang && $0.period == Fixture.q1 })
    #expect(audit[1].reason == "措施不具体")
    // Closed: nothing more.
    try await refused(.noticeState, row: 1, [filing(.answer, seen: 4)])
  }

  @Test(
    "A stale version, an answer twice, a decision without an answer and a return without a comment are refused whole",
    arguments: StoreBackend.available)
  func refusals(_ backend: StoreBackend) async throws {
    store = try await backend.store()
    try await refused(
      .noticeState, row: 1, [filing(.accept, text: nil, seen: 0, by: Fixture.commission, role: .commission)])
    try await refused(.noticeState, row: 2, [filing(.answer, seen: 0), filing(.answer, seen: 1)])
    _ = try await store.recordNoticeActions([filing(.answer, seen: 0)])
    try await refused(
      .stale, row: 1, [filing(.close, text: "灯色恢复", seen: 0, by: Fixture.commission, role: .commission)])
    try await refused(
      .returnNeedsComment, row: 1, [filing(.return, text: " ", seen: 1, by: Fixture.commission, role: .commission)])
    // All or nothing: a good first row does not stay when the second is refused.
    try await refused(
      .noticeState, row: 2, [filing(.answer, other, seen: 0, by: Fixture.xihu), filing(.answer, seen: 1)])
    #expect(try await store.noticeActions(plan: Fixture.plan, org: nil).count == 1)
  }
}
