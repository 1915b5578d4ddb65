import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// Version 15 keys observations and revisions by org's period first, and leaves a figure's first
/// revision to its observation.
@Suite("Migration to one key order and first revisions held by observations")
struct KeyOrderMigrationTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  @Test("A store at version 14 keeps every figure's history, with only the revisions its observations hold deleted")
  func fromVersion14() async throws {
    let path = directory.path("v14.sqlite")
    let before: [String]
    do {
      let old = try SQLiteStore(path: path, schemaVersion: 14)
      try await old.writeHistoriesOfEveryKind()
      try await old.writer.write { db in try db.execute(sql: SQLiteStore.firstRevisionsAsWrittenBefore) }
      before = try await old.snapshot()
      await #expect(try old.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM revision") } == 7)
    }
    let store = try SQLiteStore(path: path)
    await #expect(try store.schemaVersion() == Schema.migrations.count)
    await #expect(try store.snapshot() == before)
    // Only 滨江区's first quarter revenue, as first sent, was said twice; the revision with a
    // reason, the draft since made a submission and the revised and approved figures' first
    // revisions stay.
    let (revisions, key) = try await store.writer.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM revision"),
        try db.primaryKey("revision").columns
      )
    }
    #expect(revisions == 6)
    #expect(key == ["plan", "org", "year", "quarter", "indicator", "number"])

    // The figure moves on as it would have: its first revision is written out first.
    _ = try await store.review([Fixture.revenue])
    let history = try await store.history(
      plan: Fixture.plan, indicator: Fixture.revenue, org: Fixture.binjiang, period: Fixture.q1)
    #expect(history.map(\.value) == [Fixture.decimal("105.5"), Fixture.decimal("105.5")])
    #expect(history.map(\.status) == [.submitted, .approved])
    #expect(history.map(\.source) == ["q1.csv", "approval"])
  }
}
