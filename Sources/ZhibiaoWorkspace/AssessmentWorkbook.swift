import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel

/// The consolidated assessment as a workbook (考核表): the ranking of each section (districts,
/// bureaus) with totals, bonuses, deductions and grades, and every scorecard item with the
/// numbers and the rule behind its points; exact to two decimals, frozen and filtered headers.
public struct AssessmentWorkbook {
  let result: AssessmentResult
  let language: Language

  /// The workbook of `result`, in `language`.
  public init(result: AssessmentResult, language: Language) {
    self.result = result
    self.language = language
  }

  private func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// The sheets: the ranking, then the items.
  public func content() -> WorkbookContent {
    WorkbookContent(sheets: [ranking(), items()])
  }

  private func sheet(_ name: String, _ headings: [String], _ rows: [[SheetCell]]) -> SheetContent {
    let cells = [headings.map { SheetCell.text($0, .heading) }] + rows
    return SheetContent(
      name: name, rows: cells, columnWidths: SheetContent.fittedWidths(cells, maximum: 60), frozenRows: 1,
      autofilterRow: 0)
  }

  private func ranking() -> SheetContent {
    let rows = result.sections.flatMap { section in
      section.scorecards.map { card -> [SheetCell] in
        [
          .text(kind(card.orgKind)), .number(Decimal(card.rank), decimals: 0), .text(card.orgName.text(in: language)),
          .number(card.total, decimals: 2), .number(card.basic, decimals: 2), .number(card.bonus.counted, decimals: 2),
          .number(card.deduction.counted, decimals: 2), .text(card.grade.name.text(in: language)),
        ]
      }
    }
    return sheet(
      t("排名 Ranking", "Ranking"),
      [
        t("类别", "section"), t("名次", "rank"), t("单位", "org"), t("总分", "total"), t("基本分", "basic"),
        t("加分", "bonus"), t("扣分", "deduction"), t("等次", "grade"),
      ], rows)
  }

  private func items() -> SheetContent {
    let rows = result.sections.flatMap(\.scorecards).flatMap { card in
      card.items.map { item -> [SheetCell] in
        [
          .text(card.orgName.text(in: language)), .text(item.id), .text(item.indicator?.rawValue ?? ""),
          .text(item.rule), .number(item.weight, decimals: 2), .number(item.points, decimals: 2),
          .number(item.actual, decimals: nil), .number(item.target, decimals: nil),
          .text(item.explanation.text(in: language), .paragraph),
        ]
      }
    }
    var content = sheet(
      t("评分明细 Items", "Items"),
      [
        t("单位", "org"), t("考核项", "item"), t("指标", "indicator"), t("规则", "rule"), t("权重", "weight"),
        t("得分", "points"), t("实际", "actual"), t("目标", "target"), t("计算说明", "explanation"),
      ], rows)
    if content.columnWidths.count > 8 { content.columnWidths[8] = 60 }
    return content
  }

  private func kind(_ kind: Org.Kind) -> String {
    switch kind {
    case .district: t("区县市", "districts")
    case .bureau: t("牵头部门", "bureaus")
    default: kind.rawValue
    }
  }
}
