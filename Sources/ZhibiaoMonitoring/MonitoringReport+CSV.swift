import Foundation

extension MonitoringReport {
  /// The columns of the report's CSV: the JSON keys of a row in their order, the projection's
  /// and the last figure reported spread over columns of their own, the flags and the kinds of
  /// warning separated by spaces, and the reasons in each language.
  public static let csvColumns = [
    "indicator", "domain", "org", "is_city", "period", "unit", "kind", "measure", "value", "actual_ytd",
    "milestone_ytd", "annual_target", "gap", "seasonal_share", "expected", "pace", "points_behind", "status",
    "previous_status", "status_change", "progress", "time_elapsed", "mid_term", "growth_actual", "growth_required",
    "growth_ratio", "growth_status", "projection_share_of_year", "projection_last_year_pattern",
    "projection_remaining_quarters", "projection_low", "projection_high", "yoy_growth", "score_across_districts",
    "score_over_time", "reported_on", "due_day", "reporting", "last_reported_period", "last_reported_value",
    "last_reported_actual_ytd", "flags", "warnings", "reasons_zh", "reasons_en",
  ]

  /// The report as CSV, a header line then one line per row (`\n` line ends): figures exact as
  /// JSON writes them, statistics as JSON writes doubles, empty where there is none.
  /// `MonitoringReportWriter` writes the same bytes from a monitor without building the rows.
  public var csv: String {
    var output = Array((Self.csvColumns.joined(separator: ",") + "\n").utf8)
    for row in rows {
      let fields = row.csvFields
      for (index, field) in fields.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        ReportText.appendCSV(field, to: &output)
      }
      output.append(0x0A)
    }
    return String(decoding: output, as: UTF8.self)
  }
}

extension MonitoringRow {
  /// The fields of the row in the order of `MonitoringReport.csvColumns`.
  var csvFields: [String] {
    let number = { (value: Double?) in value.map(ReportText.csv) ?? "" }
    let decimal = { (value: Decimal?) in value.map(\.description) ?? "" }
    return [
      indicator.rawValue, domain?.rawValue ?? "", org.rawValue, isCity ? "true" : "false", period.description,
      unit ?? "", kind.rawValue, measure.rawValue, decimal(value), decimal(actual), decimal(milestone),
      decimal(annualTarget), decimal(gap), number(seasonalShare), number(expected), number(pace),
      number(pointsBehind), status.rawValue, previousStatus?.rawValue ?? "", statusChange.rawValue, number(progress),
      number(timeElapsed), midTerm?.rawValue ?? "", number(growthActual), number(growthRequired),
      number(growthRatio), growthStatus?.rawValue ?? "", number(projection?.shareOfYear),
      number(projection?.lastYearPattern), number(projection?.remainingQuarters), number(projection?.low),
      number(projection?.high), number(yoyGrowth), number(scoreAcrossDistricts), number(scoreOverTime),
      reportedOn ?? "", dueDay, reporting.rawValue, lastReported?.period.description ?? "",
      decimal(lastReported?.value), decimal(lastReported?.actual), flags.map(\.rawValue).joined(separator: " "),
      warnings.map(\.kind.rawValue).joined(separator: " "), warnings.map(\.reason.zh).joined(separator: "；"),
      warnings.map(\.reason.en).joined(separator: "; "),
    ]
  }
}
