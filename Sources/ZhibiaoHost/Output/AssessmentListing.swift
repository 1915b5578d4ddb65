import Foundation
import ZhibiaoKernel
import ZhibiaoWorkspace

/// Writes an assessment: the ranking of each kind of org, and any org's scorecard item by item.
struct AssessmentListing {
  let plan: Plan
  let result: AssessmentResult
  let language: Language

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  private func change(_ card: Scorecard) -> String {
    guard let change = card.rankChange else { return "—" }
    return change > 0 ? "↑\(change)" : change < 0 ? "↓\(-change)" : "="
  }

  /// The total, marked "（暂估）" for people when it rests on figures not reported (CSV keeps
  /// the number alone; its note column says why).
  private func total(_ card: Scorecard, _ format: OutputFormat) -> String {
    card.isProvisional && format != .csv ? "\(card.total)" + text("（暂估）", " (provisional)") : "\(card.total)"
  }

  func render(_ format: OutputFormat) -> String {
    if format == .json { return json(result.sections.flatMap(\.scorecards)) }
    return result.sections.map { section in
      let title = section.orgKind == .district ? text("区县（市）", "Districts") : text("牵头部门", "Lead bureaus")
      let listing = Listing(
        columns: [
          .init(key: "rank", heading: text("名次", "Rank")), .init(key: "org", heading: text("单位", "Org")),
          .init(key: "total", heading: text("实得分", "Total")), .init(key: "basic", heading: text("基本分", "Basic")),
          .init(key: "bonus", heading: text("加分", "Bonus")), .init(key: "deduction", heading: text("扣分", "Deduction")),
          .init(key: "grade", heading: text("等次", "Grade")), .init(key: "change", heading: text("名次变化", "Change")),
          .init(key: "note", heading: text("说明", "Note"), maximumWidth: 48),
        ],
        rows: section.scorecards.map { card in
          [
            "\(card.rank)", card.orgName.text(in: language), total(card, format), "\(card.basic)",
            "\(card.bonus.counted)",
            "\(card.deduction.counted)", card.grade.name.text(in: language), change(card),
            card.missingNote?.text(in: language) ?? "",
          ]
        })
      let notes = (section.quotas.map(\.formula) + section.notes.map { $0.text(in: language) })
        .map { "  " + $0 }.joined(separator: "\n")
      let body = listing.render(format)
      return format == .csv ? body : "\(title)\n\(body)" + (notes.isEmpty ? "" : "\(notes)\n")
    }.joined(separator: "\n")
  }

  /// The 1+4+3 goal groups with the status of their indicators on the city figures, and the
  /// city's total on the district scheme.
  func consolidated(_ view: AssessmentConsolidatedView) -> String {
    var lines = [text("目标体系（1+4+3）\(view.year)年完成情况", "The 1+4+3 goals in \(view.year)")]
    for group in view.groups {
      lines.append("  \(group.name.text(in: language))：\(group.summary.text(in: language))")
      for status in group.indicators {
        lines.append("    - \(status.name.text(in: language))：\(status.explanation.text(in: language))")
      }
    }
    if let total = view.cityTotal {
      let grade = view.cityGrade.map { " \($0.name.text(in: language))" } ?? ""
      lines.append(text("全市按区县考核方案计：\(total) 分\(grade)", "The city on the district scheme: \(total)\(grade)"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func scorecard(_ card: Scorecard, _ format: OutputFormat) -> String {
    if format == .json { return json([card]) }
    let listing = Listing(
      columns: [
        .init(key: "item", heading: text("考核项", "Item"), maximumWidth: 24),
        .init(key: "weight", heading: text("分值", "Weight")), .init(key: "points", heading: text("得分", "Points")),
        .init(key: "explanation", heading: text("计算", "How")),
      ],
      rows: card.items.map { item in
        [item.name.text(in: language), "\(item.weight)", "\(item.points)", item.explanation.text(in: language)]
      })
    var lines = ["\(card.orgName.text(in: language))  \(card.totalExplanation.text(in: language))"]
    if let note = card.missingNote { lines.append(note.text(in: language)) }
    lines.append(listing.render(format))
    lines.append(card.bonus.explanation.text(in: language))
    lines.append(card.deduction.explanation.text(in: language))
    lines.append(card.gradeExplanation.text(in: language))
    if let note = card.rankNote { lines.append(note.text(in: language)) }
    return lines.joined(separator: "\n") + "\n"
  }

  private func json(_ cards: [Scorecard]) -> String {
    let records = JSONViews.scorecards(cards)
    let data =
      (try? JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
