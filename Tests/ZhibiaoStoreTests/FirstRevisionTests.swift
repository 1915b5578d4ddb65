import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// A new figure's first revision is held by its observation, not written twice; every change of
/// the observation writes it out first, so the history reads as if it had been written.
@Suite("First revisions held by their observations")
final class FirstRevisionTests {
  var store: (any Store)!

  func open(_ backend: StoreBackend) async throws { store = try await backend.store() }

  /// 滨江区's 2024Q1 revenue as first sent: 105.5 with a note, on Monday, from q1.csv.
  let first = Revision(
    number: 1, value: Fixture.decimal("105.5"), status: .submitted, reportedBy: Fixture.binjiang,
    reportedAt: Fixture.monday, source: "q1.csv", note: "初报", reason: nil, changedAfterApproval: false)

  func history(_ indicator: IndicatorID = Fixture.revenue) async throws -> [Revision] {
    try await store.history(plan: Fixture.plan, indicator: indicator, org: Fixture.binjiang, period: Fixture.q1)
  }

  /// The revision rows stored for 滨江区's 2024Q1 revenue.
  func storedRevisions() async throws -> Int? {
    try await RawSQL.integer(
      """
      SELECT count(*) FROM revision
      WHERE indicator = '\(Fixture.revenue.rawValue)' AND org = '\(Fixture.binjiang.rawValue)'
      """, on: store)
  }

  @Test(
    "A new figure writes no revision row, and its history gives its first revision", arguments: StoreBackend.available)
  func newFigure(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    await #expect(try storedRevisions() == 0)
    await #expect(try history() == [first])
  }

  @Test("A review writes the first revision out before the figure moves on", arguments: StoreBackend.available)
  func review(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    await #expect(try store.review([Fixture.revenue], .return, comment: "口径有误") == 1)
    await #expect(try storedRevisions() == 2)
    let revisions = try await history()
    #expect(revisions.first == first)
    #expect(revisions.map(\.status) == [.submitted, .returned])
    #expect(revisions.last?.reason == "口径有误")
  }

  @Test("A revised figure keeps its first value", arguments: StoreBackend.available)
  func revised(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    _ = try await store.submit(
      Fixture.submission([Fixture.row(value: "106", note: "初报")], source: "q1-fixed.csv", at: Fixture.tuesday))
    await #expect(try storedRevisions() == 2)
    let revisions = try await history()
    #expect(revisions.first == first)
    #expect(revisions.map(\.value) == [Fixture.decimal("105.5"), 106])
  }

  @Test("A draft made a submission keeps its first revision as a draft", arguments: StoreBackend.available)
  func promotedDraft(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")], status: .draft))
    await #expect(try storedRevisions() == 0)
    await #expect(try history().map(\.status) == [.draft])
    let sent = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    #expect(sent.unchanged == 1)
    await #expect(try storedRevisions() == 1)
    var draft = first
    draft.status = .draft
    await #expect(try history() == [draft])
    await #expect(try store.observations(plan: Fixture.plan).map(\.status) == [.submitted])
  }

  @Test("An accepted change of a figure at its first revision keeps that revision", arguments: StoreBackend.available)
  func acceptedChange(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "105.5", note: "初报")]))
    #expect(try await store.lock())
    let filed = try await store.submit(
      Fixture.submission([Fixture.row(value: "107", note: "初报")], reason: "统计局反馈修正"))
    #expect(filed.changeRequests == 1)
    await #expect(try storedRevisions() == 0)
    let request = try #require(try await store.changeRequests(plan: Fixture.plan).first)
    try await store.decide(request.id)
    let revisions = try await history()
    #expect(revisions.first == first)
    #expect(revisions.map(\.value) == [Fixture.decimal("105.5"), 107])
    #expect(revisions.last?.reason == "统计局反馈修正")
  }

  @Test(
    "A figure added with a reason, or added and changed in one submission, has its rows written",
    arguments: StoreBackend.available)
  func writtenWhenTheySayMore(_ backend: StoreBackend) async throws {
    try await open(backend)
    _ = try await store.submit(
      Fixture.submission([Fixture.row(Fixture.incubators, value: "3")], reason: "补报"))
    await #expect(try history(Fixture.incubators).map(\.reason) == ["补报"])
    _ = try await store.submit(
      Fixture.submission([Fixture.row(value: "105.5", note: "初报"), Fixture.row(value: "106", note: "初报")]))
    await #expect(try storedRevisions() == 2)
    let revisions = try await history()
    #expect(revisions.first == first)
    #expect(revisions.map(\.value) == [Fixture.decimal("105.5"), 106])
  }

  @Test(
    "An import writes its new figures, and their audit entries, in the key's order", arguments: StoreBackend.available)
  func keyOrder(_ backend: StoreBackend) async throws {
    try await open(backend)
    let rows = [
      Fixture.row(Fixture.incubators, org: Fixture.xihu, value: "1"),
      Fixture.row(Fixture.revenue, org: Fixture.xihu, value: "2"),
      Fixture.row(Fixture.revenue, period: .quarter(2, of: 2024), value: "3"),
      Fixture.row(Fixture.revenue, value: "4"),
    ]
    _ = try await store.submit(Fixture.submission(rows, by: Fixture.commission, role: .commission))
    // By org, period and indicator: 滨江区 before 西湖区, its first quarter before its second.
    let entries = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(entries.map(\.newValue) == [4, 3, 2, 1])
    for row in rows {
      let revisions = try await store.history(
        plan: Fixture.plan, indicator: row.indicator, org: row.org, period: row.period)
      #expect(revisions.map(\.value) == [row.value])
    }
  }
}
