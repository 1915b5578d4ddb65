import Foundation

/// Numbers written as text without Foundation's formatters, for reports of a million rows: a
/// double rounded to a number of decimals exactly as C's `printf("%.Nf")` rounds it, a double as
/// JSON writes it, and an exact figure in units of 10^−places as `Decimal` describes it.
package enum NumberText {
  /// `value` with `places` decimals, as `String(format: "%.<places>f", value)` writes it: the exact
  /// binary value rounded half to even ("-0.00" for a small negative value, as there).
  ///
  /// A finite double is m·2^e with m < 2^53, so value·10^p = m·5^p·2^(e+p): an integer times a
  /// power of two, shifted and rounded in 128 bits without error. Beyond 2^63, or above 17
  /// places, which no report states, `String(format:)` writes it.
  package static func fixed(_ value: Double, places: Int) -> String {
    var output: [UInt8] = []
    appendFixed(value, places: places, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `value` with `places` decimals, as `fixed(_:places:)` writes it.
  package static func appendFixed(_ value: Double, places: Int, to output: inout [UInt8]) {
    guard value.isFinite else {
      output.append(contentsOf: (value.isNaN ? "nan" : value < 0 ? "-inf" : "inf").utf8)
      return
    }
    let magnitude = abs(value)
    guard places >= 0, places <= 17, magnitude < 0x1p63 else {
      output.append(contentsOf: String(format: "%.\(places)f", value).utf8)
      return
    }
    let bits = magnitude.bitPattern
    let exponentBits = Int(bits >> 52)
    let fraction = bits & (1 << 52 - 1)
    let (significand, exponent) = exponentBits == 0 ? (fraction, -1074) : (fraction | 1 << 52, exponentBits - 1075)
    let scaled = UInt128(significand) * powersOfFive[places]
    let shift = exponent + places
    var units: UInt128
    if shift >= 0 {
      units = scaled << shift
    } else if shift <= -127 {
      units = 0  // below half a unit: scaled < 2^93
    } else {
      units = scaled >> -shift
      let remainder = scaled & (1 << -shift - 1)
      let half = UInt128(1) << (-shift - 1)
      if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
    }
    if value.sign == .minus { output.append(UInt8(ascii: "-")) }
    appendDigits(units, point: places, to: &output)
  }

  /// Appends the decimal digits of `units` with a point before the last `point` of them (and a
  /// zero before the point when they are all after it).
  private static func appendDigits(_ units: UInt128, point: Int, to output: inout [UInt8]) {
    var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // room for 40 digits
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      // 128-bit division is slow; most figures fit in 64 bits.
      if let small = UInt64(exactly: units) {
        var remaining = small
        repeat {
          buffer[39 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
          remaining /= 10
          count += 1
        } while remaining != 0
      } else {
        var remaining = units
        repeat {
          buffer[39 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
          remaining /= 10
          count += 1
        } while remaining != 0
      }
    }
    withUnsafeBytes(of: &digits) { buffer in
      let digits = buffer[(40 - count)...]
      if point >= count {
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "."))
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: point - count))
        output.append(contentsOf: digits)
      } else if point > 0 {
        output.append(contentsOf: digits.prefix(count - point))
        output.append(UInt8(ascii: "."))
        output.append(contentsOf: digits.suffix(point))
      } else {
        output.append(contentsOf: digits)
      }
    }
  }

  private static let powersOfFive: [UInt128] = (0...17).map { power in (0..<power).reduce(UInt128(1)) { r, _ in r * 5 }
  }

  /// `value` as `JSONEncoder` writes a double: its shortest description, without a trailing
  /// ".0"; "inf", "-inf" and "nan" as the report's encoder names them (quoted by the caller).
  package static func json(_ value: Double) -> String {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }

  /// Appends `units` of 10^−places as `Decimal.description` writes the decimal
  /// `FigureGrid.decimal(units, places:)`: the digits without trailing zeros after the point.
  /// A figure's units fit 64 bits, a difference of two figures may need 128.
  package static func appendDecimal<Units: FixedWidthInteger & SignedInteger>(
    _ units: Units, places: Int, to output: inout [UInt8]
  ) {
    var magnitude = units.magnitude
    var places = places
    while places > 0 && magnitude != 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    if magnitude == 0 { places = 0 }
    if units < 0 && magnitude != 0 { output.append(UInt8(ascii: "-")) }
    appendDigits(UInt128(magnitude), point: places, to: &output)
  }

  /// Appends `value` as `JSONEncoder` writes a double, `json(_:)`, without making a string: the
  /// standard library writes its shortest digits straight into the stream.
  package static func appendJSON(_ value: Double, to output: inout [UInt8]) {
    var stream = ByteStream()
    swap(&stream.bytes, &output)
    value.write(to: &stream)
    swap(&stream.bytes, &output)
    if output.count >= 2 && output[output.count - 2] == UInt8(ascii: ".")
      && output[output.count - 1] == UInt8(ascii: "0")
    {
      output.removeLast(2)
    }
  }
}

/// A text stream into bytes. A double writes its digits through `_writeASCII`, the standard
/// library's hook for ASCII text, so that no string is made for them.
private struct ByteStream: TextOutputStream {
  var bytes: [UInt8] = []

  mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

  mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
