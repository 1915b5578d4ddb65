import Foundation

/// A CSV file read strictly into an import table.
///
/// The reader (`CSVReader`, a small state machine) follows RFC 4180 and refuses with a
/// `file:line:column` error anything it could only guess at; it never drops or alters text:
///
/// - Fields are separated by commas. A field that starts with a quote is quoted: it may hold
///   commas, line breaks (kept exactly as written, a CR included) and quotes written twice
///   (`""`), and its closing quote is followed by a comma, a line break or the end of the file.
///   A quote anywhere else in a field, text after a closing quote, and a quoted field still
///   open at the end of the file (reported where it opens) are errors.
/// - Lines end with LF, CRLF or a lone CR, and all three are read alike. The first line break
///   outside quotes sets the file's kind: LF and CRLF may be mixed, but a file whose first
///   line ends with a lone CR must end every line so; a lone CR outside quotes in an LF or CRLF
///   file (where it could be part of a value) and an LF or CRLF in a CR file are errors.
/// - A NUL character anywhere is an error, and reading stops there.
/// - A UTF-8 byte order mark at the start is skipped. An empty line, and a line whose first
///   character is `#` (a comment, read to its end without quote rules), are skipped anywhere
///   outside a quoted field.
/// - The header and row rules are the table's (`ImportTable`).
/// - Lines and columns count from 1; a column counts Unicode scalars; LF, CRLF and a lone CR
///   each count as one line break, inside quoted fields too.
extension ImportTable {
  /// Parses CSV `text` read from `file` by the rules above; throws every error found, in file order.
  public init(parsing text: String, file: String) throws(ConfigurationErrors) {
    var reader = CSVReader(file: file)
    reader.read(text)
    try self.init(
      records: reader.records, errors: reader.errors, start: SourceLocation(file: file, line: 1, column: 1))
  }

  /// Reads CSV `text` from `file` by the same rules as ``init(parsing:file:)``, row by row,
  /// keeping none: `header` receives the table of the header alone (no rows) once it is read, and
  /// `row` each data row after it, in order. Throws what ``init(parsing:file:)`` throws, once the
  /// whole text is read; the rows handed over before are then to be disregarded. A file of a
  /// million rows is so checked without holding every field of every row at once.
  public static func forEachRow(
    parsing text: String, file: String, header: (ImportTable) -> Void, row: (Row) -> Void
  ) throws(ConfigurationErrors) {
    var reader = CSVReader(file: file)
    var reading = RowReading(file: file)
    reader.read(text) { record in
      if reading.sawHeader {
        if let found = reading.row(of: record) { row(found) }
      } else {
        reading.takeHeader(record, header: header)
      }
    }
    try reading.finish(errors: [reader.errors])
  }

  /// Reads CSV `text` from `file` as ``forEachRow(parsing:file:header:row:)`` does, but with the
  /// rows after the header in two parts read at once when the text has at least `minimumSize`
  /// bytes: `row` receives each row with its part, 0 or 1, the rows of each part in order, and
  /// all of part 0 comes before part 1 in the file.
  ///
  /// The text is cut after a line feed that a count of quotes places outside quoted fields, and
  /// the second part read from there as the start of a file would be, on the line the cut falls
  /// on. Once both parts are read, the cut is confirmed: the first part must have ended at the
  /// start of a line, outside a quoted field and with no NUL character, on that line, and the
  /// second part must end its lines as the first does. When it is not confirmed (a quote in a
  /// comment or after an error can fool the count), the function returns false, and what
  /// `header` and `row` received is to be disregarded: the text is then to be read with
  /// ``forEachRow(parsing:file:header:row:)``. Otherwise it returns true, or throws what that
  /// throws, the same errors in the same order.
  public static func forEachRowInParts(
    parsing text: String, file: String, minimumSize: Int, header: (ImportTable) -> Void,
    row: @escaping @Sendable (_ part: Int, _ row: Row) -> Void
  ) throws(ConfigurationErrors) -> Bool {
    var text = text
    let (confirmed, parts) = withoutActuallyEscaping(header) { header in
      text.withUTF8 { bytes in readInParts(bytes, file: file, minimumSize: minimumSize, header: header, row: row) }
    }
    guard confirmed else { return false }
    try parts[0].reading.finish(
      errors: parts.map(\.reader.errors), widthErrors: parts.dropFirst().map(\.reading.widthErrors))
    return true
  }

