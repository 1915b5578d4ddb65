import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// Version 11 rebuilds the tables an import writes, with the same checks in a cheaper form.
@Suite("Migration to cheaper checks")
struct IngestSpeedMigrationTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  /// Every row of the rebuilt tables, and the audit log's counter, as text.
  private static func contents(_ db: Database) throws -> [String] {
    let tables = [
      ("observation", "plan, indicator, org, year, quarter"),
      ("revision", "plan, indicator, org, year, quarter, number"),
      ("audit_log", "sequence"),
    ]
    var lines: [String] = []
    for (table, order) in tables {
      for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
        lines.append(table + ": " + row.description)
      }
    }
    let counter = try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
    lines.append("counter: \(counter.map(String.init) ?? "none")")
    return lines
  }

  @Test("A store at version 8 keeps its figures, revisions, audit log and numbering, and still refuses bad rows")
  func fromVersion8() async throws {
    let path = directory.path("v8.sqlite")
    let before: [String]
    do {
      let old = try SQLiteStore(path: path, schemaVersion: 8)
      before = try await old.writer.write { db in
        try MigrationTests.seed(db, atVersion: 8)
        try db.execute(
          sql: """
            UPDATE observation SET status = 'returned', review_comment = '请核实'
            WHERE org = 'district.xihu';
            INSERT INTO audit_log (at, actor_org, actor_role, actor_user, action, plan, indicator, org, year, quarter,
              old_value, new_value, old_status, new_status, reason, source, change_request)
            VALUES
              ('2024-04-15T00:00:00.000Z', 'district.binjiang', 'district', NULL, 'submit',
                'hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1, NULL, '0.1', NULL,
                'submitted', NULL, 'q1.csv', NULL),
              ('2024-04-16T00:00:00.000Z', 'bureau.economy', 'commission', 'wang', 'change_request',
                'hangzhou.producer_services', 'digital.ict_revenue', 'district.binjiang', 2024, 1, '0.1',
                '12345678901234.5678', 'submitted', 'submitted', '更正', 'q1-fixed.csv', 7);
            -- Numbers already given and gone with a replaced store are never given again.
            UPDATE sqlite_sequence SET seq = 40 WHERE name = 'audit_log';
            """)
        return try Self.contents(db)
      }
    }

    let store = try SQLiteStore(path: path)
    await #expect(try store.schemaVersion() == Schema.migrations.count)
    let after = try await store.writer.read { db in try Self.contents(db) }
    #expect(after == before)
    // Three observations, two revisions, two audit entries and the counter.
    #expect(after.count == 8)

    // The audit log's index and triggers are made again (the observations' index by org's period
    // is their key from version 15 on); the numbering goes on after the counter.
    let indexes = try await store.writer.read { db in try db.indexes(on: "audit_log").map(\.name) }
    #expect(indexes.contains("audit_log_by_org"))
    _ = try await store.submit(Fixture.submission([Fixture.row(period: .quarter(2, of: 2024), value: "2")]))
    #expect(try await store.auditLog(plan: Fixture.plan, org: nil).map(\.sequence) == [1, 2, 41])
    for sql in ["UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log"] {
      #expect(throws: StoreError.self, "\(sql)") {
        try store.guarded { try store.writer.write { db in try db.execute(sql: sql) } }
      }
    }

    // Each check refuses what it refused before.
    let observation = """
      INSERT INTO observation (plan, indicator, org, year, quarter, value, status, revision, reported_by, reported_at,
        source, changed_after_approval)
      VALUES ('p', 'i', 'o', 2024, 1, '1', ?, 1, 'o', '2024-04-15T00:00:00.000Z', 's', ?)
      """
    let revision = """
      INSERT INTO revision (plan, indicator, org, year, quarter, number, value, status, reported_by, reported_at, source,
        changed_after_approval)
      VALUES (?, 'i', 'o', 2024, 1, 1, '1', ?, 'o', '2024-04-15T00:00:00.000Z', 's', ?)
      """
    let audit = """
      INSERT INTO audit_log (at, actor_org, actor_role, action, plan, org, year, quarter, old_status, new_status,
        source)
      VALUES ('2024-04-15T00:00:00.000Z', 'o', ?, ?, 'p', 'o', 2024, 1, ?, ?, 's')
      """
    let refused: [(String, StatementArguments)] = [
      (observation, ["Submitted", 0]), (observation, ["", 0]), (observation, ["submitted", 2]),
      (revision, ["p", "pending", 0]), (revision, ["p", "submitted", 1]),
      // A revision of an observation that does not exist.
      (revision, ["q", "submitted", 0]),
      (audit, ["mayor", "submit", nil, "submitted"]), (audit, ["district", "delete", nil, "submitted"]),
      (audit, ["district", "submit", "gone", "submitted"]), (audit, ["district", "submit", nil, "done"]),
    ]
    for (sql, arguments) in refused {
      await #expect(throws: (any Error).self, "\(arguments)") {
        try await store.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
      }
    }
    // What the checks allow is still allowed, NULL statuses of the audit log included.
    try await store.writer.write { db in
      try db.execute(sql: observation, arguments: ["draft", 1])
      try db.execute(sql: revision, arguments: ["p", "returned", 1])
      try db.execute(sql: audit, arguments: ["viewer", "reject_change", nil, nil])
    }
  }
}
