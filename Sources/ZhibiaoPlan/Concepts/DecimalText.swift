import Foundation

extension Decimal {
  /// The decimal's text as `description` gives it — every digit it holds, trailing zeros of its
  /// fraction included, with no exponent — made directly for a mantissa of up to 64 bits, which
  /// every figure of a plan has, and by `description` otherwise. An import writes one for each of
  /// its figures, where `description` divides the whole mantissa by ten once for each digit.
  ///
  /// The parts are read from the value's bytes as Swift's `Decimal` lays them out: the exponent
  /// in the first byte, the mantissa's length in 16-bit words in the high four bits of the second
  /// and its sign in bit 3, the mantissa's words, least significant first, from the fifth byte.
  /// That layout is checked once on known values (``DecimalLayout``); where it does not hold,
  /// every text is `description`'s.
  public var exactText: String {
    guard !isNaN, DecimalLayout.isKnown else { return description }
    let parts = DecimalLayout.parts(of: self)
    guard parts.words <= 4 else { return description }
    let (exponent, negative, mantissa) = (parts.exponent, parts.negative, parts.mantissa)
    guard mantissa != 0 else { return "0" }
    var length = 0
    var rest = mantissa
    while rest > 0 {
      length += 1
      rest /= 10
    }
    // The digits after the point, the zeros the exponent adds, and the digits before the point
    // (a single 0 when there are none).
    let fraction = Swift.max(-exponent, 0)
    let zeros = Swift.max(exponent, 0)
    let whole = Swift.max(length - fraction, 1)
    let total = (negative ? 1 : 0) + whole + zeros + (fraction > 0 ? fraction + 1 : 0)
    return String(unsafeUninitializedCapacity: total) { buffer in
      var position = total
      func put(_ byte: UInt8) {
        position -= 1
        buffer[position] = byte
      }
      for _ in 0..<zeros { put(UInt8(ascii: "0")) }
      var digits = mantissa
      for _ in 0..<fraction {
        put(UInt8(ascii: "0") + UInt8(digits % 10))
        digits /= 10
      }
      if fraction > 0 { put(UInt8(ascii: ".")) }
      repeat {
        put(UInt8(ascii: "0") + UInt8(digits % 10))
        digits /= 10
      } while digits > 0
      if negative { put(UInt8(ascii: "-")) }
      return total
    }
  }
}

/// How `Decimal` keeps its parts in its 20 bytes, read for ``Foundation/Decimal/exactText``.
public enum DecimalLayout {
  /// The exponent, the sign, the mantissa's length in 16-bit words and its first four words.
  static func parts(of value: Decimal) -> (exponent: Int, negative: Bool, words: Int, mantissa: UInt64) {
    withUnsafeBytes(of: value) { bytes in
      var mantissa: UInt64 = 0
      for index in (4..<12).reversed() { mantissa = mantissa << 8 | UInt64(bytes[index]) }
      return (Int(Int8(bitPattern: bytes[0])), bytes[1] & 0x08 != 0, Int(bytes[1] >> 4), mantissa)
    }
  }

  /// Whether the layout is the one ``parts(of:)`` reads: values of every part read back as made.
  public static let isKnown: Bool = {
    guard MemoryLayout<Decimal>.size == 20 else { return false }
    let probes: [(Decimal, (exponent: Int, negative: Bool, words: Int, mantissa: UInt64))] = [
      (Decimal(sign: .minus, exponent: -1, significand: 1055), (-1, true, 1, 1055)),
      (Decimal(sign: .plus, exponent: 3, significand: 1), (3, false, 1, 1)),
      (Decimal(sign: .plus, exponent: -2, significand: Decimal(UInt64.max)), (-2, false, 4, .max)),
      (Decimal(sign: .minus, exponent: 0, significand: 65_536), (0, true, 2, 65_536)),
    ]
    return probes.allSatisfy { value, expected in
      let parts = parts(of: value)
      return parts.exponent == expected.exponent && parts.negative == expected.negative
        && parts.words == expected.words && parts.mantissa == expected.mantissa
    }
  }()
}
