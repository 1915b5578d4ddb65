import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

@Suite("Migrations")
struct MigrationTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  @Test("A new file gets the whole schema, in WAL mode with foreign keys on")
  func fromEmptyFile() async throws {
    let store = try SQLiteStore(path: directory.path("new.sqlite"))
    #expect(try await store.schemaVersion() == 15)
    #expect(try await store.schemaVersion() == Schema.migrations.count)
    let (tables, indexes, observationKey, journalMode, readerForeignKeys) = try await store.writer.read { db in
      (
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
        try db.indexes(on: "observation").map(\.name),
        try db.primaryKey("observation").columns,
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(
      Set([
        "observation", "revision", "period_lock", "audit_log", "register_entry", "account", "api_token", "session",
        "login_failure", "change_request", "target_issue", "issued_target", "task_report", "task_report_event",
        "notice_action",
        "assessment_event",
      ]).isSubset(of: tables))
    #expect(!tables.contains("approval"))
    // One order for the observations: their key, by org's period, serves every query by org's period.
    #expect(observationKey == ["plan", "org", "year", "quarter", "indicator"])
    #expect(!indexes.contains("observation_by_org_period"))
    #expect(journalMode == "wal")
    #expect(readerForeignKeys == 1)
    await #expect(try store.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
    // A revision of an observation that does not exist is refused, not stored as an orphan.
    #expect(throws: StoreError.self) {
      try store.guarded {
        try store.writer.write { db in
          try db.execute(
            sql: """
              INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
                reported_at, source)
              VALUES ('p', 'i', 'o', 2024, 1, 1, '1', 'submitted', 'o', '2024-04-15T00:00:00.000Z', 's')
              """)
        }
      }
    }
  }

  /// What a store at `version` could hold, written with that version's SQL.
  static func seed(_ db: Database, atVersion version: Int) throws {
    guard version >= 1 else { return }
    try db.execute(
      sql: """
        INSERT INTO observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
          reported_at, source, note, changed_after_approval)
        VALUES ('hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1,
          '12345678901234.5678', 'submitted', 2, 'district.binjiang', '2024-04-16T00:00:00.000Z', 'q1-fixed.csv',
          '含软件', 0);
        INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at,
          source, note, reason, changed_after_approval)
        VALUES
          ('hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1, 1, '0.1',
            'submitted', 'district.binjiang', '2024-04-15T00:00:00.000Z', 'q1.csv', NULL, NULL, 0),
          ('hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1, 2,
            '12345678901234.5678', 'submitted', 'district.binjiang', '2024-04-16T00:00:00.000Z', 'q1-fixed.csv',
            '含软件', NULL, 0);
        INSERT INTO observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
          reported_at, source, note, changed_after_approval)
        VALUES
          ('hangzhou.producer_services', 'tech.national_incubators', 'district.binjiang', 2024, 1, '3', 'draft', 1,
            'district.binjiang', '2024-04-15T00:00:00.000Z', 'q1.csv', NULL, 0),
          ('hangzhou.producer_services', 'digital.ict_revenue', 'district.xihu', 2024, 1, '50', 'approved', 1,
            'district.xihu', '2024-04-15T00:00:00.000Z', 'q1.csv', NULL, 0);
        """)
    guard version >= 2 else { return }
    // Version 4 keeps the locks that version 2 called approvals in a table of their own.
    let locks =
      version >= 4
      ? "period_lock (plan, org, year, quarter, locked_by, locked_at)"
      : "approval (plan, org, year, quarter, approved_by, approved_at)"
    try db.execute(
      sql: """
        INSERT INTO \(locks)
        VALUES ('hangzhou.producer_services', 'district.xihu', 2024, 1, 'bureau.economy', '2024-04-16T00:00:00.000Z')
        """)
  }

  @Test(
    "A file left at every earlier schema version opens with its data intact and the newer tables added",
    arguments: 0..<Schema.migrations.count)
  func fromEarlierVersion(version: Int) async throws {
    let path = directory.path("v\(version).sqlite")
    do {
      let old = try SQLiteStore(path: path, schemaVersion: version)
      await #expect(try old.schemaVersion() == version)
      let tables = try await old.writer.read { db in
        try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      }
      #expect(tables.contains("account") == (version >= 3))
      #expect(tables.contains("approval") == (2...3).contains(version))
      #expect(tables.contains("period_lock") == (version >= 4))
      #expect(tables.contains("observation") == (version >= 1))
      #expect(tables.contains("change_request") == (version >= 6))
      #expect(tables.contains("target_issue") == (version >= 7))
      try await old.writer.write { db in try Self.seed(db, atVersion: version) }
    }

    let store = try SQLiteStore(path: path)
    await #expect(try store.schemaVersion() == Schema.migrations.count)
    let records = try await store.observations(plan: Fixture.plan)
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    if version >= 1 {
      // The draft is kept, but never read as a reported figure.
      #expect(records.map(\.value) == [Fixture.decimal("12345678901234.5678"), 50])
      #expect(records.map(\.status) == [.submitted, .approved])
      await #expect(try store.drafts(plan: Fixture.plan, org: nil).map(\.value) == [3])
      #expect(records.first?.revision == 2)
      #expect(records.first?.note == "含软件")
      #expect(records.first?.reportedAt == Fixture.tuesday)
      #expect(history.map(\.value) == [Fixture.decimal("0.1"), Fixture.decimal("12345678901234.5678")])
    } else {
      #expect(records.isEmpty)
    }

    // An approved period stays locked; the audit log starts empty.
    await #expect(try store.isLocked(plan: Fixture.plan, org: Fixture.xihu, period: Fixture.q1) == (version >= 2))
    await #expect(try store.auditLog(plan: Fixture.plan, org: nil).isEmpty)

    // The tables of the later versions work on the migrated file.
    await #expect(try store.review([Fixture.revenue], at: Fixture.wednesday) == (version >= 1 ? 1 : 0))
    await #expect(try store.lock(at: Fixture.wednesday))
    await #expect(try store.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
    await #expect(
      try store.auditLog(plan: Fixture.plan, org: Fixture.binjiang).map(\.action)
        == (version >= 1 ? [.approve, .lock] : [.lock]))
    let entry = RegisterEntry(
      register: "tech.incubators", name: "浙大网新孵化器", org: Fixture.binjiang, level: "国家级",
      recognisedOn: "2023-12-01", evidence: nil)
    let withdrawn = RegisterEntry(
      register: "tech.incubators", name: "滨江旧孵化器", org: Fixture.binjiang, level: "省级",
      recognisedOn: "2015-11-10", evidence: nil, withdrawnOn: "2024-03-01", withdrawal: .delisted)
    _ = try await store.submitRegister(
      RegisterSubmission(
        plan: Fixture.plan, submitter: Fixture.bureau, source: "r.csv", time: Fixture.monday,
        entries: [entry, withdrawn]))
    await #expect(try store.registerEntries(plan: Fixture.plan, register: nil) == [entry, withdrawn])
    try await store.addAccount(
      AccountRecord(
        name: "binjiang.wang", org: Fixture.binjiang, role: .district, passwordHash: "$2b$12$x",
        createdAt: Fixture.wednesday, updatedAt: Fixture.wednesday))
    await #expect(try store.accounts().map(\.name) == ["binjiang.wang"])
  }

  @Test(
    "Version 8 keeps the entries of version 7 on their registers and refuses a withdrawal without its day or reason")
  func registerWithdrawals() async throws {
    let path = directory.path("v7.sqlite")
    do {
      let old = try SQLiteStore(path: path, schemaVersion: 7)
      try await old.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO register_entry (plan, register, name, org, level, recognised_on, evidence, source,
              submitted_by, submitted_at)
            VALUES ('hangzhou.producer_services', 'tech.incubators', '浙大科技园', 'district.xihu', '国家级',
              '2010-12-17', NULL, 'r.csv', 'bureau.sci_tech', '2024-04-15T00:00:00.000Z')
            """)
      }
    }
    let store = try SQLiteStore(path: path)
    let entries = try await store.registerEntries(plan: Fixture.plan, register: nil)
    #expect(entries.map(\.name) == ["浙大科技园"])
    #expect(entries.first?.withdrawnOn == nil && entries.first?.withdrawal == nil)
    let update = "UPDATE register_entry SET withdrawn_on = ?, withdrawal_reason = ? WHERE name = '浙大科技园'"
    for (day, reason) in [("2024-03-01", nil), (nil, "revoked"), ("2024-03-01", "closed"), ("2009-01-01", "revoked")] {
      await #expect(throws: (any Error).self, "\(String(describing: day)), \(String(describing: reason))") {
        try await store.writer.write { db in try db.execute(sql: update, arguments: [day, reason]) }
      }
    }
    try await store.writer.write { db in try db.execute(sql: update, arguments: ["2024-03-01", "moved_out"]) }
    let moved = try await store.registerEntries(plan: Fixture.plan, register: nil)
    #expect(moved.first?.withdrawnOn == "2024-03-01" && moved.first?.withdrawal == .movedOut)
  }

  @Test("Version 6 rebuilds the audit log with its entries, numbering and append-only triggers kept")
  func auditLogRebuilt() async throws {
    let path = directory.path("v5.sqlite")
    do {
      let old = try SQLiteStore(path: path, schemaVersion: 5)
      try await old.writer.write { db in
        try Self.seed(db, atVersion: 5)
        try db.execute(
          sql: """
            INSERT INTO audit_log (at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter,
              old_value, new_value, old_status, new_status, reason, source)
            VALUES
              ('2024-04-15T00:00:00.000Z', 'district.binjiang', 'district', NULL, 'submit', 'hangzhou.producer_services',
                'digital.ict_revenue', 'district.binjiang', 2024, 1, NULL, '0.1', NULL, 'submitted', NULL, 'q1.csv'),
              ('2024-04-16T00:00:00.000Z', 'district.binjiang', 'district', 'binjiang.wang', 'submit',
                'hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1, '0.1',
                '12345678901234.5678', 'submitted', 'submitted', '更正', 'q1-fixed.csv');
            """)
      }
    }
    let store = try SQLiteStore(path: path)
    let kept = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(kept.map(\.sequence) == [1, 2])
    #expect(kept.map(\.newValue) == [Fixture.decimal("0.1"), Fixture.decimal("12345678901234.5678")])
    #expect(kept.last?.user == "binjiang.wang" && kept.last?.reason == "更正" && kept.last?.changeRequest == nil)
    // The numbering goes on after the entries kept, and the new actions are allowed.
    _ = try await store.review([Fixture.revenue], at: Fixture.wednesday)
    let request = try await store.fileChangeRequest(Fixture.filing(value: "1"))
    #expect(request.id == 1)
    let after = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(after.map(\.sequence) == [1, 2, 3, 4])
    #expect(after.map(\.action) == [.submit, .submit, .approve, .changeRequest])
    for sql in ["UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"] {
      #expect(throws: StoreError.self) {
        try store.guarded { try store.writer.write { db in try db.execute(sql: sql) } }
      }
    }
    let indexes = try await store.writer.read { db in try db.indexes(on: "audit_log").map(\.name) }
    #expect(indexes.contains("audit_log_by_org"))
  }

  @Test("Migrating an up-to-date store again changes nothing")
  func migrateIsIdempotent() async throws {
    let store = try SQLiteStore(path: directory.path("again.sqlite"))
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")]))
    let before = try store.dump()
    try await store.migrate()
    try await store.migrate()
    await #expect(try store.schemaVersion() == Schema.migrations.count)
    #expect(try store.dump() == before)
  }

  @Test("A file migrated by a newer build is refused, and left as it was")
  func schemaTooNew() throws {
    let path = directory.path("future.sqlite")
    do {
      let store = try SQLiteStore(path: path)
      try store.writer.write { db in
        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-newer-build')")
      }
    }
    let supported = Schema.migrations.count
    #expect(throws: StoreError.schemaTooNew(found: supported + 1, supported: supported)) {
      _ = try SQLiteStore(path: path)
    }
    let queue = try DatabaseQueue(path: path)
    #expect(
      try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }.count == supported
        + 1)
  }

  @Test("A store that cannot be opened says where and why")
  func unavailable() throws {
    let path = directory.path("missing/folder/store.sqlite")
    #expect {
      _ = try SQLiteStore(path: path)
    } throws: { error in
      guard case .unavailable(let reported, _)? = error as? StoreError else { return false }
      return reported == path
    }
  }

  @Test("A file that is not a store is refused as unavailable, and left as it was")
  func notADatabase() throws {
    let path = directory.path("notes.txt")
    let text = Data(String(repeating: "这不是数据库。", count: 200).utf8)
    try text.write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try SQLiteStore(path: path)
    } throws: { error in
      guard case .unavailable(let reported, _)? = error as? StoreError else { return false }
      return reported == path
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
  }

  @Test("The in-memory store has the whole schema")
  func inMemory() async throws {
    let store = try SQLiteStore.inMemory()
    #expect(try await store.schemaVersion() == Schema.migrations.count)
    #expect(try await store.submit(Fixture.submission([Fixture.row(value: "1")])).added == 1)
  }
}
