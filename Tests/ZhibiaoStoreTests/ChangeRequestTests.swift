import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// Change requests as the store keeps them: filed for an approved figure or one in a locked
/// period, decided once by the commission, each step with its audit entry.
@Suite("Change requests in the store")
final class ChangeRequestTests {
  var store: (any Store)!

  /// 滨江区's revenue 100 (approved) and incubators 7 (submitted), 西湖区's revenue 50 (submitted).
  func open(_ backend: StoreBackend) async throws {
    store = try await backend.store()
    let rows = [
      Fixture.row(Fixture.revenue, value: "100", line: 2),
      Fixture.row(Fixture.incubators, value: "7", line: 3),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "50", line: 4),
    ]
    _ = try await store.submit(Fixture.submission(rows))
    _ = try await store.review([Fixture.revenue])
  }

  func figure(_ indicator: IndicatorID = Fixture.revenue) async throws -> ObservationRecord {
    try #require(
      try await store.observations(plan: Fixture.plan, indicator: indicator, org: Fixture.binjiang, period: nil).first)
  }

  func history(_ indicator: IndicatorID = Fixture.revenue) async throws -> [Revision] {
    try await store.history(plan: Fixture.plan, indicator: indicator, org: Fixture.binjiang, period: Fixture.q1)
  }

  func audit() async throws -> [AuditEntry] { try await store.auditLog(plan: Fixture.plan, org: nil) }

  /// Expects `body` to be refused by `rule`, and to leave the store as it was.
  func refused(_ rule: ReviewRefusal.Rule, _ body: () async throws -> Void) async throws {
    let before = try await store.snapshot()
    await #expect {
      try await body()
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.rule == rule
    }
    #expect(try await store.snapshot() == before)
  }

  @Test(
    "A change request of an approved figure records the revision it was filed against, and moves nothing",
    arguments: StoreBackend.available)
  func filed(_ backend: StoreBackend) async throws {
    try await open(backend)
    let request = try await store.fileChangeRequest(Fixture.filing(value: "101.25", note: "含软件"))
    #expect(
      request
        == ChangeRequest(
          id: request.id, plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1,
          seenRevision: 2, value: Fixture.decimal("101.25"), note: "含软件", reason: "统计局反馈修正",
          filedBy: Fixture.binjiang, filedRole: .district, filedAt: Fixture.wednesday))
    await #expect(try store.changeRequests(plan: Fixture.plan) == [request])
    await #expect(try store.changeRequests(plan: Fixture.plan, org: Fixture.xihu, state: nil).isEmpty)
    await #expect(try store.changeRequests(plan: Fixture.plan, org: Fixture.binjiang, state: .pending) == [request])
    await #expect(try store.changeRequests(plan: Fixture.plan, org: nil, state: .accepted).isEmpty)
    await #expect(try store.changeRequests(plan: Fixture.otherPlan).isEmpty)
    // The figure stays approved, with its value, until the commission decides.
    let figure = try await figure()
    #expect(figure.status == .approved && figure.value == 100 && figure.revision == 2)
    let entry = try #require(try await audit().last)
    #expect(entry.action == .changeRequest && entry.changeRequest == request.id)
    #expect(entry.actor == Fixture.binjiang && entry.role == .district && entry.time == Fixture.wednesday)
    #expect(entry.indicator == Fixture.revenue && entry.org == Fixture.binjiang && entry.period == Fixture.q1)
    #expect(entry.oldValue == 100 && entry.newValue == Fixture.decimal("101.25"))
    #expect(entry.oldStatus == .approved && entry.newStatus == nil)
    #expect(entry.reason == "统计局反馈修正" && entry.source == "fix.csv")
  }

  @Test(
    "Filing is refused without a reason, where a submission is the way, for no change, and twice",
    arguments: StoreBackend.available)
  func filingRefused(_ backend: StoreBackend) async throws {
    try await open(backend)
    try await refused(.changeNeedsReason) {
      _ = try await store.fileChangeRequest(Fixture.filing(value: "101", reason: " \n"))
    }
    // A submitted figure, and one never reported in an open period, change by submission.
    try await refused(.changeNotNeeded) {
      _ = try await store.fileChangeRequest(Fixture.filing(Fixture.incubators, value: "8"))
    }
    try await refused(.changeNotNeeded) {
      _ = try await store.fileChangeRequest(Fixture.filing("digital.cloud_revenue", value: "9"))
    }
    try await refused(.changeNotNeeded) { _ = try await store.fileChangeRequest(Fixture.filing(value: "100")) }
    let first = try await store.fileChangeRequest(Fixture.filing(value: "101"))
    await #expect(
      throws: StoreError.refused(
        ReviewRules.duplicateChangeRefusal(
          id: first.id, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1),
        rows: [])
    ) {
      _ = try await store.fileChangeRequest(Fixture.filing(value: "101", reason: "另一理由", at: Fixture.tuesday))
    }
    // Another value, or the same with another note, is another request.
    _ = try await store.fileChangeRequest(Fixture.filing(value: "102"))
    _ = try await store.fileChangeRequest(Fixture.filing(value: "101", note: "口径调整"))
    await #expect(try store.changeRequests(plan: Fixture.plan).map(\.value) == [101, 102, 101])
    await #expect(try audit().filter { $0.action == .changeRequest }.count == 3)
  }

  @Test(
    "Accepting writes the value as the next revision, submitted and flagged, which needs review again",
    arguments: StoreBackend.available)
  func accepted(_ backend: StoreBackend) async throws {
    try await open(backend)
    let request = try await store.fileChangeRequest(Fixture.filing(value: "101", note: "修正后"))
    let thursday = Fixture.wednesday.addingTimeInterval(86_400)
    let decided = try await store.decideChangeRequest(
      plan: Fixture.plan, id: request.id, decision: .accept, comment: "同意", by: Fixture.commission,
      user: "drc.li", at: thursday)
    #expect(decided.state == .accepted && decided.decidedBy == Fixture.commission)
    #expect(decided.decidedUser == "drc.li" && decided.decidedAt == thursday && decided.decisionComment == "同意")
    await #expect(try store.changeRequests(plan: Fixture.plan) == [decided])
    let figure = try await figure()
    #expect(figure.value == 101 && figure.note == "修正后" && figure.status == .submitted && figure.revision == 3)
    #expect(figure.changedAfterApproval && figure.reportedBy == Fixture.binjiang && figure.reportedAt == thursday)
    #expect(figure.source == ChangeRequest.source(request.id))
    let history = try await history()
    #expect(history.map(\.status) == [.submitted, .approved, .submitted])
    #expect(history.map(\.value) == [100, 100, 101])
    #expect(history.map(\.changedAfterApproval) == [false, false, true])
    #expect(history.last?.reason == "统计局反馈修正")
    #expect(history.last?.source == "change-request #\(request.id)")
    let entry = try #require(try await audit().last)
    #expect(entry.action == .acceptChange && entry.changeRequest == request.id)
    #expect(entry.actor == Fixture.commission && entry.role == .commission && entry.user == "drc.li")
    #expect(entry.oldStatus == .approved && entry.newStatus == .submitted)
    #expect(entry.oldValue == 100 && entry.newValue == 101 && entry.reason == "统计局反馈修正")
    // It is in the review queue again, and approving it is a review like any other.
    await #expect(try store.review([Fixture.revenue], at: thursday) == 1)
    await #expect(try self.figure().status == .approved)
    await #expect(try self.figure().changedAfterApproval)
  }

  @Test("A rejection needs a comment and leaves the figure as it is", arguments: StoreBackend.available)
  func rejected(_ backend: StoreBackend) async throws {
    try await open(backend)
    let request = try await store.fileChangeRequest(Fixture.filing(value: "101"))
    try await refused(.rejectNeedsComment) { try await store.decide(request.id, .reject, comment: "  ") }
    try await refused(.rejectNeedsComment) { try await store.decide(request.id, .reject) }
    let before = try await history()
    let decided = try await store.decide(request.id, .reject, comment: "口径无误，维持原值")
    #expect(decided.state == .rejected && decided.decisionComment == "口径无误，维持原值")
    await #expect(try history() == before)
    await #expect(try figure().status == .approved)
    let entry = try #require(try await audit().last)
    #expect(entry.action == .rejectChange && entry.changeRequest == request.id)
    #expect(entry.oldValue == 100 && entry.newValue == 101 && entry.oldStatus == .approved && entry.newStatus == nil)
    #expect(entry.reason == "口径无误，维持原值")
  }

  @Test(
    "A request filed before its figure moved is stale when accepted, and can still be rejected",
    arguments: StoreBackend.available)
  func stale(_ backend: StoreBackend) async throws {
    try await open(backend)
    let first = try await store.fileChangeRequest(Fixture.filing(value: "101"))
    let second = try await store.fileChangeRequest(Fixture.filing(value: "102"))
    try await store.decide(first.id)
    let before = try await store.snapshot()
    await #expect(
      throws: StoreError.refused(ReviewRules.staleChangeRefusal(id: second.id, seen: 2, current: 3), rows: [])
    ) {
      try await store.decide(second.id)
    }
    #expect(try await store.snapshot() == before)
    await #expect(try figure().value == 101)
    await #expect(try store.decide(second.id, .reject, comment: "已按 #\(first.id) 修正").state == .rejected)
  }

  @Test(
    "Accepting in a locked period writes the figure, which is reviewed again there; the lock stays for everything else",
    arguments: StoreBackend.available)
  func lockedPeriod(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row("digital.software_revenue", value: "5")]))
    try await store.lock()
    // A submitted figure and one never reported: in a locked period both take a change request.
    let incubators = try await store.fileChangeRequest(Fixture.filing(Fixture.incubators, value: "8"))
    let cloud = try await store.fileChangeRequest(Fixture.filing("digital.cloud_revenue", value: "9"))
    #expect(incubators.seenRevision == 1 && cloud.seenRevision == 0)
    try await store.decide(incubators.id)
    try await store.decide(cloud.id)
    await #expect(try store.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
    let added = try await figure("digital.cloud_revenue")
    #expect(added.value == 9 && added.status == .submitted && added.revision == 1 && !added.changedAfterApproval)
    await #expect(try figure(Fixture.incubators).revision == 2)
    await #expect(try figure(Fixture.incubators).status == .submitted)
    await #expect(try history("digital.cloud_revenue").map(\.source) == [ChangeRequest.source(cloud.id)])
    // The lock holds for submissions…
    try await refused(.locked) { _ = try await store.submit(Fixture.submission([Fixture.row(value: "103")])) }
    // …but the figures the commission let change are reviewed again.
    await #expect(try store.review([Fixture.incubators, "digital.cloud_revenue"]) == 2)
    await #expect(try figure(Fixture.incubators).status == .approved)
    try await refused(.locked) { _ = try await store.review(["digital.software_revenue"]) }
  }

  @Test(
    "A request is decided once; an unknown one, or one of another plan, is not found",
    arguments: StoreBackend.available)
  func decidedOnce(_ backend: StoreBackend) async throws {
    try await open(backend)
    let request = try await store.fileChangeRequest(Fixture.filing(value: "101"))
    try await store.decide(request.id)
    await #expect(throws: StoreError.refused(ReviewRules.decidedRefusal(id: request.id, state: .accepted), rows: [])) {
      try await store.decide(request.id)
    }
    try await refused(.changeDecided) { try await store.decide(request.id, .reject, comment: "撤回") }
    await #expect(throws: StoreError.refused(ReviewRules.unknownChangeRefusal(id: 999), rows: [])) {
      try await store.decide(999)
    }
    #expect(ReviewRules.unknownChangeRefusal(id: 999).kind == .notFound)
    await #expect(throws: StoreError.refused(ReviewRules.unknownChangeRefusal(id: request.id), rows: [])) {
      _ = try await store.decideChangeRequest(
        plan: Fixture.otherPlan, id: request.id, decision: .reject, comment: "x", by: Fixture.commission, user: nil,
        at: Fixture.wednesday)
    }
    await #expect(
      try audit().map(\.action) == [.submit, .submit, .submit, .approve, .changeRequest, .acceptChange])
  }

  @Test(
    "Change requests filed by a submission are all or nothing with its rows", arguments: StoreBackend.available)
  func allOrNothing(_ backend: StoreBackend) async throws {
    try await open(backend)
    try await store.lock(Fixture.xihu)
    let before = try await store.snapshot()
    // A row the store refuses (an empty indicator) undoes the whole submission, change requests included.
    let rows = [
      Fixture.row(value: "101", line: 2), Fixture.row(org: Fixture.xihu, value: "51", line: 3),
      Fixture.row(Fixture.incubators, value: "8", line: 4),
    ]
    await #expect(throws: StoreError.self) {
      _ = try await store.submit(
        Fixture.submission(rows + [Fixture.row("", value: "1", line: 5)], reason: "修正"))
    }
    #expect(try await store.snapshot() == before)
    await #expect(
      try store.submit(Fixture.submission(rows, reason: "修正")) == SubmissionResult(revised: 1, changeRequests: 2))
    await #expect(
      try store.changeRequests(plan: Fixture.plan, org: nil, state: .pending).map(\.org) == [
        Fixture.binjiang, Fixture.xihu,
      ])
  }
}
