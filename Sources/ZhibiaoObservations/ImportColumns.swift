import Foundation
import ZhibiaoPlan

/// Where each column of an observation import is in its header, found once per file rather than
/// by name for every field of every row.
struct ImportColumns {
  let indicator: Int?
  let org: Int?
  let period: Int?
  let value: Int?
  let unit: Int?
  let note: Int?
  let reportedOn: Int?

  init(header: [String]) {
    func index(_ name: String) -> Int? { header.firstIndex(of: name) }
    indicator = index("indicator")
    org = index("org")
    period = index("period")
    value = index("value")
    unit = index("unit")
    note = index("note")
    reportedOn = index("reported_on")
  }

  /// The field of `row` in `column`, nil when the header has no such column or the row is short
  /// (as ``ImportTable/Row`` reads a field by name).
  func field(_ column: Int?, of row: ImportTable.Row) -> String? {
    guard let column, column < row.fields.count else { return nil }
    return row.fields[column]
  }

  /// Where the field of `row` in `column` starts, or the row's start when it has none.
  func location(of column: Int?, in row: ImportTable.Row) -> SourceLocation {
    guard let column, column < row.starts.count else { return row.start }
    return row.starts[column]
  }
}
