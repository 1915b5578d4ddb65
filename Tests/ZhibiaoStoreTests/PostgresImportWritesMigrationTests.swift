import Foundation
import PostgresNIO
import Testing
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoPostgres

/// Version 13 on PostgreSQL: a revision's observation is locked only when another transaction
/// wrote it, and the audit log is indexed by org in the order it is read.
@Suite("PostgreSQL migration to lighter revision locks", .enabled(if: StoreBackend.available.contains(.postgres)))
struct PostgresImportWritesMigrationTests {
  @Test("A store at version 12 migrates; a submission's new observations are not locked, an older one is")
  func fromVersion12() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url, schemaVersion: 12, maximumConnections: 2, connectTimeout: .seconds(5))
    let schema = String(url.split(separator: "=").last ?? "")
    let server = try StoreBackend.serverURL()
    let store = try await PostgresStore(url: url)
    #expect(try await store.schemaVersion() == PostgresSchema.migrations.count)
    let index = try await store.rows(
      PostgresQuery(
        unsafeSQL: "SELECT indexdef FROM pg_indexes WHERE schemaname = '\(schema)' AND indexname = 'audit_log_by_org'")
    ) { try $0.text(0) }
    #expect(index.count == 1 && index.allSatisfy { $0.hasSuffix("(plan, org, sequence)") })

    // New figures: the observations and their revisions are written by one transaction, and
    // no observation is locked (a lock would have set its xmax).
    _ = try await store.submit(
      Fixture.submission([Fixture.row(value: "1"), Fixture.row(Fixture.incubators, value: "3")]))
    let locked = try await store.rows(
      PostgresQuery(unsafeSQL: "SELECT count(*)::integer FROM \(schema).observation WHERE xmax <> '0'")
    ) { try $0.int(0) }
    #expect(locked == [0])

    // An observation another transaction wrote is locked by the revision that names it: it
    // cannot be deleted until the revision's transaction ends, which then finds it still there.
    let key = "'\(Fixture.plan)', '\(Fixture.revenue)', '\(Fixture.xihu)', 2024, 1"
    try await PostgresAdmin.execute(
      """
      INSERT INTO \(schema).observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
        reported_at, source)
      VALUES (\(key), 5, 'submitted', 1, 'district.xihu', now(), 'x.csv')
      """, url: server)
    let delete = """
      DO $$ BEGIN
        PERFORM set_config('lock_timeout', '300ms', true);
        DELETE FROM \(schema).observation WHERE org = '\(Fixture.xihu)';
      END $$
      """
    try await store.transaction { connection in
      try await connection.query(
        PostgresQuery(
          unsafeSQL: """
            INSERT INTO \(schema).revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
              reported_at, source)
            VALUES (\(key), 1, 5, 'submitted', 'district.xihu', now(), 'x.csv')
            """), logger: store.logger)
      await #expect(throws: (any Error).self) { try await PostgresAdmin.execute(delete, url: server) }
    }
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.xihu, period: Fixture.q1)
    #expect(history.map(\.value) == [Fixture.decimal("5")])

    // A revision without its observation is refused, alone or among others.
    let other = "'\(Fixture.plan)', '\(Fixture.incubators)', '\(Fixture.xihu)', 2024, 1"
    await #expect(throws: (any Error).self) {
      try await PostgresAdmin.execute(
        """
        INSERT INTO \(schema).revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
          reported_at, source)
        VALUES (\(key), 2, 6, 'submitted', 'o', now(), 's'), (\(other), 1, 1, 'submitted', 'o', now(), 's')
        """, url: server)
    }
  }
}
