import ZhibiaoKernel

/// A table of rows under headed columns, written as an aligned table, CSV or Markdown.
struct Listing {
  /// A column: its stable key (CSV header) and its heading for people.
  struct Column {
    var key: String
    var heading: String
    /// The widest a table cell may be before it is cut with `…`; nil for no limit.
    var maximumWidth: Int?
  }

  var columns: [Column]
  var rows: [[String]]

  init(columns: [Column], rows: [[String]]) {
    self.columns = columns
    self.rows = rows
  }

  /// Columns of `keys` headed by `headings`, those in `wide` cut at `width`.
  init(keys: [String], headings: [String], wide: Set<String> = [], width: Int = 30, rows: [[String]]) {
    self.init(
      columns: zip(keys, headings).map { Column(key: $0, heading: $1, maximumWidth: wide.contains($0) ? width : nil) },
      rows: rows)
  }

  func render(_ format: OutputFormat) -> String {
    switch format {
    case .table: table()
    case .csv: csv()
    case .md: markdown()
    case .json: preconditionFailure("JSON listings are encoded from their records")
    }
  }

  /// Columns padded to their widest cell, double-width characters counted twice.
  func table() -> String {
    let cells = rows.map { row in
      zip(row, columns).map { cell, column in
        column.maximumWidth.map { DisplayWidth.truncate(cell, to: $0) } ?? cell
      }
    }
    let widths = columns.indices.map { index in
      ([columns[index].heading] + cells.map { $0[index] }).map(DisplayWidth.of).max() ?? 0
    }
    func line(_ values: [String]) -> String {
      var text = zip(values, widths).map { DisplayWidth.pad($0, to: $1) }.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
    return ([line(columns.map(\.heading)), rule] + cells.map(line)).joined(separator: "\n") + "\n"
  }

  /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; text a
  /// spreadsheet would run as a formula is neutralised (`CSVField`).
  func csv() -> String {
    ([columns.map(\.key)] + rows).map { $0.map(CSVField.field).joined(separator: ",") }.joined(separator: "\r\n")
      + "\r\n"
  }

  /// A GitHub-flavoured Markdown table; pipes in cells are escaped.
  func markdown() -> String {
    func row(_ values: [String]) -> String {
      "| "
        + values.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        .joined(separator: " | ") + " |"
    }
    return ([row(columns.map(\.heading)), row(columns.map { _ in "---" })] + rows.map(row))
      .joined(separator: "\n") + "\n"
  }
}
