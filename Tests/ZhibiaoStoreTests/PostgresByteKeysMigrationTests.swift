import Foundation
import PostgresNIO
import Testing
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoPostgres

/// Version 14 on PostgreSQL: the identifiers in the keys of the import's tables compare by their
/// bytes, as SQLite compares them.
@Suite("PostgreSQL migration to byte-ordered keys", .enabled(if: StoreBackend.available.contains(.postgres)))
struct PostgresByteKeysMigrationTests {
  @Test("A store at version 13 migrates with its figures, and still finds their periods' locks and history")
  func fromVersion13() async throws {
    let url = try await StoreBackend.emptySchema()
    let schema = String(url.split(separator: "=").last ?? "")
    do {
      let old = try await PostgresStore(url: url, schemaVersion: 13, maximumConnections: 2, connectTimeout: .seconds(5))
      _ = try await old.submit(
        Fixture.submission([Fixture.row(value: "1"), Fixture.row(Fixture.incubators, value: "3")]))
      #expect(try await old.lock())
      old.close()
    }
    let store = try await PostgresStore(url: url)
    #expect(try await store.schemaVersion() == PostgresSchema.migrations.count)
    let collations = try await store.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT table_name || '.' || column_name || ' ' || coalesce(collation_name, 'default')
          FROM information_schema.columns
          WHERE table_schema = '\(schema)' AND table_name IN ('observation', 'revision', 'audit_log')
            AND column_name IN ('plan', 'indicator', 'org', 'source')
          ORDER BY 1
          """)
    ) { try $0.text(0) }
    #expect(
      collations == [
        "audit_log.indicator C", "audit_log.org C", "audit_log.plan C", "audit_log.source default",
        "observation.indicator C", "observation.org C", "observation.plan C", "observation.source default",
        "revision.indicator C", "revision.org C", "revision.plan C", "revision.source default",
      ])

    // The figures, their history and their audit entries are kept, and the lock of their period
    // (kept in a table whose ids compare by the database's collation) is still found: a change
    // of a figure in it is filed as a change request, not written.
    #expect(try await store.observations(plan: Fixture.plan).map(\.value) == [Fixture.decimal("1"), 3])
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    #expect(history.map(\.value) == [Fixture.decimal("1")])
    #expect(try await store.auditLog(plan: Fixture.plan, org: Fixture.binjiang).count == 3)
    let changed = try await store.submit(
      Fixture.submission([Fixture.row(value: "2")], reason: "统计局反馈修正"))
    #expect(changed.changeRequests == 1 && changed.revised == 0)
    let added = try await store.submit(
      Fixture.submission([Fixture.row(org: Fixture.xihu, value: "7")], by: Fixture.xihu))
    #expect(added.added == 1)
    #expect(
      try await store.observations(plan: Fixture.plan).map(\.org) == [Fixture.binjiang, Fixture.xihu, Fixture.binjiang])
  }
}
