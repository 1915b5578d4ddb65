import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// Progress reports on key tasks: written whole or not at all, reviewed by the task's lead org,
/// every step kept.
@Suite("Task progress reports")
final class TaskReportTests {
  var store: (any Store)!

  func open(_ backend: StoreBackend) async throws { store = try await backend.store() }

  func reports() async throws -> [TaskReport] {
    try await store.taskReports(plan: Fixture.plan, task: nil, org: nil, period: nil)
  }

  func decide(
    _ orgs: [(OrgID, Int?)], _ decision: ReviewDecision = .approve, comment: String? = nil,
    by reviewer: OrgID = Fixture.bureau, role: Role = .bureau
  ) async throws -> Int {
    try await store.reviewTaskReports(
      TaskReportReview(
        plan: Fixture.plan, period: Fixture.q1, reports: orgs.map { (Fixture.task, $0.0, $0.1) },
        decision: decision, comment: comment, reviewer: reviewer, role: role, time: Fixture.tuesday))
  }

  @Test(
    "A report is added, sent again unchanged adds nothing, new content is a new revision",
    arguments: StoreBackend.available)
  func submitAndRevise(_ backend: StoreBackend) async throws {
    try await open(backend)
    let first = Fixture.progress()
    #expect(try await store.submitTaskReports(Fixture.taskReports([first])) == SubmissionResult(added: 1))
    #expect(try await store.submitTaskReports(Fixture.taskReports([first])) == SubmissionResult(unchanged: 1))
    let stored = try #require(try await reports().first)
    #expect(stored.progress == first && stored.review == .submitted && stored.revision == 1)
    #expect(
      stored.reportedBy == Fixture.binjiang && stored.reportedAt == Fixture.monday && stored.source == "tasks.csv")

