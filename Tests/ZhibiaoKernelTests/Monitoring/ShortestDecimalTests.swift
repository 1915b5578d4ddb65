import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Monitoring: the shortest digits of a double, written without the standard library")
struct ShortestDecimalTests {
  /// The doubles among `values` that `NumberText.json` writes otherwise than `JSONEncoder` (the
  /// standard library's description without a trailing ".0"), as bit patterns, at most ten.
  static func misses(_ values: some Sequence<Double>) -> [UInt64] {
    var misses: [UInt64] = []
    let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    defer { output.deallocate() }
    for value in values {
      let count = NumberText.writeJSON(value, to: output)
      var description = value.description
      if description.hasSuffix(".0") { description.removeLast(2) }
      let same = description.withUTF8 { $0.elementsEqual(UnsafeBufferPointer(start: output, count: count)) }
      if !same && misses.count < 10 { misses.append(value.bitPattern) }
    }
    return misses
  }

  /// Every double's 2^q, from the subnormals' to the largest, the sign either way.
  static let exponents = 0...2046

  @Test("Property: 2.6 million random bit patterns, every exponent, are written as the standard library writes them")
  func randomBits() {
    let seed = UInt64.random(in: 0...UInt64.max)
    var words = AssessorRandom(state: seed)
    let finite = (0..<2_000_000).lazy.map { _ in
      var bits = words.next()
      if bits & 0x7FF0_0000_0000_0000 == 0x7FF0_0000_0000_0000 { bits &= 0xBFFF_FFFF_FFFF_FFFF }
      return Double(bitPattern: bits)
    }
    #expect(Self.misses(finite).isEmpty, "seed \(seed)")
    // 300 significands at each exponent, so that every power of ten the table holds is used.
    let everyExponent = Self.exponents.lazy.flatMap { exponent in
      (0..<300).lazy.map { _ in
        Double(bitPattern: UInt64(exponent) << 52 | words.next() & (1 << 52 - 1) | words.next() & 1 << 63)
      }
    }
    #expect(Self.misses(everyExponent).isEmpty, "seed \(seed)")
  }

  @Test(
    "Property: the report's ranges — 0 to 10, ±10^6, whole numbers, ratios — are written as the standard library writes them"
  )
  func reportRanges() {
    let seed = UInt64.random(in: 0...UInt64.max)
    var words = AssessorRandom(state: seed)
    let unit = (0..<400_000).lazy.map { _ in Double.random(in: 0..<10, using: &words) }
    let wide = (0..<400_000).lazy.map { _ in Double.random(in: -1e6...1e6, using: &words) }
    let whole = (0..<200_000).lazy.map { _ in Double(Int64.random(in: -(1 << 54)...(1 << 54), using: &words)) }
    let small = (0..<50_000).lazy.map { _ in Double(Int.random(in: -100_000...100_000, using: &words)) }
    let ratios = (0..<300_000).lazy.map { _ in
      Double(Int.random(in: -10_000_000...10_000_000, using: &words))
        / Double(Int.random(in: 1...10_000, using: &words))
    }
    let growths = (0..<300_000).lazy.map { _ in
      (Double(Int.random(in: 1...100_000_000, using: &words)) / 1e4 + 1e-9).squareRoot() - 1
    }
    #expect(Self.misses(unit).isEmpty, "seed \(seed)")
    #expect(Self.misses(wide).isEmpty, "seed \(seed)")
    #expect(Self.misses(whole).isEmpty, "seed \(seed)")
    #expect(Self.misses(small).isEmpty, "seed \(seed)")
    #expect(Self.misses(ratios).isEmpty, "seed \(seed)")
    #expect(Self.misses(growths).isEmpty, "seed \(seed)")
  }

  /// The 64 doubles either side of `value`, and `value`.
  static func neighbours(_ value: Double) -> [Double] {
    var below = [value]
    var above = [value]
    for _ in 0..<64 {
      below.append(below[below.count - 1].nextDown)
      above.append(above[above.count - 1].nextUp)
    }
    return below + above.dropFirst()
  }

  @Test(
    "Every power of two and of ten, the subnormals and 2^53 are written, with their neighbours, as the standard library writes them"
  )
  func edges() {
    let powersOfTwo = Self.exponents.flatMap {
      Self.neighbours(Double(sign: .plus, exponent: $0 - 1074, significand: 1))
    }
    let powersOfTen = (-323...308).flatMap { Self.neighbours(Double("1e\($0)") ?? 0) }
    let subnormals =
      (1...5000).map { Double(bitPattern: UInt64($0)) }
      + (1...5000).map { Double(bitPattern: (1 << 52) - UInt64($0)) }
    let limits = [0x1p53, 1e-4, 1e-5, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, .greatestFiniteMagnitude]
      .flatMap(Self.neighbours)
    for values in [powersOfTwo, powersOfTen, subnormals, limits] {
      #expect(Self.misses(values).isEmpty)
      #expect(Self.misses(values.map { -$0 }).isEmpty)
    }
  }

  @Test("Large, small and signed zero doubles are written as JSONEncoder writes them")
  func encoderForms() throws {
    let values: [Double] = [
      1e16, 1e-7, -0.0, 0, 5e-324, 1e-323, 0x1p53, 0x1p53 + 2, 1e-4, 1e-5, 1e15, 0.1 + 0.2, 100, 1e22,
      .greatestFiniteMagnitude, 0x1p-1022, 123.456, -2.5e-300, 1.5e300,
    ]
    let encoded = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    let expected =
      "[1e+16,1e-07,-0,0,5e-324,1e-323,9007199254740992,9.007199254740994e+15,0.0001,1e-05,1000000000000000,"
      + "0.30000000000000004,100,1e+22,1.7976931348623157e+308,2.2250738585072014e-308,123.456,-2.5e-300,1.5e+300]"
    #expect(encoded == expected)
    #expect("[" + values.map(NumberText.json).joined(separator: ",") + "]" == expected)
  }

