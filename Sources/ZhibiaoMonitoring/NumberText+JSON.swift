/// Doubles as JSON writes them: the shortest description that reads back as the same double.
extension NumberText {
  /// `value` as `JSONEncoder` writes a double: its shortest description, without a trailing
  /// ".0"; "inf", "-inf" and "nan" as the report's encoder names them (quoted by the caller).
  package static func json(_ value: Double) -> String {
    var output: [UInt8] = []
    appendJSON(value, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `value` as `json(_:)` writes it.
  package static func appendJSON(_ value: Double, to output: inout [UInt8]) {
    withRoom(places: 0, appendingTo: &output) { writeJSON(value, to: $0) }
  }

  /// Writes `value` as `json(_:)` writes it; returns the bytes written (at most 32).
  ///
  /// The digits are the shortest decimal that reads back as `value` (`ShortestDecimal`), set out
  /// as the standard library's `description` sets them out: with an exponent of at least two
  /// digits ("1e-05", "1.5e+300") below 10^−4 and above 2^53, where not every whole number is a
  /// double, else as a plain decimal ("0.0001", "9007199254740992").
  package static func writeJSON(_ value: Double, to output: UnsafeMutablePointer<UInt8>) -> Int {
    guard value.isFinite else {
      var written = 0
      for byte in value.description.utf8 where written < 32 {
        output[written] = byte
        written += 1
      }
      return written
    }
    var written = 0
    if value.sign == .minus {
      output[0] = UInt8(ascii: "-")
      written = 1
    }
    if value == 0 {
      output[written] = UInt8(ascii: "0")
      return written + 1
    }
    let decimal = ShortestDecimal(value)
    return written + write(decimal, exponential: abs(value) > 0x1p53, to: output + written)
  }

  /// Writes `decimal` in plain form or, when `exponential` or below 10^−4, with an exponent, as
  /// `description` writes a double; returns the bytes written (at most 23; up to 8 more may be
  /// written over).
  static func write(_ decimal: ShortestDecimal, exponential: Bool, to output: UnsafeMutablePointer<UInt8>) -> Int {
    let count = digitCount(decimal.digits)
    // The power of ten of the first digit.
    let leading = decimal.exponent + count - 1
    if exponential || leading < -4 {
      // "1.2345e-05": the digits one place on, the first moved back over the point's place.
      writeDigits(decimal.digits, count: count, to: output + 1)
      output[0] = output[1]
      var written = 1
      if count > 1 {
        output[1] = UInt8(ascii: ".")
        written = count + 1
      }
      output[written] = UInt8(ascii: "e")
      output[written + 1] = leading < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
      written += 2
      let power = abs(leading)
      if power >= 100 {
        output[written] = UInt8(ascii: "0") + UInt8(power / 100)
        written += 1
      }
      output[written] = UInt8(ascii: "0") + UInt8(power / 10 % 10)
      output[written + 1] = UInt8(ascii: "0") + UInt8(power % 10)
      return written + 2
    }
    if leading < 0 {
      // "0.000123": at most three zeros after the point.
      UnsafeMutableRawPointer(output).storeBytes(of: 0x3030_3030_3030_2E30 as UInt64, as: UInt64.self)
      let zeros = -leading - 1
      writeDigits(decimal.digits, count: count, to: output + 2 + zeros)
      return 2 + zeros + count
    }
    if decimal.exponent >= 0 {
      writeDigits(decimal.digits, count: count, to: output)
      (output + count).initialize(repeating: UInt8(ascii: "0"), count: decimal.exponent)
      return count + decimal.exponent
    }
    writeDigits(decimal.digits, count: count, point: -decimal.exponent, end: output + count + 1)
    return count + 1
  }
}
