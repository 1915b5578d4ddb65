import Foundation

/// A number cell's `<v>` text as a plain decimal, read digit by digit (never through `Double`).
///
/// Spreadsheets keep numbers as binary doubles and write them with up to 17 significant digits,
/// so a typed 0.3 that went through arithmetic can be written `0.30000000000000004`, and a
/// typed 1234.5 `1234.5000000000002`. The rule: a number cell is rounded to 15 significant
/// digits, half away from zero — the precision Excel, WPS and LibreOffice show and calculate
/// with — and written without an exponent and without trailing zeros. Every number of up to
/// 15 significant digits, which is every number a person can type into a cell, comes back
/// exactly as typed; text cells are not rounded at all.
enum SpreadsheetNumber {
  /// The significant digits kept.
  static let significantDigits = 15

  /// The plain decimal of `text` (`1.5E+3` → `1500`), or nil when it is not a number.
  static func plain(_ text: String) -> String? {
    var rest = Substring(text)
    let negative = rest.first == "-"
    if rest.first == "-" || rest.first == "+" { rest.removeFirst() }
    var exponent = 0
    if let mark = rest.firstIndex(where: { $0 == "E" || $0 == "e" }) {
      guard let power = Int(rest[rest.index(after: mark)...]), abs(power) < 1000 else { return nil }
      exponent = power
      rest = rest[..<mark]
    }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    let written = whole + fraction
    guard !written.isEmpty, written.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
    // The value is digits × 10^scale.
    var digits = written.drop { $0 == "0" }.map { Int($0.asciiValue! - 48) }
    var scale = exponent - fraction.count
    guard !digits.isEmpty else { return "0" }
    if digits.count > significantDigits {
      scale += digits.count - significantDigits
      let roundsUp = digits[significantDigits] >= 5
      digits.removeLast(digits.count - significantDigits)
      if roundsUp { scale += carry(&digits) }
    }
    while digits.count > 1, digits.last == 0 {
      digits.removeLast()
      scale += 1
    }
    return (negative ? "-" : "") + format(digits, scale: scale)
  }

  /// Adds one to the last digit; the change of scale when the digits overflow (999 → 100, +1).
  private static func carry(_ digits: inout [Int]) -> Int {
    for index in digits.indices.reversed() {
      if digits[index] < 9 {
        digits[index] += 1
        return 0
      }
      digits[index] = 0
    }
    digits.insert(1, at: 0)
    digits.removeLast()
    return 1
  }

  /// digits × 10^scale written out.
  private static func format(_ digits: [Int], scale: Int) -> String {
    let text = digits.map(String.init).joined()
    if scale >= 0 { return text + String(repeating: "0", count: scale) }
    let point = text.count + scale
    if point > 0 { return String(text.prefix(point)) + "." + String(text.dropFirst(point)) }
    return "0." + String(repeating: "0", count: -point) + text
  }
}

/// A spreadsheet's serial date as a calendar day.
///
/// In the 1900 date system serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day that
/// never was (kept by Excel for compatibility with Lotus 1-2-3), so serials from 61 count from
/// 1899-12-30; in the 1904 system serial 0 is 1904-01-01.
enum SerialDate {
  /// `YYYY-MM-DD` of the whole serial `serial`, or nil for a serial that names no day.
  static func day(_ serial: Int, date1904: Bool) -> String? {
    let daysFrom1970: Int
    switch (date1904, serial) {
    case (true, 0...): daysFrom1970 = serial - 24_107
    case (false, 1...59): daysFrom1970 = serial - 25_568
    case (false, 61...): daysFrom1970 = serial - 25_569
    default: return nil
    }
    let parts = utc.dateComponents(
      [.year, .month, .day], from: Date(timeIntervalSince1970: Double(daysFrom1970) * 86_400))
    func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
  }

  /// The Gregorian calendar in UTC, where a day number is a whole day.
  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
  }()
}
