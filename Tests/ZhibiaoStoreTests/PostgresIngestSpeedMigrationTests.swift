import Foundation
import Testing
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoPostgres

/// Version 11 on PostgreSQL: a revision's reference to its observation checked per statement.
@Suite("PostgreSQL migration to set-wise checks", .enabled(if: StoreBackend.available.contains(.postgres)))
struct PostgresIngestSpeedMigrationTests {
  @Test("A store at version 8 keeps its figures, and a revision still needs its observation")
  func fromVersion8() async throws {
    let url = try await StoreBackend.emptySchema()
    _ = try await PostgresStore(url: url, schemaVersion: 8, maximumConnections: 2, connectTimeout: .seconds(5))
    let schema = String(url.split(separator: "=").last ?? "")
    let server = try StoreBackend.serverURL()
    let key = "'\(Fixture.plan)', '\(Fixture.revenue)', '\(Fixture.binjiang)', 2024, 1"
    let observation = """
      INSERT INTO \(schema).observation (plan, indicator, org, year, quarter, value, status, revision, reported_by,
        reported_at, source)
      """
    let revision = """
      INSERT INTO \(schema).revision (plan, indicator, org, year, quarter, number, value, status, reported_by,
        reported_at, source)
      """
    try await PostgresAdmin.execute(
      "\(observation) VALUES (\(key), 12345678901234.5678, 'submitted', 2, 'district.binjiang', now(), 'b.csv')",
      url: server)
    try await PostgresAdmin.execute(
      """
      \(revision) VALUES (\(key), 1, 0.1, 'submitted', 'district.binjiang', now(), 'a.csv'),
        (\(key), 2, 12345678901234.5678, 'submitted', 'district.binjiang', now(), 'b.csv')
      """, url: server)

    let store = try await PostgresStore(url: url)
    #expect(try await store.schemaVersion() == PostgresSchema.migrations.count)
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    #expect(history.map(\.value) == [Fixture.decimal("0.1"), Fixture.decimal("12345678901234.5678")])

    // What the foreign key refused is refused, by whichever connection writes.
    let other = "'\(Fixture.plan)', '\(Fixture.revenue)', '\(Fixture.xihu)', 2024, 1"
    let refused = [
      "\(revision) VALUES (\(other), 1, 1, 'submitted', 'o', now(), 's')",
      "UPDATE \(schema).revision SET org = '\(Fixture.xihu)' WHERE number = 2",
      "DELETE FROM \(schema).observation",
      "UPDATE \(schema).observation SET quarter = 2",
      "TRUNCATE \(schema).observation",
    ]
    for sql in refused {
      await #expect(throws: (any Error).self, "\(sql)") { try await PostgresAdmin.execute(sql, url: server) }
    }
    #expect(try await store.observations(plan: Fixture.plan).count == 1)
    // In one statement, a revision with its new observation is accepted, as before.
    try await PostgresAdmin.execute(
      """
      WITH added AS (\(observation) VALUES (\(other), 1, 'submitted', 1, 'o', now(), 's') RETURNING 1)
      \(revision) SELECT \(other), 1, 1, 'submitted', 'o', now(), 's' FROM added
      """, url: server)
    // Revisions gone first, their observations may go.
    try await PostgresAdmin.execute("DELETE FROM \(schema).revision WHERE org = '\(Fixture.xihu)'", url: server)
    try await PostgresAdmin.execute("DELETE FROM \(schema).observation WHERE org = '\(Fixture.xihu)'", url: server)
    try await PostgresAdmin.execute("TRUNCATE \(schema).observation, \(schema).revision", url: server)
    #expect(try await store.observations(plan: Fixture.plan).isEmpty)
  }
}
