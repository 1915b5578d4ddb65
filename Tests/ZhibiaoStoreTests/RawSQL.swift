import GRDB
import PostgresNIO
import Testing
import ZhibiaoStore

@testable import ZhibiaoPostgres
@testable import ZhibiaoSQLite

/// A statement run on a store's database behind its interface, as a person with the database's
/// own tools could: for checks that the schema itself refuses what the interface never does.
enum RawSQL {
  static func execute(_ sql: String, on store: any Store) async throws {
    switch store {
    case let store as SQLiteStore:
      try await store.guarded { try await store.writer.write { db in try db.execute(sql: sql) } }
    case let store as PostgresStore:
      _ = try await store.transaction { connection in
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
      }
    default:
      Issue.record("no raw SQL for \(type(of: store))")
    }
  }

  /// The number a query of one integer (such as a count) gives.
  static func integer(_ sql: String, on store: any Store) async throws -> Int? {
    switch store {
    case let store as SQLiteStore:
      return try await store.writer.read { db in try Int.fetchOne(db, sql: sql) }
    case let store as PostgresStore:
      return try await store.rows(PostgresQuery(unsafeSQL: sql)) { try $0.int(0) }.first
    default:
      Issue.record("no raw SQL for \(type(of: store))")
      return nil
    }
  }
}
