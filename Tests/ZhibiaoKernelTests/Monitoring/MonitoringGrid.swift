// A small dense grid for hand-computed monitoring cases: the city (held by bureau.a) and six
// districts, 2021 (base year) to 2025, with indicators described directly.

import Foundation
import Testing
import ZhibiaoKernel

/// Targets and figures laid out by hand, from which monitors are made.
struct MonitoringGrid {
  static let orgs: [OrgID] = [
    "bureau.a", "district.d1", "district.d2", "district.d3", "district.d4", "district.d5", "district.d6",
  ]
  static let city: OrgID = "bureau.a"
  static let districts = Array(orgs.dropFirst())
  static let axis = PeriodAxis(firstYear: 2021, lastYear: 2025)

  var indicators: [MonitoredIndicator]
  var values: ContiguousArray<Double>
  var reportedAt: ContiguousArray<Double>
  var targets: ContiguousArray<Double>
  var shares: ContiguousArray<Double>

  /// A grid of `indicators`, each with rows for the city and every district unless it says otherwise.
  init(_ indicators: [MonitoredIndicator]) {
    self.indicators = indicators
    let cells = indicators.count * Self.orgs.count * Self.axis.count
    values = ContiguousArray(repeating: .nan, count: cells)
    reportedAt = ContiguousArray(repeating: .nan, count: cells)
    targets = ContiguousArray(repeating: .nan, count: cells)
    shares = ContiguousArray(repeating: .nan, count: indicators.count * Self.axis.count)
  }

  /// An indicator on every org of the grid.
  static func indicator(
    _ id: IndicatorID, kind: Indicator.Kind, direction: Indicator.Direction = .higher,
    aggregation: Indicator.Aggregation = .sum, frequency: Indicator.Frequency = .quarterly,
    measure: Target.Measure = .level, comparator: Target.Comparator = .atLeast, precision: Double = 0.1,
    unit: String = "亿元", cityOnly: Bool = false, partner: Int? = nil
  ) -> MonitoredIndicator {
    MonitoredIndicator(
      id: id, domain: "mon", unit: unit, kind: kind, direction: direction, aggregation: aggregation,
      frequency: frequency, measure: measure, comparator: comparator, precision: precision, city: 0,
      districts: cityOnly ? [] : Array(1..<orgs.count), partner: partner)
  }

  func index(_ indicator: Int, _ org: OrgID, _ period: Period) -> Int {
    let o = Self.orgs.firstIndex(of: org)!
    return (indicator * Self.orgs.count + o) * Self.axis.count + Self.axis.slot(of: period)!
  }

  /// Sets a figure, reported at `reportedAt` when given.
  mutating func set(_ indicator: Int, _ org: OrgID, _ period: Period, _ value: Double, reportedAt: Date? = nil) {
    values[index(indicator, org, period)] = value
    self.reportedAt[index(indicator, org, period)] = reportedAt?.timeIntervalSinceReferenceDate ?? .nan
  }

  /// Sets the year-to-date figures Q1…Q4 of `year` (fewer when fewer are given).
  mutating func setYear(_ indicator: Int, _ org: OrgID, _ year: Int, _ quarters: [Double]) {
    for (offset, value) in quarters.enumerated() { set(indicator, org, .quarter(offset + 1, of: year), value) }
  }

  /// Sets a milestone.
  mutating func target(_ indicator: Int, _ org: OrgID, _ period: Period, _ value: Double) {
    targets[index(indicator, org, period)] = value
  }

  /// Sets the annual target of every year from 2022 and, for quarterly indicators, the seasonal
  /// milestones annual × S_q with the shares `shares` (nil: equal steps from `from`).
  mutating func targetPath(
    _ indicator: Int, _ org: OrgID, annual: [Int: Double], shares: [Double]? = nil, from start: Double? = nil
  ) {
    for year in 2022...2025 {
      let value = annual[year]!
      target(indicator, org, .year(year), value)
      guard indicators[indicator].frequency == .quarterly else { continue }
      let previous = year == 2022 ? start ?? 0 : annual[year - 1]!
      for quarter in 1...3 {
        let milestone =
          shares.map { value * $0[quarter - 1] } ?? previous + (value - previous) * Double(quarter) / 4
        target(indicator, org, .quarter(quarter, of: year), milestone)
      }
    }
  }

  /// Sets S_q of every year.
  mutating func setShares(_ indicator: Int, _ profile: [Double]) {
    for year in 2022...2025 {
      for quarter in 1...4 {
        shares[indicator * Self.axis.count + Self.axis.slot(of: .quarter(quarter, of: year))!] = profile[quarter - 1]
      }
    }
  }

  var monitoringTargets: MonitoringTargets {
    MonitoringTargets(
      indicators: indicators, orgs: Self.orgs, axis: Self.axis, figures: Self.figures(targets, indicators.count),
      shares: shares)
  }

  var actuals: Actuals {
    Actuals(
      indicators: indicators.map(\.id), orgs: Self.orgs, axis: Self.axis,
      figures: Self.figures(values, indicators.count),
      reportedAt: reportedAt)
  }

  /// The decimal places the hand-written figures are kept at.
  static let places = 6

  /// Hand-written figures (NaN for none) in units of 10⁻⁶.
  static func figures(_ values: ContiguousArray<Double>, _ indicators: Int) -> FigureGrid {
    FigureGrid(
      units: ContiguousArray(values.map(units)), places: Array(repeating: places, count: indicators),
      stride: values.count / max(indicators, 1))
  }

  /// A hand-written figure (NaN for none) in units of 10⁻⁶.
  static func units(_ value: Double) -> Int64 {
    value.isNaN ? FigureGrid.none : Int64((value * 1e6).rounded())
  }

  /// The monitor of `period`.
  func monitor(
    _ period: Period, settings: MonitoringSettings = MonitoringSettings(), asOf: Date? = nil
  ) throws -> Monitor {
    try Monitor(targets: monitoringTargets, actuals: actuals, period: period, settings: settings, asOf: asOf)
  }
}

extension Monitor {
  /// Sets one hand-written figure (NaN removes it) of a grid kept at `MonitoringGrid.places`.
  @discardableResult
  mutating func update(_ cell: Actuals.Cell, value: Double, reportedAt: Double = .nan) -> Int {
    update(cell, units: MonitoringGrid.units(value), reportedAt: reportedAt)
  }
}

/// `2024-10-20 23:59` and the like in China Standard Time.
func chinaTime(_ text: String) -> Date {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
  formatter.dateFormat = "yyyy-MM-dd HH:mm"
  return formatter.date(from: text)!
}

/// Whether two figures agree to within `tolerance`.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance
}
