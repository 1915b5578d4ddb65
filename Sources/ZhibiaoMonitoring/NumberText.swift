import Foundation

/// Numbers written as text without Foundation's formatters, for reports of a million rows: a
/// double rounded to a number of decimals exactly as C's `printf("%.Nf")` rounds it, a double as
/// JSON writes it, and an exact figure in units of 10^−places as `Decimal` describes it.
///
/// Each is written through a pointer with room for `room(places:)` bytes (`ReportBytes` makes the
/// room); the functions on `[UInt8]` are for callers outside the report writer.
package enum NumberText {
  /// The most bytes a number with `places` decimals takes: 39 digits of 128 bits, a sign, a
  /// point, a leading zero and the zeros after the point.
  static func room(places: Int) -> Int { 48 + max(places, 0) }

  /// `value` with `places` decimals, as `String(format: "%.<places>f", value)` writes it: the exact
  /// binary value rounded half to even ("-0.00" for a small negative value, as there).
  package static func fixed(_ value: Double, places: Int) -> String {
    var output: [UInt8] = []
    appendFixed(value, places: places, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `value` with `places` decimals, as `fixed(_:places:)` writes it.
  package static func appendFixed(_ value: Double, places: Int, to output: inout [UInt8]) {
    guard canWriteFixed(value, places: places) else {
      output.append(contentsOf: slowFixed(value, places: places).utf8)
      return
    }
    withRoom(places: places, appendingTo: &output) { writeFixed(value, places: places, to: $0) }
  }

  /// Whether `writeFixed` writes `value` with `places` decimals; `slowFixed` writes the rest.
  static func canWriteFixed(_ value: Double, places: Int) -> Bool {
    places >= 0 && places <= 17 && (value.isNaN || abs(value) < 0x1p63)
  }

  /// `value` beyond 2^63, or with more than 17 places, which no report states.
  static func slowFixed(_ value: Double, places: Int) -> String {
    value.isInfinite ? (value < 0 ? "-inf" : "inf") : String(format: "%.\(places)f", value)
  }

  /// Writes `value` with `places` decimals (0–17, below 2^63 in magnitude) as `printf` rounds it;
  /// returns the bytes written.
  ///
  /// A finite double is m·2^e with m < 2^53, so value·10^p = m·5^p·2^(e+p): an integer times a
  /// power of two, shifted and rounded in 128 bits without error.
  static func writeFixed(_ value: Double, places: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    guard value.isFinite else {
      return write(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf", to: output)
    }
    let bits = abs(value).bitPattern
    let exponentBits = Int(bits >> 52)
    let fraction = bits & (1 << 52 - 1)
    let (significand, exponent) = exponentBits == 0 ? (fraction, -1074) : (fraction | 1 << 52, exponentBits - 1075)
    let shift = exponent + places
    var units: UInt128
    if shift >= 0 {
      units = UInt128(significand) * powersOfFive[places] << shift
    } else if shift <= -127 {
      units = 0  // below half a unit: the product is below 2^93
    } else {
      let scaled = UInt128(significand) * powersOfFive[places]
      units = scaled >> -shift
      let remainder = scaled & (1 << -shift - 1)
      let half = UInt128(1) << (-shift - 1)
      if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
    }
    var written = 0
    if value.sign == .minus {
      output[0] = UInt8(ascii: "-")
      written = 1
    }
    return written + writeDigits(units, point: places, to: output + written)
  }

  /// Writes the decimal digits of `units` with a point before the last `point` of them (and a
  /// zero before the point when they are all after it); returns the bytes written.
  static func writeDigits(_ units: UInt128, point: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    // 128-bit division is slow; most figures fit in 64 bits.
    if let small = UInt64(exactly: units) { return writeDigits(small, point: point, to: output) }
    let (high, low) = units.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
    if let high = UInt64(exactly: high), point < 19 {
      // The 19 low digits are written in full, with the point among them.
      let written = writeDigits(high, point: 0, to: output)
      let lowLength = point > 0 ? 20 : 19
      writeDigits(UInt64(low), count: 19, point: point, end: output + written + lowLength)
      return written + lowLength
    }
    var text: [UInt8] = []
    var remaining = units
    repeat {
      text.append(UInt8(ascii: "0") + UInt8(remaining % 10))
      remaining /= 10
    } while remaining != 0
    return writeDigits(Array(text.reversed()), point: point, to: output)
  }

  /// Writes the digits of `units` with a point before the last `point` of them, as
  /// `writeDigits(_:point:to:)` does.
  static func writeDigits(_ units: UInt64, point: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    let count = digitCount(units)
    if point > 0 && point < count && count <= 16 {
      // A figure with places: its digits in a word, the point set among them there.
      let digits =
        count <= 8
        ? UInt128(eightDigits(UInt32(truncatingIfNeeded: units))) >> (8 * (8 - count))
        : sixteenDigits(units) >> (8 * (16 - count))
      return writePoint(in: digits, count: count, whole: count - point, to: UnsafeMutableRawPointer(output))
    }
    guard point >= count else {
      let length = point > 0 ? count + 1 : count
      writeDigits(units, count: count, point: point, end: output + length)
      return length
    }
    output[0] = UInt8(ascii: "0")
    output[1] = UInt8(ascii: ".")
    (output + 2).initialize(repeating: UInt8(ascii: "0"), count: point - count)
    writeDigits(units, count: count, point: 0, end: output + 2 + point)
    return 2 + point
  }

  /// The digits of `text` (ASCII, most significant first) with a point, for the rare number of
  /// more than 64 bits; returns the bytes written.
  private static func writeDigits(_ text: [UInt8], point: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
    var written = 0
    if point >= text.count {
      output[0] = UInt8(ascii: "0")
      output[1] = UInt8(ascii: ".")
      written = 2
      for _ in 0..<(point - text.count) {
        output[written] = UInt8(ascii: "0")
        written += 1
      }
    }
    for (index, digit) in text.enumerated() {
      if point > 0 && point < text.count && index == text.count - point {
        output[written] = UInt8(ascii: ".")
        written += 1
      }
      output[written] = digit
      written += 1
    }
    return written
  }

  private static let powersOfFive: [UInt128] = (0...17).map { power in (0..<power).reduce(UInt128(1)) { r, _ in r * 5 }
  }

  /// Appends `units` of 10^−places as `Decimal.description` writes the decimal
  /// `FigureGrid.decimal(units, places:)`: the digits without trailing zeros after the point.
  package static func appendDecimal<Units: FixedWidthInteger & SignedInteger>(
    _ units: Units, places: Int, to output: inout [UInt8]
  ) {
    withRoom(places: places, appendingTo: &output) { writeDecimal(units, places: places, to: $0) }
  }

  /// Writes `units` of 10^−places as `appendDecimal` does; returns the bytes written. A figure's
  /// units fit 64 bits, a difference of two figures may need 128.
  static func writeDecimal<Units: FixedWidthInteger & SignedInteger>(
    _ units: Units, places: Int, to output: UnsafeMutablePointer<UInt8>
  ) -> Int {
    guard let small = UInt64(exactly: units.magnitude) else {
      var magnitude = UInt128(units.magnitude)
      var places = places
      while places > 0 && magnitude % 10 == 0 {
        magnitude /= 10
        places -= 1
      }
      let sign = units < 0 ? 1 : 0
      if sign == 1 { output[0] = UInt8(ascii: "-") }
      return sign + writeDigits(magnitude, point: places, to: output + sign)
    }
    var magnitude = small
    var places = places
    while places > 0 && magnitude != 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    if magnitude == 0 { places = 0 }
    guard units < 0 && magnitude != 0 else { return writeDigits(magnitude, point: places, to: output) }
    output[0] = UInt8(ascii: "-")
    return 1 + writeDigits(magnitude, point: places, to: output + 1)
  }

  /// Writes the ASCII of `text`; returns the bytes written.
  static func write(_ text: StaticString, to output: UnsafeMutablePointer<UInt8>) -> Int {
    text.withUTF8Buffer { bytes in
      for (index, byte) in bytes.enumerated() { output[index] = byte }
      return bytes.count
    }
  }

  /// Appends what `write` writes with room for `places` decimals.
  static func withRoom(
    places: Int, appendingTo output: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    let room = room(places: places)
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: room))
    let written = output.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      return write(base + start)
    }
    output.removeLast(room - written)
  }
}
