import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// Issued target versions as the store keeps them: numbered in order, frozen, refused when the
/// rules say so, and hashed the same on every run and in either store.
@Suite("Issued target versions in the store")
struct TargetIssueTests {
  /// The canonical content of ``StoreFixture/targets(revenue:)``, written out by hand, and its
  /// SHA-256 as `sha256sum` gives it for these bytes.
  static let canonical = """
    zhibiao-targets/1 hangzhou.producer_services 2025
    digital.ict_revenue\tbureau.economy\t2025\t1200.5\tat_least\tlevel\t\tcompound\t\tcity
    digital.ict_revenue\tbureau.economy\t2025Q1\t276.12\tat_least\tlevel\t\tseasonal\t0.23\tcity
    tech.national_incubators\tdistrict.binjiang\t2025\t4\tat_least\tincrease\t\twebster\t\tdistrict

    """
  static let hash = "788d7fac81f078855b79200b02c9b5333a928c8c084cdc5d9dda9e8c969545b5"

  @Test("The canonical text orders targets by indicator, org and period, whatever order they come in")
  func canonicalText() {
    let targets = Fixture.targets()
    for order in [targets, targets.reversed(), [targets[1], targets[2], targets[0]]] {
      #expect(TargetIssue.canonicalText(plan: Fixture.plan, year: 2025, entries: order) == Self.canonical)
      #expect(TargetIssue.hash(plan: Fixture.plan, year: 2025, entries: order) == Self.hash)
    }
    // One digit more changes the hash; trailing zeros of the same value do not.
    #expect(TargetIssue.hash(plan: Fixture.plan, year: 2025, entries: Fixture.targets(revenue: "1200.51")) != Self.hash)
    #expect(TargetIssue.hash(plan: Fixture.plan, year: 2025, entries: Fixture.targets(revenue: "1200.50")) == Self.hash)
  }

