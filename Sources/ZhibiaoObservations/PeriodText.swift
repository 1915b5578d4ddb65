import Foundation
import ZhibiaoPlan

/// Reads periods as reporters write them: `2024Q3`, `2024`, and the Chinese statistical
/// spelling of a year to date, `2024年1-9月` (also with a full-width or long dash, and `2024年`).
public enum PeriodText {
  /// The period, or nil when the text is none of the accepted spellings.
  public static func parse(_ text: String) -> Period? {
    let trimmed = FieldText.trimmed(text)
    if let period = plain(trimmed) ?? Period(trimmed) { return period }
    guard let yearEnd = trimmed.firstIndex(of: "年") else { return nil }
    let yearText = trimmed[..<yearEnd]
    guard yearText.count == 4, yearText.allSatisfy(\.isASCII), let year = Int(yearText) else { return nil }
    var rest = String(trimmed[trimmed.index(after: yearEnd)...])
    if rest.isEmpty || rest == "全年" || rest == "度" { return .year(year) }
    for dash in ["－", "—", "–", "~", "～", "至"] { rest = rest.replacingOccurrences(of: dash, with: "-") }
    guard rest.hasPrefix("1-"), rest.hasSuffix("月") else { return nil }
    let months = rest.dropFirst(2).dropLast()
    switch months {
    case "3": return .quarter(1, of: year)
    case "6": return .quarter(2, of: year)
    case "9": return .quarter(3, of: year)
    case "12": return .quarter(4, of: year)
    default: return nil
    }
  }

  /// `2024` or `2024Q3` (`q` too) read from the bytes, as ``Period/init(_:)`` reads them; nil for
  /// any other text, which that reads.
  private static func plain(_ text: String) -> Period? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> Period? in
      guard bytes.count == 4 || bytes.count == 6 else { return nil }
      var year = 0
      for byte in bytes[0..<4] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        year = year * 10 + Int(byte - UInt8(ascii: "0"))
      }
      guard bytes.count == 6 else { return .year(year) }
      guard bytes[4] == UInt8(ascii: "Q") || bytes[4] == UInt8(ascii: "q"),
        (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[5])
      else { return nil }
      return .quarter(Int(bytes[5] - UInt8(ascii: "0")), of: year)
    } ?? nil
  }
}
