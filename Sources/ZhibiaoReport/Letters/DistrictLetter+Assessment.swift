import Foundation
import ZhibiaoKernel

extension DistrictLetter {
  /// 四、考核规则: the district section of the scheme as it applies to this district — every item
  /// with the weight the district is scored with, its target and its rule in numbers, the rules'
  /// formulas with worked examples, bonuses, deductions, veto, grades with quotas and ties —
  /// enough to work out the score by hand. Starts on a new printed page.
  func assessment() -> String {
    guard let scheme, let section = scheme.section(for: .district) else { return "" }
    var parts = [
      "<section class=\"page assessment\">",
      element("h2", "四、考核规则", "4. Assessment rules"),
      "<p>\(HTML.escape(schemeNote(scheme, section)))</p>",
      element("h3", "（一）考核项目与权重", "(1) Items and weights"),
      items(section, scheme: scheme),
      element("h3", "（二）计分规则", "(2) Scoring rules"),
      ruleDescriptions(section),
    ]
    parts += adjustments(section)
    parts += [grades(section), tieBreak(section), "</section>"]
    return parts.filter { !$0.isEmpty }.joined(separator: "\n")
  }

  /// The scheme's name and how a total is made.
  private func schemeNote(_ scheme: AssessmentScheme, _ section: AssessmentSection) -> String {
    let basic = LetterNumber.plain(section.basicPoints)
    let bonus = section.bonus.map { LetterNumber.plain($0.cap) } ?? "0"
    let deduction = section.deduction.map { LetterNumber.plain($0.cap) } ?? "0"
    let maximum = LetterNumber.plain(section.maximumTotal)
    return say(
      "按《\(scheme.name.zh)》区、县(市)部分考核。实得分 = 基本分（各项目得分之和，权重合计 \(basic) 分）+ 加分（封顶 \(bonus) 分）"
        + "− 扣分（封顶 \(deduction) 分），最高 \(maximum) 分。考核所用目标即本责任书的年度目标，实际值为 \(year) 年 1-12 月累计数。",
      "Assessed under the district section of the \(scheme.name.en). Total = basic score (the sum of the items' "
        + "points; the weights add up to \(basic)) + bonus (at most \(bonus)) − deductions (at most \(deduction)); "
        + "at most \(maximum) in all. The targets are this letter's annual targets; the actual figures are the "
        + "Jan–Dec \(year) totals.")
  }

  /// The items with the weight this district is scored with, its target and the rule in numbers.
  private func items(_ section: AssessmentSection, scheme: AssessmentScheme) -> String {
    var table = LetterTable(
      className: "items",
      columns: [
        .init(heading: say("序号", "No."), numeric: true), .init(heading: say("考核项目", "Item")),
        .init(heading: say("方案权重", "Scheme weight"), numeric: true),
        .init(heading: say("本区权重", "Weight here"), numeric: true),
        .init(heading: say("本区\(year)年目标", "Target \(year)"), numeric: true),
        .init(heading: say("计分方法", "How it is scored")), .init(heading: say("最高得分", "Most points"), numeric: true),
      ])
    var weightNotes: [String] = []
    for (number, item) in section.items.enumerated() {
      let scored = weights?.item(item, of: district.id)
      let weight = scored?.weight ?? item.weight
      let applicable = scored?.status != .notApplicable
      let indicator = item.indicator.flatMap { plan.indicator($0) }
      let entry = item.indicator.flatMap { book.target($0, district.id, .year(year)) }
      let targetText = entry.map { target($0) + (indicator?.unit.map { " " + $0 } ?? "") } ?? "—"
      let rule =
        applicable ? ruleInWords(item.rule, weight: weight, scheme: scheme) : scored.map { name($0.explanation) } ?? ""
      let most = applicable ? LetterNumber.points(item.rule.maximumPoints(weight: weight)) : "0"
      table.append(
        [
          "\(number + 1)", name(indicator?.name ?? item.name), LetterNumber.plain(item.weight),
          applicable ? LetterNumber.plain(weight) : "0", targetText, rule, most,
        ], id: item.id)
      if let note = scored?.weightNote, applicable { weightNotes.append(name(item.name) + say("：", ": ") + name(note)) }
    }
    let notes =
      weightNotes.isEmpty
      ? "" : "\n<ul class=\"muted\">" + weightNotes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    return table.html() + notes
  }
}
