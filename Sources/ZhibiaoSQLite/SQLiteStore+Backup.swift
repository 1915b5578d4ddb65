import Foundation
import GRDB
import ZhibiaoStore

extension SQLiteStore {
  /// Writes a consistent copy of the whole store to the file at `path` while it stays in use,
  /// replacing what the file held.
  ///
  /// The copy is read from one read transaction, so it holds every submission committed before
  /// the backup began and none of one committed during it; readers and writers of the store go
  /// on meanwhile. The copy is a single file in rollback-journal mode; opening it as a store
  /// turns WAL on again. A copy onto the store's own file is refused.
  public func backup(to path: String) async throws {
    guard Self.resolved(path) != Self.resolved(self.path) else {
      throw StoreError.unavailable(path: path, reason: "it is the store itself; back up to another file")
    }
    do {
      let destination = try DatabaseQueue(path: path)
      try writer.backup(to: destination)
      try destination.close()
    } catch let error as DatabaseError {
      throw StoreError.unavailable(path: path, reason: error.message ?? "\(error)")
    }
  }

  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
