/// What one cell of a sheet holds, as its XML says.
enum CellContent: Equatable {
  /// Nothing (a cell with a style but no value).
  case empty
  /// Text: a shared or inline string, or a formula's cached text.
  case text(String)
  /// A number exactly as written in `<v>`, e.g. `1234.5` or `1.2E-3`.
  case number(String)
  /// A number in a cell formatted as a percentage: it holds 0.125 where it shows 12.5%.
  case percentage(String)
  /// A logical value, TRUE or FALSE.
  case boolean(Bool)
  /// An error value such as `#DIV/0!` or `#N/A`.
  case error(String)
  /// A date written in ISO 8601 (`t="d"`).
  case isoDate(String)
  /// A formula whose value was never computed and stored (written by a program that does not
  /// calculate).
  case noCachedValue(formula: String)
  /// A shared string index that the shared strings table does not have.
  case missingString(String)
}

/// The XML of one `<c>` element as it is read.
struct CellXML {
  /// The column, 1 for A.
  var column: Int
  /// The `t` attribute: `s`, `str`, `inlineStr`, `b`, `e`, `d`, or `n` (the default).
  var type: String
  /// The formula's text, when the cell has an `<f>` element.
  var formula: String?
  /// The text of `<v>`, when the cell has one.
  var value: String?
  /// The text of an inline string's `<t>` elements.
  var inline = ""
  /// Whether its style shows a number as a percentage.
  var isPercentage = false

  /// What the cell holds, its shared strings looked up in `strings`.
  func content(_ strings: [String]) -> CellContent {
    if let formula, value == nil || (value == "" && type != "str") { return .noCachedValue(formula: formula) }
    let value = value ?? ""
    switch type {
    case "s":
      guard let index = Int(value), strings.indices.contains(index) else { return .missingString(value) }
      return .text(strings[index])
    case "inlineStr": return .text(EscapedText.unescaped(inline))
    case "str": return .text(value)
    case "b": return .boolean(value == "1" || value.lowercased() == "true")
    case "e": return .error(value)
    case "d": return value.isEmpty ? .empty : .isoDate(value)
    default: return value.isEmpty ? .empty : isPercentage ? .percentage(value) : .number(value)
    }
  }
}
