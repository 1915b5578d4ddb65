import Foundation
import ZhibiaoSQLite

/// A SQLite store in a file of its own, in a temporary folder that goes with it.
public final class TemporaryStore: Sendable {
  /// The folder that holds the store's file (and any copies a test makes beside it).
  public let directory: TemporaryDirectory
  /// The path of the store's file.
  public let path: String
  /// The store, migrated to the current schema.
  public let store: SQLiteStore

  /// Creates a new store named `name` in a new temporary folder.
  public init(named name: String = "store.sqlite") throws {
    directory = try TemporaryDirectory()
    path = directory.path(name)
    store = try SQLiteStore(path: path)
  }
}
