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
