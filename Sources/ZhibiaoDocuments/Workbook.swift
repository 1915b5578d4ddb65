import Foundation
import ZhibiaoKernel

/// An `.xlsx` workbook saved by Excel, WPS or LibreOffice, opened for import.
///
/// Only what an import needs is read: the workbook's list of sheets, its date system, the
/// shared strings, the number formats of its styles and one sheet, each streamed with an XML
/// parser. Macros (`vbaProject.bin`), external links, comments and drawings are never opened,
/// so they are ignored.
public struct Workbook {
  /// The file as the user named it, for messages.
  public let file: String
  /// The names of the sheets, in the workbook's order.
  public var sheetNames: [String] { parts.sheets.map(\.name) }

  private let archive: WorkbookArchive
  private let parts: WorkbookParts

  /// Opens the workbook at `url`, refusing a zip bomb before inflating anything.
  public init(url: URL, file: String) throws(WorkbookError) {
    try self.init(archive: WorkbookArchive(url: url), file: file)
  }

  /// Opens the workbook held in `data`, refusing a zip bomb before inflating anything.
  public init(data: Data, file: String) throws(WorkbookError) {
    try self.init(archive: WorkbookArchive(data: data), file: file)
  }

  private init(archive: WorkbookArchive, file: String) throws(WorkbookError) {
    self.archive = archive
    self.file = file
    parts = try WorkbookParts(archive)
  }

  /// Why a file named `path`, starting with `head`, is refused before it is opened as a
  /// workbook, or nil. An `.xls` file (or a file holding one, whatever its name) and the
  /// macro-enabled and binary formats are refused with what to do instead.
  public static func refusal(path: String, head: Data) -> WorkbookError? {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    if ext == "xls" || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyExcel }
    if ["xlsm", "xltm", "xlsb", "xlam"].contains(ext) { return .unsupportedWorkbook(extension: ext) }
    return nil
  }

  /// Whether a file named `path` is read as a workbook: an `.xlsx` or `.xltx` file, or a file
  /// whose bytes start as a ZIP archive does.
  public static func isWorkbook(path: String, head: Data) -> Bool {
    ["xlsx", "xltx"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
      || head.starts(with: [0x50, 0x4B, 0x03, 0x04])
  }

  /// The sheet `name` read into an import table by `columns`' rules — without a name, the first
  /// sheet with a header row (a template's guide sheet comes before its data), or else the first
  /// sheet; throws a `WorkbookError` when the sheet cannot be read, and `ConfigurationErrors` with
  /// every cell that cannot be imported, each at its `Sheet!B7`.
  public func table(sheet name: String? = nil, columns: WorkbookColumns) throws -> ImportTable {
    if let name {
      guard let sheet = parts.sheets.first(where: { $0.name == name }) else {
        throw WorkbookError.noSuchSheet(name: name, available: sheetNames)
      }
      return try read(sheet, columns: columns).table()
    }
    guard let first = parts.sheets.first else { throw WorkbookError.noSuchSheet(name: "", available: []) }
    let firstTable = try read(first, columns: columns)
    if !firstTable.hasHeader {
      for sheet in parts.sheets.dropFirst() {
        let table = try read(sheet, columns: columns)
        if table.hasHeader { return try table.table() }
      }
    }
    return try firstTable.table()
  }

  private func read(_ sheet: WorkbookParts.Sheet, columns: WorkbookColumns) throws -> WorkbookTableBuilder {
    guard let stream = try archive.stream(sheet.path) else {
      throw WorkbookError.notAWorkbook(reason: "no sheet part '\(sheet.path)'")
    }
    let strings = try parts.strings(archive)
    var builder = WorkbookTableBuilder(
      file: file, sheet: sheet.name, columns: columns, date1904: parts.date1904)
    let percentStyles = try parts.percentStyles(archive)
    try SheetReader.read(stream, part: sheet.path, strings: strings, percentStyles: percentStyles) {
      builder.add(row: $0, cells: $1)
    }
    return builder
  }
}

/// What an import's columns hold, for reading a sheet: which header names mark the header row,
/// which columns are numbers and which are dates.
public struct WorkbookColumns: Sendable {
  /// Names that mark the header row: the first row with a cell of one of them is the header,
  /// and rows above it (a title, Chinese labels) are skipped.
  public var headerNames: Set<String>
  /// Columns that hold numbers: a logical value (TRUE, FALSE) in them is refused.
  public var numbers: Set<String>
  /// Columns that hold days: a date cell in them reads as `YYYY-MM-DD`.
  public var dates: Set<String>

  /// Creates the rules.
  public init(headerNames: Set<String>, numbers: Set<String>, dates: Set<String>) {
    self.headerNames = headerNames
    self.numbers = numbers
    self.dates = dates
  }

  /// How an import's columns are read from a sheet: the header is the row that names
  /// `indicator` or `register`; `value` holds numbers; `reported_on` and `recognised_on` hold days.
  public static let imports = WorkbookColumns(
    headerNames: [ObservationImport.columns[0], RegisterImport.columns[0]],
    numbers: Set(ObservationImport.numberColumns),
    dates: Set(ObservationImport.dateColumns + RegisterImport.dateColumns))
}
