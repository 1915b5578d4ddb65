import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@Suite("Submitting observations")
final class SubmitTests {
  var store: (any Store)!

  func open(_ backend: StoreBackend) async throws { store = try await backend.store() }

  func history(
    _ indicator: IndicatorID = Fixture.revenue, org: OrgID = Fixture.binjiang, period: Period = Fixture.q1
  ) async throws -> [Revision] {
    try await store.history(plan: Fixture.plan, indicator: indicator, org: org, period: period)
  }

  @Test(
    "A new value is added, the same file again changes nothing, a changed value is a new revision",
    arguments: StoreBackend.available)
  func addedUnchangedRevised(_ backend: StoreBackend) async throws {
    try await open(backend)
    let first = Fixture.submission([Fixture.row(value: "105.5", note: "初报")])
    await #expect(try store.submit(first) == SubmissionResult(added: 1))
    await #expect(try history().count == 1)

    await #expect(try store.submit(first) == SubmissionResult(unchanged: 1))
    let afterRepeat = try await history()
    #expect(afterRepeat.count == 1)
    #expect(afterRepeat.first?.value == Fixture.decimal("105.5"))

    let fixed = Fixture.submission(
      [Fixture.row(value: "106", note: "初报")], by: Fixture.bureau, source: "q1-fixed.csv", at: Fixture.tuesday)
    await #expect(try store.submit(fixed) == SubmissionResult(revised: 1))
    let revisions = try await history()
    #expect(revisions.map(\.number) == [1, 2])
    #expect(revisions.map(\.value) == [Fixture.decimal("105.5"), Fixture.decimal("106")])
    #expect(revisions.map(\.source) == ["q1.csv", "q1-fixed.csv"])
    #expect(revisions.map(\.reportedBy) == [Fixture.binjiang, Fixture.bureau])
    #expect(revisions.map(\.reportedAt) == [Fixture.monday, Fixture.tuesday])
    #expect(revisions.allSatisfy { !$0.changedAfterApproval && $0.reason == nil && $0.status == .submitted })

    let current = try await store.observations(plan: Fixture.plan)
    #expect(
      current == [
        ObservationRecord(
          indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1, value: Fixture.decimal("106"),
          status: .submitted, revision: 2, reportedBy: Fixture.bureau, reportedAt: Fixture.tuesday,
          source: "q1-fixed.csv", note: "初报", changedAfterApproval: false)
      ])
  }

  @Test("A changed note alone is a new revision", arguments: StoreBackend.available)
  func noteChange(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")]))
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "1", note: "口径调整")])).revised == 1)
    await #expect(try history().map(\.note) == [nil, "口径调整"])
  }

  @Test("A key given twice in one submission is added, then revised", arguments: StoreBackend.available)
  func sameKeyTwice(_ backend: StoreBackend) async throws {
    try await open(backend)
    let result = try await store.submit(Fixture.submission([Fixture.row(value: "1"), Fixture.row(value: "2")]))
    #expect(result == SubmissionResult(added: 1, revised: 1))
    await #expect(try history().map(\.value) == [1, 2])
    await #expect(try store.observations(plan: Fixture.plan).map(\.revision) == [2])
  }

  @Test(
    "Drafts sent again as submitted move on; a draft never replaces a submitted value",
    arguments: StoreBackend.available)
  func draftsAndStatus(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")], status: .draft))
    await #expect(try store.observations(plan: Fixture.plan).isEmpty)
    await #expect(try store.drafts(plan: Fixture.plan, org: nil).map(\.status) == [.draft])
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "1")])) == SubmissionResult(unchanged: 1))
    await #expect(try store.observations(plan: Fixture.plan).map(\.status) == [.submitted])
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "1")], status: .draft)).unchanged == 1)
    await #expect(try store.observations(plan: Fixture.plan).map(\.status) == [.submitted])
    await #expect(try history().count == 1)
    await #expect(throws: StoreError.self) {
      _ = try await store.submit(Fixture.submission([Fixture.row(value: "2")], status: .draft))
    }
    await #expect(try store.observations(plan: Fixture.plan).map(\.value) == [1])
    await #expect(try history().map(\.status) == [.draft])
  }

  @Test(
    "Observations are filtered and ordered by indicator, org and period, a year after its quarters",
    arguments: StoreBackend.available)
  func filtersAndOrder(_ backend: StoreBackend) async throws {
    try await open(backend)
    let year: Period = .year(2024)
    let q4: Period = .quarter(4, of: 2024)
    let rows = [
      Fixture.row(Fixture.revenue, org: Fixture.xihu, period: year, value: "5"),
      Fixture.row(Fixture.incubators, org: Fixture.binjiang, period: Fixture.q1, value: "3"),
      Fixture.row(Fixture.revenue, org: Fixture.binjiang, period: year, value: "4"),
      Fixture.row(Fixture.revenue, org: Fixture.binjiang, period: q4, value: "2"),
      Fixture.row(Fixture.revenue, org: Fixture.binjiang, period: .quarter(1, of: 2025), value: "6"),
      Fixture.row(Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1, value: "1"),
    ]
    await #expect(try store.submit(Fixture.submission(rows)).added == 6)
    let all = try await store.observations(plan: Fixture.plan)
    #expect(all.map(\.value) == [1, 2, 4, 6, 5, 3])
    await #expect(
      try store.observations(plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: nil)
        .map(\.period) == [Fixture.q1, q4, year, .quarter(1, of: 2025)])
    await #expect(
      try store.observations(plan: Fixture.plan, indicator: nil, org: nil, period: year).map(\.org)
        == [Fixture.binjiang, Fixture.xihu])
    await #expect(
      try store.observations(plan: Fixture.plan, indicator: Fixture.incubators, org: nil, period: nil).map(\.value)
        == [3])
    await #expect(try store.observations(plan: Fixture.plan, indicator: nil, org: Fixture.xihu, period: q4).isEmpty)
  }

  @Test("Plans live side by side: the same key in two plans is two observations", arguments: StoreBackend.available)
  func plansSideBySide(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")]))
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "2")], plan: Fixture.otherPlan)).added == 1)
    await #expect(try store.observations(plan: Fixture.plan).map(\.value) == [1])
    await #expect(try store.observations(plan: Fixture.otherPlan).map(\.value) == [2])
    try await store.lock()
    await #expect(!(try store.isLocked(plan: Fixture.otherPlan, org: Fixture.binjiang, period: Fixture.q1)))
    await #expect(try store.submit(Fixture.submission([Fixture.row(value: "3")], plan: Fixture.otherPlan)).revised == 1)
  }

  @Test("Times come back to the millisecond", arguments: StoreBackend.available)
  func times(_ backend: StoreBackend) async throws {
    try await open(backend)
    let time = Date(timeIntervalSince1970: 1_713_139_200.123)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")], at: time))
    await #expect(try store.observations(plan: Fixture.plan).first?.reportedAt == time)
    await #expect(try history().first?.reportedAt == time)
  }

  @Test(
    "A submission cannot approve: rows sent as approved or returned are stored as submitted",
    arguments: StoreBackend.available)
  func submissionCannotApprove(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")], status: .approved))
    await #expect(try store.observations(plan: Fixture.plan).map(\.status) == [.submitted])
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "2")], status: .returned))
    await #expect(try store.observations(plan: Fixture.plan).map(\.status) == [.submitted])
  }

  @Test("An empty submission writes nothing", arguments: StoreBackend.available)
  func emptySubmission(_ backend: StoreBackend) async throws {
    try await open(backend)
    #expect(try await store.submit(Fixture.submission([])) == SubmissionResult())
    #expect(try await store.observations(plan: Fixture.plan).isEmpty)
  }
}
