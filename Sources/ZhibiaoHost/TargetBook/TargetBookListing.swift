import Foundation
import ZhibiaoKernel

/// Writes (part of) the target book as a table, CSV, Markdown or JSON rows
/// `indicator, org, period, target, unit, comparator, measure, method, …`.
public struct TargetBookListing {
  let plan: Plan
  let book: TargetBook
  let entries: [TargetBook.Entry]
  let language: Language

  /// Lists `entries` of `book`.
  public init(plan: Plan, book: TargetBook, entries: [TargetBook.Entry], language: Language = .zh) {
    self.plan = plan
    self.book = book
    self.entries = entries
    self.language = language
  }

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  /// The listing in `format`.
  public func render(_ format: OutputFormat) -> String {
    if format == .json { return json() }
    var output = listing().render(format)
    if format != .csv {
      let shown = Set(entries.map(\.indicator))
      let notes = plan.indicators.filter { shown.contains($0.id) }.flatMap { indicator in
        (book.notes[indicator.id] ?? []).map { "\(indicator.id): \($0.text(in: language))" }
      }
      if !notes.isEmpty {
        output +=
          "\n" + text("说明：", "Notes:") + "\n" + notes.map { (format == .md ? "- " : "  ") + $0 }.joined(separator: "\n")
          + "\n"
      }
    }
    return output
  }

  func targetText(_ entry: TargetBook.Entry) -> String {
    guard let indicator = plan.indicator(entry.indicator) else { return "" }
    if entry.comparator == nil { return indicator.aims.joined(separator: text("、", "; ")) }
    if entry.comparator == .parity {
      return text("与 \(entry.partner?.rawValue ?? "?") 相持平", "level with \(entry.partner?.rawValue ?? "?")")
    }
    let value = entry.value.map { DecimalArithmetic.text($0, step: indicator.precision) } ?? "—"
    let prefix = entry.measure.prefix(in: language)
    return "\(prefix)\(entry.comparator?.symbol ?? "") \(value)"
  }

  func listing() -> Listing {
    typealias Column = Listing.Column
    return Listing(
      columns: [
        Column(key: "indicator", heading: text("指标", "Indicator")),
        Column(key: "name", heading: text("名称", "Name"), maximumWidth: 24),
        Column(key: "org", heading: text("责任单位", "Org")),
        Column(key: "period", heading: text("期间", "Period")),
        Column(key: "target", heading: text("目标", "Target"), maximumWidth: 30),
        Column(key: "unit", heading: text("单位", "Unit")),
        Column(key: "method", heading: text("方法", "Method")),
      ],
      rows: entries.map { entry in
        let indicator = plan.indicator(entry.indicator)
        return [
          entry.indicator.rawValue, indicator.map { $0.name.text(in: language) } ?? "",
          plan.org(entry.org).map { $0.name.text(in: language) } ?? entry.org.rawValue,
          language == .zh ? entry.period.zh : entry.period.description, targetText(entry), indicator?.unit ?? "",
          entry.method.rawValue,
        ]
      })
  }

  struct Row: Encodable {
    var indicator: String
    var org: String
    var period: String
    var target: Decimal?
    var unit: String?
    var comparator: String?
    var measure: String
    var with: String?
    var method: String
    var seasonalShare: Decimal?

    enum CodingKeys: String, CodingKey {
      case indicator, org, period, target, unit, comparator, measure, with, method
      case seasonalShare = "seasonal_share"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(indicator, forKey: .indicator)
      try container.encode(org, forKey: .org)
      try container.encode(period, forKey: .period)
      try container.encode(target, forKey: .target)
      try container.encode(unit, forKey: .unit)
      try container.encode(comparator, forKey: .comparator)
      try container.encode(measure, forKey: .measure)
      try container.encode(with, forKey: .with)
      try container.encode(method, forKey: .method)
      try container.encode(seasonalShare, forKey: .seasonalShare)
    }
  }

  func json() -> String {
    let rows = entries.map { entry in
      Row(
        indicator: entry.indicator.rawValue, org: entry.org.rawValue, period: entry.period.description,
        target: entry.value, unit: plan.indicator(entry.indicator)?.unit, comparator: entry.comparator?.rawValue,
        measure: entry.measure.rawValue, with: entry.partner?.rawValue, method: entry.method.rawValue,
        seasonalShare: entry.seasonalShare)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(rows) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
