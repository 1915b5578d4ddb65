import Foundation
import ZhibiaoKernel
import ZhibiaoWorkspace

/// Writes a monitoring report: a table, CSV or Markdown for people (each row's light, pace,
/// year-end projection and the reason for its warnings), or the report's own JSON.
struct MonitoringListing {
  let plan: Plan
  let report: MonitoringReport
  let language: Language

  private func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

  func render(_ format: OutputFormat) -> String {
    if format == .json {
      guard let data = try? JSONViews.monitoring(report) else { return "{}\n" }
      return String(decoding: data, as: UTF8.self) + "\n"
    }
    var output = listing().render(format)
    if format != .csv {
      let counts = report.counts
      let unreported = report.rows.filter { $0.reporting == .notReported }
      let overdue =
        unreported.first.map { row in
          text(
            "，其中逾期未报 \(unreported.count) 项（截止 \(row.dueDay)）",
            ", of which \(unreported.count) not reported by the due day \(row.dueDay)")
        } ?? ""
      output +=
        "\n"
        + text(
          "\(report.period.zh)：绿 \(counts[.green] ?? 0)，黄 \(counts[.yellow] ?? 0)，红 \(counts[.red] ?? 0)，灰（无数据）\(counts[.grey] ?? 0)\(overdue)。",
          "\(report.period): green \(counts[.green] ?? 0), yellow \(counts[.yellow] ?? 0), red \(counts[.red] ?? 0), grey (no data) \(counts[.grey] ?? 0)\(overdue)."
        )
        + "\n"
    }
    return output
  }

  /// A stated figure at the indicator's precision, rounded half away from zero.
  private func number(_ value: Decimal?, _ indicator: Indicator?) -> String {
    guard let value else { return "—" }
    return DecimalArithmetic.text(
      value, step: indicator?.precision ?? Decimal(sign: .plus, exponent: -2, significand: 1))
  }

  private func number(_ value: Double?, _ indicator: Indicator?) -> String {
    guard let value, value.isFinite else { return "—" }
    let places = indicator?.precision.map(DecimalArithmetic.places(of:)) ?? 2
    return String(format: "%.\(places)f", value)
  }

  private func percent(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%.1f%%", value * 100)
  }

  /// The light, with the reporting state and due day of a figure that is not in: "灰·未报（截止
  /// 2025-01-20）".
  private func light(_ row: MonitoringRow) -> String {
    let light = language == .zh ? row.status.zh : row.status.rawValue
    guard row.reporting.isAbsent, let note = row.reportingNote else { return light }
    return "\(light)·\(note.text(in: language))"
  }

  func listing() -> Listing {
    typealias Column = Listing.Column
    return Listing(
      columns: [
        Column(key: "indicator", heading: text("指标", "Indicator"), maximumWidth: 22),
        Column(key: "org", heading: text("责任单位", "Org")),
        Column(key: "actual", heading: text("累计实际", "Actual YTD")),
        Column(key: "milestone", heading: text("序时目标", "Milestone")),
        Column(key: "annual_target", heading: text("年度目标", "Annual target")),
        Column(key: "pace", heading: text("序时进度", "Pace")),
        Column(key: "status", heading: text("灯", "Light")),
        Column(key: "change", heading: text("变化", "Change")),
        Column(key: "mid_term", heading: text("中期评估", "Mid-term")),
        Column(key: "projection", heading: text("年末预计", "Year-end projection")),
        Column(key: "flags", heading: text("数据质量", "Data quality")),
        Column(key: "reason", heading: text("原因", "Reason"), maximumWidth: 48),
      ],
      rows: report.rows.map { row in
        let indicator = plan.indicator(row.indicator)
        let projection =
          row.projection.flatMap { projection in
            projection.low.map { "\(number($0, indicator))–\(number(projection.high, indicator))" }
          } ?? "—"
        return [
          indicator.map { $0.name.text(in: language) } ?? row.indicator.rawValue,
          plan.org(row.org).map { $0.name.text(in: language) } ?? row.org.rawValue,
          number(row.actual, indicator), number(row.milestone, indicator), number(row.annualTarget, indicator),
          row.isRate
            ? row.pointsBehind.map { String(format: "%+.2f pt", -$0) } ?? "—" : percent(row.pace),
          light(row),
          language == .zh ? row.statusChange.zh : row.statusChange.rawValue,
          row.midTerm.map { language == .zh ? $0.zh : $0.rawValue } ?? "—",
          projection,
          row.flags.map(\.rawValue).joined(separator: " "),
          row.warnings.map { $0.reason.text(in: language) }.joined(separator: "；"),
        ]
      })
  }
}
