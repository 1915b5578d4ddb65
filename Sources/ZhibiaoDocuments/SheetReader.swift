import Foundation

/// Reads a sheet's XML as a stream, handing over one row at a time: its 1-based number and
/// its cells (1-based column and content), without keeping the rows it has handed over.
///
/// A row or cell without its `r` reference follows the one before it, as the format allows.
enum SheetReader {
  /// Reads `data`, the entry `part`, calling `row` for each row that has cells; a cell whose
  /// style is in `percentStyles` shows its number as a percentage.
  static func read(
    _ data: Data, part: String, strings: [String], percentStyles: Set<Int> = [],
    row: @escaping (Int, [(column: Int, content: CellContent)]) -> Void
  ) throws(WorkbookError) {
    try read(PartStream(part: part, data: data), part: part, strings: strings, percentStyles: percentStyles, row: row)
  }

  /// Reads the entry `part` from `stream`, as ``read(_:part:strings:percentStyles:row:)-(Data,_,_,_,_)`` reads data.
  static func read(
    _ stream: PartStream, part: String, strings: [String], percentStyles: Set<Int> = [],
    row: @escaping (Int, [(column: Int, content: CellContent)]) -> Void
  ) throws(WorkbookError) {
    var rowNumber = 0
    var cells: [(column: Int, content: CellContent)] = []
    var cell: CellXML?
    var capture: WritableKeyPath<CellXML, String?>?
    var inInline = false
    var inPhonetic = false
    try XMLEvents.read(
      stream, part: part,
      opened: { name, attributes in
        switch name {
        case "row":
          rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
          cells = []
        case "c":
          let column = attributes["r"].flatMap(Self.column(of:)) ?? (cells.last?.column ?? 0) + 1
          cell = CellXML(column: column, type: attributes["t"] ?? "n")
          cell?.isPercentage = attributes["s"].flatMap { Int($0) }.map(percentStyles.contains) ?? false
        case "f":
          if cell?.formula == nil { cell?.formula = "" }
          capture = \.formula
        case "v":
          cell?.value = ""
          capture = \.value
        case "is": inInline = true
        case "rPh": inPhonetic = true
        case "t" where inInline && !inPhonetic:
          capture = \.inlineText
        default: break
        }
      },
      closed: { name in
        switch name {
        case "c":
          if let done = cell { cells.append((done.column, done.content(strings))) }
          cell = nil
        case "row":
          if !cells.isEmpty { row(rowNumber, cells) }
          cells = []
        case "f", "v", "t": capture = nil
        case "is": inInline = false
        case "rPh": inPhonetic = false
        default: break
        }
      },
      text: { text in
        guard let path = capture, cell != nil else { return }
        cell![keyPath: path] = (cell![keyPath: path] ?? "") + text
      })
  }

  /// The 1-based column of a cell reference: `B7` → 2, `AA1` → 27; nil when it has no letters.
  static func column(of reference: String) -> Int? {
    var column = 0
    for scalar in reference.unicodeScalars {
      switch scalar {
      case "A"..."Z": column = column * 26 + Int(scalar.value) - 64
      case "a"..."z": column = column * 26 + Int(scalar.value) - 96
      default: return column > 0 ? column : nil
      }
      if column > 16_384 { return nil }
    }
    return column > 0 ? column : nil
  }
}

extension CellXML {
  /// The inline string's text, as an optional for the reader's key paths.
  fileprivate var inlineText: String? {
    get { inline }
    set { inline = newValue ?? "" }
  }
}
