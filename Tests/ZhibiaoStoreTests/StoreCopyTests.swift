import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

/// `zhibiao store copy`: a whole store from one backend to another, checked before it commits.
@Suite("Copying a whole store")
struct StoreCopyTests {
  /// Every pair of backends available here, both ways.
  static var pairs: [(StoreBackend, StoreBackend)] {
    StoreBackend.available.flatMap { from in StoreBackend.available.map { (from, $0) } }
  }

  /// A store holding something of every table: figures through the workflow, change requests
  /// accepted, rejected and pending, a register, an account with a token and a session, a failed
  /// sign-in, an issued target version, an answer to a supervision notice.
  static func filled(_ backend: StoreBackend) async throws -> any TableStore {
    let q2 = Period.quarter(2, of: 2024)
    let store = try #require(try await backend.store() as? any TableStore)
    _ = try await store.submit(
      Fixture.submission([
        Fixture.row(value: "12345678901234.5678", note: #"含"引号"与,逗号和\反斜杠"#),
        Fixture.row(Fixture.incubators, value: "7"),
      ]))
    _ = try await store.review([Fixture.revenue], .return, comment: "请核对")
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "0.1")], at: Fixture.tuesday))
    _ = try await store.review([Fixture.revenue, Fixture.incubators], at: Fixture.wednesday)
    try await store.lock()
    let accepted = try await store.fileChangeRequest(Fixture.filing(value: "0.2", note: #"改"为"\0.2"#))
    try await store.decide(accepted.id)
    let rejected = try await store.fileChangeRequest(Fixture.filing(Fixture.incubators, value: "8"))
    try await store.decide(rejected.id, .reject, comment: "维持原值")
    _ = try await store.fileChangeRequest(Fixture.filing(value: "0.3", reason: "再次核实"))
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: Fixture.plan, submitter: Fixture.bureau, source: "r.csv", time: Fixture.monday,
        entries: [
          Fixture.registerEntry("浙大科技园"),
          Fixture.registerEntry("西湖园", evidence: nil, withdrawnOn: "2024-05-06", withdrawal: .movedOut),
        ]))
    _ = try await store.issueTargets(Fixture.issue())
    _ = try await store.submitTaskReports(
      Fixture.taskReports(
        [
          Fixture.progress(period: q2),
          Fixture.progress(.lagging, org: Fixture.xihu, period: q2, percent: nil, evidence: nil),
        ], by: Fixture.commission, role: .commission))
    _ = try await store.reviewTaskReports(
      TaskReportReview(
        plan: Fixture.plan, period: q2, reports: [(Fixture.task, Fixture.xihu, 1)], decision: .return,
        comment: "请补充\"佐证\"", reviewer: Fixture.bureau, role: .bureau, time: Fixture.tuesday))
    let event = try await store.addAssessmentEvent(
      plan: Fixture.plan, year: 2024,
      entry: AssessmentEventEntry(kind: .bonus, org: Fixture.binjiang, points: Fixture.decimal("0.5"), reason: "示范"),
      by: Fixture.commission, role: .commission, user: nil, at: Fixture.monday)
    _ = try await store.withdrawAssessmentEvent(
      plan: Fixture.plan, id: event.id, reason: "重复", by: Fixture.commission, user: nil, at: Fixture.tuesday)
    _ = try await store.addAssessmentEvent(
      plan: Fixture.plan, year: 2024, entry: AssessmentEventEntry(kind: .veto, org: Fixture.xihu, reason: "事故"),
      by: Fixture.commission, role: .commission, user: "drc", at: Fixture.monday)
    let notice = NoticeID(level: "yellow", org: Fixture.binjiang, period: Fixture.q1, indicator: Fixture.revenue)
    _ = try await store.recordNoticeActions([
      NoticeActionFiling(
        plan: Fixture.plan, notice: notice, kind: .answer, text: #"整改"措施",含逗号"#, evidence: "区政办〔2024〕3号",
        seenVersion: 0, actor: Fixture.binjiang, role: .district, time: Fixture.tuesday, source: "answers.csv")
    ])
    try await store.addAccount(
      AccountRecord(
        name: "binjiang.wang", org: Fixture.binjiang, role: .district, passwordHash: "x", createdAt: Fixture.monday,
        updatedAt: Fixture.monday))
    try await store.addToken(
      TokenRecord(
        name: "nightly", account: "binjiang.wang", hash: String(repeating: "a", count: 64), createdAt: Fixture.monday))
    try await store.addSession(
      SessionRecord(
        idHash: String(repeating: "b", count: 64), account: "binjiang.wang", csrfToken: "c", createdAt: Fixture.monday,
        lastSeenAt: Fixture.tuesday, address: "127.0.0.1"))
    try await store.recordLoginFailure(account: "binjiang.wang", address: "10.0.0.1", at: Fixture.monday)
    return store
  }

  @Test("A copy reads back as the source, and the audit log numbers on after it", arguments: pairs)
  func copies(_ from: StoreBackend, _ to: StoreBackend) async throws {
    let source = try await Self.filled(from)
    let target = try #require(try await to.store() as? any TableStore)
    let copied = try await StoreCopy.copy(from: source, to: target, replacing: false)
    #expect(copied.map(\.table.name) == StoreTable.all.map(\.name))
    #expect(copied.allSatisfy { $0.digest.rows > 0 })
    #expect(try await target.snapshot() == source.snapshot())
    for table in StoreTable.all {
      #expect(try await TableDigest(target.rows(of: table)) == TableDigest(source.rows(of: table)))
    }
    let before = try await target.auditLog(plan: Fixture.plan, org: nil).map(\.sequence)
    _ = try await target.submit(Fixture.submission([Fixture.row(org: Fixture.xihu, value: "1")]))
    let after = try await target.auditLog(plan: Fixture.plan, org: nil).map(\.sequence)
    #expect(after == before + [(before.max() ?? 0) + 1])
    // So do the change requests' numbers.
    let request = try await target.fileChangeRequest(Fixture.filing(Fixture.incubators, value: "9"))
    #expect(request.id == 4)
  }

  @Test("A target that holds data is refused unless replaced; a replacement is whole", arguments: pairs)
  func replaces(_ from: StoreBackend, _ to: StoreBackend) async throws {
    let source = try await Self.filled(from)
    let target = try #require(try await to.store() as? any TableStore)
    _ = try await target.submit(Fixture.submission([Fixture.row(org: Fixture.xihu, value: "99")]))
    let held = try await target.snapshot()
    await #expect(throws: StoreCopyError.targetNotEmpty(table: "observation", rows: 1)) {
      _ = try await StoreCopy.copy(from: source, to: target, replacing: false)
    }
    #expect(try await target.snapshot() == held)
    _ = try await StoreCopy.copy(from: source, to: target, replacing: true)
    #expect(try await target.snapshot() == source.snapshot())
  }

  @Test("A copy that does not read back the same is undone whole", arguments: StoreBackend.available)
  func undone(_ backend: StoreBackend) async throws {
    let source = try await Self.filled(.sqlite)
    let target = try #require(try await backend.store() as? any TableStore)
    var tables: [(StoreTable, [[String?]])] = []
    for table in StoreTable.all { tables.append((table, try await source.rows(of: table))) }
    await #expect(throws: StoreCopyError.self) {
      try await target.load(tables, replacing: false) { table, _ in
        if table.name == "account" {
          throw StoreCopyError.differs(
            table: table.name, source: TableDigest(rows: 1, sha256: "a"), copy: TableDigest(rows: 1, sha256: "b"))
        }
      }
    }
    for table in StoreTable.all {
      #expect(try await target.rows(of: table).isEmpty, "\(table.name)")
    }
  }
}
