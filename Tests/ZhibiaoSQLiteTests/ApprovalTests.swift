import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore

@testable import ZhibiaoSQLite

@Suite("Approval lock")
struct ApprovalTests {
  let store: SQLiteStore

  init() throws {
    store = try SQLiteStore.inMemory()
    let rows = [
      Fixture.row(Fixture.revenue, value: "100", line: 2),
      Fixture.row(Fixture.incubators, value: "7", line: 3),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "50", line: 4),
    ]
    _ = try store.submit(Fixture.submission(rows))
  }

  func approveBinjiang(at time: Date = Fixture.tuesday) throws -> Int {
    try store.approve(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1, by: Fixture.bureau, at: time)
  }

  func revenueHistory() throws -> [Revision] {
    try store.history(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
  }

  @Test("Approving marks the org's submitted observations of the period approved, and only those")
  func approve() throws {
    #expect(!(try store.isApproved(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1)))
    #expect(try approveBinjiang() == 2)
    #expect(try store.isApproved(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
    #expect(!(try store.isApproved(plan: Fixture.plan, org: Fixture.xihu, period: Fixture.q1)))
    #expect(!(try store.isApproved(plan: Fixture.plan, org: Fixture.binjiang, period: .year(2024))))
    let statuses = try store.observations(plan: Fixture.plan).map { "\($0.indicator) \($0.org) \($0.status)" }
    #expect(
      statuses == [
        "digital.ict_revenue district.binjiang approved", "digital.ict_revenue district.xihu submitted",
        "tech.national_incubators district.binjiang approved",
      ])
    let history = try revenueHistory()
    #expect(history.map(\.source) == ["q1.csv", "approval"])
    #expect(history.last?.status == .approved)
    #expect(history.last?.reportedBy == Fixture.bureau)
    #expect(history.last?.reportedAt == Fixture.tuesday)
    #expect(history.last?.value == 100)
    #expect(
      try store.observations(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: nil)
        .first?.reportedBy == Fixture.binjiang)
  }

  @Test("Approving again is harmless: nothing more is approved and no revision is added")
  func approveTwice() throws {
    #expect(try approveBinjiang() == 2)
    let before = try store.dump()
    #expect(try approveBinjiang(at: Fixture.wednesday) == 0)
    #expect(try store.dump() == before)
  }

  @Test("Drafts are not approved, but are locked with their period")
  func drafts() throws {
    _ = try store.submit(
      Fixture.submission([Fixture.row("digital.cloud_revenue", value: "9", line: 8)], status: .draft))
    #expect(try approveBinjiang() == 2)
    let draft = try store.observations(
      plan: Fixture.plan, indicator: "digital.cloud_revenue", org: Fixture.binjiang, period: Fixture.q1)
    #expect(draft.map(\.status) == [.draft])
    #expect(throws: StoreError.approvedPeriodNeedsReason(org: Fixture.binjiang, period: Fixture.q1, rows: [8])) {
      _ = try store.submit(Fixture.submission([Fixture.row("digital.cloud_revenue", value: "10", line: 8)]))
    }
  }

  @Test("Changing an approved period without a reason is refused with the lines, and nothing is written")
  func refusedWithoutReason() throws {
    _ = try approveBinjiang()
    let before = try store.dump()
    let rows = [
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "51", line: 2),  // not approved
      Fixture.row(Fixture.revenue, value: "101", line: 3),  // a new value
      Fixture.row(Fixture.incubators, value: "7", line: 4),  // the same value: would change nothing
      Fixture.row("digital.cloud_revenue", value: "9", line: 5),  // a new observation
    ]
    #expect(throws: StoreError.approvedPeriodNeedsReason(org: Fixture.binjiang, period: Fixture.q1, rows: [3, 5])) {
      _ = try store.submit(Fixture.submission(rows))
    }
    #expect(try store.dump() == before)
  }

  @Test("The first approved period in the file is the one reported")
  func firstLockedPeriodReported() throws {
    _ = try approveBinjiang()
    _ = try store.approve(
      plan: Fixture.plan, org: Fixture.xihu, period: Fixture.q1, by: Fixture.bureau, at: Fixture.tuesday)
    let rows = [
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "51", line: 10),
      Fixture.row(Fixture.revenue, value: "101", line: 11),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "52", line: 12),
    ]
    #expect(throws: StoreError.approvedPeriodNeedsReason(org: Fixture.xihu, period: Fixture.q1, rows: [10, 12])) {
      _ = try store.submit(Fixture.submission(rows))
    }
  }

  @Test("Re-importing the approved figures unchanged needs no reason")
  func unchangedNeedsNoReason() throws {
    _ = try approveBinjiang()
    let rows = [Fixture.row(Fixture.revenue, value: "100"), Fixture.row(Fixture.incubators, value: "7")]
    #expect(try store.submit(Fixture.submission(rows)) == SubmissionResult(unchanged: 2))
    #expect(
      try store.observations(plan: Fixture.plan, indicator: nil, org: Fixture.binjiang, period: nil)
        .map(\.status) == [.approved, .approved])
  }

  @Test("With a reason the change is written, flagged, still approved, and the history tells the whole story")
  func changedWithReason() throws {
    _ = try approveBinjiang()
    let submission = Fixture.submission(
      [Fixture.row(Fixture.revenue, value: "101", line: 3), Fixture.row("digital.cloud_revenue", value: "9")],
      by: Fixture.binjiang, source: "q1-correction.csv", at: Fixture.wednesday, reason: "统计局反馈修正")
    #expect(try store.submit(submission) == SubmissionResult(added: 1, revised: 1, changedAfterApproval: 2))
    #expect(try store.isApproved(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))

    let record = try #require(
      try store.observations(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: nil).first)
    #expect(record.value == 101)
    #expect(record.status == .approved)
    #expect(record.changedAfterApproval)
    #expect(record.revision == 3)

    let history = try revenueHistory()
    #expect(history.map(\.number) == [1, 2, 3])
    #expect(history.map(\.value) == [100, 100, 101])
    #expect(history.map(\.source) == ["q1.csv", "approval", "q1-correction.csv"])
    #expect(history.map(\.status) == [.submitted, .approved, .approved])
    #expect(history.map(\.reason) == [nil, nil, "统计局反馈修正"])
    #expect(history.map(\.changedAfterApproval) == [false, false, true])
    #expect(history.map(\.reportedAt) == [Fixture.monday, Fixture.tuesday, Fixture.wednesday])

    // The flag stays once set, even when a later change is made the same way.
    let again = Fixture.submission(
      [Fixture.row(Fixture.revenue, value: "102")], at: Fixture.wednesday, reason: "再次修正")
    #expect(try store.submit(again) == SubmissionResult(revised: 1, changedAfterApproval: 1))
    #expect(
      try store.observations(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: nil)
        .first?.changedAfterApproval == true)
  }
}
