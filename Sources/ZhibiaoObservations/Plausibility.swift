import Foundation
import ZhibiaoPlan

/// Figures that are well formed but cannot be true: a report dated in the future or before its
/// period ended, a register entry recognised before 1949 or in the future, a value a thousand
/// times its neighbour's (a unit mistake: 万元 and 亿元 differ 10,000-fold). Each is refused
/// with its reason; nothing of the kind is stored.
enum Plausibility {
  /// How many times a figure's neighbour (the quarter before in its year, or the same period a
  /// year before) a figure may be, either way, before it is taken for a unit mistake.
  static let magnitude: Decimal = 1000
  /// The digits of ``magnitude``, a power of ten: 10^3.
  static let magnitudeDigits = 3

  /// The day of `date` in China, `YYYY-MM-DD`.
  static func day(of date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// The last day of `period`: the quarter's last month's end, or 31 December.
  static func lastDay(of period: Period) -> String {
    let month = (period.quarter ?? 4) * 3
    let day = month == 6 || month == 9 ? 30 : 31
    return String(format: "%04d-%02d-%02d", period.year, month, day)
  }

  /// Why a figure of `period` cannot have been reported on `day`, if it cannot.
  static func reportedOn(_ day: String, period: Period, today: String) -> String? {
    if day > today {
      return "The date \(day) under 'reported_on' is in the future (today is \(today))."
    }
    let end = lastDay(of: period)
    if day <= end {
      return
        "The date \(day) under 'reported_on' is before \(period) ended (\(end)); a figure is reported after its period."
    }
    return nil
  }

  /// Why an entity cannot have been recognised on `day`, if it cannot.
  static func recognisedOn(_ day: String, today: String) -> String? {
    if day < "1949-10-01" {
      return "The recognition date \(day) is before 1949-10-01; no register of the plan goes back that far."
    }
    if day > today { return "The recognition date \(day) is in the future (today is \(today))." }
    return nil
  }
}

extension ObservationImport {
  /// A flow or stock a thousand times its neighbour, or a thousandth of it, is refused as a
  /// likely unit mistake. The neighbour is the quarter before in the same year, else the same
  /// period a year before — from the file or the store.
  func checkMagnitude(_ checked: CheckedRows, log: DiagnosticLog) {
    let rows = checked.rows
    let kinds = checked.numbering.kinds
    func value(_ row: ObservationInput, _ key: FigureKey, _ period: Period) -> FigureValue? {
      checked.value(key.at(period)) ?? stored(row.indicator, row.org, period).map { FigureValue($0) }
    }
    for (index, (row, key)) in zip(rows, checked.keys).enumerated() {
      let kind = kinds[key.indicator]
      guard kind == .flow || kind == .stock else { continue }
      let figure = checked.value(at: index)
      guard figure.isPositive else { continue }
      let lastYear: Period =
        row.period.quarter.map { .quarter($0, of: row.period.year - 1) } ?? .year(row.period.year - 1)
      let earlier: Period? = row.period.quarter.flatMap { $0 > 1 ? .quarter($0 - 1, of: row.period.year) : nil }
      let neighbour =
        earlier.flatMap { period in value(row, key, period).map { (period, $0) } }
        ?? value(row, key, lastYear).map { (lastYear, $0) }
      guard let (period, found) = neighbour, found.isPositive else { continue }
      let reference = found.decimal
      // Only one of the two can hold: a value above its neighbour cannot be a thousandth of it.
      let isUnitMistake =
        figure.isAtLeast(found) ? figure.isMagnitude(above: found) : figure.isMagnitude(below: found)
      guard isUnitMistake else { continue }
      log.error(
        "The value \(row.value) of '\(row.indicator)' for '\(row.org)' in \(row.period) is a thousand times or more away from \(reference) in \(period); it looks like a unit mistake.",
        at: row.start(in: ""), hint: "check the unit: 万元 and 亿元 differ 10,000-fold")
    }
  }
}