  /// The reading of `bytes` behind ``forEachRowInParts(parsing:file:minimumSize:header:row:)``:
  /// whether its cut is confirmed, and each part's reader and reading.
  private static func readInParts(
    _ bytes: UnsafeBufferPointer<UInt8>, file: String, minimumSize: Int, header: @escaping (ImportTable) -> Void,
    row: @escaping @Sendable (_ part: Int, _ row: Row) -> Void
  ) -> (Bool, [PartReading]) {
    let text = CSVReader.withoutByteOrderMark(bytes[...])
    let first = PartReading(file: file, line: 1)
    let each = { (record: Record) in
      if first.reading.sawHeader {
        if let found = first.reading.row(of: record) { row(0, found) }
      } else {
        first.reading.takeHeader(record, header: header)
      }
    }
    // The header first, a line at a time, so that both parts know the columns.
    var position = text.startIndex
    while !first.reading.sawHeader, position < text.endIndex {
      let end = text[position...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? text.endIndex
      guard first.reader.feed(text[position..<end], each: each) else { return (true, [first]) }
      position = end
    }
    guard text.endIndex - position >= minimumSize, let (cut, breaks) = cut(text[position...]) else {
      // In one part, the header perhaps still to come.
      if first.reader.feed(text[position...], each: each) { first.reader.finish(each: each) }
      return (true, [first])
    }
    let line = 1 + lineBreaks(in: text[..<position]) + breaks
    // The second part's own copies of the file's name and of the header, which every field and
    // row holds: the two threads then share no object they count references to for each.
    let second = PartReading(file: String(decoding: Array(file.utf8), as: UTF8.self), line: line)
    second.reading = first.reading
    second.reading.widthErrors = []
    second.reading.header = first.reading.header.map { $0 }
    let parts = [first, second]
    let pieces = [text[position..<cut], text[cut...]]
    let shared = SharedBytes(pieces: pieces)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      parts[part].read(shared.pieces[part], part: part, finishing: part == 1, row: row)
    }
    let confirmed =
      first.complete && first.reader.isAtLineStart && first.reader.line == line
      && (second.reader.crOnly == nil || second.reader.crOnly == first.reader.crOnly)
    return (confirmed, parts)
  }

  /// Where to cut `text` in two: just after the first line feed past its middle outside quoted
  /// fields by a count of quotes, with the line breaks before it (as ``lineBreaks(in:)`` counts
  /// them), counted in the same pass; nil when there is none.
  private static func cut(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (cut: Int, breaks: Int)? {
    let middle = text.startIndex + text.count / 2
    var quoted = false
    var breaks = 0
    var afterCR = false
    for index in text.indices {
      let byte = text[index]
      if byte == UInt8(ascii: "\n") {
        breaks += 1
        afterCR = false
        if !quoted, index >= middle, index + 1 < text.endIndex { return (index + 1, breaks) }
        continue
      }
      if afterCR { breaks += 1 }
      afterCR = byte == UInt8(ascii: "\r")
      if byte == UInt8(ascii: "\"") { quoted.toggle() }
    }
    return nil
  }

  /// The line breaks in `bytes` as the reader counts them: a line feed, and a carriage return
  /// not followed by one.
  private static func lineBreaks(in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var count = 0
    var afterCR = false
    for byte in bytes {
      if byte == UInt8(ascii: "\n") {
        count += 1
        afterCR = false
      } else {
        if afterCR { count += 1 }
        afterCR = byte == UInt8(ascii: "\r")
      }
    }
    return afterCR ? count + 1 : count
  }
}

/// The bytes of the parts of a text read at once, valid while the text's storage is borrowed.
private struct SharedBytes: @unchecked Sendable {
  let pieces: [Slice<UnsafeBufferPointer<UInt8>>]
}

/// One part of a text read at once with another: its reader and what reading it row by row
/// keeps. Each part is read by one thread only.
private final class PartReading: @unchecked Sendable {
  var reader: CSVReader
  var reading: RowReading
  /// Whether the part was read to its end, without a NUL character stopping it.
  var complete = true

