import ZhibiaoKernel

/// Why a workbook could not be written.
public enum WorkbookWriteError: Error, Sendable, Equatable {
  /// libxlsxwriter refused a step: `step` says which, `reason` is the library's own words.
  case library(step: String, reason: String)
  /// A sheet name Excel does not accept (too long, or with `[]:*?/\`).
  case sheetName(String, reason: String)

  /// What went wrong, in Chinese and English.
  public var text: LocalizedText {
    switch self {
    case .library(let step, let reason):
      LocalizedText(zh: "写入工作簿失败（\(step)）：\(reason)。", en: "Could not write the workbook (\(step)): \(reason).")
    case .sheetName(let name, let reason):
      LocalizedText(zh: "工作表名“\(name)”不可用：\(reason)。", en: "The sheet name '\(name)' cannot be used: \(reason).")
    }
  }
}