  @Test("The digits and exponent of a few doubles, worked out by hand")
  func digits() {
    #expect(ShortestDecimal(0.1) == ShortestDecimal(digits: 1, exponent: -1))
    #expect(ShortestDecimal(-1234.5) == ShortestDecimal(digits: 12345, exponent: -1))
    #expect(ShortestDecimal(1e23) == ShortestDecimal(digits: 1, exponent: 23))
    #expect(ShortestDecimal(2.0 / 3) == ShortestDecimal(digits: 6_666_666_666_666_666, exponent: -16))
    #expect(ShortestDecimal(5e-324) == ShortestDecimal(digits: 5, exponent: -324))
    #expect(ShortestDecimal(4_000_000) == ShortestDecimal(digits: 4, exponent: 6))
  }

  @Test("The table's powers of ten are ⌊10^−k · 2^s⌋ + 1, worked out again in whole numbers of many words")
  func table() {
    let powers = ShortestDecimal.powers
    #expect(powers.count == 2 * (ShortestDecimal.maxK - ShortestDecimal.minK + 1))
    for k in ShortestDecimal.minK...ShortestDecimal.maxK where 2 * (k - ShortestDecimal.minK) + 1 < powers.count {
      let index = 2 * (k - ShortestDecimal.minK)
      let g = UInt128(powers[index]) << 63 | UInt128(powers[index + 1])
      #expect(powers[index + 1] >> 63 == 0 && g >> 125 == 1, "k \(k)")
      // g − 1 ≤ 10^e · 2^s < g, e = −k, both sides made whole: 10^e · 2^s against g · 2^−s when
      // e ≥ 0 (s may be negative), 2^s against g · 10^−e otherwise.
      let e = -k
      let s = 125 - ShortestDecimal.floorLog2Pow10(e)
      var exact = WideNatural(1)
      var low = WideNatural(g - 1)
      var high = WideNatural(g)
      if e >= 0 {
        for _ in 0..<e { exact.multiply(by: 10) }
        for _ in 0..<max(s, 0) { exact.multiply(by: 2) }
        for _ in 0..<max(-s, 0) {
          low.multiply(by: 2)
          high.multiply(by: 2)
        }
      } else {
        exact = WideNatural(powerOfTwo: s)
        for _ in 0..<(-e) {
          low.multiply(by: 10)
          high.multiply(by: 10)
        }
      }
      #expect(low <= exact && exact < high, "k \(k): g₁, g₀ should be \(Self.expected(k: k))")
    }
  }

  /// The table's line for k, worked out from 10^e or 2^n / 10^−e in whole numbers.
  static func expected(k: Int) -> String {
    let e = -k
    let s = 125 - ShortestDecimal.floorLog2Pow10(e)
    var g: UInt128
    if e >= 0 {
      var power = WideNatural(1)
      for _ in 0..<e { power.multiply(by: 10) }
      g = s >= 0 ? power.bits(from: 0) << UInt128(s) : power.bits(from: -s)
    } else {
      var quotient = WideNatural(powerOfTwo: s)
      for _ in 0..<(-e) { quotient.divide(by: 10) }
      g = quotient.bits(from: 0)
    }
    g += 1
    func hex(_ word: UInt64) -> String {
      let digits = String(word, radix: 16, uppercase: true)
      return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
    }
    return "\(hex(UInt64(truncatingIfNeeded: g >> 63))), \(hex(UInt64(truncatingIfNeeded: g) & (1 << 63 - 1)))"
  }
}

/// A whole number of many 64-bit words (least significant first), for working out the powers of
/// ten exactly.
struct WideNatural: Comparable {
  private(set) var words: [UInt64]

  init(_ value: UInt128) {
    words = [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
  }

  /// 2^n.
  init(powerOfTwo n: Int) {
    words = [UInt64](repeating: 0, count: n / 64 + 1)
    words[n / 64] = 1 << UInt64(n % 64)
  }

  /// Multiplies by `factor`.
  mutating func multiply(by factor: UInt64) {
    var carry: UInt64 = 0
    for index in words.indices {
      let (high, low) = words[index].multipliedFullWidth(by: factor)
      let (sum, overflow) = low.addingReportingOverflow(carry)
      words[index] = sum
      carry = high &+ (overflow ? 1 : 0)
    }
    if carry != 0 { words.append(carry) }
  }

  /// Divides by `divisor`, dropping the remainder.
  mutating func divide(by divisor: UInt64) {
    var remainder: UInt64 = 0
    for index in words.indices.reversed() {
      (words[index], remainder) = divisor.dividingFullWidth((remainder, words[index]))
    }
    while words.count > 1 && words[words.count - 1] == 0 { words.removeLast() }
  }

  /// ⌊self / 2^shift⌋ modulo 2^128.
  func bits(from shift: Int) -> UInt128 {
    func word(_ index: Int) -> UInt128 { index < words.count ? UInt128(words[index]) : 0 }
    let first = shift / 64
    let offset = UInt128(shift % 64)
    let low = (word(first) | word(first + 1) << 64) >> offset
    return offset == 0 ? low : low | word(first + 2) << (128 - offset)
  }

  static func == (left: WideNatural, right: WideNatural) -> Bool { !(left < right) && !(right < left) }

  static func < (left: WideNatural, right: WideNatural) -> Bool {
    let count = max(left.words.count, right.words.count)
    for index in (0..<count).reversed() {
      let a = index < left.words.count ? left.words[index] : 0
      let b = index < right.words.count ? right.words[index] : 0
      if a != b { return a < b }
    }
    return false
  }
}
