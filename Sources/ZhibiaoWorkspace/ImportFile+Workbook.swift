import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

extension ImportFile {
  /// How an import's columns are read from a sheet (``WorkbookColumns/imports``).
  public static let workbookColumns = WorkbookColumns.imports

  /// The sheet `sheet` (the first when nil) of the workbook at `url` as an import table; throws
  /// a `WorkbookError` when it cannot be read, `ConfigurationErrors` for cells that cannot be imported.
  public static func workbookTable(url: URL, file: String, sheet: String?) throws -> ImportTable {
    try Workbook(url: url, file: file).table(sheet: sheet, columns: workbookColumns)
  }
}
