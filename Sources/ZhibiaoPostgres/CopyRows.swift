import NIOCore
import PostgresNIO

/// Rows for one table sent with `COPY table (columns) FROM STDIN` in PostgreSQL's text format:
/// the bulk path of a large submission, which spares the server parsing one array per column and
/// joining them back into rows. Each value is text (the server casts it to the column's type, as
/// it casts ``RowBatch``'s arrays), NULL as nil.
struct CopyRows: Sendable {
  /// The table, and its columns in the order of each row's values.
  let table: String
  let columns: [String]
  /// The rows, in chunks of about a megabyte, sent as they are.
  private var chunks: [ByteBuffer] = []
  private var chunk = ByteBuffer()
  private(set) var count = 0

  private static let chunkSize = 1 << 20

  init(table: String, columns: [String]) {
    self.table = table
    self.columns = columns
  }

  /// The values of the row being made so far.
  private var fields = 0

  /// Adds a row: one value per column, in order.
  mutating func add(_ values: [String?]) {
    precondition(values.count == columns.count, "a row of \(values.count) values for \(columns.count) columns")
    for value in values { append(value) }
    endRow()
  }

  /// Adds the next value of the row being made; a row is ended by ``endRow()``.
  mutating func append(_ value: String?) {
    startField()
    guard let value else {
      chunk.writeStaticString("\\N")
      return
    }
    Self.write(value, to: &chunk)
  }

  /// Adds the next value of the row being made, a whole number, its digits written in place.
  mutating func append(_ value: Int) {
    startField()
    if value < 0 { chunk.writeInteger(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for index in (0..<count).reversed() { chunk.writeInteger(buffer[index]) }
    }
  }

  /// Ends the row being made, which must have a value for every column.
  mutating func endRow() {
    precondition(fields == columns.count, "a row of \(fields) values for \(columns.count) columns")
    chunk.writeInteger(UInt8(ascii: "\n"))
    fields = 0
    count += 1
    if chunk.readableBytes >= Self.chunkSize {
      chunks.append(chunk)
      chunk = ByteBuffer()
    }
  }

  private mutating func startField() {
    if chunk.capacity == 0 { chunk.reserveCapacity(Self.chunkSize) }
    if fields > 0 { chunk.writeInteger(UInt8(ascii: "\t")) }
    fields += 1
  }

  /// The chunks filled so far, taken out to be sent; the rows added later go on into new ones.
  mutating func takeFullChunks() -> [ByteBuffer] {
    guard !chunks.isEmpty else { return [] }
    defer { chunks.removeAll() }
    return chunks
  }

  /// Sends the rows to a `COPY` in progress.
  func send(to writer: PostgresCopyFromWriter) async throws {
    for chunk in chunks { try await writer.write(chunk) }
    if chunk.readableBytes > 0 { try await writer.write(chunk) }
  }

  /// Writes `value` with the text format's escapes: a backslash, tab, line feed or carriage
  /// return would otherwise end a value or a row, or start an escape. Most values have none,
  /// which one pass over their bytes finds.
  private static func write(_ value: String, to buffer: inout ByteBuffer) {
    var value = value
    value.withUTF8 { bytes in
      var special = false
      for byte in bytes where byte <= UInt8(ascii: "\\") {
        if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
          || byte == UInt8(ascii: "\r")
        {
          special = true
          break
        }
      }
      guard special else {
        buffer.writeBytes(bytes)
        return
      }
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
        case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
        case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
        case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
        default: buffer.writeInteger(byte)
        }
      }
    }
  }
}

extension PostgresStore {
  /// Copies into `table` the rows that `row` makes of each of `items` (none, or one, by appending
  /// its values and ending it), in order, sending each chunk as soon as it is full, so that the
  /// rows are never all held as text; no `COPY` is made when no item gives a row. An error `row`
  /// throws ends the copy, and the transaction with it.
  func copy<Items: Sequence>(
    _ items: Items, into table: String, columns: [String], on connection: PostgresConnection,
    row: (Items.Element, inout CopyRows) throws -> Void
  ) async throws {
    var items = items.makeIterator()
    var rows = CopyRows(table: table, columns: columns)
    while rows.count == 0, let item = items.next() {
      try row(item, &rows)
    }
    guard rows.count > 0 else { return }
    try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
      while let item = items.next() {
        try row(item, &rows)
        for chunk in rows.takeFullChunks() { try await writer.write(chunk) }
      }
      try await rows.send(to: writer)
    }
  }

  /// Copies the rows of `rows` into their table, in the order they were added.
  func copy(_ rows: CopyRows, on connection: PostgresConnection) async throws {
    guard rows.count > 0 else { return }
    try await connection.copyFrom(table: rows.table, columns: rows.columns, logger: logger) { writer in
      try await rows.send(to: writer)
    }
  }
}
