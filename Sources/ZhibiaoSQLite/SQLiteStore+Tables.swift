import Foundation
import GRDB
import ZhibiaoStore

extension SQLiteStore: TableStore {
  package func rows(of table: StoreTable) async throws -> [[String?]] {
    try await guarded {
      try await writer.read { db in try Self.rows(of: table, db) }
    }
  }

  package func load(
    _ tables: [(StoreTable, [[String?]])], replacing: Bool,
    check: @escaping @Sendable (StoreTable, [[String?]]) throws -> Void
  ) async throws {
    try await guarded {
      try await writer.write { db in
        for (table, _) in tables {
          let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
          guard count == 0 || replacing else { throw StoreCopyError.targetNotEmpty(table: table.name, rows: count) }
        }
        if replacing {
          // The logs refuse deletes by trigger; a replacement of the whole store is the one
          // exception, made in this transaction and undone with it.
          for (name, _) in Schema.appendOnlyDeletes { try db.execute(sql: "DROP TRIGGER \(name)") }
          for (table, _) in tables.reversed() { try db.execute(sql: "DELETE FROM \(table.name)") }
          for (_, create) in Schema.appendOnlyDeletes { try db.execute(sql: create) }
        }
        for (table, rows) in tables {
          let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
          let insert = try db.makeStatement(
            sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(placeholders))")
          for row in rows {
            let values: [(any DatabaseValueConvertible)?] = zip(row, table.kinds).map { value, kind in
              guard let value else { return nil }
              switch kind {
              case .integer, .flag: return Int(value) ?? value
              case .text, .decimal, .time: return value
              }
            }
            try insert.execute(arguments: StatementArguments(values))
          }
          try check(table, try Self.rows(of: table, db))
        }
      }
    }
  }

  private static func rows(of table: StoreTable, _ db: Database) throws -> [[String?]] {
    let sql =
      "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(table.key.joined(separator: ", "))"
    return try Row.fetchAll(db, sql: sql).map { row in
      (0..<table.columns.count).map { index in
        switch row[index] as DatabaseValue {
        case let value where value.isNull: nil
        case let value:
          switch value.storage {
          case .int64(let number): String(number)
          case .string(let text): text
          case .double(let number): "\(number)"
          case .blob(let data): data.map { String(format: "%02x", $0) }.joined()
          case .null: nil
          }
        }
      }
    }
  }
}
