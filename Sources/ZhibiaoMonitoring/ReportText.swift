import Foundation
import ZhibiaoPlan

/// The bytes of report fields, appended to a buffer: JSON as the report's `JSONEncoder` writes it
/// (keys sorted, compact, `/` escaped, a statistic that is not a number as "inf" or "nan"), and
/// CSV fields quoted where RFC 4180 needs it.
package enum ReportText {
  /// Appends `text` as a JSON string, escaped as `JSONEncoder` escapes it.
  package static func appendJSON(_ text: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
      case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
      case UInt8(ascii: "/"): output.append(contentsOf: #"\/"#.utf8)
      case 0x08: output.append(contentsOf: #"\b"#.utf8)
      case 0x09: output.append(contentsOf: #"\t"#.utf8)
      case 0x0A: output.append(contentsOf: #"\n"#.utf8)
      case 0x0C: output.append(contentsOf: #"\f"#.utf8)
      case 0x0D: output.append(contentsOf: #"\r"#.utf8)
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: #"\u00"#.utf8)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0xF)])
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Appends an optional string as JSON, `null` for none.
  static func appendJSON(_ text: String?, to output: inout [UInt8]) {
    if let text { appendJSON(text, to: &output) } else { output.append(contentsOf: "null".utf8) }
  }

  /// Appends `{"en":…,"zh":…}`.
  static func appendJSON(_ text: LocalizedText, to output: inout [UInt8]) {
    output.append(contentsOf: #"{"en":"#.utf8)
    appendJSON(text.en, to: &output)
    output.append(contentsOf: #","zh":"#.utf8)
    appendJSON(text.zh, to: &output)
    output.append(UInt8(ascii: "}"))
  }

  /// Appends `value` encoded by the report's encoder: for the parts of a row that are rare and
  /// nested (a register's disagreement, the last figure reported), written as `report()` writes
  /// them.
  static func appendEncoded(_ value: some Encodable, to output: inout [UInt8]) {
    output.append(contentsOf: (try? encoder.encode(value)) ?? Data("null".utf8))
  }

  /// The encoder of the report's JSON: keys sorted, compact, non-numbers as strings.
  static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  // MARK: - CSV

  /// Appends one CSV field, quoted when it holds a comma, a quote or a line break.
  package static func appendCSV(_ text: String, to output: inout [UInt8]) {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
    else {
      output.append(contentsOf: utf8)
      return
    }
    output.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { output.append(byte) }
      output.append(byte)
    }
    output.append(UInt8(ascii: "\""))
  }

  /// The CSV text of a statistic: empty for NaN, "inf" or "-inf", else as JSON writes it.
  static func csv(_ value: Double) -> String {
    value.isNaN ? "" : value.isInfinite ? (value < 0 ? "-inf" : "inf") : NumberText.json(value)
  }
}
