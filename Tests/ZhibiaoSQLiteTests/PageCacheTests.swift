import Foundation
import GRDB
import Testing

@testable import ZhibiaoSQLite

/// A large submission's transaction gets a page cache sized to it, and the connection its own
/// back afterwards, whether the submission succeeds or fails.
@Suite("Page cache of a large submission")
struct PageCacheTests {
  static func cacheSize(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0 }

  @Test("256 bytes a figure up to 256 MiB while it runs, the connection's own size after, also after a failure")
  func sizedAndGivenBack() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "PRAGMA cache_size = -65536")
      // A million figures: 250,000 KiB.
      let during = try SQLiteStore.withPageCache(db, forRows: 1_000_000) { try Self.cacheSize(db) }
      #expect(during == -250_000)
      #expect(try Self.cacheSize(db) == -65536)
      // Beyond the cap: 256 MiB.
      #expect(try SQLiteStore.withPageCache(db, forRows: 5_000_000) { try Self.cacheSize(db) } == -262_144)
      // A submission the connection's cache already holds keeps it.
      #expect(try SQLiteStore.withPageCache(db, forRows: 10_000) { try Self.cacheSize(db) } == -65536)
      struct Refused: Error {}
      #expect(throws: Refused.self) {
        try SQLiteStore.withPageCache(db, forRows: 1_000_000) { () throws -> Void in throw Refused() }
      }
      #expect(try Self.cacheSize(db) == -65536)
    }
  }
}
