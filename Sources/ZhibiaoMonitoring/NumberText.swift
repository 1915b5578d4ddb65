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
    guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
    let magnitude = abs(value)
    guard places >= 0, places <= 17, magnitude < 0x1p63 else { return String(format: "%.\(places)f", value) }
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
    var digits = Array(String(units).utf8)
    if digits.count <= places {
      digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: places + 1 - digits.count), at: 0)
    }
    if places > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - places) }
    if value.sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
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
  package static func appendDecimal(_ units: Int64, places: Int, to output: inout [UInt8]) {
    appendDecimal(Int128(units), places: places, to: &output)
  }

  /// Appends `units` of 10^−places, as `appendDecimal(_:places:to:)` does, for a difference of
  /// two figures, which may need more than 64 bits.
  package static func appendDecimal(_ units: Int128, places: Int, to output: inout [UInt8]) {
    var magnitude = units.magnitude
    var places = places
    while places > 0 && magnitude != 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    if magnitude == 0 {
      output.append(UInt8(ascii: "0"))
      return
    }
    if units < 0 { output.append(UInt8(ascii: "-")) }
    var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // room for 40 digits
    let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
      var count = 0
      repeat {
        buffer[39 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude != 0
      return count
    }
    withUnsafeBytes(of: &digits) { buffer in
      let digits = buffer[(40 - count)...]
      if places >= count {
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "."))
        output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places - count))
        output.append(contentsOf: digits)
      } else if places > 0 {
        output.append(contentsOf: digits.prefix(count - places))
        output.append(UInt8(ascii: "."))
        output.append(contentsOf: digits.suffix(places))
      } else {
        output.append(contentsOf: digits)
      }
    }
  }
}
