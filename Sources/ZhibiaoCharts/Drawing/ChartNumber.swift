/// Numbers as charts print them: no locale, so the same value always gives the same text.
enum ChartNumber {
  /// `value` rounded to at most `fractionDigits` decimals, without trailing zeros, with a comma
  /// between each group of three integer digits when `grouping` is set: 1234.50 → "1,234.5".
  /// Non-finite values print as "—".
  static func format(_ value: Double, fractionDigits: Int, grouping: Bool = true) -> String {
    guard value.isFinite else { return "—" }
    var digits = min(max(fractionDigits, 0), 9)
    var scaled = (abs(value) * power(digits)).rounded()
    // Past 2^53 a Double holds no fraction worth printing; drop decimals until the integer is exact.
    while scaled >= 9.0e15, digits > 0 {
      digits -= 1
      scaled = (abs(value) * power(digits)).rounded()
    }
    guard scaled < 9.0e15 else { return "\(value)" }
    let units = UInt64(scaled)
    let factor = UInt64(power(digits))
    var whole = String(units / factor)
    if grouping { whole = grouped(whole) }
    var fraction = digits == 0 ? "" : String(units % factor)
    fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    while fraction.last == "0" { fraction.removeLast() }
    let sign = value < 0 && units != 0 ? "-" : ""
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// A coordinate or length for an SVG attribute, to a tenth of a unit.
  static func coordinate(_ value: Double) -> String {
    format(value, fractionDigits: 1, grouping: false)
  }

  /// 10^exponent, exact for the exponents used here.
  static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(exponent, 0) { result *= 10 }
    return result
  }

  private static func grouped(_ digits: String) -> String {
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}

extension Double {
  /// The value as an SVG coordinate.
  var svg: String { ChartNumber.coordinate(self) }
}
