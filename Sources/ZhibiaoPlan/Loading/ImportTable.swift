import Foundation

/// An import file read into rows of text fields, each field remembering where it was written
/// (a CSV file's line and column, a workbook's `Sheet!B7`), so that every check of an import is
/// written once and its errors name the place.
///
/// The first record is the header: its names are trimmed of spaces, and an empty or repeated
/// name is an error. A row with more fields than the header has names is an error at its first
/// field without a name. A row with fewer fields reads its missing trailing fields as absent
/// (`nil`), as the imports' optional trailing columns need; each import refuses a missing
/// required value at the row's start.
public struct ImportTable: Sendable {
  /// One record as a reader found it, before the header is known.
  public struct Record: Sendable {
    /// The 1-based line (a sheet's row) the record starts on.
    public var line: Int
    /// The fields, exactly as read.
    public var fields: [String] = []
    /// Where each field starts.
    public var starts: [SourceLocation] = []
    /// Whether the reader found an error in the record; it is then not a row.
    public var isBad = false

    /// A record of `fields` at `starts`.
    public init(line: Int, fields: [String] = [], starts: [SourceLocation] = [], isBad: Bool = false) {
      self.line = line
      self.fields = fields
      self.starts = starts
      self.isBad = isBad
    }
  }

  /// One data row: its fields by column name, and where it and each field start.
  public struct Row: Sendable {
    /// The 1-based line of the file (a sheet's row) the row starts on.
    public var line: Int
    /// The fields in column order.
    public var fields: [String]
    /// Where each field starts.
    public var starts: [SourceLocation]
    /// The column names.
    let header: [String]

    /// The field under `column`, or nil when the column does not exist or the row is short.
    public subscript(column: String) -> String? {
      guard let index = header.firstIndex(of: column), index < fields.count else { return nil }
      return fields[index]
    }

    /// Where the row starts: the place of an error about the row as a whole.
    public var start: SourceLocation { starts[0] }

    /// Where the field under `column` starts, or the row's start when the row has no such field.
    public func location(of column: String) -> SourceLocation {
      guard let index = header.firstIndex(of: column), index < starts.count else { return start }
      return starts[index]
    }
  }

  /// The column names of the header row.
  public let header: [String]
  /// Where the header row starts.
  public let headerLocation: SourceLocation
  /// Where each column's name starts in the header row.
  public let headerStarts: [SourceLocation]
  /// The data rows, without blank and comment lines.
  public let rows: [Row]

  /// The 1-based line of the header row.
  public var headerLine: Int { headerLocation.line }

  /// Builds the table from a reader's `records` and `errors` by the header rules above; throws
  /// every error found, sorted by place. `start` is the place of the error of a file without records.
  public init(records: [Record], errors: [Diagnostic], start: SourceLocation) throws(ConfigurationErrors) {
    var errors = errors
    guard let first = records.first, let headerLocation = first.starts.first else {
      if errors.isEmpty { errors.append(Diagnostic(.error, at: start, "The file has no header row.")) }
      throw ConfigurationErrors(errors)
    }
    header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    self.headerLocation = headerLocation
    headerStarts = first.starts
    if !first.isBad {
      var seen: [String: Int] = [:]
      for (index, name) in header.enumerated() {
        if name.isEmpty {
          errors.append(Diagnostic(.error, at: first.starts[index], "Column \(index + 1) of the header has no name."))
        } else if let earlier = seen[name] {
          errors.append(
            Diagnostic(
              .error, at: first.starts[index],
              "The header names the column '\(name)' twice, as columns \(earlier + 1) and \(index + 1)."))
        } else {
          seen[name] = index
        }
      }
      for record in records.dropFirst() where !record.isBad && record.fields.count > header.count {
        errors.append(Self.widthError(record, columns: header.count))
      }
    }
    if !errors.isEmpty { throw ConfigurationErrors(errors.sorted { $0.location < $1.location }) }
    let names = header
    rows = records.dropFirst().map { Row(line: $0.line, fields: $0.fields, starts: $0.starts, header: names) }
  }

  /// The error of a record with more fields than the header's `columns`.
  static func widthError(_ record: Record, columns: Int) -> Diagnostic {
    Diagnostic(
      .error, at: record.starts[columns],
      "This row has \(record.fields.count) fields but the header names \(columns) columns; this field and any after it have no column.",
      hint: "quote a value that holds commas, e.g. \"a, b\"")
  }

  /// Refuses every column of the header that is neither in `known` (the columns an import reads)
  /// nor in `context` (read-only columns a template sets beside them, which the import leaves
  /// alone): a misspelt `valeu` is never silently skipped while its figures are lost.
  public func refuseUnknownColumns(known: [String], context: [String] = [], log: DiagnosticLog) {
    for (index, name) in header.enumerated() where !known.contains(name) && !context.contains(name) && !name.isEmpty {
      log.error(
        "The header names a column '\(name)' that the import does not read; its columns are \(known.joined(separator: ","))"
          + (context.isEmpty ? "." : ", beside the template's read-only \(context.joined(separator: ",")).")
          + " Remove the column or give it one of those names.",
        at: index < headerStarts.count ? headerStarts[index] : headerLocation,
        hint: Suggestion.hint(for: name, among: known))
    }
  }

  /// Whether the header has every column in `required`; the missing ones are reported in `log`
  /// with `layout`, the columns an import expects.
  public func hasColumns(_ required: [String], layout: [String], log: DiagnosticLog) -> Bool {
    for column in required where !header.contains(column) {
      log.error(
        "The header has no column '\(column)'; expected \(layout.joined(separator: ",")).", at: headerLocation,
        hint: Suggestion.hint(for: column, among: header))
    }
    return !log.hasErrors
  }
}
