import Foundation
import GRDB
import ZhibiaoKernel
import ZhibiaoStore

/// The embedded store: one SQLite file in WAL mode with foreign keys on.
///
/// WAL lets readers work while a submission is written and lets ``backup(to:)`` copy a
/// consistent snapshot while the store stays in use. Opening a store brings its schema up to
/// date; the file is closed when the store is released.
public final class SQLiteStore: Store {
  /// The file the store lives in (`:memory:` for a store in memory), for messages.
  public let path: String

  /// A pool on a file, so that reads run beside the one writer; a queue in memory, since WAL
  /// needs a file.
  let writer: any DatabaseWriter

  /// Opens the store at `path`, creating the file if it does not exist, and brings its schema
  /// up to date.
  ///
  /// Throws ``StoreError/schemaTooNew(found:supported:)`` if a newer build has migrated the file,
  /// and ``StoreError/unavailable(path:reason:)`` if it cannot be opened.
  public convenience init(path: String) throws {
    try self.init(path: path, schemaVersion: Schema.migrations.count)
  }

  /// Opens the store at `path` and migrates it up to `schemaVersion` only: how a test builds
  /// a file as an older build left it.
  init(path: String, schemaVersion: Int) throws {
    self.path = path
    try Self.refuseForeignDatabase(at: path)
    do {
      writer = try Self.openPool(at: path)
    } catch let error as DatabaseError {
      throw StoreError.unavailable(path: path, reason: Self.reason(error))
    }
    try migrate(upTo: schemaVersion)
  }

  /// Opens the existing store at `path` to read only: nothing is created, migrated or switched
  /// (the connection is read-only, and its journal mode is left as it is), so that a command that
  /// only reads works on a read-only file and leaves every file as it was.
  ///
  /// Throws ``StoreError/schemaTooOld(found:supported:)`` for a store an older build left, which
  /// only a command that writes brings up to date, ``StoreError/schemaTooNew(found:supported:)``
  /// for one a newer build migrated, and ``StoreError/unavailable(path:reason:)`` for a file that
  /// holds no Zhibiao store.
  public static func reading(path: String) throws -> SQLiteStore {
    try refuseForeignDatabase(at: path)
    var configuration = Self.configuration
    configuration.readonly = true
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch let error as DatabaseError {
      throw StoreError.unavailable(path: path, reason: reason(error))
    }
    let store = SQLiteStore(path: path, writer: queue)
    let (found, supported) = try store.guarded {
      let ledger = Self.migrator()
      let tables = try queue.read { db in try db.tableExists("grdb_migrations") }
      let applied = tables ? try queue.read { db in try ledger.appliedIdentifiers(db) } : []
      guard applied.isSubset(of: ledger.migrations) else {
        throw StoreError.schemaTooNew(found: applied.count, supported: ledger.migrations.count)
      }
      return (applied.count, ledger.migrations.count)
    }
    if found == 0 {
      throw StoreError.unavailable(path: path, reason: "it holds no Zhibiao store (no tables); it was left untouched")
    }
    if found < supported { throw StoreError.schemaTooOld(found: found, supported: supported) }
    return store
  }

  /// Opens a pool on `path`. Switching a new file to WAL needs the file to itself for a moment,
  /// and SQLite answers busy at once, without waiting, when another process is opening the same
  /// new file (two first imports at once): the open is tried again until the busy timeout.
  static func openPool(at path: String) throws -> DatabasePool {
    let deadline = Date().addingTimeInterval(busyTimeout)
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
  }

  /// Refuses an existing file that is not a Zhibiao store — an SQLite database with tables of
  /// its own and no record of this store's migrations, or no SQLite database at all — before
  /// anything opens it for writing, so that it is left exactly as it was (no tables added, its
  /// journal mode not switched).
  static func refuseForeignDatabase(at path: String) throws {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard let size = attributes?[.size] as? Int, size > 0 else { return }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    let tables: [String]
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      tables = try queue.read { db in
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      }
    } catch let error as DatabaseError {
      throw StoreError.unavailable(path: path, reason: reason(error))
    }
    if !tables.isEmpty && !tables.contains("grdb_migrations") {
      throw StoreError.unavailable(
        path: path,
        reason: "it is an SQLite database but not a Zhibiao store (it holds tables of its own); it was left untouched")
    }
  }

  private init(path: String, writer: any DatabaseWriter) {
    self.path = path
    self.writer = writer
  }

  /// An empty store in memory, migrated, gone when released: for tests and trials.
  public static func inMemory() throws -> SQLiteStore {
    let store: SQLiteStore
    do {
      store = SQLiteStore(path: ":memory:", writer: try DatabaseQueue(configuration: configuration))
    } catch let error as DatabaseError {
      throw StoreError.unavailable(path: ":memory:", reason: error.message ?? "\(error)")
    }
    try store.migrate(upTo: Schema.migrations.count)
    return store
  }

  /// How long a write waits for another process's write to finish before it gives up, in seconds.
  static let busyTimeout: TimeInterval = 10

  /// Foreign keys are GRDB's default, stated so that no later change turns them off. Another
  /// zhibiao process may be writing the same file: wait for it rather than fail at once.
  static var configuration: Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    // A page cache of up to 64 MB per connection (SQLite's default is 2 MB): a large import's
    // pages then stay in memory for the whole transaction instead of being spilled and read back.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
    return configuration
  }

  /// Runs `body`, turning SQLite's errors and unreadable columns into ``StoreError``, the one
  /// error type callers of a ``Store`` handle.
  func guarded<T>(_ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch {
      throw storeError(error)
    }
  }

  /// ``guarded(_:)`` for the synchronous work of opening a store.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw storeError(error)
    }
  }

  /// What a database error means for the user: a store kept busy by another writer, a full disk,
  /// else SQLite's own words.
  static func reason(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      "another process kept the store busy for the \(Int(busyTimeout)) seconds this one waits (an import, a "
        + "backup or a server writing to it); nothing was written — try again when it is done"
    case .SQLITE_FULL: "the disk is full; nothing was written"
    default: error.message ?? "\(error)"
    }
  }

  private func storeError(_ error: any Error) -> any Error {
    switch error {
    case let error as DatabaseError:
      StoreError.unavailable(path: path, reason: Self.reason(error))
    case let error as MalformedColumn:
      StoreError.unavailable(
        path: path, reason: "the column \(error.column) holds '\(error.text)' where \(error.expected) belongs")
    default: error
    }
  }
}
