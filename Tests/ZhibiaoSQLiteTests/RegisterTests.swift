import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore

@testable import ZhibiaoSQLite

@Suite("Registers")
struct RegisterTests {
  let store: SQLiteStore
  static let incubators: RegisterID = "tech.national_incubators"
  static let fairs: RegisterID = "business.ufi_fairs"

  init() throws { store = try SQLiteStore.inMemory() }

  static func entry(
    _ name: String, register: RegisterID = incubators, org: OrgID = Fixture.binjiang, level: String = "国家级",
    evidence: String? = "国科发区〔2023〕12号"
  ) -> RegisterEntry {
    RegisterEntry(
      register: register, name: name, org: org, level: level, recognisedOn: "2023-12-01", evidence: evidence)
  }

  func submit(_ entries: [RegisterEntry], plan: PlanID = Fixture.plan, at time: Date = Fixture.monday) async throws
    -> SubmissionResult
  {
    try await store.submitRegister(
      RegisterSubmission(plan: plan, submitter: Fixture.bureau, source: "registers.csv", time: time, entries: entries))
  }

  @Test("Entries are added, re-submitting them changes nothing, and a changed entry is revised")
  func addUnchangedRevise() async throws {
    let entries = [Self.entry("浙大科技园"), Self.entry("西湖创业园", org: Fixture.xihu, level: "省级")]
    #expect(try await submit(entries) == SubmissionResult(added: 2))
    #expect(try await submit(entries, at: Fixture.tuesday) == SubmissionResult(unchanged: 2))
    #expect(try await store.registerEntries(plan: Fixture.plan, register: Self.incubators) == entries)

    let promoted = Self.entry("西湖创业园", org: Fixture.xihu, level: "国家级", evidence: "国科发区〔2024〕3号")
    #expect(try await submit([entries[0], promoted]) == SubmissionResult(revised: 1, unchanged: 1))
    #expect(try await store.registerEntries(plan: Fixture.plan, register: Self.incubators) == [entries[0], promoted])
    #expect(try await submit([promoted]) == SubmissionResult(unchanged: 1))
  }

  @Test("An entry given twice in one batch is added, then revised")
  func sameNameTwice() async throws {
    let result = try await submit([Self.entry("浙大科技园"), Self.entry("浙大科技园", evidence: nil)])
    #expect(result == SubmissionResult(added: 1, revised: 1))
    await #expect(try store.registerEntries(plan: Fixture.plan, register: nil).map(\.evidence) == [nil])
  }

  @Test("Entries are listed per register or all together, by register and name, per plan")
  func listing() async throws {
    let fair = Self.entry("杭州文博会", register: Self.fairs, level: "UFI")
    let b = Self.entry("B 园"), a = Self.entry("A 园")
    _ = try await submit([b, fair, a])
    _ = try await submit([Self.entry("宁波园")], plan: Fixture.otherPlan)
    await #expect(try store.registerEntries(plan: Fixture.plan, register: nil) == [fair, a, b])
    await #expect(try store.registerEntries(plan: Fixture.plan, register: Self.incubators) == [a, b])
    await #expect(try store.registerEntries(plan: Fixture.otherPlan, register: nil).map(\.name) == ["宁波园"])
  }
}
