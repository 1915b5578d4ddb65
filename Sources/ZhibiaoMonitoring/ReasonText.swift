import Foundation
import ZhibiaoPlan

/// The one-line reasons of warnings, in Chinese and English, written straight into a report's
/// bytes from the figures a `WarningReason` holds: each is a fixed template with numbers between
/// its words, so no string is made for a row.
package struct ReasonText {
  /// How an indicator's figures are written in its reasons.
  struct Style {
    /// Decimal places of the indicator's precision (0.1 → 1).
    var places: Int
    /// Whether its figures are percentages, written with `%`.
    var isPercent: Bool
    /// Whether it is a rate, judged in percentage points.
    var isRate: Bool
    /// Whether higher is better.
    var isHigherBetter: Bool

    /// The style of an indicator.
    init(_ spec: MonitoredIndicator) {
      places = max(0, Int((-log10(spec.precision)).rounded()))
      isPercent = spec.unit == "%"
      isRate = spec.isRate
      isHigherBetter = spec.direction == .higher
    }
  }

  /// The monitored period, in each language (`2024年1-9月`, `2024Q3`).
  let periodZH: String
  let period: String
  /// The last day figures were due and the day monitored (`YYYY-MM-DD`).
  let dueDay: String
  let asOf: String?
  /// The modified z-score beyond which growth is an outlier.
  let outlierThreshold: Double

  /// The reasons of a monitor at the period `period`, due by `dueDay`.
  init(period: Period, dueDay: String, asOf: String?, settings: MonitoringSettings) {
    periodZH = period.zh
    self.period = period.description
    self.dueDay = dueDay
    self.asOf = asOf
    outlierThreshold = settings.outlierThreshold
  }

  /// The reason in both languages.
  func text(_ reason: WarningReason, _ style: Style) -> LocalizedText {
    var bytes = ReportBytes(capacity: 256)
    write(reason, style, in: .zh, to: &bytes)
    let zh = String(decoding: bytes.bytes, as: UTF8.self)
    bytes.removeAll()
    write(reason, style, in: .en, to: &bytes)
    return LocalizedText(zh: zh, en: String(decoding: bytes.bytes, as: UTF8.self))
  }

  /// Appends the reason in `language`.
  func write(_ reason: WarningReason, _ style: Style, in language: Language, to bytes: inout ReportBytes) {
    let zh = language == .zh
    switch reason {
    case .behindPace(let pointsBehind, let pace, let expected, let actual, let milestone):
      let places = Self.places(showing: pointsBehind)
      if style.isRate {
        if zh {
          bytes.append(style.isHigherBetter ? "低于序时目标 " : "高于序时目标 ")
          Self.short(pointsBehind, places: places, to: &bytes)
          bytes.append(" 个百分点（实际 ")
          figure(actual, style, to: &bytes)
          bytes.append("，目标 ")
          figure(milestone, style, to: &bytes)
          bytes.append("）")
        } else {
          Self.short(pointsBehind, places: places, to: &bytes)
          bytes.append(
            style.isHigherBetter
              ? " percentage points below the year-to-date target (actual "
              : " percentage points above the year-to-date target (actual ")
          figure(actual, style, to: &bytes)
          bytes.append(", target ")
          figure(milestone, style, to: &bytes)
          bytes.append(")")
        }
      } else if pace.isNaN {
        bytes.append(zh ? "实际 " : "actual ")
        figure(actual, style, to: &bytes)
        bytes.append(zh ? "，未达序时目标 " : " short of the year-to-date target ")
        figure(expected, style, to: &bytes)
      } else {
        bytes.append(zh ? "序时进度 " : "pace ")
        Self.short(pace * 100, places: places, to: &bytes)
        bytes.append(zh ? "%，落后 " : "%, ")
        Self.short(pointsBehind, places: places, to: &bytes)
        bytes.append(zh ? " 个百分点" : " points behind")
      }
    case .missing(let derived):
      switch (derived, zh) {
      case (true, true):
        bytes.append("缺少计算所需数据，无法计算")
        bytes.append(utf8: periodZH)
        bytes.append("数值")
      case (true, false):
        bytes.append("no value for ")
        bytes.append(utf8: period)
        bytes.append(": an input is missing")
      case (false, true):
        bytes.append("未报送")
        bytes.append(utf8: periodZH)
        bytes.append("数据")
      case (false, false):
        bytes.append("no figure reported for ")
        bytes.append(utf8: period)
      }
    case .late(let reportedOn):
      if let reportedOn {
        if !zh { bytes.append("reported on ") }
        bytes.append(utf8: reportedOn)
        bytes.append(zh ? " 报送，晚于截止日 " : ", after the due day ")
      } else {
        bytes.append(zh ? "截至 " : "not reported by ")
        bytes.append(utf8: asOf ?? "?")
        bytes.append(zh ? " 仍未报送，截止日为 " : "; due by ")
      }
      bytes.append(utf8: dueDay)
    case .ytdFalls(let value, let previous):
      bytes.append(zh ? "累计值 " : "year-to-date ")
      figure(value, style, to: &bytes)
      bytes.append(zh ? " 低于上季累计 " : " is below the previous quarter's ")
      figure(previous, style, to: &bytes)
    case .sumMismatch(let city, let districts, let tolerance):
      let difference = StatedFigure(
        units: city.units.flatMap { city in districts.units.map { city - $0 } }, places: city.places)
      bytes.append(zh ? "各区县合计 " : "districts add up to ")
      figure(districts, style, to: &bytes)
      bytes.append(zh ? "，与全市 " : ", not the city's ")
      figure(city, style, to: &bytes)
      bytes.append(zh ? " 相差 " : " (difference ")
      Self.fixed(difference, places: style.places, to: &bytes)
      bytes.append(zh ? "，超过容差 " : ", tolerance ")
      Self.fixed(tolerance, places: style.places + 1, to: &bytes)
      if !zh { bytes.append(")") }
    case .outlier(let growth, let score, let acrossDistricts):
      if style.isRate {
        bytes.append(zh ? "同比变化 " : "year-on-year change of ")
        Self.short(growth, places: 1, to: &bytes)
        bytes.append(zh ? " 个百分点" : " points")
      } else {
        bytes.append(zh ? "同比增长 " : "year-on-year growth ")
        Self.short(growth * 100, places: 1, to: &bytes)
        bytes.append("%")
      }
      switch (acrossDistricts, zh) {
      case (true, true): bytes.append("，在各区县中异常（修正 z 值 ")
      case (true, false): bytes.append(" is an outlier among the districts (modified z-score ")
      case (false, true): bytes.append("，与本单位以往增速相比异常（修正 z 值 ")
      case (false, false): bytes.append(" is an outlier against this org's own past growth (modified z-score ")
      }
      Self.fixed(score, places: 1, to: &bytes)
      bytes.append(zh ? "，阈值 " : ", threshold ")
      Self.short(outlierThreshold, places: 1, to: &bytes)
      bytes.append(zh ? "）" : ")")
    case .registerMismatch(let text):
      bytes.append(utf8: text.text(in: language))
    }
  }

  /// Whether the reason is written from its template and figures alone (a light behind pace, a
  /// falling year-to-date figure, districts that do not add up, an outlier), whose bytes a JSON
  /// string never escapes; the others quote days, periods or a register's text.
  static func isTemplateAndFigures(_ reason: WarningReason) -> Bool {
    switch reason {
    case .behindPace, .ytdFalls, .sumMismatch, .outlier: true
    case .missing, .late, .registerMismatch: false
    }
  }

  // MARK: - Figures

  /// A stated figure rounded half away from zero to the indicator's places, with `%` for a
  /// percentage; "—" for none.
  func figure(_ value: StatedFigure, _ style: Style, to bytes: inout ReportBytes) {
    Self.fixed(value, places: style.places, to: &bytes)
    if style.isPercent { bytes.append("%") }
  }

  /// A computed figure with the indicator's places as `printf` rounds it, with `%` for a
  /// percentage; "—" when not finite.
  func figure(_ value: Double, _ style: Style, to bytes: inout ReportBytes) {
    Self.fixed(value, places: style.places, to: &bytes)
    if style.isPercent { bytes.append("%") }
  }

  /// A stated figure rounded half away from zero to `places` decimals and written with all of
  /// them, as `DecimalArithmetic.text` writes it at a step of 10^−places; "—" for none.
  package static func fixed(_ value: StatedFigure, places: Int, to bytes: inout ReportBytes) {
    guard let units = value.units else { return bytes.append("—") }
    var magnitude = UInt128(units.magnitude)
    if places >= value.places {
      for _ in value.places..<places { magnitude *= 10 }
    } else {
      var divisor: UInt128 = 1
      for _ in places..<value.places { divisor *= 10 }
      let remainder = magnitude % divisor
      magnitude /= divisor
      if remainder * 2 >= divisor { magnitude += 1 }
    }
    if units < 0 && magnitude != 0 { bytes.append(UInt8(ascii: "-")) }
    bytes.write(upTo: NumberText.room(places: places)) { NumberText.writeDigits(magnitude, point: places, to: $0) }
  }

  /// `places` decimals as `printf("%.Nf")` rounds them, without the sign of a value that rounds
  /// to zero; "—" when not finite.
  static func fixed(_ value: Double, places: Int, to bytes: inout ReportBytes) {
    guard value.isFinite else { return bytes.append("—") }
    let start = bytes.count
    bytes.appendFixed(value, places: places)
    if bytes.base[start] == UInt8(ascii: "-")
      && !(start + 1..<bytes.count).contains(where: {
        bytes.base[$0] >= UInt8(ascii: "1") && bytes.base[$0] <= UInt8(ascii: "9")
      })
    {
      bytes.remove(at: start)
    }
  }

  /// `places` decimals as `fixed` writes them, trailing zeros dropped (82, 81.7); "∞" or "—"
  /// when not finite.
  static func short(_ value: Double, places: Int, to bytes: inout ReportBytes) {
    guard value.isFinite else { return bytes.append(value > 0 ? "∞" : "—") }
    let start = bytes.count
    fixed(value, places: places, to: &bytes)
    guard (start..<bytes.count).contains(where: { bytes.base[$0] == UInt8(ascii: ".") }) else { return }
    while bytes.base[bytes.count - 1] == UInt8(ascii: "0") { bytes.removeLast() }
    if bytes.base[bytes.count - 1] == UInt8(ascii: ".") { bytes.removeLast() }
  }

  /// The decimals that show a small gap: one, or as many as make it differ from zero (0.04, not 0).
  static func places(showing value: Double) -> Int {
    var places = 1
    while places < 4 && value != 0 && abs(value) < halves[places] { places += 1 }
    return places
  }

  /// Half a unit of each number of places, 0.5·10^−places, as `pow` gives it.
  private static let halves = (0...4).map { 0.5 * pow(10, -Double($0)) }
}
