import Foundation
import PropertyBased
import Testing
import ZhibiaoKernel

@Suite("Monitoring: the report's numbers written without Foundation")
struct ReportNumberTests {
  /// A double as `JSONEncoder` writes it: the standard library's shortest description without a
  /// trailing ".0".
  static func reference(_ value: Double) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// Numbers next to where the description changes form or the fast path stops, and the extremes.
  static let edges: [Double] = [0.0, -0.0, 5e-324, -5e-324, 0x1p-1022, 1e15, 0x1.fffffffffffffp1023, 1e-4, 0x1p53]

  @Test("Property: a double is written as JSONEncoder writes it, its shortest description")
  func shortestDoubles() async {
    // Any finite bit pattern, short decimals (figures, shares, ratios of whole numbers), their
    // negatives, zeros, subnormals, and numbers next to 10^-4, 2^53 and 10^15.
    let bits = Gen.uint64(in: 0...0x7FEF_FFFF_FFFF_FFFF).map { Double(bitPattern: $0) }
    let figures = Gen.int(in: -2_000_000_000...2_000_000_000).map { Double($0) / 1e6 }
    let shares = Gen.int(in: -99_999...99_999).map { Double($0) / 1e4 }
    let thirds = Gen.int(in: 1...1_000_000).map { Double($0) / 3 }
    let large = Gen.int(in: -1000...1000).map { Double($0) * 1e12 + 0.5 }
    let small = Gen.double(in: -1e-3...1e-3)
    let nearLimit = Gen.double(in: 0.9e15...1.1e15)
    let nearTenThousandth = Gen.int(in: -3...3).map { 1e-4 + Double($0) * 1e-20 }
    let nearTwoToThe53 = Gen.int(in: -40...40).map { Double($0) + 0x1p53 }
    let edges = Gen.int(in: 0...(Self.edges.count - 1)).map { Self.edges[$0] }
    let values = Gen.oneOf(
      bits, figures, shares, thirds, large, small, nearLimit, nearTenThousandth, nearTwoToThe53, edges)
    await propertyCheck(count: 20_000, input: values) { value in
      #expect(NumberText.json(value) == Self.reference(value), "\(value.bitPattern)")
      #expect(NumberText.json(-value) == Self.reference(-value), "\((-value).bitPattern)")
    }
  }

  @Test("Every decimal of up to six places between 10^-4 and 10^9, as a double, is written as its own digits")
  func shortDecimals() async {
    let decimals = Gen.int(in: 1...999_999_999_999_999).map { $0 }
    await propertyCheck(count: 20_000, input: decimals, Gen.int(in: 0...6)) { units, places in
      let value = Double(units) / pow(10, Double(places))
      guard value >= 1e-4 && value < 1e9 else { return }
      #expect(NumberText.json(value) == Self.reference(value), "\(units) \(places)")
    }
  }

  @Test("Property: a difference of two figures, in 128 bits, is written as Decimal describes it")
  func wideDecimals() async {
    let parts = Gen.int(in: Int(Int64.min)...Int(Int64.max))
    await propertyCheck(count: 3_000, input: parts, Gen.int(in: 0...3), Gen.int(in: 0...18)) { part, shift, places in
      let units = Int128(part) << (shift * 20)
      var output: [UInt8] = []
      NumberText.appendDecimal(units, places: places, to: &output)
      let digits = String(units.magnitude)
      let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
      let text = (units < 0 ? "-" : "") + padded.dropLast(places) + (places > 0 ? "." + padded.suffix(places) : "")
      let expected = Decimal(string: text, locale: nil)?.description
      #expect(String(decoding: output, as: UTF8.self) == expected, "\(units) \(places)")
    }
  }

  @Test("Property: a stated figure in a reason is rounded half away from zero as DecimalArithmetic.text rounds it")
  func statedFigures() async {
    let units = Gen.oneOf(
      Gen.int(in: -2_000_000...2_000_000), Gen.int(in: -60...60),
      Gen.int(in: Int(Int64.min + 1)...Int(Int64.max)))
    await propertyCheck(count: 5_000, input: units, Gen.int(in: 0...8), Gen.int(in: 0...5)) { units, places, shown in
      var bytes = ReportBytes()
      ReasonText.fixed(StatedFigure(Int64(units), places: places), places: shown, to: &bytes)
      let expected = DecimalArithmetic.text(
        FigureGrid.decimal(Int64(units), places: places) ?? 0,
        step: Decimal(sign: .plus, exponent: -shown, significand: 1))
      #expect(String(decoding: bytes.bytes, as: UTF8.self) == expected, "\(units) \(places) \(shown)")
    }
  }

  @Test("A field is quoted for CSV and escaped for JSON as the report's own writers do it")
  func fields() {
    for text in ["plain", "a,b", #"say "hi""#, "line\nbreak", "cr\r", "", "序时进度 97%，落后", "a/b\\c\u{1}\t"] {
      var bytes = ReportBytes(capacity: 1)
      bytes.append("x,")
      bytes.appendCSV(text)
      var expected = Array("x,".utf8)
      ReportText.appendCSV(text, to: &expected)
      #expect(Array(bytes.bytes) == expected, "\(text)")
      bytes.removeAll()
      bytes.appendJSON(text)
      expected = []
      ReportText.appendJSON(text, to: &expected)
      #expect(Array(bytes.bytes) == expected, "\(text)")
    }
  }

  /// Grids whose figures are negative, zero, tiny (one unit of 10^−6), huge (10^12) or of many
  /// places, with targets as extreme, so that paces, growths and scores run to their edges.
  static var extremeCase: Generator<IncrementalCase, Shrink.None<IncrementalCase>> {
    Generator { rng in
      let slots = MonitoringGrid.axis.count
      let count = IncrementalCase.indicators.count * MonitoringGrid.orgs.count * slots
      func extreme(_ rng: inout any SeededRandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: .nan
        case 1: 0
        case 2: -Double(Int.random(in: 1...4_000_000, using: &rng)) / 1e4
        case 3: 1e-6 * Double(Int.random(in: 1...3, using: &rng))
        case 4: 1e12 + Double(Int.random(in: 0...999_999, using: &rng))
        case 5: Double(Int.random(in: -9_999_999...9_999_999, using: &rng)) / 1e6
        default: Double(Int.random(in: 1...4000, using: &rng)) / 10
        }
      }
      let dueBase = chinaTime("2022-01-01 00:00").timeIntervalSinceReferenceDate
      let values = (0..<count).map { _ in extreme(&rng) }
      let reportedAt = (0..<count).map { _ in
        Bool.random(using: &rng) ? .nan : dueBase + Double(Int.random(in: 0...(4 * 365), using: &rng)) * 86400
      }
      let targets = (0..<count).map { index in index % slots < 4 ? .nan : extreme(&rng) }
      return IncrementalCase(
        values: values, reportedAt: reportedAt, targets: targets,
        period: MonitoringGrid.axis.period(ofSlot: Int.random(in: 4..<slots, using: &rng)), changes: [])
    }
  }

  @Test(
    "Property: on grids of negative, zero, tiny and huge figures the streamed JSON and CSV equal the report's")
  func extremeGrids() async throws {
    await propertyCheck(count: 60, input: Self.extremeCase) { try ReportWriterTests.expectStreamedAsReported($0) }
  }
}
