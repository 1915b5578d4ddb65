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
    let start = SourceLocation(file: file, line: 1, column: 1)
    var reader = CSVReader(file: file)
    var headerErrors: [Diagnostic] = []
    var widthErrors: [Diagnostic] = []
    var table: ImportTable?
    var headerIsBad = false
    var sawHeader = false
    var columns = 0
    reader.read(text) { record in
      guard sawHeader else {
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
        return
      }
      guard !record.isBad else { return }
      if record.fields.count > columns {
        widthErrors.append(Self.widthError(record, columns: columns))
        return
      }
      guard let table else { return }
      row(Row(line: record.line, fields: record.fields, starts: record.starts, header: table.header))
    }
    // The errors in the order the whole table's reading collects them, sorted the same way.
    var errors = reader.errors + headerErrors
    if !headerIsBad { errors += widthErrors }
    guard sawHeader else {
      _ = try ImportTable(records: [], errors: errors, start: start)
      return
    }
    if !errors.isEmpty { throw ConfigurationErrors(errors.sorted { $0.location < $1.location }) }
  }

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
