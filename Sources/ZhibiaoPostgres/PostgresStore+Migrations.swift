import PostgresNIO
import ZhibiaoStore

extension PostgresStore {
  /// Applies every migration the database has not yet run, in order, all in one transaction.
  public func migrate() async throws {
    try await migrate(upTo: PostgresSchema.migrations.count)
  }

  /// The number of migrations applied to the database.
  public func schemaVersion() async throws -> Int {
    try await reading { try await appliedIdentifiers(on: nil).count }
  }

  /// Applies the migrations up to `version`, refusing a database that a newer build has
  /// migrated. Instances starting together take turns: each migration holds an advisory lock,
  /// and reads what is applied inside it.
  func migrate(upTo version: Int) async throws {
    let known = PostgresSchema.migrations.map(\.identifier)
    try await transaction { connection in
      try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: self.logger)
      try await connection.query(PostgresQuery(unsafeSQL: PostgresSchema.ledger), logger: self.logger)
      let applied = try await self.appliedIdentifiers(on: connection)
      guard Set(applied).isSubset(of: known) else {
        throw StoreError.schemaTooNew(found: applied.count, supported: known.count)
      }
      for (index, migration) in PostgresSchema.migrations.enumerated().prefix(version).dropFirst(applied.count) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
        }
        try await connection.query(
          "INSERT INTO schema_migration (version, identifier) VALUES (\(index + 1), \(migration.identifier))",
          logger: self.logger)
      }
    }
  }

  /// Checks, without writing anything, that the database holds a store at `version`: refuses one
  /// with no store, one an older build left, and one a newer build migrated.
  func requireSchema(_ version: Int) async throws {
    let known = PostgresSchema.migrations.map(\.identifier)
    let applied = try await appliedIdentifiers(on: nil)
    guard Set(applied).isSubset(of: known) else {
      throw StoreError.schemaTooNew(found: applied.count, supported: known.count)
    }
    if applied.isEmpty {
      throw StoreError.unavailable(
        path: location, reason: "it holds no Zhibiao store (no tables); it was left untouched")
    }
    if applied.count < version { throw StoreError.schemaTooOld(found: applied.count, supported: version) }
  }

  /// A fixed key of `pg_advisory_xact_lock` for migrations: "zhibiao" in ASCII.
  private static let migrationLock: Int64 = 0x7A_6869_6269_616F

  private func appliedIdentifiers(on connection: PostgresConnection?) async throws -> [String] {
    let exists = try await rows("SELECT to_regclass('schema_migration') IS NOT NULL", on: connection) {
      try $0[0].decode(Bool.self)
    }
    guard exists.first == true else { return [] }
    return try await rows("SELECT identifier FROM schema_migration ORDER BY version", on: connection) {
      try $0[0].decode(String.self)
    }
  }
}
