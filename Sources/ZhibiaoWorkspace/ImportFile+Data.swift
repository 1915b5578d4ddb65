import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore

extension ImportFile {
  /// Why an uploaded file cannot be read at all: a legacy or macro workbook, a damaged one, or
  /// text in neither UTF-8 nor GBK. The sentence names the file.
  public struct Unreadable: Error, Sendable {
    public var text: LocalizedText
  }

  /// Checks the bytes of a file named `file` — an .xlsx workbook (its first sheet with a header
  /// row, or `sheet`) or CSV text in UTF-8 or GBK — as `submitter` sends it, exactly as the
  /// command line's import does. Throws ``Unreadable`` when the file cannot be read; cells that
  /// cannot be imported come back as diagnostics at their `Sheet!B7`.
  public static func check(
    data: Data, file: String, sheet: String? = nil, plan: Plan, submitter: OrgID, store: any Store
  ) async throws -> (file: ImportFile, diagnostics: [Diagnostic]) {
    if let refusal = Workbook.refusal(path: file, head: data.prefix(8)) {
      throw Unreadable(text: refusal.text)
    }
    if Workbook.isWorkbook(path: file, head: data.prefix(4)) {
      let table: ImportTable
      do {
        table = try Workbook(data: data, file: file).table(sheet: sheet, columns: workbookColumns)
      } catch let error as WorkbookError {
        throw Unreadable(text: error.text)
      } catch let error as ConfigurationErrors {
        return (.observations([]), error.diagnostics)
      }
      return try await check(table, plan: plan, submitter: submitter, store: store)
    }
    guard let (text, _) = TextDecoding.decode(data) else {
      throw Unreadable(
        text: LocalizedText(
          zh: "\(file) 既不是 UTF-8 也不是 GBK 编码的文本，也不是 .xlsx 工作簿。",
          en: "\(file) is neither UTF-8 nor GBK text, nor an .xlsx workbook."))
    }
    return try await check(text, file: file, plan: plan, submitter: submitter, store: store)
  }
}
