import Foundation
import ZhibiaoKernel

/// Rows of text under column keys, as the CSV files officials open in Excel or WPS: a header of the
/// keys, then the rows, by RFC 4180 (CRLF line ends, fields with a comma, quote or line break
/// quoted, quotes doubled), every field a spreadsheet would run as a formula neutralised
/// (`CSVField`), and UTF-8 with a byte order mark, without which Excel reads the file as the
/// local code page.
public struct CSVTable: Sendable {
  /// The column keys, the header line.
  public let columns: [String]
  /// The rows, each as many fields as there are columns.
  public let rows: [[String]]

  /// A table of `rows` under `columns`.
  public init(columns: [String], rows: [[String]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The text, without the byte order mark.
  public var text: String {
    ([columns] + rows).map { $0.map(CSVField.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// The file: the byte order mark, then the text in UTF-8.
  public var data: Data { Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8) }
}
