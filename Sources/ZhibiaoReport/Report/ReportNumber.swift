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
    let text = String(format: "%.\(max(0, places))f", abs(value))
    let parts = text.split(separator: ".", maxSplits: 1)
    var whole = String(parts[0])
    var groups = [String]()
    while whole.count > 3 {
      groups.insert(String(whole.suffix(3)), at: 0)
      whole.removeLast(3)
    }
    groups.insert(whole, at: 0)
    let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
    return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// A figure of `indicator` at its precision (two decimals when it states none).
  static func figure(_ value: Double?, _ indicator: Indicator?) -> String {
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