    let later = Fixture.progress(percent: 60, text: "二期主体完工")
    let result = try await store.submitTaskReports(Fixture.taskReports([later], at: Fixture.tuesday))
    #expect(result == SubmissionResult(revised: 1))
    let revised = try #require(try await reports().first)
    #expect(revised.progress == later && revised.revision == 2 && revised.reportedAt == Fixture.tuesday)
    let log = try await store.taskReportLog(plan: Fixture.plan, task: nil, org: nil)
    #expect(log.map(\.action) == [.submit, .submit])
    #expect(log.map(\.revision) == [1, 2])
    #expect(log.map(\.progress.progress) == [40, 60])
  }

  @Test(
    "The lead returns a report with a comment, the org sends it again, the lead approves it; an approved report stays",
    arguments: StoreBackend.available)
  func reviewPath(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submitTaskReports(Fixture.taskReports([Fixture.progress()]))
    await #expect {
      try await self.decide([(Fixture.binjiang, 1)], .return)
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.rule == .returnNeedsComment
    }
    #expect(try await decide([(Fixture.binjiang, 1)], .return, comment: "缺少佐证") == 1)
    var stored = try #require(try await reports().first)
    #expect(stored.review == .returned && stored.reviewComment == "缺少佐证" && stored.reviewedBy == Fixture.bureau)
    #expect(stored.reviewedAt == Fixture.tuesday)
    // Sent again as it stands: submitted again, a new revision, the review cleared.
    #expect(
      try await store.submitTaskReports(Fixture.taskReports([Fixture.progress()])) == SubmissionResult(revised: 1))
    stored = try #require(try await reports().first)
    #expect(stored.review == .submitted && stored.revision == 2 && stored.reviewComment == nil)
    // A decision on what the reviewer saw before is stale.
    await #expect {
      try await self.decide([(Fixture.binjiang, 1)])
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.rule == .stale
    }
    #expect(try await decide([(Fixture.binjiang, 2)]) == 1)
    #expect(try await decide([(Fixture.binjiang, 2)]) == 0)
    stored = try #require(try await reports().first)
    #expect(stored.review == .approved)
    // The same again changes nothing; a change of an approved report is refused whole.
    #expect(
      try await store.submitTaskReports(Fixture.taskReports([Fixture.progress()])) == SubmissionResult(unchanged: 1))
    let other = Fixture.progress(
      .notStarted, task: "digital.software.parks", org: Fixture.binjiang, period: .quarter(2, of: 2024), percent: 0)
    await #expect {
      _ = try await self.store.submitTaskReports(Fixture.taskReports([other, Fixture.progress(percent: 90)]))
    } throws: { error in
      guard case .refused(let refusal, let rows)? = error as? StoreError else { return false }
      return refusal.rule == .taskReportApproved && rows == [2]
    }
    #expect(try await reports().count == 1)
    let log = try await store.taskReportLog(plan: Fixture.plan, task: Fixture.task, org: Fixture.binjiang)
    #expect(log.map(\.action) == [.submit, .return, .submit, .approve])
    #expect(log.map(\.actor) == [Fixture.binjiang, Fixture.bureau, Fixture.binjiang, Fixture.bureau])
    #expect(log[1].comment == "缺少佐证" && log[1].review == .returned && log[3].review == .approved)
  }

  @Test("A report never sent cannot be decided; a locked quarter takes no report", arguments: StoreBackend.available)
  func unknownAndLocked(_ backend: StoreBackend) async throws {
    try await open(backend)
    await #expect {
      try await self.decide([(Fixture.xihu, nil)])
    } throws: { error in
      guard case .refused(let refusal, _)? = error as? StoreError else { return false }
      return refusal.rule == .taskReportUnknown && refusal.kind == .notFound
    }
    try await store.lock()
    await #expect {
      _ = try await self.store.submitTaskReports(Fixture.taskReports([Fixture.progress()]))
    } throws: { error in
      guard case .refused(let refusal, let rows)? = error as? StoreError else { return false }
      return refusal.rule == .locked && rows == [1]
    }
    #expect(try await reports().isEmpty)
    // Another org's quarter is not locked.
    let xihu = Fixture.progress(org: Fixture.xihu)
    #expect(
      try await store.submitTaskReports(Fixture.taskReports([xihu], by: Fixture.xihu)) == SubmissionResult(added: 1))
  }

  @Test("Reports are listed by quarter, task and org, filtered, per plan", arguments: StoreBackend.available)
  func listing(_ backend: StoreBackend) async throws {
    try await open(backend)
    let q2 = Period.quarter(2, of: 2024)
    let reports = [
      Fixture.progress(org: Fixture.xihu, period: q2), Fixture.progress(org: Fixture.xihu),
      Fixture.progress(.completed, percent: 100), Fixture.progress(task: "digital.content.exchange", evidence: nil),
    ]
    _ = try await store.submitTaskReports(Fixture.taskReports(reports, by: Fixture.commission, role: .commission))
    let all = try await self.reports().map(\.progress)
    #expect(all == [reports[3], reports[2], reports[1], reports[0]])
    await #expect(
      try store.taskReports(plan: Fixture.plan, task: Fixture.task, org: Fixture.xihu, period: nil).map(\.progress)
        == [reports[1], reports[0]])
    await #expect(
      try store.taskReports(plan: Fixture.plan, task: nil, org: nil, period: q2).map(\.progress) == [reports[0]])
    await #expect(try store.taskReports(plan: Fixture.otherPlan, task: nil, org: nil, period: nil).isEmpty)
  }

  @Test("The log of task reports cannot be updated or deleted", arguments: StoreBackend.available)
  func logAppendOnly(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submitTaskReports(Fixture.taskReports([Fixture.progress()]))
    for sql in ["UPDATE task_report_event SET text = 'x'", "DELETE FROM task_report_event"] {
      await #expect {
        try await RawSQL.execute(sql, on: store)
      } throws: { error in
        guard case .unavailable(_, let reason)? = error as? StoreError else { return false }
        return reason.contains("append-only")
      }
    }
    #expect(try await store.taskReportLog(plan: Fixture.plan, task: nil, org: nil).count == 1)
  }
}
