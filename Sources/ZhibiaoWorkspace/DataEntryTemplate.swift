import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

/// An org's data-entry workbook (填报模板) for a period: a guide, a data sheet with one row per
/// figure the org reports, and a sheet for its register entries when it keeps registers.
///
/// The data sheet's header row carries the import's column names, so that a filled-in template is
/// imported as it is; the columns after `note` are read-only context the import ignores. Every
/// sheet is protected but for the cells to fill in.
public struct DataEntryTemplate {
  /// The header of the data sheet: the import's columns, then the read-only context.
  public static let columns = Array(ObservationImport.columns.prefix(6)) + ObservationImport.contextColumns
  /// The Chinese labels above the header.
  static let labels = ["指标编号", "填报单位", "期间", "数值（填写）", "单位", "备注（可填）", "指标名称", "累计目标", "目标口径", "上年同期"]
  /// The rows (0-based) of the data sheet above its figures: title, labels, header.
  static let headerRows = 3
  /// How many empty rows the register sheet offers.
  static let registerRows = 100

  let plan: Plan
  let book: TargetBook
  let org: Org
  let period: Period
  /// The figures the org reports, each with the period it is reported for.
  public let figures: [(indicator: Indicator, period: Period)]
  let lastYear: (IndicatorID, OrgID, Period) -> Decimal?

  /// The template of `org` for `period`; nil when the org reports no figures then. `lastYear`
  /// gives a stored figure of the same period a year earlier, when there is one.
  public init?(
    workspace: Workspace, org: Org, period: Period,
    lastYear: @escaping (IndicatorID, OrgID, Period) -> Decimal? = { _, _, _ in nil }
  ) {
    let figures = ObservationImport(plan: workspace.plan, submitter: org.id).figures(of: org, at: period)
    guard !figures.isEmpty else { return nil }
    (self.plan, self.book, self.org, self.period) = (workspace.plan, workspace.book, org, period)
    self.figures = figures
    self.lastYear = lastYear
  }

  /// The registers whose entries the org sends: a district those counted by indicators that apply
  /// to it, a bureau those of the domains it leads and those that count an indicator it owns (市商务局
  /// keeps the digital trade platforms), the commission every one.
  var registers: [Register] {
    if org.id == plan.commission { return plan.registers }
    switch org.kind {
    case .district: return plan.registers(reportedBy: org.id)
    case .bureau: return plan.registers(keptBy: org.id)
    default: return []
    }
  }

  /// The sheets' names.
  static let guideSheet = "填报说明 Guide"
  static let dataSheet = "数据 Data"
  static let registerSheet = "名录 Registers"

  /// The workbook: the guide, the data sheet (opened first) and the register sheet.
  public func content() -> WorkbookContent {
    var sheets = [guide(), data()]
    if !registers.isEmpty { sheets.append(registerEntries()) }
    return WorkbookContent(sheets: sheets, activeSheet: 0)
  }

  // MARK: - Data

  func data() -> SheetContent {
    let title = "\(org.name.zh) \(period.zh) 数据填报 · \(org.name.en), figures for \(period)"
    var rows: [[SheetCell]] = [
      [.text(title, .title)], Self.labels.map { .text($0, .label) }, Self.columns.map { .text($0, .heading) },
    ]
    var validations: [CellValidation] = []
    for (indicator, figurePeriod) in figures {
      let places = indicator.precision.map(DecimalArithmetic.places)
      let target =
        book.target(indicator.id, org.id, figurePeriod)
        ?? (figurePeriod.quarter == 4 ? book.target(indicator.id, org.id, .year(figurePeriod.year)) : nil)
      let earlier =
        figurePeriod.quarter.map { Period.quarter($0, of: figurePeriod.year - 1) }
        ?? .year(figurePeriod.year - 1)
      rows.append([
        .text(indicator.id.rawValue), .text(org.id.rawValue), .text(figurePeriod.description),
        .empty(.input), .text(indicator.unit ?? ""), .empty(.input), .text(indicator.name.zh),
        .number(target?.value, decimals: places), .text(target.map(Self.basis) ?? ""),
        .number(lastYear(indicator.id, org.id, earlier), decimals: places),
      ])
      validations.append(valueRule(indicator, row: rows.count - 1, places: places, period: figurePeriod))
    }
    var widths = SheetContent.fittedWidths(Array(rows.dropFirst()), maximum: 40)
    widths[3] = 16
    widths[5] = 30
    return SheetContent(
      name: Self.dataSheet, rows: rows, columnWidths: widths, frozenRows: Self.headerRows, validations: validations,
      isProtected: true)
  }

  /// How the target reads beside its number: `≥`, `新增 ≥` (an increase), `累计新增 ≥`.
  static func basis(_ entry: TargetBook.Entry) -> String {
    if entry.comparator == .parity { return "与 \(entry.partner?.rawValue ?? "?") 持平 level with" }
    return entry.measure.prefix(in: .zh) + entry.measure.prefix(in: .en) + (entry.comparator?.symbol ?? "")
  }

  /// The input's message with what the figure measures after it (口径, the producing org, 待确认),
  /// within the 255 characters a spreadsheet shows: beside the input as it is filled in.
  static func withStatistics(_ message: String, _ indicator: Indicator, plan: Plan) -> String {
    let text = indicator.statistics.note(plan: plan, in: .zh) + "。" + message
    return text.count <= 255 ? text : String(text.prefix(254)) + "…"
  }

  func valueRule(_ indicator: Indicator, row: Int, places: Int?, period: Period) -> CellValidation {
    let negative = indicator.kind == .growthRate
    let unit = indicator.unit ?? ""
    let span = period.quarter == nil ? "全年" : period.zh.replacingOccurrences(of: "\(period.year)年", with: "") + "累计"
    let placesZh = places.map { "，最多 \($0) 位小数" } ?? ""
    let placesEn = places.map { ", at most \($0) decimals" } ?? ""
    let sign = negative ? "" : "，不小于 0"
    let signEn = negative ? "" : ", not below 0"
    let message = "填写\(span)数，单位 \(unit)\(placesZh)\(sign)。Year to date, in \(unit)\(placesEn)\(signEn)."
    return CellValidation(
      rows: row...row, column: 3, rule: .decimal(minimum: negative ? nil : 0, decimals: places),
      inputTitle: "数值 Value",
      inputMessage: Self.withStatistics(message, indicator, plan: plan),
      errorTitle: "数值不符 Not accepted",
      errorMessage: "请填写数字\(placesZh)\(sign)，不带单位或千分位。A number\(placesEn)\(signEn), without units or separators.")
  }
}
