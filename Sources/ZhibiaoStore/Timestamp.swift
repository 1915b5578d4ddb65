import Foundation

/// Times as UTC ISO-8601 text to the millisecond, `2024-04-15T09:30:00.000Z`.
///
/// Written by hand rather than with `ISO8601DateFormatter` because a formatter is not
/// `Sendable`, and reading 100,000 records should not parse through a locale-aware formatter.
/// A time with a part below the millisecond comes back rounded to the nearest millisecond; a
/// whole second or millisecond comes back exactly.
package enum Timestamp {
  private static let millisecondsPerDay: Int64 = 86_400_000

  /// The text of `date`.
  package static func text(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let days = floorDivide(milliseconds, millisecondsPerDay)
    var rest = milliseconds - days * millisecondsPerDay
    let (year, month, day) = civil(fromDays: days)
    let hour = rest / 3_600_000
    rest %= 3_600_000
    let minute = rest / 60_000
    rest %= 60_000
    let second = rest / 1000
    let millisecond = rest % 1000
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T" + padded(hour, 2) + ":"
      + padded(minute, 2) + ":" + padded(second, 2) + "." + padded(millisecond, 3) + "Z"
  }

  /// The date `text` names, or nil if it is not in the form `text(_:)` writes.
  package static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z"),
      let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
      let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
      let millisecond = number(bytes[20..<23]),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
    else { return nil }
    let days = self.days(fromYear: year, month: month, day: day)
    let milliseconds =
      days * millisecondsPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
    var value: Int64 = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }

  // Days since 1970-01-01 in the proleptic Gregorian calendar, after Howard Hinnant's
  // "chrono-compatible low-level date algorithms": eras of 400 years, years starting in March so
  // that the leap day comes last.
  private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = floorDivide(y, 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = floorDivide(z, 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