  @Test(
    "An issue is version 1 with its document, date and hash; its targets read back exactly",
    arguments: StoreBackend.available)
  func issued(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let issue = try await store.issueTargets(Fixture.issue())
    #expect(
      issue
        == TargetIssue(
          plan: Fixture.plan, version: 1, year: 2025, document: "杭服领〔2025〕1号", issuedOn: "2025-03-01", reason: nil,
          hash: Self.hash, entryCount: 3, issuedBy: Fixture.commission, issuedRole: .commission, issuedUser: nil,
          recordedAt: Fixture.monday))
    let read = try await store.issuedTargets(plan: Fixture.plan, version: 1)
    // The fixture's targets are in canonical order already.
    #expect(read == Fixture.targets())
    #expect(TargetIssue.hash(plan: Fixture.plan, year: 2025, entries: read) == Self.hash)
    #expect(try await store.targetIssues(plan: Fixture.plan) == [issue])
    #expect(try await store.targetIssues(plan: Fixture.otherPlan).isEmpty)
    #expect(try await store.issuedTargets(plan: Fixture.plan, version: 2).isEmpty)
  }

  @Test(
    "The whole 2025 target book of the plan issues and reads back with the same hash", arguments: StoreBackend.available
  )
  func wholeBook(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let plan = try HangzhouPlan.plan()
    let entries = try HangzhouPlan.targetBook().entries(year: 2025)
    let issue = try await store.issueTargets(Fixture.issue(entries, plan: plan.id))
    #expect(issue.entryCount == entries.count)
    let read = try await store.issuedTargets(plan: plan.id, version: issue.version)
    #expect(Set(read) == Set(entries))
    #expect(TargetIssue.hash(plan: plan.id, year: 2025, entries: read) == issue.hash)
    #expect(issue.hash == TargetIssue.hash(plan: plan.id, year: 2025, entries: entries))
  }

  @Test(
    "An adjustment is the next version with its reason; the latest of each year is in force",
    arguments: StoreBackend.available)
  func adjustment(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    _ = try await store.issueTargets(Fixture.issue())
    let year2024 = Fixture.targets().map { entry -> TargetBook.Entry in
      var entry = entry
      entry.period = entry.period.quarter.map { .quarter($0, of: 2024) } ?? .year(2024)
      return entry
    }
    _ = try await store.issueTargets(Fixture.issue(year2024, year: 2024, document: "杭服领〔2024〕3号", on: "2024-02-20"))
    let adjusted = try await store.issueTargets(
      Fixture.issue(
        Fixture.targets(revenue: "1150"), document: "杭服领〔2025〕6号", on: "2025-07-10", reason: "外部环境变化，下调软件收入目标"))
    #expect(adjusted.version == 3)
    #expect(adjusted.isAdjustment)
    #expect(adjusted.reason == "外部环境变化，下调软件收入目标")
    let inForce = try await IssuedTargets.read(plan: Fixture.plan, from: store)
    #expect(inForce.inForce.mapValues(\.version) == [2024: 2, 2025: 3])
    #expect(
      inForce.entries.first { $0.indicator == Fixture.revenue && $0.period == .year(2025) }?.value
        == Fixture.decimal("1150"))
    // Version 1 is kept as it was issued.
    #expect(
      try await store.issuedTargets(plan: Fixture.plan, version: 1).first { $0.period == .year(2025) }?.value
        == Fixture.decimal("1200.5"))
  }

  @Test("The rules refuse an issue and leave the store as it was", arguments: StoreBackend.available)
  func refused(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    func refuses(_ filing: TargetIssueFiling, _ kind: ReviewRefusal.Kind, _ words: String) async throws {
      let before = try await store.snapshot()
      await #expect {
        try await store.issueTargets(filing)
      } throws: { error in
        guard case .refused(let refusal, _)? = error as? StoreError else { return false }
        return refusal.rule == .issueTargets && refusal.kind == kind && refusal.text.en.contains(words)
      }
      #expect(try await store.snapshot() == before)
    }
    try await refuses(Fixture.issue(by: Fixture.bureau, role: .bureau), .forbidden, "Only the commission")
    try await refuses(Fixture.issue(document: "  "), .conflict, "needs a document number")
    try await refuses(Fixture.issue(on: "2025-02-30"), .conflict, "is not a day")
    try await refuses(Fixture.issue([]), .conflict, "no targets for 2025")
    try await refuses(Fixture.issue(year: 2024), .conflict, "no targets for 2024")
    try await refuses(Fixture.issue(reason: "调整"), .conflict, "a first issue takes no reason")
    _ = try await store.issueTargets(Fixture.issue())
    try await refuses(Fixture.issue(document: "杭服领〔2025〕2号"), .conflict, "an adjustment needs a reason")
    try await refuses(
      Fixture.issue(document: "杭服领〔2025〕2号", reason: "核实"), .conflict, "the same as version 1")
    try await refuses(
      Fixture.issue(Fixture.targets(revenue: "1"), reason: "核实"), .conflict, "was used for version 1")
  }

  @Test("An issued version cannot be changed behind the interface", arguments: StoreBackend.available)
  func frozen(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    _ = try await store.issueTargets(Fixture.issue())
    await #expect(throws: (any Error).self) {
      try await RawSQL.execute("UPDATE issued_target SET value = '1' WHERE version = 1", on: store)
    }
    await #expect(throws: (any Error).self) {
      try await RawSQL.execute("UPDATE target_issue SET document = 'x' WHERE version = 1", on: store)
    }
    #expect(try await store.issuedTargets(plan: Fixture.plan, version: 1).count == 3)
    #expect(try await store.targetIssues(plan: Fixture.plan).first?.document == "杭服领〔2025〕1号")
  }

  @Test("Issuing moves the store's change mark", arguments: StoreBackend.available)
  func changeMark(_ backend: StoreBackend) async throws {
    let store = try await backend.store()
    let before = try await store.changeMark()
    _ = try await store.issueTargets(Fixture.issue())
    #expect(try await store.changeMark() != before)
  }

  @Test("A version in force replaces its year in the book, in the book's order; other years stay")
  func applied() {
    let targets = Fixture.targets()
    var configured = targets
    configured[0].value = Fixture.decimal("1300")
    let earlier = TargetBook.Entry(
      indicator: Fixture.revenue, org: Fixture.bureau, period: .year(2024), value: 1000, comparator: .atLeast,
      measure: .level, partner: nil, method: .compound, seasonalShare: nil, isCity: true)
    let book = TargetBook(entries: [earlier] + configured, notes: [:], problems: [])
    let issue = TargetIssue(
      plan: Fixture.plan, version: 1, year: 2025, document: "d", issuedOn: "2025-03-01", reason: nil, hash: Self.hash,
      entryCount: 3, issuedBy: Fixture.commission, issuedRole: .commission, issuedUser: nil, recordedAt: Fixture.monday)
    let applied = IssuedTargets(inForce: [2025: issue], entries: targets.reversed()).applied(to: book)
    #expect(applied.entries == [earlier] + targets)
    #expect(IssuedTargets.none.applied(to: book).entries == book.entries)
  }

  @Test("A diff names each target added, removed or changed, with the fields that moved")
  func diff() {
    let old = Fixture.targets()
    var new = Array(old.dropLast())
    new[0].value = Fixture.decimal("1150")
    new[1].seasonalShare = Fixture.decimal("0.24")
    var added = old[2]
    added.org = Fixture.xihu
    new.append(added)
    let diff = TargetDiff(from: old, to: new)
    #expect(diff.changes.map(\.kind) == [.changed, .changed, .removed, .added])
    #expect(diff.changes.map(\.org) == [Fixture.bureau, Fixture.bureau, Fixture.binjiang, Fixture.xihu])
    #expect(diff.changes[0].fields == ["value"])
    #expect(diff.changes[0].delta == Fixture.decimal("-50.5"))
    #expect(diff.changes[1].fields == ["seasonal_share"])
    #expect(diff.changes[1].delta == 0)
    #expect(diff.changes[2].delta == nil)
    #expect(TargetDiff(from: old, to: old.reversed()).isEmpty)
  }
}
