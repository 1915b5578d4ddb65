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
  /// A double that is the nearest to a decimal of at most 15 significant digits and 6 places
  /// between 10^−4 and 10^15 (a figure stated in units, a share, a ratio of whole numbers) is
  /// written from that decimal's digits: no other decimal of 15 digits or fewer has the same
  /// nearest double (DBL_DIG), so it is the shortest description, and Swift writes numbers in
  /// that range without an exponent. Any other double is written by the standard library.
  static func writeJSON(_ value: Double, to output: UnsafeMutablePointer<UInt8>) -> Int {
    if value == 0 { return write(value.sign == .minus ? "-0" : "0", to: output) }
    let magnitude = abs(value)
    if magnitude >= 1e-4 && magnitude < 1e15, let (units, places) = shortDecimal(magnitude) {
      var written = 0
      if value < 0 {
        output[0] = UInt8(ascii: "-")
        written = 1
      }
      return written + writeDigits(units, point: places, to: output + written)
    }
    var stream = ASCIIStream(output: output)
    value.write(to: &stream)
    // "1.0" is "1" in JSON; an exponent never ends in ".0".
    let count = stream.count
    if count >= 2 && output[count - 2] == UInt8(ascii: ".") && output[count - 1] == UInt8(ascii: "0") {
      return count - 2
    }
    return count
  }

  /// `magnitude` (from 10^−4 to 10^15) as units of 10^−places, places from 0 to 6 and as few as
  /// can be, when it is the double nearest those units; nil otherwise.
  ///
  /// With n = round(magnitude·10^p) below 10^15, n·10^−p is a decimal of at most 15 digits, and
  /// n / 10^p, both exact in doubles and divided with one rounding, is its nearest double. When
  /// magnitude is the nearest double to such a decimal, magnitude·10^p is within 0.25 of n, so
  /// rounding finds it.
  private static func shortDecimal(_ magnitude: Double) -> (units: UInt64, places: Int)? {
    var places = 6
    var scale = 1e6
    var limit = 1e9
    while places > 0 && magnitude >= limit {
      places -= 1
      scale /= 10  // exact: the powers of ten up to 10^22 are doubles
      limit *= 10
    }
    let product = magnitude * scale
    // Adding and taking away 2^52 rounds a double below it to a whole number, without a call.
    let scaled = (product + 0x1p52) - 0x1p52
    // Two roundings put the product within n·2^−52 of n; a double of 16 or 17 digits is almost
    // never that close, and is turned away before the division.
    guard abs(product - scaled) <= scaled * 0x1p-50, scaled / scale == magnitude else { return nil }
    var units = UInt64(scaled)
    while places > 0 && units % 10 == 0 {
      units /= 10
      places -= 1
    }
    return (units, places)
  }
}

/// The text of a double as the standard library writes it, copied to where the report is
/// written (with room for 32 bytes): a double writes its digits through `_writeASCII`, the
/// standard library's hook for ASCII text, so that no string is made for them.
private struct ASCIIStream: TextOutputStream {
  let output: UnsafeMutablePointer<UInt8>
  private(set) var count = 0

  init(output: UnsafeMutablePointer<UInt8>) {
    self.output = output
  }

  mutating func write(_ string: String) {
    for byte in string.utf8 where count < 32 {
      output[count] = byte
      count += 1
    }
  }

  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
    for byte in buffer where count < 32 {
      output[count] = byte
      count += 1
    }
  }
}
