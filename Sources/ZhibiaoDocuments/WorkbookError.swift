import ZhibiaoKernel

/// Why a file cannot be read as a workbook at all; a problem in one of its cells is a
/// `Diagnostic` at that cell instead.
public enum WorkbookError: Error, Sendable, Equatable {
  /// An Excel 97–2003 workbook (`.xls`), a format this reader does not read.
  case legacyExcel
  /// A macro-enabled or binary workbook (`.xlsm`, `.xltm`, `.xlsb`), named by its extension.
  case unsupportedWorkbook(extension: String)
  /// Not a ZIP archive, or a ZIP archive without a workbook in it.
  case notAWorkbook(reason: String)
  /// The entries would inflate to more than `limit` bytes in all (a zip bomb, or far too large).
  case tooLarge(total: UInt64, limit: UInt64)
  /// One entry inflates to more than `limit` times its compressed size (a zip bomb).
  case compressionRatio(entry: String, ratio: UInt64, limit: UInt64)
  /// An entry inflated to more than its declared size, or could not be inflated.
  case damagedEntry(entry: String)
  /// A part of the workbook is not well-formed XML.
  case malformedPart(entry: String, line: Int, reason: String)
  /// `--sheet` names no sheet of the workbook.
  case noSuchSheet(name: String, available: [String])

  /// What went wrong and what to do, in Chinese and English.
  public var text: LocalizedText {
    switch self {
    case .legacyExcel:
      LocalizedText(
        zh: "这是 Excel 97-2003 工作簿（.xls），不能导入；请在 Excel 或 WPS 中“另存为” .xlsx 工作簿或 CSV UTF-8 文件后再导入。",
        en:
          "This is an Excel 97-2003 workbook (.xls), which cannot be imported; in Excel or WPS use Save As to save it as an .xlsx workbook or a CSV UTF-8 file, and import that."
      )
    case .unsupportedWorkbook(let ext):
      LocalizedText(
        zh: "不导入 .\(ext) 工作簿（含宏或为二进制格式）；请“另存为” .xlsx 工作簿（宏会被去掉）或 CSV UTF-8 文件后再导入。",
        en:
          "A .\(ext) workbook (macro-enabled or binary) is not imported; use Save As to save it as an .xlsx workbook (dropping the macros) or a CSV UTF-8 file, and import that."
      )
    case .notAWorkbook(let reason):
      LocalizedText(
        zh: "不是可读取的 .xlsx 工作簿（\(reason)）；请用 Excel、WPS 或 LibreOffice 重新保存为 .xlsx，或另存为 CSV。",
        en:
          "This is not a readable .xlsx workbook (\(reason)); save it again as .xlsx with Excel, WPS or LibreOffice, or as CSV."
      )
    case .tooLarge(let total, let limit):
      LocalizedText(
        zh: "工作簿解压后共 \(total) 字节，超过上限 \(limit) 字节，未解压即拒绝（可能是压缩炸弹）；请拆分文件或另存为 CSV。",
        en:
          "The workbook would inflate to \(total) bytes, more than the limit of \(limit), so it is refused before inflating (a zip bomb?); split it or save it as CSV."
      )
    case .compressionRatio(let entry, let ratio, let limit):
      LocalizedText(
        zh: "工作簿中的“\(entry)”压缩比为 \(ratio)，超过上限 \(limit)，未解压即拒绝（可能是压缩炸弹）。",
        en:
          "The entry '\(entry)' of the workbook has a compression ratio of \(ratio), above the limit of \(limit), so it is refused before inflating (a zip bomb?)."
      )
    case .damagedEntry(let entry):
      LocalizedText(
        zh: "工作簿中的“\(entry)”已损坏或大于其声明的大小；请重新保存工作簿。",
        en: "The entry '\(entry)' of the workbook is damaged or larger than it declares; save the workbook again.")
    case .malformedPart(let entry, let line, let reason):
      LocalizedText(
        zh: "工作簿中的“\(entry)”第 \(line) 行不是有效的 XML（\(reason)）；请重新保存工作簿。",
        en:
          "The entry '\(entry)' of the workbook is not well-formed XML at line \(line) (\(reason)); save the workbook again."
      )
    case .noSuchSheet(let name, let available):
      LocalizedText(
        zh: "工作簿中没有名为“\(name)”的工作表；工作表有：\(available.joined(separator: "、"))。",
        en:
          "The workbook has no sheet named '\(name)'; its sheets are \(available.map { "'\($0)'" }.joined(separator: ", "))."
      )
    }
  }
}
