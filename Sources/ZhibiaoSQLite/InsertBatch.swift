import GRDB
import GRDBSQLite

/// Rows for one table, inserted many to a statement (`INSERT OR FAIL INTO t (…) VALUES (…), (…),
/// …`), in the order they were added: one statement per `rowsPerStatement` rows instead of one
/// per row.
///
/// A batch belongs to a transaction that is rolled back whole when an insert fails, as every
/// write of the store is. A statement that may stop halfway, after some of its rows, otherwise
/// keeps a copy of every page it changes that existed before it (SQLite's statement journal), to
/// undo only itself; in an import of a million figures that copy was written for each batch, a
/// page for nearly every row where an index is filled out of order, and cost more than the
/// inserts. `OR FAIL` stops at a refused row just the same, with the same error, but leaves the
/// undoing to the transaction, so no page is copied for a check or a key; and the larger batches
/// copy the pages that a foreign key's check still needs copied once for many rows.
///
/// The values are bound with SQLite's own calls rather than through `StatementArguments`, whose
/// conversions cost as much as SQLite's insert itself in an import of a million rows.
struct InsertBatch {
  /// One value of a row; a text is its place in `bytes`.
  private enum Value {
    case text(start: Int, count: Int)
    case integer(Int64)
    case null
  }

  private let table: String
  private let columns: [String]
  private let rowsPerStatement: Int
  /// The statement of a full batch.
  private let fullSQL: String
  private var values: [Value] = []
  /// The texts of the rows added, one after the other in UTF-8, bound where they lie: SQLite
  /// reads them during the insert instead of copying each into a buffer of its own. The first
  /// byte is never a value's, so that an empty text has an address and is bound as empty, not
  /// as NULL.
  private var bytes: [UInt8] = [0]

  /// A batch for `columns` of `table`; 512 rows of up to 17 columns stay well below SQLite's
  /// limit of 32,766 bound values.
  init(table: String, columns: [String], rowsPerStatement: Int = 512) {
    self.table = table
    self.columns = columns
    self.rowsPerStatement = rowsPerStatement
    fullSQL = Self.sql(table: table, columns: columns, rows: rowsPerStatement)
    values.reserveCapacity(columns.count * rowsPerStatement)
    bytes.reserveCapacity(columns.count * rowsPerStatement * 16)
  }

  /// Adds the next value of the row being added, column by column.
  mutating func append(_ text: String) {
    var text = text
    let start = bytes.count
    text.withUTF8 { bytes.append(contentsOf: $0) }
    values.append(.text(start: start, count: bytes.count - start))
  }
  mutating func append(_ text: String?) {
    guard let text else { return values.append(.null) }
    append(text)
  }
  mutating func append(_ number: Int) { values.append(.integer(Int64(number))) }
  mutating func append(_ flag: Bool) { values.append(.integer(flag ? 1 : 0)) }

  /// Whether the batch holds a full statement's rows; the caller then flushes it.
  var isFull: Bool { values.count >= columns.count * rowsPerStatement }

  /// Inserts the rows added since the last insert.
  mutating func flush(_ db: Database) throws {
    guard !values.isEmpty else { return }
    precondition(values.count % columns.count == 0, "a row of \(values.count % columns.count) values is unfinished")
    let rows = values.count / columns.count
    // A full batch's statement serves every full batch; a last, shorter one is made once.
    let statement =
      rows == rowsPerStatement
      ? try db.cachedStatement(sql: fullSQL)
      : try db.makeStatement(sql: Self.sql(table: table, columns: columns, rows: rows))
    let handle = statement.sqliteStatement
    sqlite3_reset(handle)
    // The texts are bound without a destructor (SQLite's SQLITE_STATIC): SQLite reads them where
    // they lie until the statement is reset, and the bindings are cleared before `bytes` changes.
    defer { sqlite3_clear_bindings(handle) }
    let code = try bytes.withUnsafeBufferPointer { bytes in
      try bytes.withMemoryRebound(to: CChar.self) { bytes in
        for (index, value) in values.enumerated() {
          let position = Int32(index + 1)
          let code: Int32
          switch value {
          case .text(let start, let count):
            code = sqlite3_bind_text(handle, position, bytes.baseAddress.map { $0 + start }, Int32(count), nil)
          case .integer(let number): code = sqlite3_bind_int64(handle, position, number)
          case .null: code = sqlite3_bind_null(handle, position)
          }
          guard code == SQLITE_OK else { throw error(code, db) }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        return code
      }
    }
    guard code == SQLITE_DONE else { throw error(code, db) }
    values.removeAll(keepingCapacity: true)
    bytes.removeSubrange(1...)
  }

  private func error(_ code: Int32, _ db: Database) -> DatabaseError {
    let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: "INSERT INTO \(table)")
  }

  private static func sql(table: String, columns: [String], rows: Int) -> String {
    let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    return "INSERT OR FAIL INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
      + Array(repeating: placeholders, count: rows).joined(separator: ", ")
  }
}
