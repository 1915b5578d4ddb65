import Foundation
import ZhibiaoKernel

extension DistrictLetter {
  /// 一、年度目标: each indicator's target with its domain, owner bureau and how it was derived.
  func annualTargets() -> String {
    var table = LetterTable(
      className: "annual",
      columns: [
        .init(heading: say("领域", "Domain")), .init(heading: say("指标", "Indicator")),
        .init(heading: say("\(year)年目标", "\(year) target"), numeric: true), .init(heading: say("单位", "Unit")),
        .init(heading: say("牵头部门", "Lead bureau")), .init(heading: say("分解方法", "Decomposition method")),
      ])
    for entry in annual {
      guard let indicator = plan.indicator(entry.indicator) else { continue }
      let domain = indicator.domain.flatMap { plan.domain($0).map { name($0.name) } } ?? say("总体", "Overall")
      let owner = plan.org(indicator.owner).map { name($0.name) } ?? indicator.owner.rawValue
      table.append(
        [domain, name(indicator.name), target(entry), indicator.unit ?? "", owner, name(entry.method.summary)],
        id: indicator.id.rawValue)
    }
    guard !table.rows.isEmpty else { return "" }
    return ["<section class=\"targets\">", element("h2", "一、年度目标", "1. Annual targets"), table.html(), "</section>"]
      .joined(separator: "\n")
  }

  /// 二、季度累计目标: the year-to-date milestones 1–3月 … 1–12月 of the indicators reported
  /// quarterly.
  func quarterlyMilestones() -> String {
    let entries = book.entries(org: district.id, year: year, quarterly: true)
    let quarters = [say("1-3月", "Jan–Mar"), say("1-6月", "Jan–Jun"), say("1-9月", "Jan–Sep"), say("1-12月", "Jan–Dec")]
    var table = LetterTable(
      className: "quarterly",
      columns: [.init(heading: say("指标", "Indicator"))] + quarters.map { .init(heading: $0, numeric: true) }
        + [.init(heading: say("单位", "Unit"))])
    for id in Self.ordered(entries.map(\.indicator)) {
      guard let indicator = plan.indicator(id) else { continue }
      let cells = (1...4).map { quarter -> String in
        guard let entry = entries.first(where: { $0.indicator == id && $0.period.quarter == quarter }) else {
          return "—"
        }
        return target(entry)
      }
      table.append([name(indicator.name)] + cells + [indicator.unit ?? ""], id: id.rawValue)
    }
    guard !table.rows.isEmpty else { return "" }
    let note = say(
      "按统计惯例，季度目标为年初至季末的累计数；流量指标按季节份额分解，1-12月即年度目标。",
      "As statistics report them, quarterly targets are year-to-date: a flow's milestones follow its seasonal "
        + "shares, and Jan–Dec is the annual target.")
    return [
      "<section class=\"milestones\">", element("h2", "二、季度累计目标（年初至季末）", "2. Quarterly milestones (year to date)"),
      LetterMarkup.element("p", note, class: "muted"), table.html(), "</section>",
    ].joined(separator: "\n")
  }

  /// 说明: what the book says about how the district's indicators were decomposed, leaving out
  /// notes that speak only of other years.
  func notes() -> String {
    let items = Self.ordered(annual.map(\.indicator)).flatMap { id -> [String] in
      guard let indicator = plan.indicator(id), let notes = book.notes[id] else { return [] }
      return notes.filter { Self.concerns($0.zh, year: year) }.map { name(indicator.name) + say("：", ": ") + name($0) }
    }
    guard !items.isEmpty else { return "" }
    return [
      "<section class=\"notes\">", element("h3", "说明", "Notes"), LetterMarkup.list("ul", items, class: "muted"),
      "</section>",
    ].joined(separator: "\n")
  }

  /// A target as the book states it: "≥ 1429.6", "新增 ≥ 14", "年均 ≥ 20.00", at the indicator's
  /// precision.
  func target(_ entry: TargetBook.Entry) -> String {
    guard let comparator = entry.comparator else { return say("定性目标", "qualitative aim") }
    if comparator == .parity {
      let partner = entry.partner.flatMap { plan.indicator($0).map { name($0.name) } } ?? "—"
      return say("与\(partner)持平", "level with \(partner)")
    }
    guard let value = entry.value else { return "—" }
    let prefix =
      switch entry.measure {
      case .level: ""
      case .increase: say("新增 ", "increase ")
      case .cumulative: say("累计新增 ", "cumulative increase ")
      case .averageAnnual: say("年均 ", "average annual ")
      }
    let step = plan.indicator(entry.indicator)?.precision
    return "\(prefix)\(comparator.symbol) \(DecimalArithmetic.text(value, step: step))"
  }

  /// The ids in first-seen order, once each.
  static func ordered<ID: Hashable>(_ ids: [ID]) -> [ID] {
    var seen = Set<ID>()
    return ids.filter { seen.insert($0).inserted }
  }

  /// Whether a note concerns `year`: it does unless it opens with another year ("2023 年…").
  static func concerns(_ note: String, year: Int) -> Bool {
    let opening = note.prefix(4)
    guard opening.count == 4, opening.allSatisfy(\.isNumber), let stated = Int(opening) else { return true }
    return stated == year
  }
}
