import Foundation
import GRDB
import Testing

@testable import ZhibiaoSQLite

/// The many-row inserts of an import write each value as given, in order, across statements.
@Suite("Insert batches")
struct InsertBatchTests {
  @Test(
    "Texts (empty, absent, not ASCII), numbers and flags are stored as given, in order, in full and short statements")
  func valuesStoredAsGiven() throws {
    let queue = try DatabaseQueue()
    let texts: [String?] = ["", nil, "滨江区 note", "tab\tand\nline", "plain", String(repeating: "x", count: 300), "last"]
    let stored = try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL, text TEXT, flag INTEGER NOT NULL)")
      var batch = InsertBatch(table: "t", columns: ["n", "text", "flag"], rowsPerStatement: 3)
      for (index, text) in texts.enumerated() {
        batch.append(index - 2)
        batch.append(text)
        batch.append(index % 2 == 0)
        if batch.isFull { try batch.flush(db) }
      }
      try batch.flush(db)
      return try Row.fetchAll(db, sql: "SELECT n, text, typeof(text), flag FROM t ORDER BY rowid")
    }
    #expect(stored.map { $0[0] as Int } == Array(-2..<(texts.count - 2)))
    #expect(stored.map { $0[1] as String? } == texts)
    #expect(stored.map { $0[2] as String } == texts.map { $0 == nil ? "null" : "text" })
    #expect(stored.map { $0[3] as Bool } == texts.indices.map { $0 % 2 == 0 })
  }

  @Test("A refused row stops the insert with SQLite's error, naming the table")
  func refusedRow() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (text TEXT NOT NULL CHECK (text <> ''))")
      var batch = InsertBatch(table: "t", columns: ["text"], rowsPerStatement: 4)
      for text in ["a", "b", ""] { batch.append(text) }
      #expect {
        try batch.flush(db)
      } throws: { error in
        (error as? DatabaseError).map { $0.resultCode == .SQLITE_CONSTRAINT && $0.sql == "INSERT INTO t" } ?? false
      }
    }
  }
}
