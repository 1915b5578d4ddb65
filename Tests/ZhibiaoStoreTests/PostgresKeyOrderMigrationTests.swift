import Foundation
import PostgresNIO
import Testing
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoPostgres

/// Version 15 on PostgreSQL: observations and revisions keyed by org's period first, and a
/// figure's first revision left to its observation.
@Suite("PostgreSQL migration to one key order", .enabled(if: StoreBackend.available.contains(.postgres)))
struct PostgresKeyOrderMigrationTests {
  @Test("A store at version 14 keeps every figure's history, with only the revisions its observations hold deleted")
  func fromVersion14() async throws {
    let url = try await StoreBackend.emptySchema()
    let schema = String(url.split(separator: "=").last ?? "")
    let before: [String]
    do {
      let old = try await PostgresStore(url: url, schemaVersion: 14, maximumConnections: 2, connectTimeout: .seconds(5))
      try await old.writeHistoriesOfEveryKind()
      _ = try await old.rows(PostgresQuery(unsafeSQL: PostgresStore.firstRevisionsAsWrittenBefore)) { _ in () }
      let written = try await old.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM revision")) { try $0.int(0) }
      #expect(written == [7])
      before = try await old.snapshot()
      old.close()
    }
    let store = try await PostgresStore(url: url)
    #expect(try await store.schemaVersion() == PostgresSchema.migrations.count)
    #expect(try await store.snapshot() == before)
    let revisions = try await store.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM revision")) { try $0.int(0) }
    #expect(revisions == [6])
    let keys = try await store.rows(
      PostgresQuery(
        unsafeSQL: """
          SELECT c.relname || ' ' || string_agg(a.attname, ',' ORDER BY k.ord)
          FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
          WHERE n.nspname = '\(schema)' AND c.relname IN ('observation', 'revision') AND i.indisprimary
          GROUP BY c.relname ORDER BY 1
          """)
    ) { try $0.text(0) }
    #expect(keys == ["observation plan,org,year,quarter,indicator", "revision plan,org,year,quarter,indicator,number"])
    let indexes = try await store.rows(
      PostgresQuery(
        unsafeSQL: "SELECT count(*) FROM pg_indexes WHERE schemaname = '\(schema)' AND tablename = 'observation'")
    ) { try $0.int(0) }
    #expect(indexes == [1])

    _ = try await store.review([Fixture.revenue])
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    #expect(history.map(\.status) == [.submitted, .approved])
    #expect(history.map(\.source) == ["q1.csv", "approval"])
  }
}
