import Foundation
import PostgresNIO
import ZhibiaoStore

extension PostgresStore: TableStore {
  package func rows(of table: StoreTable) async throws -> [[String?]] {
    try await reading { try await rows(of: table, on: nil) }
  }

  package func load(
    _ tables: [(StoreTable, [[String?]])], replacing: Bool,
    check: @escaping @Sendable (StoreTable, [[String?]]) throws -> Void
  ) async throws {
    _ = try await transaction { connection in
      for (table, _) in tables {
        let count =
          try await self.rows(
            PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.name)"), on: connection
          ) { try $0.int(0) }.first ?? 0
        guard count == 0 || replacing else { throw StoreCopyError.targetNotEmpty(table: table.name, rows: count) }
      }
      if replacing {
        // The logs refuse deletes by trigger; a replacement of the whole store is the one
        // exception, made in this transaction and undone with it.
        for (table, trigger) in PostgresSchema.appendOnly {
          try await self.execute("ALTER TABLE \(table) DISABLE TRIGGER \(trigger)", on: connection)
        }
        try await self.execute(
          "TRUNCATE \(tables.map(\.0.name).joined(separator: ", ")) RESTART IDENTITY", on: connection)
        for (table, trigger) in PostgresSchema.appendOnly {
          try await self.execute("ALTER TABLE \(table) ENABLE TRIGGER \(trigger)", on: connection)
        }
      }
      for (table, rows) in tables {
        var batch = RowBatch(zip(table.columns, table.kinds).map { ($0, Self.type(of: $1)) })
        for row in rows { batch.add(row) }
        try await self.insert(batch, into: table.name, overridingIdentity: table.identity != nil, on: connection)
        try check(table, try await self.rows(of: table, on: connection))
      }
      // The numbering of the audit log and the change requests goes on after the highest copied.
      for (table, _) in tables {
        guard let identity = table.identity else { continue }
        try await self.execute(
          """
          SELECT setval(pg_get_serial_sequence('\(table.name)', '\(identity)'),
            coalesce((SELECT max(\(identity)) FROM \(table.name)), 0) + 1, false)
          """, on: connection)
      }
    }
  }

  private func rows(of table: StoreTable, on connection: PostgresConnection?) async throws -> [[String?]] {
    let columns = zip(table.columns, table.kinds).map { column, kind in
      switch kind {
      case .text: column
      case .integer, .decimal: "\(column)::text"
      case .time: Column.time(column)
      case .flag: "CASE WHEN \(column) IS NULL THEN NULL WHEN \(column) THEN '1' ELSE '0' END"
      }
    }
    // Ordered by the table's own columns (t.…), not the text the query makes of them.
    let order = table.key.map { key in
      table.kinds[table.columns.firstIndex(of: key) ?? 0] == .text ? "t.\(key) COLLATE \"C\"" : "t.\(key)"
    }
    let sql =
      "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) t ORDER BY \(order.joined(separator: ", "))"
    return try await rows(PostgresQuery(unsafeSQL: sql), on: connection) { row in
      try (0..<table.columns.count).map { try row.optionalText($0) }
    }
  }

  private func execute(_ sql: String, on connection: PostgresConnection) async throws {
    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
  }

  private static func type(of kind: StoreTable.Kind) -> String {
    switch kind {
    case .text: "text"
    case .integer: "bigint"
    case .decimal: "numeric"
    case .time: "timestamptz"
    case .flag: "boolean"
    }
  }
}
