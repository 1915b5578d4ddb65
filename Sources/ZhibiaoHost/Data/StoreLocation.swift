import Foundation
import ZhibiaoPostgres
import ZhibiaoSQLite
import ZhibiaoStore

/// Opens a store by its location: `postgres://…` (or `postgresql://…`) for the shared
/// PostgreSQL store, any other text as the path of the embedded SQLite store.
enum StoreLocation {
  static func open(_ location: String, connections: Int = 20) async throws -> any Store {
    if isPostgres(location) {
      return try await PostgresStore(url: location, maximumConnections: connections)
    }
    return try SQLiteStore(path: location)
  }

  /// Opens the existing store at `location` to read only: nothing is created or migrated, and a
  /// store an older build left is refused with what to run (``StoreError/schemaTooOld(found:supported:)``).
  static func openReading(_ location: String, connections: Int = 20) async throws -> any Store {
    if isPostgres(location) {
      return try await PostgresStore(url: location, maximumConnections: connections, reading: true)
    }
    return try SQLiteStore.reading(path: location)
  }

  /// Whether `location` names a PostgreSQL server.
  static func isPostgres(_ location: String) -> Bool {
    location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
  }
}
