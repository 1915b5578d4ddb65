import Foundation
import ZhibiaoSQLite
import ZhibiaoStore

/// Opens a store by its location: a file path for the embedded SQLite store. Shared servers
/// (`postgres://…`) plug in here, behind the same `Store` interface.
enum StoreLocation {
  static func open(_ location: String) throws -> any Store {
    if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
      throw StoreError.unavailable(path: location, reason: "this build carries the embedded SQLite store only")
    }
    let store = try SQLiteStore(path: location)
    return store
  }
}
