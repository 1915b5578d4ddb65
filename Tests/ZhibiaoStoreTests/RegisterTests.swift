import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@Suite("Registers")
final class RegisterTests {
  var store: (any Store)!
  static let incubators: RegisterID = "tech.national_incubators"
  static let fairs: RegisterID = "business.ufi_fairs"

  func open(_ backend: StoreBackend) async throws { store = try await backend.store() }

  func submit(_ entries: [RegisterEntry], plan: PlanID = Fixture.plan, at time: Date = Fixture.monday) async throws
    -> SubmissionResult
  {
    try await store.submitRegister(
      RegisterSubmission(plan: plan, submitter: Fixture.bureau, source: "registers.csv", time: time, entries: entries))
  }

  @Test(
    "Entries are added, re-submitting them changes nothing, and a changed entry is revised",
    arguments: StoreBackend.available)
  func addUnchangedRevise(_ backend: StoreBackend) async throws {
    try await open(backend)
    let entries = [Fixture.registerEntry("浙大科技园"), Fixture.registerEntry("西湖创业园", org: Fixture.xihu, level: "省级")]
    #expect(try await submit(entries) == SubmissionResult(added: 2))
    #expect(try await submit(entries, at: Fixture.tuesday) == SubmissionResult(unchanged: 2))
    #expect(try await store.registerEntries(plan: Fixture.plan, register: Self.incubators) == entries)

    let promoted = Fixture.registerEntry("西湖创业园", org: Fixture.xihu, level: "国家级", evidence: "国科发区〔2024〕3号")
    #expect(try await submit([entries[0], promoted]) == SubmissionResult(revised: 1, unchanged: 1))
    #expect(try await store.registerEntries(plan: Fixture.plan, register: Self.incubators) == [entries[0], promoted])
    #expect(try await submit([promoted]) == SubmissionResult(unchanged: 1))
  }

  @Test(
    "A withdrawal is kept with its day and reason, revised like any field, and every reason reads back",
    arguments: StoreBackend.available)
  func withdrawals(_ backend: StoreBackend) async throws {
    try await open(backend)
    let listed = Fixture.registerEntry("浙大科技园")
    #expect(try await submit([listed]) == SubmissionResult(added: 1))
    let delisted = Fixture.registerEntry("浙大科技园", withdrawnOn: "2024-03-01", withdrawal: .delisted)
    #expect(try await submit([delisted], at: Fixture.tuesday) == SubmissionResult(revised: 1))
    #expect(try await submit([delisted], at: Fixture.tuesday) == SubmissionResult(unchanged: 1))
    let others = [
      Fixture.registerEntry("A 园", withdrawnOn: "2024-01-02", withdrawal: .revoked),
      Fixture.registerEntry("B 园", org: Fixture.xihu, withdrawnOn: "2025-06-30", withdrawal: .movedOut),
    ]
    #expect(try await submit(others) == SubmissionResult(added: 2))
    let stored = try await store.registerEntries(plan: Fixture.plan, register: Self.incubators)
    #expect(stored == others + [delisted])
    #expect(stored.map(\.withdrawal) == [.revoked, .movedOut, .delisted])
    // Taken back onto the register: the withdrawal is cleared.
    #expect(try await submit([listed]) == SubmissionResult(revised: 1))
    await #expect(try store.registerEntries(plan: Fixture.plan, register: Self.incubators).last == listed)
  }

  @Test("An entry given twice in one batch is added, then revised", arguments: StoreBackend.available)
  func sameNameTwice(_ backend: StoreBackend) async throws {
    try await open(backend)
    let result = try await submit([Fixture.registerEntry("浙大科技园"), Fixture.registerEntry("浙大科技园", evidence: nil)])
    #expect(result == SubmissionResult(added: 1, revised: 1))
    await #expect(try store.registerEntries(plan: Fixture.plan, register: nil).map(\.evidence) == [nil])
  }

  @Test(
    "Entries are listed per register or all together, by register and name, per plan", arguments: StoreBackend.available
  )
  func listing(_ backend: StoreBackend) async throws {
    try await open(backend)
    let fair = Fixture.registerEntry("杭州文博会", register: Self.fairs, level: "UFI")
    let b = Fixture.registerEntry("B 园"), a = Fixture.registerEntry("A 园")
    _ = try await submit([b, fair, a])
    _ = try await submit([Fixture.registerEntry("宁波园")], plan: Fixture.otherPlan)
    await #expect(try store.registerEntries(plan: Fixture.plan, register: nil) == [fair, a, b])
    await #expect(try store.registerEntries(plan: Fixture.plan, register: Self.incubators) == [a, b])
    await #expect(try store.registerEntries(plan: Fixture.otherPlan, register: nil).map(\.name) == ["宁波园"])
  }
}
