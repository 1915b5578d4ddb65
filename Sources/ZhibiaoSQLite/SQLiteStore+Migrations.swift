import Foundation
import GRDB
import ZhibiaoStore

extension SQLiteStore {
  /// A migrator that knows the first `version` migrations of ``Schema/migrations``.
  static func migrator(upTo version: Int = Schema.migrations.count) -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    for migration in Schema.migrations.prefix(version) {
      migrator.registerMigration(migration.identifier) { db in
        try db.execute(sql: migration.sql)
      }
    }
    return migrator
  }

  /// Applies every migration the store has not yet run, in order, each in its own transaction.
  public func migrate() async throws {
    try migrate(upTo: Schema.migrations.count)
  }

  /// The number of migrations applied to the store.
  public func schemaVersion() async throws -> Int {
    try await guarded {
      try await writer.read { db in try Self.migrator().appliedIdentifiers(db).count }
    }
  }

  /// Applies the migrations up to `version`, refusing a store that a newer build has migrated:
  /// its data may have a shape this build would misread or damage.
  func migrate(upTo version: Int) throws {
    let migrator = Self.migrator()
    try guarded {
      let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
      guard applied.isSubset(of: migrator.migrations) else {
        throw StoreError.schemaTooNew(found: applied.count, supported: migrator.migrations.count)
      }
      // GRDB stops the process when asked to migrate to a version below the store's.
      guard applied.count < version else { return }
      try migrateWaitingForOthers(migrator, upTo: version)
    }
  }

  /// Migrates up to `version`, allowing for another process migrating the same new file at the
  /// same moment (two first imports at once): a migration that fails because the other applied it
  /// first is tried again once that process has moved on, until every migration is in place —
  /// by either of them — or ten seconds have passed.
  private func migrateWaitingForOthers(_ migrator: DatabaseMigrator, upTo version: Int) throws {
    let deadline = Date().addingTimeInterval(10)
    while true {
      do {
        try migrator.migrate(writer, upTo: migrator.migrations[version - 1])
        return
      } catch {
        let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
        if applied.count >= version { return }
        guard Date() < deadline else { throw error }
        Thread.sleep(forTimeInterval: 0.05)
      }
    }
  }
}
