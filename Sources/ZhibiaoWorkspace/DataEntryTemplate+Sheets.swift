import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

extension DataEntryTemplate {
  /// The first sheet: how to fill in the template, Chinese first, English beside.
  func guide() -> SheetContent {
    let registerNote: [(String, String)] =
      registers.isEmpty
      ? []
      : [
        (
          "5. 名录条目（如认定的企业、平台）填在“\(Self.registerSheet)”表，每行一条，另行导入：zhibiao ingest 文件.xlsx --sheet \"\(Self.registerSheet)\" --as \(org.id)。",
          "5. Register entries (recognised firms, platforms) go on the sheet '\(Self.registerSheet)', one per row, imported on their own: zhibiao ingest FILE.xlsx --sheet \"\(Self.registerSheet)\" --as \(org.id)."
        )
      ]
        + registers.map { register in
          register.levels.isEmpty
            ? (
              "   \(register.id)：\(register.name.zh)（无级别，级别留空）",
              "   \(register.id): \(register.name.en) (no levels: leave the level empty)"
            )
            : (
              "   \(register.id)：\(register.name.zh)（级别：\(register.levels.joined(separator: "、"))）",
              "   \(register.id): \(register.name.en) (levels: \(register.levels.joined(separator: ", ")))"
            )
        }
        + [
          (
            "   已撤出名录的条目填写撤出日期和原因（撤销、摘牌或迁出）；在册条目两列留空。",
            "   An entity that left its register gets the day it left and the reason (撤销 revoked, 摘牌 delisted or 迁出 moved out); leave both empty while it is on it."
          )
        ]
    let lines: [(String, String)] =
      [
        ("填报单位：\(org.name.zh)（\(org.id)）", "Org: \(org.name.en) (\(org.id))"),
        ("报送期间：\(period.zh)", "Period: \(period)"),
        ("", ""),
        (
          "1. 在“\(Self.dataSheet)”表的黄色单元格中填写数值（value）和备注（note）；其余单元格已锁定，无需改动。",
          "1. On the sheet '\(Self.dataSheet)', fill in the yellow cells: the value and, if needed, a note. Every other cell is locked."
        ),
        (
          "2. 数值按该行的单位填写，季度指标填年初至本期末的累计数；小数位数不超过提示的位数；只填数字，不带单位、千分位或文字。",
          "2. Give each value in the row's unit; a quarterly figure is the year to date. Use at most the decimals shown when the cell is selected, digits only: no units, separators or words."
        ),
        (
          "3. 灰色列（指标名称、累计目标、目标口径、上年同期）仅供参考，导入时不读取。请勿修改 indicator、org、period、unit 列，也不要插入或删除行列。",
          "3. The columns after the note (name, target, target basis, last year) are for reference; the import ignores them. Do not change the indicator, org, period or unit columns, and insert or delete no rows or columns."
        ),
        (
          "4. 填好后保存为 .xlsx（不要另存为 .xls），然后导入：zhibiao ingest 文件.xlsx --as \(org.id)。未填数值的行会被拒绝：请补填，或删除不报的行。",
          "4. Save it as .xlsx (not .xls) and import it: zhibiao ingest FILE.xlsx --as \(org.id). A row without a value is refused: fill it in, or delete the rows you do not report."
        ),
      ] + registerNote
    let rows: [[SheetCell]] =
      [[.text("\(org.name.zh) \(period.zh) 数据填报说明", .title), .text("How to fill in this workbook", .title)]]
      + lines.map { [.text($0.0, .paragraph), .text($0.1, .paragraph)] }
    return SheetContent(name: Self.guideSheet, rows: rows, columnWidths: [70, 70], isProtected: true)
  }

  /// The register sheet: the register import's header and empty rows to fill in, with drop-downs
  /// for the register, the org, the level and the withdrawal reason, and date rules for the days of
  /// recognition and withdrawal.
  func registerEntries() -> SheetContent {
    let columns = RegisterImport.columns
    let labels = ["名录编号", "名称", "所在区县", "级别", "认定日期", "依据（可填）", "撤出日期（可填）", "撤出原因（可填）"]
    let districts = org.kind == .district ? [org.id.rawValue] : plan.districts.map(\.id.rawValue)
    let levels = registers.flatMap(\.levels).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    let first = Self.headerRows
    let last = first + Self.registerRows - 1
    let blank: [SheetCell] = columns.indices.map { $0 == 4 || $0 == 6 ? .empty(.inputDate) : .empty(.input) }
    let rows: [[SheetCell]] =
      [
        [.text("\(org.name.zh) 名录条目 · Register entries of \(org.name.en)", .title)], labels.map { .text($0, .label) },
        columns.map { .text($0, .heading) },
      ] + Array(repeating: blank, count: Self.registerRows)
    // Excel keeps a drop-down's items in one text of at most 255 characters; a longer list (the
    // register ids of an org that keeps many registers) is left to the import's check, and the
    // guide lists the registers.
    func list(_ column: Int, _ items: [String], _ zh: String, _ en: String) -> CellValidation? {
      guard !items.isEmpty, items.joined(separator: ",").count <= 255 else { return nil }
      return CellValidation(
        rows: first...last, column: column, rule: .list(items), inputTitle: zh,
        inputMessage: "从下拉列表中选择。Choose from the list.",
        errorTitle: "不在列表中 Not in the list", errorMessage: "请从下拉列表中选择 \(zh)。Choose a \(en) from the list.")
    }
    func date(_ column: Int, _ title: String) -> CellValidation {
      CellValidation(
        rows: first...last, column: column, rule: .date, inputTitle: title,
        inputMessage: "填写日期，如 2025-03-31。A date, e.g. 2025-03-31.", errorTitle: "不是日期 Not a date",
        errorMessage: "请填写 2000-01-01 至 2099-12-31 之间的日期。A date from 2000-01-01 to 2099-12-31.")
    }
    let validations =
      [
        list(0, registers.map(\.id.rawValue), "名录", "register"), list(2, districts, "区县", "district"),
        list(3, levels, "级别", "level"), date(4, "认定日期 Recognised on"), date(6, "撤出日期 Withdrawn on"),
        list(7, RegisterEntry.Withdrawal.allCases.map(\.zh), "撤出原因", "withdrawal reason"),
      ].compactMap { $0 }
    return SheetContent(
      name: Self.registerSheet, rows: rows, columnWidths: [28, 36, 20, 12, 14, 36, 14, 12], frozenRows: Self.headerRows,
      validations: validations, isProtected: true)
  }
}
