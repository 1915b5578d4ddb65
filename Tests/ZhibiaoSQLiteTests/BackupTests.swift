import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

@Suite("Backup")
struct BackupTests {
  let directory: TemporaryDirectory
  let store: SQLiteStore

  init() async throws {
    let temporary = try TemporaryStore()
    directory = temporary.directory
    store = temporary.store
    _ = try await store.submit(
      Fixture.submission([Fixture.row(value: "0.1"), Fixture.row(Fixture.incubators, value: "12345678901234.5678")]))
    _ = try await store.review([Fixture.revenue, Fixture.incubators])
    try await store.lock()
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: Fixture.plan, submitter: Fixture.bureau, source: "r.csv", time: Fixture.monday,
        entries: [Fixture.registerEntry("浙大科技园")]))
  }

  /// A batch of `size` new observations, numbered so that every batch touches its own keys.
  static func batch(_ number: Int, size: Int) -> Submission {
    let rows = (0..<size).map { index in
      Fixture.row(IndicatorID("generated.i\(index)"), org: OrgID("district.d\(number)"), value: "\(number).\(index)")
    }
    return Fixture.submission(rows)
  }

  @Test("A backup taken while another connection holds a read transaction has everything committed")
  func backupBesideReader() async throws {
    // A connection of its own, as another zhibiao process would have, allowed to keep its
    // transaction open between accesses.
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(path: store.path, configuration: configuration)
    try await reader.writeWithoutTransaction { db in
      try db.execute(sql: "BEGIN DEFERRED")
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM observation") == 2)
    }
    // The reader's open snapshot neither blocks a write nor hides it from the backup.
    _ = try await store.submit(Self.batch(1, size: 3))
    let copyPath = directory.path("copy.sqlite")
    try await store.backup(to: copyPath)
    try await reader.writeWithoutTransaction { db in
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM observation") == 2)
      try db.execute(sql: "COMMIT")
    }

    let copy = try SQLiteStore(path: copyPath)
    await #expect(try copy.schemaVersion() == Schema.migrations.count)
    #expect(try copy.dump() == store.dump())
    await #expect(try copy.observations(plan: Fixture.plan).count == 5)
    await #expect(try copy.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
    await #expect(try copy.auditLog(plan: Fixture.plan, org: nil) == store.auditLog(plan: Fixture.plan, org: nil))
    await #expect(try copy.registerEntries(plan: Fixture.plan, register: nil).map(\.name) == ["浙大科技园"])
  }

  /// Backs up to a new file and checks that the copy holds whole submissions only; returns how
  /// many generated rows it holds.
  func backUpAndCheck(to copyPath: String, size: Int) async throws -> Int {
    try await store.backup(to: copyPath)
    let copy = try SQLiteStore(path: copyPath)
    let generated = try await copy.observations(plan: Fixture.plan).filter {
      $0.indicator.rawValue.hasPrefix("generated.")
    }
    #expect(generated.count % size == 0, "the copy holds part of a submission: \(generated.count) rows")
    let entries = try await copy.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE indicator LIKE 'generated.%'")
    }
    #expect(entries == generated.count, "the copy's audit entries do not match its observations")
    return generated.count
  }

  @Test("A backup taken while submissions are written is a consistent snapshot: whole submissions only")
  func backupDuringWrites() async throws {
    let store = self.store
    let batches = 30
    let size = 200
    let writing = Task.detached {
      for number in 1...batches {
        _ = try await store.submit(Self.batch(number, size: size))
      }
    }
    var copies = 0
    var copied = 0
    while copies < 50 && copied < batches * size {
      copies += 1
      copied = try await backUpAndCheck(to: directory.path("copy\(copies).sqlite"), size: size)
    }
    try await writing.value
    await #expect(try backUpAndCheck(to: directory.path("final.sqlite"), size: size) == batches * size)
    #expect(try SQLiteStore(path: directory.path("final.sqlite")).dump() == store.dump())
  }

  @Test("A backup to a place that cannot be written names that place")
  func backupUnavailable() async throws {
    let path = directory.path("no/such/folder/copy.sqlite")
    await #expect {
      try await store.backup(to: path)
    } throws: { error in
      guard case .unavailable(let reported, _)? = error as? StoreError else { return false }
      return reported == path
    }
  }

  @Test("A backup onto the store's own file is refused and the store is untouched")
  func backupOntoItself() async throws {
    let before = try store.dump()
    let samePath = directory.path(".") + "/store.sqlite"
    await #expect(throws: StoreError.self) { try await store.backup(to: samePath) }
    #expect(try store.dump() == before)
  }
}
