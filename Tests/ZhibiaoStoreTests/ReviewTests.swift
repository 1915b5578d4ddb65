import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// The review workflow's transitions as the store applies them: every allowed one and every
/// forbidden one, each with its audit entries.
@Suite("Review workflow in the store")
final class ReviewTests {
  var store: (any Store)!

  func open(_ backend: StoreBackend) async throws {
    store = try await backend.store()
    let rows = [
      Fixture.row(Fixture.revenue, value: "100", line: 2),
      Fixture.row(Fixture.incubators, value: "7", line: 3),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "50", line: 4),
    ]
    _ = try await store.submit(Fixture.submission(rows))
  }

  func revenue() async throws -> ObservationRecord {
    try #require(
      try await store.observations(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: nil)
        .first)
  }

  func revenueHistory() async throws -> [Revision] {
    try await store.history(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
  }

  func audit() async throws -> [AuditEntry] { try await store.auditLog(plan: Fixture.plan, org: nil) }

  func refusal(_ rule: ReviewRefusal.Rule, _ body: () async throws -> Void) async {
    await #expect {
      try await body()
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.rule == rule
    }
  }

  @Test(
    "Approving moves only the submitted figures of the indicators given, with a revision and an audit entry",
    arguments: StoreBackend.available)
  func approve(_ backend: StoreBackend) async throws {
    try await open(backend)
    await #expect(try store.review([Fixture.revenue]) == 1)
    let statuses = try await store.observations(plan: Fixture.plan).map { "\($0.indicator) \($0.org) \($0.status)" }
    #expect(
      statuses == [
        "digital.ict_revenue district.binjiang approved", "digital.ict_revenue district.xihu submitted",
        "tech.national_incubators district.binjiang submitted",
      ])
    let history = try await revenueHistory()
    #expect(history.map(\.source) == ["q1.csv", "approval"])
    #expect(history.last?.reportedBy == Fixture.bureau)
    await #expect(try revenue().reportedBy == Fixture.binjiang)
    let entry = try await #require(try audit().last)
    #expect(entry.action == .approve)
    #expect(entry.actor == Fixture.bureau)
    #expect(entry.role == .bureau)
    #expect(entry.oldStatus == .submitted)
    #expect(entry.newStatus == .approved)
    #expect(entry.oldValue == 100 && entry.newValue == 100)
    // Reviewing again moves nothing and writes nothing; approving does not lock.
    let before = try await store.snapshot()
    await #expect(try store.review([Fixture.revenue], at: Fixture.wednesday) == 0)
    #expect(try await store.snapshot() == before)
    await #expect(!(try store.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1)))
  }

  @Test(
    "A return needs a comment; the comment reaches the reporter, and submitting again clears it",
    arguments: StoreBackend.available)
  func returnAndResubmit(_ backend: StoreBackend) async throws {
    try await open(backend)
    let before = try await store.snapshot()
    await refusal(.returnNeedsComment) { _ = try await store.review([Fixture.revenue], .return, comment: "  ") }
    #expect(try await store.snapshot() == before)
    await #expect(try store.review([Fixture.revenue], .return, comment: "请核对口径") == 1)
    await #expect(try revenue().status == .returned)
    await #expect(try revenue().reviewComment == "请核对口径")
    await #expect(try revenueHistory().last?.reason == "请核对口径")
    // A returned figure is not reviewed again until it is submitted again.
    await #expect(try store.review([Fixture.revenue]) == 0)
    // Sent again unchanged, it is submitted again; changed, too.
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "100")])) == SubmissionResult(unchanged: 1))
    await #expect(try revenue().status == .submitted)
    await #expect(try revenue().reviewComment == nil)
    _ = try await store.review([Fixture.revenue], .return, comment: "仍有误")
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "101")])) == SubmissionResult(revised: 1))
    await #expect(try revenue().status == .submitted)
    await #expect(
      try audit().map(\.action) == [.submit, .submit, .submit, .return, .submit, .return, .submit])
  }

  @Test(
    "A changed approved figure is never written over the approval: without a reason it is refused, with one it is a change request",
    arguments: StoreBackend.available)
  func approvedChanged(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.review([Fixture.revenue, Fixture.incubators])
    let before = try await store.snapshot()
    await #expect(
      throws: StoreError.refused(ReviewRules.approvedRefusal(org: Fixture.binjiang, period: Fixture.q1), rows: [3])
    ) {
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "101", line: 3)]))
    }
    await refusal(.approvedNeedsChangeRequest) {
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "101", line: 3)], reason: " \n"))
    }
    #expect(try await store.snapshot() == before)
    // Unchanged, it needs no reason and stays approved.
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "100")])) == SubmissionResult(unchanged: 1))
    await #expect(try revenue().status == .approved)
    // With a reason the row files a change request beside the rows a submission may write; the
    // approved figure stays as it is until the commission decides.
    let changed = Fixture.submission(
      [Fixture.row(value: "101"), Fixture.row(org: Fixture.xihu, value: "51")], source: "fix.csv",
      at: Fixture.wednesday, reason: "统计局反馈修正")
    await #expect(try store.submit(changed) == SubmissionResult(revised: 1, changeRequests: 1))
    await #expect(try revenue().status == .approved)
    await #expect(try revenue().value == 100)
    await #expect(try revenueHistory().count == 2)
    let request = try #require(try await store.changeRequests(plan: Fixture.plan).first)
    #expect(request.value == 101 && request.seenRevision == 2 && request.state == .pending)
    #expect(request.reason == "统计局反馈修正" && request.filedBy == Fixture.binjiang && request.filedAt == Fixture.wednesday)
    let entry = try #require(try await audit().last)
    #expect(entry.action == .changeRequest && entry.changeRequest == request.id)
    #expect(entry.oldStatus == .approved && entry.newStatus == nil)
    #expect(entry.oldValue == 100 && entry.newValue == 101)
    #expect(entry.reason == "统计局反馈修正" && entry.source == "fix.csv")
    // The same file again files nothing more.
    let again = Fixture.submission(
      [Fixture.row(value: "101")], source: "fix.csv", at: Fixture.wednesday, reason: "统计局反馈修正")
    await #expect(try store.submit(again) == SubmissionResult(unchanged: 1))
    await #expect(try store.changeRequests(plan: Fixture.plan).count == 1)
    // Accepted, it is submitted again, flagged, and must be reviewed again.
    try await store.decide(request.id)
    let record = try await revenue()
    #expect(record.status == .submitted && record.value == 101 && record.changedAfterApproval)
    await #expect(try store.review([Fixture.revenue]) == 1)
  }

  @Test(
    "Nothing in a locked period changes but through a change request; the lock is audited once",
    arguments: StoreBackend.available)
  func locked(_ backend: StoreBackend) async throws {
    try await open(backend)
    await #expect(try store.lock())
    await #expect(!(try store.lock(at: Fixture.wednesday)))
    await #expect(try audit().filter { $0.action == .lock }.count == 1)
    await #expect(try store.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
    await #expect(!(try store.isLocked(plan: Fixture.plan, org: Fixture.xihu, period: Fixture.q1)))
    let before = try await store.snapshot()
    let rows = [
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "51", line: 2),
      Fixture.row(Fixture.revenue, value: "101", line: 3),
      Fixture.row(Fixture.incubators, value: "7", line: 4),
      Fixture.row("digital.cloud_revenue", value: "9", line: 5),
    ]
    await #expect(
      throws: StoreError.refused(ReviewRules.lockedRefusal(org: Fixture.binjiang, period: Fixture.q1), rows: [3, 5])
    ) {
      _ = try await store.submit(Fixture.submission(rows))
    }
    await refusal(.locked) { _ = try await store.review([Fixture.revenue]) }
    await refusal(.locked) {
      _ = try await store.submit(
        Fixture.submission([Fixture.row("digital.cloud_revenue", value: "9")], status: .draft, reason: "修正"))
    }
    #expect(try await store.snapshot() == before)
    // Unchanged figures are no change.
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "100")])) == SubmissionResult(unchanged: 1))
    // With a reason, the locked rows are change requests — a figure never reported among them —
    // and the unlocked one is written, all in one transaction.
    await #expect(
      try store.submit(Fixture.submission(rows, reason: "修正"))
        == SubmissionResult(revised: 1, unchanged: 1, changeRequests: 2))
    let requests = try await store.changeRequests(plan: Fixture.plan)
    #expect(requests.map(\.indicator) == [Fixture.revenue, "digital.cloud_revenue"])
    #expect(requests.map(\.seenRevision) == [1, 0])
    await #expect(try revenue().value == 100)
    await #expect(try audit().suffix(3).map(\.action) == [.submit, .changeRequest, .changeRequest])
  }

  @Test("A draft is never read as a reported figure and never replaces one", arguments: StoreBackend.available)
  func drafts(_ backend: StoreBackend) async throws {
    try await open(backend)
    let draft = Fixture.row("digital.cloud_revenue", value: "9", line: 8)
    await #expect(try store.submit(Fixture.submission([draft], status: .draft)) == SubmissionResult(added: 1))
    await #expect(try store.observations(plan: Fixture.plan).count == 3)
    await #expect(try store.drafts(plan: Fixture.plan, org: Fixture.binjiang).map(\.value) == [9])
    await #expect(try audit().last?.action == .draft)
    // A draft saved again over a draft replaces it.
    let changed = Fixture.row("digital.cloud_revenue", value: "10", line: 8)
    await #expect(try store.submit(Fixture.submission([changed], status: .draft)) == SubmissionResult(revised: 1))
    // Over a submitted, returned or approved figure it is refused whole.
    let before = try await store.snapshot()
    await refusal(.draftOverReported) {
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "999", line: 2)], status: .draft))
    }
    _ = try await store.review([Fixture.incubators], .return, comment: "请核对")
    await refusal(.draftOverReported) {
      _ = try await store.submit(Fixture.submission([Fixture.row(Fixture.incubators, value: "8")], status: .draft))
    }
    await #expect(try revenue().value == 100)
    await #expect(try revenue().status == .submitted)
    let incubators = try await store.observations(
      plan: Fixture.plan, indicator: Fixture.incubators, org: Fixture.binjiang, period: nil)
    #expect(incubators.map(\.value) == [7])
    #expect(incubators.map(\.status) == [.returned])
    #expect(before.count > 0)
    // Submitted as it stands, the draft becomes a reported figure.
    await #expect(try store.submit(Fixture.submission([changed])) == SubmissionResult(unchanged: 1))
    await #expect(try store.drafts(plan: Fixture.plan, org: nil).isEmpty)
    await #expect(try store.observations(plan: Fixture.plan).count == 4)
  }

  @Test(
    "Every moved figure has one audit entry; unchanged rows and failed submissions have none",
    arguments: StoreBackend.available)
  func auditEntries(_ backend: StoreBackend) async throws {
    try await open(backend)
    let first = try await audit()
    #expect(first.count == 3)
    #expect(first.map(\.sequence) == [1, 2, 3])
    #expect(first.allSatisfy { $0.action == .submit && $0.oldStatus == nil && $0.newStatus == .submitted })
    #expect(first.allSatisfy { $0.actor == Fixture.binjiang && $0.role == .district && $0.user == nil })
    #expect(first.first?.time == Fixture.monday)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "100")]))
    await #expect(try audit() == first)
    await #expect(throws: StoreError.self) {
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "1"), Fixture.row("", value: "1")]))
    }
    await #expect(try audit() == first)
  }

  @Test("The audit log cannot be updated or deleted", arguments: StoreBackend.available)
  func auditAppendOnly(_ backend: StoreBackend) async throws {
    try await open(backend)
    for sql in ["UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log", "UPDATE audit_log SET at = at"] {
      await #expect {
        try await RawSQL.execute(sql, on: store)
      } throws: { error in
        guard case .unavailable(_, let reason)? = error as? StoreError else { return false }
        return reason.contains("append-only")
      }
    }
    #expect(try await audit().count == 3)
  }

  @Test(
    "The first refused org's period in the file is the one reported, with its lines", arguments: StoreBackend.available)
  func firstRefusedReported(_ backend: StoreBackend) async throws {
    try await open(backend)
    try await store.lock()
    try await store.lock(Fixture.xihu)
    let rows = [
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "51", line: 10),
      Fixture.row(Fixture.revenue, value: "101", line: 11),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "52", line: 12),
    ]
    await #expect(
      throws: StoreError.refused(ReviewRules.lockedRefusal(org: Fixture.xihu, period: Fixture.q1), rows: [10, 12])
    ) {
      _ = try await store.submit(Fixture.submission(rows))
    }
  }

  @Test("A decision on a figure revised since the reviewer saw it is refused whole", arguments: StoreBackend.available)
  func staleDecision(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "101")], at: Fixture.tuesday))
    let before = try await store.snapshot()
    await #expect(
      throws: StoreError.refused(ReviewRules.staleRefusal(indicator: Fixture.revenue, seen: 1, current: 2), rows: [])
    ) {
      _ = try await store.review(
        plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1,
        indicators: [Fixture.revenue, Fixture.incubators],
        decision: .approve, comment: nil, seen: [Fixture.revenue: 1, Fixture.incubators: 1], by: Fixture.bureau,
        role: .bureau, user: nil, at: Fixture.wednesday)
    }
    #expect(try await store.snapshot() == before)
    let moved = try await store.review(
      plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1, indicators: [Fixture.revenue, Fixture.incubators],
      decision: .approve, comment: nil, seen: [Fixture.revenue: 2, Fixture.incubators: 1], by: Fixture.bureau,
      role: .bureau, user: nil, at: Fixture.wednesday)
    #expect(moved == 2)
  }
}
