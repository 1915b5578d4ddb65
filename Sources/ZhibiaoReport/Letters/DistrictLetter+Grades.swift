import Foundation
import ZhibiaoKernel

extension DistrictLetter {
  /// （三）加分与扣分 and （四）一票否决: the categories with their points and caps, and the veto.
  func adjustments(_ section: AssessmentSection) -> [String] {
    var parts = [element("h3", "（三）加分与扣分", "(3) Bonuses and deductions")]
    for (policy, zh, en) in [(section.bonus, "加分", "Bonus"), (section.deduction, "扣分", "Deductions")] {
      guard let policy else { continue }
      let cap = LetterNumber.plain(policy.cap)
      parts.append(
        element(
          "p", "\(zh)：各类别分别封顶后相加，合计封顶 \(cap) 分，即计入 = min(Σ 各类 min(类别内分数之和, 类别上限), \(cap))。",
          "\(en): each category is capped, then the sum is capped at \(cap): counted = min(Σ over categories of "
            + "min(the category's points, its cap), \(cap))."))
      var table = LetterTable(
        className: zh == "加分" ? "bonus" : "deduction",
        columns: [
          .init(heading: say("类别", "Category")), .init(heading: say("每项分值", "Points per event"), numeric: true),
          .init(heading: say("类别上限", "Category cap"), numeric: true),
        ])
      for category in policy.categories {
        table.append(
          [
            name(category.name), category.points.map(LetterNumber.plain) ?? say("按事项认定", "as stated"),
            category.cap.map(LetterNumber.plain) ?? "—",
          ], id: category.id)
      }
      if !table.rows.isEmpty { parts.append(table.html()) }
    }
    if let veto = section.veto {
      let grade = section.grades.first { $0.id == veto.maxGrade }.map { name($0.name) } ?? veto.maxGrade
      parts += [
        element("h3", "（四）一票否决", "(4) Veto"),
        element(
          "p", "有下列情形之一的，实行一票否决：等次最高评为\(grade)；否决不改变得分和排名。",
          "Any of the following vetoes the district: its grade is at best \(grade); the veto changes neither score "
            + "nor rank."),
        LetterMarkup.list("ul", veto.categories.map { name($0.name) }, class: "veto"),
      ]
    }
    return parts
  }

  /// （五）等次与名额: the grade bands by total, each quota worked out for the districts assessed.
  func grades(_ section: AssessmentSection) -> String {
    let count = plan.districts.count
    var table = LetterTable(
      className: "grades",
      columns: [
        .init(heading: say("等次", "Grade")), .init(heading: say("实得分", "Total")),
        .init(heading: say("名额", "Quota")),
      ])
    for (index, grade) in section.grades.enumerated() {
      let from = LetterNumber.plain(grade.from)
      let end = grade.to ?? (index > 0 ? section.grades[index - 1].from : nil)
      let range =
        end.map { say("\(from) ≤ 实得分 < \(LetterNumber.plain($0))", "\(from) ≤ total < \(LetterNumber.plain($0))") }
        ?? say("实得分 ≥ \(from)", "total ≥ \(from)")
      var quota = say("不限", "none")
      if let share = grade.quota.map(LetterNumber.percent), let limit = grade.limit(among: count) {
        quota = say("不超过 ⌊\(count) × \(share)⌋ = \(limit) 个", "at most ⌊\(count) × \(share)⌋ = \(limit)")
      }
      table.append([name(grade.name), range, quota], id: grade.id)
    }
    let rule = say(
      "先按实得分确定分数等次，再受一票否决限制；有名额的等次按排名先后确定，超出名额的依次降入下一等次，并计入该等次名额。",
      "The total gives the band, a veto caps it, and a grade with a quota goes to the districts in rank order: "
        + "those beyond it drop to the next band, where they count against its quota in turn.")
    return [element("h3", "（五）等次与名额", "(5) Grades and quotas"), table.html(), LetterMarkup.element("p", rule)]
      .joined(separator: "\n")
  }

  /// （六）同分排序: what settles equal totals, in order.
  func tieBreak(_ section: AssessmentSection) -> String {
    [
      element("h3", "（六）同分排序", "(6) Equal totals"),
      element("p", "实得分相同时，依次比较：", "Equal totals are ordered by, in turn:"),
      LetterMarkup.list("ol", section.tieBreak.map { name($0.text) }, class: "tie-break"),
    ].joined(separator: "\n")
  }
}
