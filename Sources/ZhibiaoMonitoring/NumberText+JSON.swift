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

  /// Writes `value` as `json(_:)` writes it; returns the bytes written (at most 24; up to 40 bytes
  /// from `output` may be written over).
  ///
  /// The digits are the shortest decimal that reads back as `value` (`ShortestDecimal`), set out
  /// as the standard library's `description` sets them out: with an exponent of at least two
  /// digits ("1e-05", "1.5e+300") below 10^−4 and above 2^53, where not every whole number is a
  /// double, else as a plain decimal ("0.0001", "9007199254740992").
  package static func writeJSON(_ value: Double, to output: UnsafeMutablePointer<UInt8>) -> Int {
    writeJSON(value, likelyShort: false, to: output)
  }

  /// Writes `value` as `writeJSON(_:to:)` does. When `likelyShort` (a figure that is mostly a
  /// decimal of a few places), a decimal of at most 15 digits is looked for first
  /// (`ShortestDecimal(short:)`), which is cheaper than Schubfach when found and costs a few
  /// operations more when not.
  @inline(__always)
  package static func writeJSON(_ value: Double, likelyShort: Bool, to output: UnsafeMutablePointer<UInt8>) -> Int {
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
    let decimal = (likelyShort ? ShortestDecimal(short: value) : nil) ?? ShortestDecimal(value)
    return written + write(decimal, exponential: abs(value) > 0x1p53, to: output + written)
  }

  /// Writes `decimal` in plain form or, when `exponential` or below 10^−4, with an exponent, as
  /// `description` writes a double; returns the bytes written (at most 23; up to 33 bytes may be
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
    // Below 2^53, so at most 17 digits: the first, then sixteen in the 16 bytes of `rest`.
    let (first, rest) = seventeenDigits(decimal.digits)
    let raw = UnsafeMutableRawPointer(output)
    if leading < 0 {
      // "0.000123": at most three zeros after the point.
      raw.storeBytes(of: 0x3030_3030_3030_2E30 as UInt64, as: UInt64.self)
      let zeros = -leading - 1
      if count == 17 {
        output[2 + zeros] = first
        raw.storeBytes(of: rest, toByteOffset: 3 + zeros, as: UInt128.self)
      } else {
        raw.storeBytes(of: rest >> (8 * (16 - count)), toByteOffset: 2 + zeros, as: UInt128.self)
      }
      return 2 + zeros + count
    }
    if decimal.exponent >= 0 {
      // A whole number of at most 16 digits, then its zeros.
      raw.storeBytes(of: rest >> (8 * (16 - count)), as: UInt128.self)
      raw.storeBytes(of: sixteenZeros, toByteOffset: count, as: UInt128.self)
      return count + decimal.exponent
    }
    let whole = count + decimal.exponent
    if count == 17 {
      output[0] = first
      return 1 + writePoint(in: rest, count: 16, whole: whole - 1, to: raw + 1)
    }
    return writePoint(in: rest >> (8 * (16 - count)), count: count, whole: whole, to: raw)
  }

  /// "0000000000000000" as the bytes of a 128-bit word.
  private static let sixteenZeros: UInt128 = 0x3030_3030_3030_3030_3030_3030_3030_3030

  /// The digits of `digits` (below 10^17) as ASCII: the first, and the sixteen after it (with
  /// leading zeros) in the 16 bytes of a word, the first of them in the lowest byte.
  @inline(__always)
  static func seventeenDigits(_ digits: UInt64) -> (first: UInt8, rest: UInt128) {
    let high = digits / 100_000_000
    let low = UInt32(truncatingIfNeeded: digits &- high &* 100_000_000)
    let first = high / 100_000_000
    let middle = UInt32(truncatingIfNeeded: high &- first &* 100_000_000)
    return (
      UInt8(truncatingIfNeeded: first) &+ UInt8(ascii: "0"),
      UInt128(eightDigits(middle)) | UInt128(eightDigits(low)) << 64
    )
  }

  /// The sixteen digits of `digits` (below 10^16, with leading zeros) as ASCII in the 16 bytes of
  /// a word, the first in the lowest byte.
  @inline(__always)
  static func sixteenDigits(_ digits: UInt64) -> UInt128 {
    let high = digits / 100_000_000
    let low = UInt32(truncatingIfNeeded: digits &- high &* 100_000_000)
    return UInt128(eightDigits(UInt32(truncatingIfNeeded: high))) | UInt128(eightDigits(low)) << 64
  }

  /// Writes the `count` digits (1–16) in the low bytes of `digits` with a point after the first
  /// `whole` of them (0 ≤ whole < count), set in the word rather than moved byte by byte; returns
  /// the bytes written (count + 1). Writes 16 bytes, 17 when count is 16.
  @inline(__always)
  static func writePoint(in digits: UInt128, count: Int, whole: Int, to output: UnsafeMutableRawPointer) -> Int {
    let shift = UInt128(8 * whole)
    let before = digits & ((1 << shift) &- 1)
    let after = (digits >> shift) << (shift + 8)
    output.storeBytes(of: before | UInt128(UInt8(ascii: ".")) << shift | after, as: UInt128.self)
    if count == 16 { output.storeBytes(of: UInt8(truncatingIfNeeded: digits >> 120), toByteOffset: 16, as: UInt8.self) }
    return count + 1
  }
}
