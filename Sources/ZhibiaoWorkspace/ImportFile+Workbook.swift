import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

extension ImportFile {
  /// How an import's columns are read from a sheet: the header is the row that names
  /// `indicator` or `register`; `value` holds numbers; `reported_on` and `recognised_on` hold days.
  public static let workbookColumns = WorkbookColumns(
    headerNames: [ObservationImport.columns[0], RegisterImport.columns[0]],
    numbers: Set(ObservationImport.numberColumns),
    dates: Set(ObservationImport.dateColumns + RegisterImport.dateColumns))

  /// The sheet `sheet` (the first when nil) of the workbook at `url` as an import table; throws
  /// a `WorkbookError` when it cannot be read, `ConfigurationErrors` for cells that cannot be imported.
  public static func workbookTable(url: URL, file: String, sheet: String?) throws -> ImportTable {
    try Workbook(url: url, file: file).table(sheet: sheet, columns: workbookColumns)
  }
}
