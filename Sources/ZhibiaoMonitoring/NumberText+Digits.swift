/// Decimal digits written eight at a time: a number below 10^8 is split into its eight digits in
/// the lanes of one 64-bit word (two of four, four of two, eight of one, each lane divided by
/// multiplying with a reciprocal) and stored with one write.
extension NumberText {
  /// The eight digits of `units` (below 10^8, with leading zeros) as ASCII, the first digit in
  /// the lowest byte, so that storing the word little-endian writes them in order.
  @inline(__always)
  static func eightDigits(_ units: UInt32) -> UInt64 {
    let high = units / 10_000
    // Four digits in each 32-bit half, the first four in the low half.
    let fours = UInt64(high) | UInt64(units &- high &* 10_000) << 32
    // x·10486 / 2^20 is x / 100 rounded down for x below 10^4: two digits in each 16-bit lane.
    let hundreds = ((fours &* 10_486) >> 20) & 0x0000_007F_0000_007F
    let twos = hundreds | (fours &- hundreds &* 100) << 16
    // x·103 / 2^10 is x / 10 rounded down for x below 100: one digit in each byte.
    let tens = ((twos &* 103) >> 10) & 0x000F_000F_000F_000F
    let ones = tens | (twos &- tens &* 10) << 8
    return ones &+ 0x3030_3030_3030_3030
  }

  /// Writes the `count` digits of `units` (below 10^count, leading zeros written) from `output`.
  /// Each store writes eight bytes, so that up to eight bytes past the first byte are written
  /// (then overwritten by the digits that follow, or left in the room past the end).
  @inline(__always)
  static func writeDigits(_ units: UInt64, count: Int, to output: UnsafeMutablePointer<UInt8>) {
    let raw = UnsafeMutableRawPointer(output)
    var remaining = units
    var left = count
    // The first `count % 8` digits first: each later store overwrites what an earlier one wrote
    // past its digits.
    var blocks: (UInt64, UInt64) = (0, 0)
    if left > 16 {
      let (rest, last) = remaining.quotientAndRemainder(dividingBy: 100_000_000)
      let (first, middle) = rest.quotientAndRemainder(dividingBy: 100_000_000)
      blocks = (middle, last)
      remaining = first
      left -= 16
    } else if left > 8 {
      let (first, last) = remaining.quotientAndRemainder(dividingBy: 100_000_000)
      blocks = (0, last)
      remaining = first
      left -= 8
    }
    raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: remaining)) >> (64 - 8 * UInt64(left)), as: UInt64.self)
    if count > 16 {
      raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: blocks.0)), toByteOffset: left, as: UInt64.self)
    }
    if count > 8 {
      raw.storeBytes(of: eightDigits(UInt32(truncatingIfNeeded: blocks.1)), toByteOffset: count - 8, as: UInt64.self)
    }
  }

  /// Writes the last `count` digits of `units` (below 10^count) so that they end just before
  /// `end`, with a point before the last `point` of them (0 < point < count, or none); up to eight
  /// bytes past `end` may be written over.
  static func writeDigits(_ units: UInt64, count: Int, point: Int, end: UnsafeMutablePointer<UInt8>) {
    guard point > 0 && point < count else {
      writeDigits(units, count: count, to: end - count)
      return
    }
    // The digits one place on, then the whole part moved back over the place left for the point.
    let start = end - count - 1
    writeDigits(units, count: count, to: start + 1)
    for index in 0..<(count - point) { start[index] = start[index + 1] }
    start[count - point] = UInt8(ascii: ".")
  }

  /// The number of decimal digits of `units` (1 for 0): from its bits, ⌊bits · log₁₀ 2⌋ or one
  /// more.
  @inline(__always)
  static func digitCount(_ units: UInt64) -> Int {
    // `units | 1` has the same number of digits, and one for 0.
    let odd = units | 1
    let guess = ((64 - odd.leadingZeroBitCount) &* 1233) >> 12  // 1233 / 4096 ≈ log₁₀ 2
    return guess + (odd >= powersOfTen[guess] ? 1 : 0)
  }

  /// 10^0 to 10^19, a literal that the optimiser lays out in the binary.
  static let powersOfTen: [UInt64] = [
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
    100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
  ]
}
