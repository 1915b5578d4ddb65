import Foundation
import Testing
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoPostgres
@testable import ZhibiaoSQLite

/// The schema on PostgreSQL: the same numbered steps as on SQLite, applied whole or not at all.
@Suite("PostgreSQL migrations", .enabled(if: StoreBackend.available.contains(.postgres)))
struct PostgresMigrationTests {
  @Test("Both backends know one numbered sequence of migrations")
  func oneSequence() {
    #expect(PostgresSchema.migrations.map(\.identifier) == Schema.migrations.map(\.identifier))
  }

  @Test("A new database gets every migration; opening it again applies nothing more")
  func fromEmpty() async throws {
    let url = try await StoreBackend.emptySchema()
    let store = try await PostgresStore(url: url)
    #expect(try await store.schemaVersion() == PostgresSchema.migrations.count)
    let again = try await PostgresStore(url: url)
    #expect(try await again.schemaVersion() == PostgresSchema.migrations.count)
  }

  @Test("Data written at an older version survives the later migrations")
  func olderStore() async throws {
    let url = try await StoreBackend.emptySchema()
    let old = try await PostgresStore(url: url, schemaVersion: 2, maximumConnections: 2, connectTimeout: .seconds(5))
    #expect(try await old.schemaVersion() == 2)
    let schema = url.split(separator: "=").last ?? ""
    try await PostgresAdmin.execute(
      "INSERT INTO \(schema).approval VALUES ('\(Fixture.plan)', '\(Fixture.binjiang)', 2024, 1, 'bureau.drc', now())",
      url: try StoreBackend.serverURL())
    let store = try await PostgresStore(url: url)
    #expect(try await store.isLocked(plan: Fixture.plan, org: Fixture.binjiang, period: Fixture.q1))
  }

  @Test("Version 6 keeps the audit log's entries and numbering, and allows the change requests' actions")
  func auditLogKept() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url, schemaVersion: 5, maximumConnections: 2, connectTimeout: .seconds(5))
    let schema = url.split(separator: "=").last ?? ""
    try await PostgresAdmin.execute(
      """
      INSERT INTO \(schema).audit_log (at, actor_org, actor_role, action, plan, org, year, quarter, source)
      VALUES (now(), 'bureau.drc', 'commission', 'lock', '\(Fixture.plan)', '\(Fixture.xihu)', 2024, 1, 'lock')
      """, url: try StoreBackend.serverURL())
    let store = try await PostgresStore(url: url)
    _ = try await store.submit(Fixture.submission([Fixture.row(value: "1")]))
    _ = try await store.review([Fixture.revenue])
    _ = try await store.fileChangeRequest(Fixture.filing(value: "2"))
    let log = try await store.auditLog(plan: Fixture.plan, org: nil)
    #expect(log.map(\.sequence) == [1, 2, 3, 4])
    #expect(log.map(\.action) == [.lock, .submit, .approve, .changeRequest])
    #expect(log.map(\.changeRequest) == [nil, nil, nil, 1])
  }

  @Test("Version 8 keeps version 7's register entries on their registers and refuses a half-given withdrawal")
  func registerWithdrawals() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url, schemaVersion: 7, maximumConnections: 2, connectTimeout: .seconds(5))
    let schema = url.split(separator: "=").last ?? ""
    let server = try StoreBackend.serverURL()
    try await PostgresAdmin.execute(
      """
      INSERT INTO \(schema).register_entry (plan, register, name, org, level, recognised_on, evidence, source,
        submitted_by, submitted_at)
      VALUES ('\(Fixture.plan)', 'tech.incubators', '浙大科技园', '\(Fixture.xihu)', '国家级', '2010-12-17', NULL,
        'r.csv', 'bureau.sci_tech', now())
      """, url: server)
    let store = try await PostgresStore(url: url)
    let entries = try await store.registerEntries(plan: Fixture.plan, register: nil)
    #expect(entries.map(\.name) == ["浙大科技园"] && entries.first?.withdrawnOn == nil)
    func update(_ day: String, _ reason: String) -> String {
      "UPDATE \(schema).register_entry SET withdrawn_on = \(day), withdrawal_reason = \(reason)"
    }
    for (day, reason) in [
      ("'2024-03-01'", "NULL"), ("NULL", "'revoked'"), ("'2024-03-01'", "'closed'"), ("'2009-01-01'", "'revoked'"),
    ] {
      await #expect(throws: (any Error).self, "\(day), \(reason)") {
        try await PostgresAdmin.execute(update(day, reason), url: server)
      }
    }
    try await PostgresAdmin.execute(update("'2024-03-01'", "'moved_out'"), url: server)
    let moved = try await store.registerEntries(plan: Fixture.plan, register: nil)
    #expect(moved.first?.withdrawnOn == "2024-03-01" && moved.first?.withdrawal == .movedOut)
  }

  @Test("A database migrated by a newer build is refused, and left as it is")
  func newer() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url)
    let schema = url.split(separator: "=").last ?? ""
    try await PostgresAdmin.execute(
      "INSERT INTO \(schema).schema_migration (version, identifier) VALUES (99, 'v99-future')",
      url: try StoreBackend.serverURL())
    let supported = PostgresSchema.migrations.count
    await #expect(throws: StoreError.schemaTooNew(found: supported + 1, supported: supported)) {
      _ = try await PostgresStore(url: url)
    }
  }

  @Test("Opened to read, a database with no store or one an older build left is refused, and not migrated")
  func reading() async throws {
    let url = try await StoreBackend.emptySchema()
    await #expect {
      _ = try await PostgresStore(url: url, reading: true)
    } throws: { error in
      guard case StoreError.unavailable(_, let reason)? = error as? StoreError else { return false }
      return reason.contains("no Zhibiao store")
    }
    _ = try await PostgresStore(url: url, schemaVersion: 3, maximumConnections: 2, connectTimeout: .seconds(5))
    let supported = PostgresSchema.migrations.count
    await #expect(throws: StoreError.schemaTooOld(found: 3, supported: supported)) {
      _ = try await PostgresStore(url: url, reading: true)
    }
    let old = try await PostgresStore(url: url, schemaVersion: 3, maximumConnections: 2, connectTimeout: .seconds(5))
    #expect(try await old.schemaVersion() == 3, "the reading open migrated nothing")
    _ = try await PostgresStore(url: url)
    #expect(try await PostgresStore(url: url, reading: true).schemaVersion() == supported)
  }

  @Test("A migration that fails leaves the schema as it was")
  func failedMigration() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url, schemaVersion: 3, maximumConnections: 2, connectTimeout: .seconds(5))
    let schema = url.split(separator: "=").last ?? ""
    // A table in the way of version 4.
    try await PostgresAdmin.execute("CREATE TABLE \(schema).period_lock (x int)", url: try StoreBackend.serverURL())
    await #expect(throws: StoreError.self) { _ = try await PostgresStore(url: url) }
    let store = try await PostgresStore(url: url, schemaVersion: 3, maximumConnections: 2, connectTimeout: .seconds(5))
    #expect(try await store.schemaVersion() == 3)
    let review = try await store.rows(
      "SELECT count(*) FROM information_schema.columns WHERE column_name = 'review_comment' AND table_schema = \(String(schema))"
    ) { try $0.int(0) }
    #expect(review == [0])
  }
}
