import Foundation
import ZhibiaoKernel

/// How the report writes numbers: without a locale, so that the same figures give the same
/// bytes everywhere.
enum ReportNumber {
  /// Up to six decimals, trailing zeros dropped: the form the CSV files carry.
  static func plain(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// `value` with `places` decimals and thousands separators, or "—".
  static func grouped(_ value: Double?, places: Int) -> String {
    guard let value, value.isFinite else { return "—" }
    return grouped(String(format: "%.\(max(0, places))f", abs(value)), negative: value < 0)
  }

  /// A stated figure rounded half away from zero to `places` decimals, with thousands
  /// separators, or "—".
  static func grouped(_ value: Decimal?, places: Int) -> String {
    guard let value else { return "—" }
    let step = Decimal(sign: .plus, exponent: -max(0, places), significand: 1)
    return grouped(DecimalArithmetic.text(value.magnitude, step: step), negative: value < 0)
  }

  /// The digits of a magnitude `text` grouped by thousands, with a minus sign for a negative
  /// value that does not show as zero.
  private static func grouped(_ text: String, negative: Bool) -> String {
    let parts = text.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    var groups = [String]()
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole.removeLast(3)
    }
    groups.insert(whole, at: 0)
    let sign = negative && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
    return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// A figure of `indicator` at its precision (two decimals when it states none).
  static func figure(_ value: Double?, _ indicator: Indicator?) -> String {
    grouped(value, places: places(indicator))
  }

  /// A stated figure of `indicator` at its precision (two decimals when it states none).
  static func figure(_ value: Decimal?, _ indicator: Indicator?) -> String {
    grouped(value, places: places(indicator))
  }

  static func places(_ indicator: Indicator?) -> Int {
    indicator?.precision.map(DecimalArithmetic.places(of:)) ?? 2
  }

  /// A fraction as a percentage with one decimal: 0.825 → "82.5%".
  static func percent(_ fraction: Double?) -> String {
    guard let fraction, fraction.isFinite else { return "—" }
    return String(format: "%.1f%%", fraction * 100)
  }

  /// Percentage points with a sign: "+0.30 个百分点".
  static func points(_ value: Double?, language: Language) -> String {
    guard let value, value.isFinite else { return "—" }
    return String(format: "%+.2f", value) + (language == .zh ? " 个百分点" : " pt")
  }

  /// A decimal as written, e.g. a score.
  static func decimal(_ value: Decimal) -> String { "\(value)" }
}
