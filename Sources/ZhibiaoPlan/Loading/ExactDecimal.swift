import Foundation

/// A figure read from an import file as an exact decimal, or the reason it cannot be one.
///
/// `Decimal` holds at most 38 significant digits and a power of ten from -128 to 127; a
/// number beyond either would be rounded silently, so it is refused instead.
public enum ExactDecimal: Equatable, Sendable {
  /// The most significant digits a figure may have.
  public static let maximumDigits = 38

  /// The number, exactly as written.
  case value(Decimal)
  /// Not a plain decimal literal (`-12`, `0.01`): exponents, separators and words are refused.
  case notANumber
  /// A plain decimal with more significant digits than `maximumDigits`, or too large or too
  /// small to be held exactly.
  case tooPrecise(digits: Int)

  /// Reads `text`, which the caller has trimmed.
  public init(_ text: String) {
    if let value = Self.plain(text) {
      self = .value(value)
      return
    }
    guard NodeReader.isDecimalLiteral(text) else {
      self = .notANumber
      return
    }
    let unsigned = text.drop { $0 == "-" || $0 == "+" }
    let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
    let integer = parts[0]
    let digits = Array(integer + (parts.count > 1 ? parts[1] : ""))
    guard let first = digits.firstIndex(where: { $0 != "0" }), let last = digits.lastIndex(where: { $0 != "0" })
    else {
      self = .value(0)
      return
    }
    let significant = last - first + 1
    // The power of ten of the last significant digit, as `Decimal` keeps it.
    let exponent = integer.count - 1 - last
    guard significant <= Self.maximumDigits, (-128...127).contains(exponent),
      let value = Decimal(string: String(text), locale: nil)
    else {
      self = .tooPrecise(digits: significant)
      return
    }
    self = .value(value)
  }

  /// A literal of at most 18 digits, `-` at most before them and a point at most between them
  /// (nearly every figure a file holds), read from its bytes: its digits as one integer, without
  /// trailing zeros, times a power of ten. The same value, bit for bit, as `Decimal(string:)`
  /// gives, at a fraction of its cost; nil for anything else, which the general path reads.
  static func plain(_ text: String) -> Decimal? {
    plainParts(text).map(decimal)
  }

  /// The digits and power of ten of a literal ``plain(_:)`` reads, as ``init(_:)`` takes them
  /// (without trailing zeros, and 0 times 10⁰ for zero); nil for any other text.
  public static func plainParts(_ text: String) -> (significand: Int64, exponent: Int)? {
    var significand: UInt64 = 0
    var digits = 0
    var fraction = 0
    var point = false
    var negative = false
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where index == 0: negative = true
      case UInt8(ascii: ".") where !point: point = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        if point { fraction += 1 }
        guard digits <= 18 else { return nil }
        significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
      default: return nil
      }
    }
    guard digits > fraction, !point || fraction > 0 else { return nil }
    guard significand > 0 else { return (0, 0) }
    var exponent = -fraction
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
    return (negative ? -Int64(significand) : Int64(significand), exponent)
  }

  /// The decimal of `parts`, as ``plainParts(_:)`` gives them.
  public static func decimal(_ parts: (significand: Int64, exponent: Int)) -> Decimal {
    guard parts.significand != 0 else { return 0 }
    return Decimal(
      sign: parts.significand < 0 ? .minus : .plus, exponent: parts.exponent,
      significand: Decimal(parts.significand.magnitude))
  }

  /// The sentence that refuses a figure with too many digits.
  public static func tooPreciseMessage(_ text: String, digits: Int) -> String {
    "The value '\(text)' has \(digits) significant digits or a magnitude that cannot be held exactly; at most \(maximumDigits) significant digits are kept, so it is refused rather than rounded."
  }
}
