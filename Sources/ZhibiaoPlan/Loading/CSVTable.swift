import Foundation

/// A CSV file read into rows (RFC 4180: quoted fields may hold commas, quotes and line
/// breaks), remembering the line each row starts on so that errors can name it.
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

  /// Parses `text`. Lines starting with `#` before or between rows are comments; a UTF-8
  /// byte order mark is ignored. Throws when a quoted field is never closed.
  public init(parsing text: String, file: String) throws(Diagnostic) {
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var fieldStarted = false
    var quoteLine = 1
    var characters = Array(text.unicodeScalars)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    func endRecord() {
      if fieldStarted || !fields.isEmpty { fields.append(field) }
      let isComment = fields.first?.hasPrefix("#") ?? false
      if !fields.isEmpty, !isComment, !(fields.count == 1 && fields[0].isEmpty) {
        records.append((recordLine, fields))
      }
      fields = []
      field = ""
      fieldStarted = false
    }
    while index < characters.count {
      let character = characters[index]
      if inQuotes {
        if character == "\"" {
          if index + 1 < characters.count, characters[index + 1] == "\"" {
            field.unicodeScalars.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" { line += 1 }
          field.unicodeScalars.append(character)
        }
      } else {
        switch character {
        case "\"" where field.isEmpty:
          inQuotes = true
          fieldStarted = true
          quoteLine = line
        case ",":
          fields.append(field)
          field = ""
          fieldStarted = true
        case "\r":
          break
        case "\n":
          endRecord()
          line += 1
          recordLine = line
        default:
          if !fieldStarted && fields.isEmpty && field.isEmpty { recordLine = line }
          field.unicodeScalars.append(character)
          fieldStarted = true
        }
      }
      index += 1
    }
    if inQuotes {
      throw Diagnostic(
        .error, at: SourceLocation(file: file, line: quoteLine, column: 1),
        "A quoted field that starts on this line is never closed.")
    }
    endRecord()
    guard let first = records.first else {
      throw Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "The file has no header row.")
    }
    header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    headerLine = first.line
    let names = header
    rows = records.dropFirst().map { Row(line: $0.line, fields: $0.fields, header: names) }
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
      log.report(error)
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
