// The store's change mark: it moves with every kind of write and stays put while nothing is written.

import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@Suite("The store's change mark")
struct ChangeMarkTests {
  @Test("Every write moves the mark; reads and writes that change nothing leave it", arguments: StoreBackend.available)
  func moves(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    var marks: [String] = [try await store.changeMark()]
    func expectMoved(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
      let mark = try await store.changeMark()
      #expect(!marks.contains(mark), "\(what) did not move the mark", sourceLocation: sourceLocation)
      marks.append(mark)
    }
    func expectStill(_ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
      #expect(try await store.changeMark() == marks.last, "\(what) moved the mark", sourceLocation: sourceLocation)
    }

    let submission = Fixture.submission([Fixture.row(Fixture.revenue, value: "100", line: 2)])
    _ = try await store.submit(submission)
    try await expectMoved("a submission")
    _ = try await store.observations(plan: Fixture.plan)
    _ = try await store.auditLog(plan: Fixture.plan, org: nil)
    try await expectStill("reading")
    _ = try await store.submit(submission)
    try await expectStill("the same submission again")
    _ = try await store.review([Fixture.revenue])
    try await expectMoved("an approval")
    _ = try await store.lock(
      plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1, by: "bureau.drc", at: Fixture.monday)
    try await expectMoved("a lock")
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: Fixture.plan, submitter: Fixture.bureau, source: "registers.csv", time: Fixture.monday,
        entries: [Fixture.registerEntry("浙大科技园")]))
    try await expectMoved("a register entry")
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: Fixture.plan, submitter: Fixture.bureau, source: "registers.csv",
        time: Fixture.monday.addingTimeInterval(60),
        entries: [Fixture.registerEntry("浙大科技园", level: "省级")]))
    try await expectMoved("a revised register entry")
  }
}