  init(file: String, line: Int) {
    reader = CSVReader(file: file, line: line)
    reading = RowReading(file: file)
  }

  /// Reads `bytes`, after the header, handing each row to `row` with `part`; then ends the text
  /// when `finishing`.
  func read(
    _ bytes: Slice<UnsafeBufferPointer<UInt8>>, part: Int, finishing: Bool,
    row: @escaping @Sendable (_ part: Int, _ row: ImportTable.Row) -> Void
  ) {
    let each = { (record: ImportTable.Record) in
      if let found = self.reading.row(of: record) { row(part, found) }
    }
    complete = reader.feed(bytes, each: each)
    if complete, finishing { reader.finish(each: each) }
  }
}

/// What reading row by row keeps of the records handed over: the header's table or errors, and
/// the errors of rows wider than the header.
private struct RowReading {
  let start: SourceLocation
  /// The table of the header alone, once it is read without errors.
  var table: ImportTable? {
    didSet { header = table?.header ?? [] }
  }
  /// The column names the rows are given.
  var header: [String] = []
  var headerErrors: [Diagnostic] = []
  var widthErrors: [Diagnostic] = []
  var headerIsBad = false
  var sawHeader = false
  var columns = 0

  init(file: String) {
    start = SourceLocation(file: file, line: 1, column: 1)
  }

  /// Takes the first record as the header, handing its table to `header` when it has no error.
  mutating func takeHeader(_ record: ImportTable.Record, header: (ImportTable) -> Void) {
    sawHeader = true
    headerIsBad = record.isBad
    columns = record.fields.count
    do throws(ConfigurationErrors) {
      let headerTable = try ImportTable(records: [record], errors: [], start: start)
      table = headerTable
      header(headerTable)
    } catch {
      headerErrors = error.diagnostics
    }
  }

  /// The row of a record after the header; nil when it has an error or no table to be read by
  /// (an error of its own width is kept).
  mutating func row(of record: ImportTable.Record) -> ImportTable.Row? {
    guard !record.isBad else { return nil }
    if record.fields.count > columns {
      widthErrors.append(ImportTable.widthError(record, columns: columns))
      return nil
    }
    guard table != nil else { return nil }
    return ImportTable.Row(line: record.line, fields: record.fields, starts: record.starts, header: header)
  }

  /// Throws the errors of the text once it is read: the readers' `errors` of each part, in file
  /// order, then the header's, then the rows' widths (with those of later parts, `widthErrors`),
  /// sorted by place as a whole table's reading sorts them.
  func finish(errors readerErrors: [[Diagnostic]], widthErrors later: [[Diagnostic]] = []) throws(ConfigurationErrors) {
    var errors = readerErrors.flatMap { $0 } + headerErrors
    if !headerIsBad { errors += widthErrors + later.flatMap { $0 } }
    guard sawHeader else {
      _ = try ImportTable(records: [], errors: errors, start: start)
      return
    }
    if !errors.isEmpty { throw ConfigurationErrors(errors.sorted { $0.location < $1.location }) }
  }
}

extension ImportTable {
  /// Parses a CSV import file and checks its header: the table when the file can be read and
  /// has every required column, nil otherwise, with the problems in `log`.
  public static func importFile(
    _ text: String, file: String, required: [String], layout: [String], log: DiagnosticLog
  ) -> ImportTable? {
    do {
      let table = try ImportTable(parsing: text, file: file)
      return table.hasColumns(required, layout: layout, log: log) ? table : nil
    } catch {
      for diagnostic in error.diagnostics { log.report(diagnostic) }
      return nil
    }
  }
}
