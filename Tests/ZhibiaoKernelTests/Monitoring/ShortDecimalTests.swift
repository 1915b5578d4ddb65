import Foundation
import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

@Suite("Monitoring: short decimals and repeated doubles written as the standard library writes them")
struct ShortDecimalTests {
  /// The doubles among `values` that `NumberText.writeJSON(_:likelyShort: true, to:)` writes
  /// otherwise than the standard library's description (without a trailing ".0"), or for which
  /// `ShortestDecimal(short:)` finds a decimal that is not Schubfach's, as bit patterns, at most ten.
  static func misses(_ values: some Sequence<Double>) -> [UInt64] {
    var misses: [UInt64] = []
    let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    defer { output.deallocate() }
    for value in values {
      let count = NumberText.writeJSON(value, likelyShort: true, to: output)
      var description = value.description
      if description.hasSuffix(".0") { description.removeLast(2) }
      let same = description.withUTF8 { $0.elementsEqual(UnsafeBufferPointer(start: output, count: count)) }
      let found = value.isFinite && value != 0 ? ShortestDecimal(short: value) : nil
      if (!same || (found != nil && found != ShortestDecimal(value))) && misses.count < 10 {
        misses.append(value.bitPattern)
      }
    }
    return misses
  }

  @Test(
    "Property: 3 million decimals of 1 to 17 digits and 0 to 22 places, and random bit patterns, are found short only when Schubfach finds the same digits"
  )
  func decimals() {
    let seed = UInt64.random(in: 0...UInt64.max)
    var words = AssessorRandom(state: seed)
    let decimals = (0..<3_000_000).lazy.map { _ in
      let digits = Int.random(in: 1...17, using: &words)
      let limit = (0..<digits).reduce(Int64(1)) { power, _ in power * 10 }
      let units = Double(Int64.random(in: 0..<limit, using: &words))
      let places = Int.random(in: 0...22, using: &words)
      let value = units / ShortestDecimal.exactPowersOfTen[places]
      return Bool.random(using: &words) ? -value : value
    }
    #expect(Self.misses(decimals).isEmpty, "seed \(seed)")
    let bits = (0..<1_000_000).lazy.map { _ in
      var bits = words.next()
      if bits & 0x7FF0_0000_0000_0000 == 0x7FF0_0000_0000_0000 { bits &= 0xBFFF_FFFF_FFFF_FFFF }
      return Double(bitPattern: bits)
    }
    #expect(Self.misses(bits).isEmpty, "seed \(seed)")
    // The report's figures: units of one or two places, and their sums and quotients.
    let figures = (0..<1_000_000).lazy.map { _ in
      let a = Double(Int.random(in: -10_000_000...10_000_000, using: &words)) / 10
      let b = Double(Int.random(in: 1...1_000_000, using: &words)) / 100
      switch Int.random(in: 0..<4, using: &words) {
      case 0: return a
      case 1: return a + b
      case 2: return a / b
      default: return a * 1.08
      }
    }
    #expect(Self.misses(figures).isEmpty, "seed \(seed)")
  }

  @Test(
    "Short decimals at the edges — 15 and 16 digits, 10^−9 to 10^15, powers of ten and their neighbours — are written as the standard library writes them"
  )
  func edges() {
    var values: [Double] = [
      1, 0.1, 0.5, 1e-9, 1.5e-9, 1e-10, 999_999_999_999_999, 99_999_999_999_999.9, 1e15, 1e15 - 1, 1e14,
      123_456_789_012_345, 1_234_567_890_123_456, 0.123456789012345, 0.1234567890123456, 9.99999999999999e-5,
      1e-4, 1e-5, 0x1p53, 0x1p52, 4_503_599_627_370_495.5, 0.3, 0.1 + 0.2, 2.0 / 3, 1e22, 1e23,
    ]
    for exponent in -12...17 {
      let power = ShortestDecimal.exactPowersOfTen[min(abs(exponent), 22)]
      let value = exponent < 0 ? 1 / power : power
      values += ShortestDecimalTests.neighbours(value)
      values += ShortestDecimalTests.neighbours(value * 9.999999999999999)
      values += ShortestDecimalTests.neighbours(value * 9.99999999999999)
    }
    #expect(Self.misses(values).isEmpty)
    #expect(Self.misses(values.map { -$0 }).isEmpty)
    #expect(ShortestDecimal(short: 494.3) == ShortestDecimal(digits: 4943, exponent: -1))
    #expect(ShortestDecimal(short: 1_072_205) == ShortestDecimal(digits: 1_072_205, exponent: 0))
    #expect(ShortestDecimal(short: 0.1 + 0.2) == nil)
    #expect(ShortestDecimal(short: 1.0019782597544313) == nil)
  }

  @Test(
    "Property: doubles written through the text kept of the last one, repeating or not, are the bytes written without it"
  )
  func repeatedDoubles() {
    let seed = UInt64.random(in: 0...UInt64.max)
    var words = AssessorRandom(state: seed)
    let choices: [Double] = [
      1, 0.75, 494.3, -2.2250738585072014e-308, 1.0019782597544313, .nan, .infinity, -.infinity, 0, -0.0, 1e300,
    ]
    var kept = RepeatedDoubleText()
    var through = ReportBytes(capacity: 1)
    var plain = ReportBytes(capacity: 1)
    for index in 0..<200_000 {
      let value =
        Bool.random(using: &words)
        ? choices[Int.random(in: 0..<choices.count, using: &words)]
        : Double(bitPattern: words.next() & 0x7FEF_FFFF_FFFF_FFFF)
      let short = index % 3 == 0
      if index % 2 == 0 {
        through.appendCSV(value, kept: &kept, likelyShort: short)
        plain.appendCSV(value)
      } else {
        through.appendJSON(value, kept: &kept, likelyShort: short)
        plain.appendJSON(value)
      }
      through.append(",")
      plain.append(",")
    }
    #expect(Array(through.bytes) == Array(plain.bytes), "seed \(seed)")
  }
}
