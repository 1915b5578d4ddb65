import Foundation
import GRDB
import Testing
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoTestSupport

@testable import ZhibiaoSQLite

/// The shared store values, by the name the tests use.
typealias Fixture = StoreFixture

extension SQLiteStore {
  /// Every row of every table, with the schema, as text: what a user could ever read back.
  func dump() throws -> [String] {
    try writer.read { db in
      var lines = try String.fetchAll(
        db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      for table in tables {
        let columns = try db.columns(in: table).count
        let order = (1...columns).map(String.init).joined(separator: ", ")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
          lines.append("\(table) \(row)")
        }
      }
      return lines
    }
  }

  /// The bytes of the database file once every committed transaction is in it and the WAL is
  /// empty.
  func checkpointedBytes() throws -> Data {
    _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    let wal = try Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
    #expect(wal.isEmpty, "the WAL still holds frames after a TRUNCATE checkpoint")
    return try Data(contentsOf: URL(fileURLWithPath: path))
  }
}
