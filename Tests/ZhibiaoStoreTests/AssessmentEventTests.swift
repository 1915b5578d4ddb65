import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// The commission's bonuses, deductions and vetoes kept in the store: numbered, withdrawn once
/// with a reason, never changed.
@Suite("Assessment events in the store")
struct AssessmentEventTests {
  static let bonus = AssessmentEventEntry(
    kind: .bonus, org: Fixture.binjiang, category: "national_recognition", points: Fixture.decimal("1"),
    reason: "获评国家级示范平台")
  static let veto = AssessmentEventEntry(kind: .veto, org: Fixture.xihu, category: "major_incident", reason: "重大事故")

  func add(_ store: any Store, _ entry: AssessmentEventEntry, year: Int = 2024) async throws -> AssessmentEventRecord {
    try await store.addAssessmentEvent(
      plan: Fixture.plan, year: year, entry: entry, by: Fixture.commission, role: .commission, user: "drc",
      at: Fixture.monday)
  }

  @Test("Events are numbered, listed by year and plan, and read back exactly", arguments: StoreBackend.available)
  func addAndList(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let first = try await add(store, Self.bonus)
    let deduction = AssessmentEventEntry(
      kind: .deduction, org: Fixture.xihu, points: Fixture.decimal("0.25"), reason: "数据迟报")
    let second = try await add(store, deduction, year: 2025)
    let third = try await add(store, Self.veto)
    let ids: [Int] = [first.id, second.id, third.id]
    #expect(ids == [1, 2, 3])
    #expect(first.entry == Self.bonus && first.enteredBy == Fixture.commission && first.user == "drc")
    #expect(first.enteredAt == Fixture.monday && first.counts && first.year == 2024)
    await #expect(try store.assessmentEvents(plan: Fixture.plan, year: 2024).map(\.entry) == [Self.bonus, Self.veto])
    await #expect(try store.assessmentEvents(plan: Fixture.plan, year: nil).map(\.id) == [1, 2, 3])
    await #expect(
      try store.assessmentEvents(plan: Fixture.plan, year: 2025).first?.entry.points == Fixture.decimal("0.25"))
    await #expect(try store.assessmentEvents(plan: Fixture.otherPlan, year: nil).isEmpty)
  }

  @Test("An event is withdrawn once, with a reason; never changed otherwise", arguments: StoreBackend.available)
  func withdraw(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let event = try await add(store, Self.bonus)
    let withdrawn = try await store.withdrawAssessmentEvent(
      plan: Fixture.plan, id: event.id, reason: "重复登记", by: Fixture.commission, user: "drc", at: Fixture.tuesday)
    #expect(!withdrawn.counts && withdrawn.withdrawnAt == Fixture.tuesday && withdrawn.withdrawalReason == "重复登记")
    #expect(withdrawn.withdrawnBy == Fixture.commission && withdrawn.entry == Self.bonus)
    await #expect {
      _ = try await store.withdrawAssessmentEvent(
        plan: Fixture.plan, id: event.id, reason: "again", by: Fixture.commission, user: nil, at: Fixture.wednesday)
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.kind == .conflict
    }
    await #expect {
      _ = try await store.withdrawAssessmentEvent(
        plan: Fixture.otherPlan, id: event.id, reason: "x", by: Fixture.commission, user: nil, at: Fixture.wednesday)
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.kind == .notFound
    }
    for sql in ["UPDATE assessment_event SET reason = 'x'", "UPDATE assessment_event SET withdrawal_reason = 'x'"] {
      await #expect(throws: StoreError.self) { try await RawSQL.execute(sql, on: store) }
    }
    await #expect(try store.assessmentEvents(plan: Fixture.plan, year: nil) == [withdrawn])
  }
}
