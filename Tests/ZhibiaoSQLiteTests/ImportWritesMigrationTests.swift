import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// Version 13 indexes the audit log by org in the order its query reads it.
@Suite("Migration to the audit log's index by org")
struct ImportWritesMigrationTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  @Test("A store at version 12 keeps its audit log, now read by org in order without sorting")
  func fromVersion12() async throws {
    let path = directory.path("v12.sqlite")
    do {
      let old = try SQLiteStore(path: path, schemaVersion: 12)
      // Binjiang's entries out of their periods' order: the second quarter sent before the first.
      _ = try await old.submit(Fixture.submission([Fixture.row(period: .quarter(2, of: 2024), value: "2")]))
      _ = try await old.submit(Fixture.submission([Fixture.row(org: Fixture.xihu, value: "7")], by: Fixture.xihu))
      _ = try await old.submit(Fixture.submission([Fixture.row(value: "1")]))
    }
    let store = try SQLiteStore(path: path)
    await #expect(try store.schemaVersion() == Schema.migrations.count)
    let (columns, plan) = try await store.writer.read { db in
      (
        try db.indexes(on: "audit_log").first { $0.name == "audit_log_by_org" }?.columns,
        try Row.fetchAll(
          db,
          sql: "EXPLAIN QUERY PLAN SELECT sequence FROM audit_log WHERE plan = ? AND org = ? ORDER BY sequence",
          arguments: [Fixture.plan.rawValue, Fixture.binjiang.rawValue]
        ).map { $0["detail"] as String? ?? "" }
      )
    }
    #expect(columns == ["plan", "org"])
    #expect(plan.contains { $0.contains("audit_log_by_org") })
    #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    let entries = try await store.auditLog(plan: Fixture.plan, org: Fixture.binjiang)
    #expect(entries.map(\.sequence) == [1, 3])
    #expect(entries.map(\.period) == [.quarter(2, of: 2024), Fixture.q1])
    _ = try await store.submit(Fixture.submission([Fixture.row(period: .quarter(3, of: 2024), value: "3")]))
    #expect(try await store.auditLog(plan: Fixture.plan, org: Fixture.binjiang).map(\.sequence) == [1, 3, 4])
  }
}
