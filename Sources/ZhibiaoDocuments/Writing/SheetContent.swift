import Foundation

/// A workbook to write: its sheets in order, each described as plain values, so that what is
/// written can be built and tested without the library that writes it.
public struct WorkbookContent: Sendable {
  /// The sheets, in the workbook's order.
  public var sheets: [SheetContent]
  /// The index of the sheet that opens first.
  public var activeSheet: Int

  /// Creates a workbook of `sheets`, opening on `activeSheet`.
  public init(sheets: [SheetContent], activeSheet: Int = 0) {
    self.sheets = sheets
    self.activeSheet = activeSheet
  }
}

/// One sheet: rows of cells from A1, column widths, frozen rows, an autofilter, validations and
/// protection.
public struct SheetContent: Sendable {
  /// The sheet's name (at most 31 characters, without `[]:*?/\`).
  public var name: String
  /// The rows from row 1; a row may be shorter than others.
  public var rows: [[SheetCell]]
  /// Column widths in characters, from column A; a CJK character counts two.
  public var columnWidths: [Double]
  /// How many rows at the top stay in view when scrolling.
  public var frozenRows: Int
  /// The row (0-based) whose cells get filter buttons, over every column of it; nil for none.
  public var autofilterRow: Int?
  /// Rules on what may be typed into ranges of cells.
  public var validations: [CellValidation]
  /// Whether the sheet is protected: only cells styled `.input` can then be changed.
  public var isProtected: Bool

  /// Creates a sheet.
  public init(
    name: String, rows: [[SheetCell]], columnWidths: [Double] = [], frozenRows: Int = 0, autofilterRow: Int? = nil,
    validations: [CellValidation] = [], isProtected: Bool = false
  ) {
    self.name = name
    self.rows = rows
    self.columnWidths = columnWidths
    self.frozenRows = frozenRows
    self.autofilterRow = autofilterRow
    self.validations = validations
    self.isProtected = isProtected
  }

  /// Widths that fit each column's longest cell, a CJK character counting two, between
  /// `minimum` and `maximum` characters.
  public static func fittedWidths(_ rows: [[SheetCell]], minimum: Double = 6, maximum: Double = 60) -> [Double] {
    let count = rows.map(\.count).max() ?? 0
    return (0..<count).map { column in
      let widest = rows.compactMap { $0.indices.contains(column) ? $0[column].displayWidth : nil }.max() ?? 0
      return min(maximum, max(minimum, Double(widest) + 2))
    }
  }
}

/// A cell's value and style.
public struct SheetCell: Sendable, Hashable {
  /// What the cell holds.
  public enum Value: Sendable, Hashable {
    /// Text, always written as a string: text that starts with `=` is never a formula.
    case text(String)
    /// A number shown with `decimals` places (nil: as it is).
    case number(Decimal, decimals: Int?)
    /// Nothing.
    case empty
  }

  /// How a cell looks and whether it can be changed on a protected sheet.
  public enum Style: Sendable, Hashable {
    /// Plain, locked.
    case plain
    /// A heading: bold on a grey fill, wrapped.
    case heading
    /// A label above the heading, in grey.
    case label
    /// Text that wraps, for explanations.
    case paragraph
    /// A title: bold and larger.
    case title
    /// A cell to fill in: unlocked, on a pale yellow fill.
    case input
    /// A date to fill in, shown `yyyy-mm-dd`: unlocked, on a pale yellow fill.
    case inputDate
    /// A traffic light (红绿灯): the cell filled in its colour, the text saying it too, so that it
    /// reads in print and to a colour-blind reader.
    case light(Light)
  }

  /// The monitoring lights, each with its fill.
  public enum Light: String, Sendable, Hashable, CaseIterable {
    case green, yellow, red, grey

    /// The fill, as 0xRRGGBB: the report's light colours, pale enough for black text.
    public var fill: UInt32 {
      switch self {
      case .green: 0xD6F0E7
      case .yellow: 0xFBE9C6
      case .red: 0xF6D5C3
      case .grey: 0xEEEEEE
      }
    }
  }

  /// The value.
  public var value: Value
  /// The style.
  public var style: Style

  /// Creates a cell.
  public init(_ value: Value, style: Style = .plain) {
    self.value = value
    self.style = style
  }

  /// A text cell.
  public static func text(_ text: String, _ style: Style = .plain) -> SheetCell { SheetCell(.text(text), style: style) }

  /// A number cell at `decimals` places, or an empty one when there is no number.
  public static func number(_ value: Decimal?, decimals: Int?, _ style: Style = .plain) -> SheetCell {
    SheetCell(value.map { .number($0, decimals: decimals) } ?? .empty, style: style)
  }

  /// An empty cell.
  public static func empty(_ style: Style = .plain) -> SheetCell { SheetCell(.empty, style: style) }

  /// How wide the cell shows, in characters, a CJK character counting two.
  var displayWidth: Int {
    switch value {
    case .text(let text):
      let longest = text.split(separator: "\n").map { line in
        line.unicodeScalars.reduce(0) { $0 + ($1.properties.isIdeographic || $1.value >= 0xFF00 ? 2 : 1) }
      }
      return longest.max() ?? 0
    case .number(let number, _): return "\(number)".count + 3
    case .empty: return 0
    }
  }
}

/// A rule on what may be typed into a column of cells, with the messages shown.
public struct CellValidation: Sendable, Hashable {
  /// What is allowed.
  public enum Rule: Sendable, Hashable {
    /// A number of at most `decimals` places (any when nil), at least `minimum` when given.
    case decimal(minimum: Decimal?, decimals: Int?)
    /// One of these texts (a drop-down).
    case list([String])
    /// A date.
    case date
  }

  /// The first and last row (0-based) and the column (0-based).
  public var rows: ClosedRange<Int>
  public var column: Int
  /// The rule.
  public var rule: Rule
  /// Shown when the cell is selected (title at most 32 characters, message at most 255).
  public var inputTitle: String
  public var inputMessage: String
  /// Shown when a value is refused.
  public var errorTitle: String
  public var errorMessage: String

  /// Creates a validation.
  public init(
    rows: ClosedRange<Int>, column: Int, rule: Rule, inputTitle: String, inputMessage: String, errorTitle: String,
    errorMessage: String
  ) {
    self.rows = rows
    self.column = column
    self.rule = rule
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
  }
}
