import ZhibiaoKernel

/// A table of a letter: headings and rows of plain text, escaped when written. Numeric columns
/// align right; a row may carry the indicator or item it shows, so that a reader's tool (or a
/// test) can find it without matching names.
struct LetterTable {
  /// A column: its heading and whether it holds figures.
  struct Column {
    var heading: String
    var numeric = false
  }

  /// A row: its cells and the id it shows, if any.
  struct Row {
    var id: String?
    var cells: [String]
  }

  /// The table's class, e.g. `annual`.
  var className: String
  var columns: [Column]
  var rows: [Row] = []

  mutating func append(_ cells: [String], id: String? = nil) { rows.append(Row(id: id, cells: cells)) }

  /// The table as HTML.
  func html() -> String {
    let head = columns.map { "<th\($0.numeric ? " class=\"num\"" : "")>\(HTML.escape($0.heading))</th>" }
    var lines = ["<table class=\"\(HTML.escape(className))\">", "<thead><tr>\(head.joined())</tr></thead>", "<tbody>"]
    for row in rows {
      let id = row.id.map { " data-id=\"\(HTML.escape($0))\"" } ?? ""
      let cells = zip(columns, row.cells).map { column, cell in
        "<td\(column.numeric ? " class=\"num\"" : "")>\(HTML.escape(cell))</td>"
      }
      lines.append("<tr\(id)>\(cells.joined())</tr>")
    }
    lines += ["</tbody>", "</table>"]
    return lines.joined(separator: "\n")
  }
}
