import Foundation

/// A CSV file read strictly into rows, each remembering the line it starts on so that errors
/// can name it.
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
/// - The first record is the header: its names are trimmed of spaces, and an empty or
///   repeated name is an error. A row with more fields than the header has names is an error
///   at its first field without a name. A row with fewer fields reads its missing trailing
///   fields as absent (`nil`), as the imports' optional trailing columns need; each import
///   refuses a missing required value at the row's line.
/// - Lines and columns count from 1; a column counts Unicode scalars; LF, CRLF and a lone CR
///   each count as one line break, inside quoted fields too.
public struct CSVTable: Sendable {
  /// One data row: its fields by column name, and the line it starts on.
  public struct Row: Sendable {
    /// The 1-based line of the file the row starts on.
    public var line: Int
    /// The fields in column order.
    public var fields: [String]
    /// The column names.
    let header: [String]

    /// The field under `column`, or nil when the column does not exist or the row is short.
    public subscript(column: String) -> String? {
      guard let index = header.firstIndex(of: column), index < fields.count else { return nil }
      return fields[index]
    }
  }

  /// The column names of the header row.
  public let header: [String]
  /// The 1-based line of the header row.
  public let headerLine: Int
  /// The data rows, without blank lines and `#` comment lines.
  public let rows: [Row]

  /// Parses `text` read from `file` by the rules above; throws every error found, in file order.
  public init(parsing text: String, file: String) throws(ConfigurationErrors) {
    var reader = CSVReader(file: file)
    reader.read(text)
    var errors = reader.errors
    guard let first = reader.records.first else {
      if errors.isEmpty {
        errors.append(
          Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "The file has no header row."))
      }
      throw ConfigurationErrors(errors)
    }
    header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    headerLine = first.line
    if !first.isBad {
      var seen: [String: Int] = [:]
      for (index, name) in header.enumerated() {
        if name.isEmpty {
          errors.append(
            Diagnostic(.error, at: first.starts[index], "Column \(index + 1) of the header has no name."))
        } else if let earlier = seen[name] {
          errors.append(
            Diagnostic(
              .error, at: first.starts[index],
              "The header names the column '\(name)' twice, as columns \(earlier + 1) and \(index + 1)."))
        } else {
          seen[name] = index
        }
      }
      for record in reader.records.dropFirst() where !record.isBad && record.fields.count > header.count {
        errors.append(
          Diagnostic(
            .error, at: record.starts[header.count],
            "This row has \(record.fields.count) fields but the header names \(header.count) columns; this field and any after it have no column.",
            hint: "quote a value that holds commas, e.g. \"a, b\""))
      }
    }
    if !errors.isEmpty { throw ConfigurationErrors(errors.sorted { $0.location < $1.location }) }
    let names = header
    rows = reader.records.dropFirst().map { Row(line: $0.line, fields: $0.fields, header: names) }
  }
}

extension CSVTable {
  /// Parses an import file and checks its header: the table when the file can be read and has
  /// every required column, nil otherwise, with the problems in `log`.
  public static func importFile(
    _ text: String, file: String, required: [String], layout: [String], log: DiagnosticLog
  ) -> CSVTable? {
    let table: CSVTable
    do {
      table = try CSVTable(parsing: text, file: file)
    } catch {
      for diagnostic in error.diagnostics { log.report(diagnostic) }
      return nil
    }
    for column in required where !table.header.contains(column) {
      log.error(
        "The header has no column '\(column)'; expected \(layout.joined(separator: ",")).",
        at: SourceLocation(file: file, line: table.headerLine, column: 1),
        hint: Suggestion.hint(for: column, among: table.header))
    }
    return log.hasErrors ? nil : table
  }
}
