/// A position in a source file: 1-based line and column, columns counted in characters
/// (Unicode scalars), as editors show them; or, in a spreadsheet, a cell of a sheet, its row
/// as the line and its column (A = 1) as the column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The file as the user named it (relative to the working directory where possible).
  public var file: String
  /// The line, starting at 1; a sheet's row.
  public var line: Int
  /// The column, starting at 1; a sheet's column, A being 1.
  public var column: Int
  /// The sheet of a spreadsheet the cell is on; nil in a text file.
  public var sheet: String?

  /// Creates a location in a text file.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// Creates the location of a cell of a spreadsheet's sheet.
  public init(file: String, sheet: String, row: Int, column: Int) {
    self.init(file: file, line: row, column: column)
    self.sheet = sheet
  }

  /// `file:line:column`, the form compilers and editors use; `file:Sheet!B7` for a cell.
  public var description: String { sheet == nil ? "\(file):\(line):\(column)" : "\(file):\(cell)" }

  /// The cell as spreadsheets name it, `Sheet!B7` (a sheet name other than letters, digits and
  /// `_` in single quotes); `line:column` in a text file.
  public var cell: String {
    guard let sheet else { return "\(line):\(column)" }
    let plain = sheet.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return "\(name)!\(Self.columnLetters(column))\(line)"
  }

  /// Where it is within its file, for a sentence: `on line 7`, or `at Sheet!A7`.
  public var within: String { sheet == nil ? "on line \(line)" : "at \(cell)" }

  /// A spreadsheet's name of a 1-based column: 1 → A, 26 → Z, 27 → AA.
  public static func columnLetters(_ column: Int) -> String {
    var letters = ""
    var rest = column
    while rest > 0 {
      let digit = (rest - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
      rest = (rest - 1) / 26
    }
    return letters
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
  }
}
