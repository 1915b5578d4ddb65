import GRDB
import GRDBSQLite

/// Rows for one table, inserted many to a statement (`INSERT INTO t (…) VALUES (…), (…), …`), in
/// the order they were added: one statement per `rowsPerStatement` rows instead of one per row.
///
/// The values are bound with SQLite's own calls rather than through `StatementArguments`, whose
/// conversions cost as much as SQLite's insert itself in an import of a million rows.
struct InsertBatch {
  /// One value of a row.
  private enum Value {
    case text(String)
    case integer(Int64)
    case null
  }

  private let table: String
  private let columns: [String]
  private let rowsPerStatement: Int
  /// The statement of a full batch.
  private let fullSQL: String
  private var values: [Value] = []

  /// A batch for `columns` of `table`; 64 rows of up to 17 columns stay far below SQLite's
  /// limit of bound values.
  init(table: String, columns: [String], rowsPerStatement: Int = 64) {
    self.table = table
    self.columns = columns
    self.rowsPerStatement = rowsPerStatement
    fullSQL = Self.sql(table: table, columns: columns, rows: rowsPerStatement)
    values.reserveCapacity(columns.count * rowsPerStatement)
  }

  /// Adds the next value of the row being added, column by column.
  mutating func append(_ text: String) { values.append(.text(text)) }
  mutating func append(_ text: String?) { values.append(text.map(Value.text) ?? .null) }
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
    for (index, value) in values.enumerated() {
      let position = Int32(index + 1)
      let code: Int32
      switch value {
      case .text(var text):
        code = text.withUTF8 { sqlite3_bind_text(handle, position, $0.baseAddress, Int32($0.count), transient) }
      case .integer(let number): code = sqlite3_bind_int64(handle, position, number)
      case .null: code = sqlite3_bind_null(handle, position)
      }
      guard code == SQLITE_OK else { throw error(code, db) }
    }
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else { throw error(code, db) }
    values.removeAll(keepingCapacity: true)
  }

  /// SQLite copies a value bound with this destructor, so the Swift string may go at once.
  private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  private func error(_ code: Int32, _ db: Database) -> DatabaseError {
    let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
    return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: "INSERT INTO \(table)")
  }

  private static func sql(table: String, columns: [String], rows: Int) -> String {
    let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
      + Array(repeating: placeholders, count: rows).joined(separator: ", ")
  }
}
