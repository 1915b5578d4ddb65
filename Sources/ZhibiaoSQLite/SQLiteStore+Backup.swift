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
    // Written beside the destination first and moved into place whole, so that a copy that
    // fails half way (a full disk) leaves no file behind to be mistaken for a backup.
    let target = URL(fileURLWithPath: path)
    let partial = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString.prefix(8))")
    func removePartial() {
      for suffix in ["", "-journal", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: partial.path + suffix)
      }
    }
    do {
      let destination = try DatabaseQueue(path: partial.path)
      do {
        try writer.backup(to: destination)
        try destination.close()
      } catch {
        try? destination.close()
        throw error
      }
      try FileManager.default.moveItem(at: partial, to: target)
    } catch let error as DatabaseError {
      removePartial()
      throw StoreError.unavailable(
        path: path, reason: "the copy could not be written (\(Self.words(error))); nothing was left behind")
    } catch {
      removePartial()
      throw StoreError.unavailable(
        path: path,
        reason: "the copy could not be put in place (\(error.localizedDescription)); nothing was left behind")
    }
  }

  /// What went wrong in words: SQLite's own message says "not an error" for a full disk met by
  /// a backup, so the common causes are named from the result code.
  static func words(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_FULL: "the disk is full"
    case .SQLITE_IOERR: "the disk could not be written"
    case .SQLITE_CANTOPEN: "the file cannot be created there"
    case .SQLITE_READONLY, .SQLITE_PERM: "the folder cannot be written"
    default:
      error.message.flatMap { $0 == "not an error" ? nil : $0 } ?? "SQLite result code \(error.resultCode.rawValue)"
    }
  }

  private static func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
